"""The one permission decorator of the site's own views."""

from django.contrib.auth.decorators import login_required, permission_required


def vereist(*permissions):
    """Anonymous -> the login page; logged in without every one of `permissions` -> 403."""

    def decorator(view):
        return login_required(permission_required(permissions, raise_exception=True)(view))

    return decorator
