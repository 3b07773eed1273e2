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
    path("<int:team_id>/sessie/nieuw/", views.session_new, name="session_new"),
    path("<int:team_id>/werkplan/", views.werkplan, name="werkplan"),
    path(
        "<int:team_id>/werkplan/<int:action_id>/status/",
        views.action_status,
        name="action_status",
    ),
]
