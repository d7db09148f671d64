"""Sections of the project and werkteam pages: how many stories the viewer may
read are linked to the project or werkteam, and a link to them in the story list.

Registered in VerhalenConfig.ready() (kennisagenda/sections.py), so projecten
does not import verhalen. Nothing for anyone who may not read stories
(visitors, coordinators, Brede Raad members): they do not learn that stories
exist. The count goes through `Verhaal.objects.zichtbaar_voor`, so withdrawn
stories never count.
"""

from django.urls import reverse
from django.utils.http import urlencode

from verhalen.models import Verhaal


def _verhalen_bij(user, veld, obj):
    if not user.has_perm("verhalen.view_verhaal"):
        return None
    aantal = Verhaal.objects.zichtbaar_voor(user).filter(**{veld: obj}).count()
    # The story list filters projects and werkteams by slug (verhalen/forms/filters.py).
    url = f"{reverse('verhalen:list')}?{urlencode({veld: obj.slug})}"
    return {"aantal": aantal, "url": url, "soort": veld}


def sectie_project_verhalen(request, project):
    return _verhalen_bij(request.user, "project", project)


def sectie_werkteam_verhalen(request, werkteam):
    return _verhalen_bij(request.user, "werkteam", werkteam)
