from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from toolkit import cache

from . import sections
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


@login_required
def voor_jou(request):
    """The start page after login (LOGIN_REDIRECT_URL): what is there for this
    user's roles. Every app adds its part as a "voor_jou" section
    (kennisagenda/sections.py)."""
    return render(
        request,
        "carelab/voor_jou.html",
        {"sections": sections.render_context("voor_jou", request)},
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
