"""Two-factor authentication (tweestapsverificatie) with django-otp.

After the password, people who need a second step prove they hold their
phone: a six-digit code from an authenticator app (a TOTP device) or one of
ten backup codes (a static device). Researchers and superusers must use it;
everybody else may switch it on, and once on it is asked at every login.

services.py holds the rules, middleware.py sends an unverified user to the
second step, views.py has the pages under /accounts/tweestaps/.
"""
