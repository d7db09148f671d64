from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from . import cache, sections
from .middleware import RETRY_AFTER
from .models import Kennislijn, Thema


# Public and the most visited page: anonymous visitors get it from the shared
# cache; the sections' apps make it stale when what they show changes.
@cache.publieke_pagina(afhankelijk_van=["themas", "kenniscafes", "collecties"])
def home(request):
    themas = Thema.objects.hoofdthemas().kennisagenda()
    return render(
        request,
        "carelab/home.html",
        {"themas": themas, "sections": sections.render_context("home", request)},
    )


def thema_list(request):
    themas = Thema.objects.hoofdthemas().prefetch_related("subcodes")
    return render(
        request,
        "carelab/thema_list.html",
        {"themas": themas, "kennislijnen": Kennislijn.objects.all()},
    )


def thema_detail(request, slug):
    thema = get_object_or_404(Thema.objects.select_related("parent"), slug=slug)
    return render(
        request,
        "carelab/thema_detail.html",
        {
            "thema": thema,
            "subcodes": thema.subcodes.all(),
            "sections": sections.render_context("thema", request, thema),
        },
    )


@require_safe
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = JsonResponse({"status": "fout", "database": "onbereikbaar"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
@cache_control(public=True, max_age=24 * 60 * 60)
def favicon(request):
    """/favicon.ico, which browsers ask for on pages without an icon link (the admin).

    A temporary redirect: the static file's name changes with its content."""
    return redirect(static("img/favicon.ico"))
