#!/usr/bin/env python
import os
import sys

CONFIGURATION = ("DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DATABASE_URL")


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carelab.settings")
    # A bare checkout (no configuration at all) is a developer's machine:
    # commands like makemigrations then run in development mode on the local
    # SQLite file. Any production setting turns this off, so a production
    # shell without DJANGO_SECRET_KEY still refuses to start.
    if not any(name in os.environ for name in CONFIGURATION):
        os.environ["DJANGO_DEBUG"] = "1"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
