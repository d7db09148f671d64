"""The public submission form: /vertel-je-verhaal/ (namespace "inzenden")."""

from django.urls import path

from vertellers.views import inzenden

app_name = "inzenden"

urlpatterns = [
    path("vertel-je-verhaal/", inzenden.inzenden, name="formulier"),
    path("vertel-je-verhaal/bedankt/", inzenden.bedankt, name="bedankt"),
]
