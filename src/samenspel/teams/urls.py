from django.urls import path

from samenspel.teams import views

app_name = "teams"

urlpatterns = [
    path("<int:team_id>/thermometer/", views.thermometer, name="thermometer"),
    path("<int:team_id>/thermometer/ronde/", views.round_open, name="round_open"),
    path(
        "<int:team_id>/thermometer/<int:round_id>/sluiten/",
        views.round_close,
        name="round_close",
    ),
    path("<int:team_id>/thermometer/<int:round_id>/invullen/", views.answer, name="answer"),
]
