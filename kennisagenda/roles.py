"""The platform's roles (Django groups) and the permissions each one holds.

The groups themselves are created by a data migration; their permissions are
brought in line with ROLE_PERMISSIONS after every migrate, so a permission
added by a new model reaches its role without a hand-written migration.

Entries are "app_label.codename" or "app_label.*" (every permission of an app).
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

ONDERZOEKER = "onderzoeker"
BREDE_RAAD = "brede_raad"
COORDINATOR = "coordinator"
VERZAMELAAR = "verzamelaar"

ROLE_LABELS = {
    ONDERZOEKER: "Onderzoeker",
    BREDE_RAAD: "Lid Brede Raad 010",
    COORDINATOR: "Coördinator",
    VERZAMELAAR: "Verzamelaar",
}

ROLE_PERMISSIONS = {
    ONDERZOEKER: [
        "carelab.view_thema",
        "carelab.add_thema",
        "carelab.change_thema",
        "carelab.view_kennislijn",
        # verhalen: stories and fragments (erasure, verhalen.wis_verhaal, is
        # granted to individual accounts by a superuser, not to the role)
        "verhalen.view_verhaal",
        "verhalen.add_verhaal",
        "verhalen.change_verhaal",
        "verhalen.exporteer_verhaal",
        "verhalen.beoordeel_verhaal",
        "verhalen.view_fragment",
        "verhalen.add_fragment",
        "verhalen.change_fragment",
        "verhalen.delete_fragment",
        "verhalen.view_verwijderverzoek",
        # verhalen: memos (editing and removing one's OWN memo needs change_/
        # delete_memo plus authorship, checked in verhalen/services/memos.py)
        # and research attributes with their values
        "verhalen.view_memo",
        "verhalen.add_memo",
        "verhalen.change_memo",
        "verhalen.delete_memo",
        "verhalen.exporteer_memo",
        "verhalen.view_kenmerk",
        "verhalen.add_kenmerk",
        "verhalen.change_kenmerk",
        "verhalen.view_kenmerkwaarde",
        "verhalen.add_kenmerkwaarde",
        "verhalen.change_kenmerkwaarde",
        "verhalen.delete_kenmerkwaarde",
        # verhalen: coding rounds (blind double-coding, agreement, settling)
        "verhalen.view_coderingsronde",
        "verhalen.add_coderingsronde",
        # verhalen: themed collections (curating, drafts, export) and reading reflections
        "verhalen.view_collectie",
        "verhalen.add_collectie",
        "verhalen.change_collectie",
        "verhalen.delete_collectie",
        "verhalen.exporteer_collectie",
        "verhalen.view_collectieitem",
        "verhalen.add_collectieitem",
        "verhalen.change_collectieitem",
        "verhalen.delete_collectieitem",
        "verhalen.view_reflectie",
        # vertellers: the teller's contact details (never shown with the story)
        "vertellers.view_contactgegevens",
        "vertellers.add_contactgegevens",
        "vertellers.change_contactgegevens",
        "vertellers.delete_contactgegevens",
        # projecten: the project pages are public; researchers may also view the records
        "projecten.view_project",
        "projecten.view_werkteam",
        "projecten.view_publicatie",
        # adviezen: draft advice with the Brede Raad, record the gemeente's answer
        "adviezen.view_advies",
        "adviezen.add_advies",
        "adviezen.change_advies",
        "adviezen.beantwoord_advies",
    ],
    BREDE_RAAD: [
        "carelab.view_thema",
        # verhalen: read collections for the Brede Raad; write reflections.
        # Editing or removing one's OWN reflection needs add_reflectie plus
        # authorship (checked in verhalen/services/collecties.py); members hold
        # no change_/delete_ permission on anything shared.
        "verhalen.view_collectie",
        "verhalen.view_reflectie",
        "verhalen.add_reflectie",
        # the collections they may read, with the reflections (their own included)
        "verhalen.exporteer_collectie",
        # adviezen: draft advice with researchers (not record the gemeente's answer)
        "adviezen.view_advies",
        "adviezen.add_advies",
        "adviezen.change_advies",
    ],
    COORDINATOR: [
        "carelab.view_thema",
        "carelab.view_kennislijn",
        # kenniscafes: cafés, places, series and registrations (personal data)
        "kenniscafes.*",
        # projecten: coordinators keep projects, werkteams, people and publications
        "projecten.*",
        # the outbox (toolkit/admin.py): see the queue, dead letters and
        # the log, put a mail back in the queue
        "mailer.view_message",
        "mailer.change_message",
        "mailer.view_messagelog",
        # adviezen: record what the gemeente answered (no story text: the
        # visibility rule shows coordinators no quote)
        "adviezen.view_advies",
        "adviezen.beantwoord_advies",
    ],
    # Students and Brede Raad members who interview residents: they enter
    # stories that wait for a researcher's review and see only what they
    # entered (VerhaalQuerySet.ingevoerd_door). No view_verhaal: that would
    # open the whole bank; no codebook, coding or export.
    VERZAMELAAR: [
        "verhalen.verzamel_verhaal",
    ],
}


def permissions_for(role):
    """The Permission objects ROLE_PERMISSIONS grants to `role`."""
    permissions = Permission.objects.none()
    for entry in ROLE_PERMISSIONS[role]:
        app_label, codename = entry.split(".", 1)
        selection = Permission.objects.filter(content_type__app_label=app_label)
        if codename != "*":
            selection = selection.filter(codename=codename)
        permissions |= selection
    return permissions


def sync_role_permissions():
    for role in ROLE_PERMISSIONS:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(permissions_for(role))


def sync_role_permissions_handler(sender, app_config, using="default", **kwargs):
    # post_migrate fires once per app with models; do the work once, after the
    # last of those, when every app's permissions can exist. (An app without
    # models, such as dbbackup, gets no signal: it cannot be the one we wait for.)
    from django.apps import apps

    met_modellen = [c for c in apps.get_app_configs() if c.models_module is not None]
    if app_config is not met_modellen[-1]:
        return
    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    sync_role_permissions()


# The user's role names, read once per user object: so once per request, as
# every request loads its user afresh.
ROLLEN_CACHE = "_carelab_rollen"


def rollen_van(user):
    """The names of the roles (groups) `user` holds; one query per user object."""
    if not user.is_authenticated:
        return frozenset()
    rollen = getattr(user, ROLLEN_CACHE, None)
    if rollen is None:
        rollen = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, ROLLEN_CACHE, rollen)
    return rollen


def has_role(user, role):
    return role in rollen_van(user)


@receiver(m2m_changed, sender="auth.User_groups", dispatch_uid="kennisagenda.roles.vergeet")
def vergeet_rollen(sender, instance, action, reverse, **kwargs):
    """A user object whose groups change forgets its role names.

    `user.groups.add(...)` reaches the changed object itself; a change from the
    group's side (`group.user_set.add(user)`) reaches the next request, which
    loads its user afresh. (Django's own permission cache on the object is
    Django's: load the user again to see changed permissions.)
    """
    if not reverse and action.startswith("post_"):
        instance.__dict__.pop(ROLLEN_CACHE, None)
