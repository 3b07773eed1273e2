"""The private calendar feed lives outside /kring/: a phone fetches it without logging in."""

from django.urls import re_path

from samenspel.agenda import views

app_name = "agenda_feed"

urlpatterns = [
    re_path(r"^feed/(?P<token>[A-Za-z0-9_-]{1,100})\.ics$", views.feed, name="feed"),
]
