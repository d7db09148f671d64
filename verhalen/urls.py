"""Stories: /verhalen/… (namespace "verhalen")."""

app_name = "verhalen"

urlpatterns = []
