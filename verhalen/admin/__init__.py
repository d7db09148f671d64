"""The admin of stories and fragments, collections and reflections, the access log."""

from verhalen.admin import collecties, inzage, verhalen  # noqa: F401  (each registers its admins)
