"""The volunteer's own page, mounted at ``mijn-vrijwilligerswerk/``."""

from django.urls import path

from samenspel.volunteers import my_views

app_name = "my_volunteering"

urlpatterns = [
    path("", my_views.home, name="home"),
]
