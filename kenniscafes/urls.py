from django.urls import path

from . import feeds, views

app_name = "kenniscafes"

urlpatterns = [
    path("kenniscafes/", views.AgendaView.as_view(), name="agenda"),
    path("kenniscafes/archief/", views.ArchiefView.as_view(), name="archief"),
    path("kenniscafes/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("kenniscafes/feed/", feeds.KenniscafeFeed(), name="feed"),
    path("kenniscafes/feed/atom/", feeds.KenniscafeAtomFeed(), name="feed_atom"),
    path("kenniscafes/thema/<slug:slug>/agenda.ics", views.thema_ics, name="thema_ics"),
    path("kenniscafes/werkteam/<slug:slug>/agenda.ics", views.werkteam_ics, name="werkteam_ics"),
    path("kenniscafes/reeks/<slug:slug>/", views.reeks, name="reeks"),
    path("kenniscafes/afmelden/<str:token>/", views.afmelden, name="afmelden"),
    path("kenniscafes/feedback/<str:token>/", views.feedback, name="feedback"),
    path("kenniscafes/<slug:slug>/", views.detail, name="detail"),
    path("kenniscafes/<slug:slug>/aanmelden/", views.aanmelden, name="aanmelden"),
    path("kenniscafes/<slug:slug>/agenda.ics", views.kenniscafe_ics, name="ics"),
    path("kenniscafes/<slug:slug>/aanwezigheid/", views.aanwezigheid, name="aanwezigheid"),
    path("kenniscafes/<slug:slug>/rapport/", views.rapport, name="rapport"),
]
