"""Sections that other apps contribute to shared pages.

The home page, the theme hub and the project and werkteam pages show content
from every app (stories,
collections, projects, kenniscafés) without the core app importing them:
each app registers a section in its AppConfig.ready().

    sections.register("thema", "projecten/includes/_thema_projecten.html",
                      projecten_voor_thema, order=30)

The context function receives (request, obj) and returns a dict; a section
whose function returns None is left out for that request.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    template: str
    get_context: Callable[..., dict[str, Any] | None]
    order: int = 100


# "verhaal": the researchers' story page (obj: the story); "verteller": the
# teller's own page (obj: their story; shows only titles and quoted passages).
# "wachtrij_beoordeling": the review page of a story in the queue (obj: the
# story), e.g. the teller's contact details, for the researcher handling it.
# "voor_jou" is the start page after login (kennisagenda/views.py voor_jou): each
# app adds what is there for the user's role, or None.
# "project_kop" and "werkteam_kop" are shown under the page's heading, the others below.
_registry: dict[str, list[Section]] = {
    "home": [],
    "thema": [],
    "project": [],
    "werkteam": [],
    "verhaal": [],
    "verteller": [],
    "wachtrij_beoordeling": [],
    "project_kop": [],
    "werkteam_kop": [],
    "voor_jou": [],
}


def register(page, template, get_context, *, order=100):
    sections = _registry[page]
    if any(section.template == template for section in sections):
        return
    sections.append(Section(template, get_context, order))
    sections.sort(key=lambda section: section.order)


def render_context(page, request, obj=None):
    """[(template, context), …] for the sections of `page` that have something to show."""
    rendered = []
    for section in _registry[page]:
        context = section.get_context(request, obj)
        if context is not None:
            rendered.append({"template": section.template, "context": context})
    return rendered
