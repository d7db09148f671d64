from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import sections
from .models import Kennislijn, Thema


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
        return JsonResponse({"status": "fout", "database": "onbereikbaar"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
