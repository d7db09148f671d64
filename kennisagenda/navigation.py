"""The main navigation, filtered by what the current user may use.

Each item: (label, url name, required permission or None for everyone).
Apps add their own items here when their pages exist, in this order:
Home, Thema's, Verhalen, Mijn verhalen (collectors), Codeboek, Memo's, Collecties,
Projecten, Werkteams, Kenniscafés.
"""

from django.urls import reverse

NAV_ITEMS = [
    ("Home", "home", None),
    ("Thema's", "themas:list", None),
    ("Verhalen", "verhalen:list", "verhalen.view_verhaal"),
    ("Mijn verhalen", "verhalen:verzamelen", "verhalen.verzamel_verhaal"),
    ("Codeboek", "codeboek:index", "verhalen.view_fragment"),
    ("Memo's", "memos:list", "verhalen.view_memo"),
    ("Collecties", "collecties:list", None),
    ("Projecten", "projecten:list", None),
    ("Werkteams", "projecten:werkteam_list", None),
    ("Kenniscafés", "kenniscafes:agenda", None),
]


def items_for(request):
    user = request.user
    current = request.path
    items = []
    for label, url_name, permission in NAV_ITEMS:
        if permission and not user.has_perm(permission):
            continue
        url = reverse(url_name)
        is_current = current == url if url == "/" else current.startswith(url)
        items.append({"label": label, "url": url, "current": is_current})
    return items
