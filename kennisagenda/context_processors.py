from django.conf import settings

from . import navigation


def site(request):
    return {
        "nav_items": navigation.items_for(request),
        "demo_mode": settings.DEMO_MODE,
    }
