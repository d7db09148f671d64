"""Themed collections and reflections: /collecties/… (namespace "collecties")."""

app_name = "collecties"

urlpatterns = []
