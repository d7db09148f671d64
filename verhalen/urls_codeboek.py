"""Codebook and coding: /codeboek/… (namespace "codeboek")."""

app_name = "codeboek"

urlpatterns = []
