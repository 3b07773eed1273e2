"""Equality reflection of one wijkteam, under team/<team_id>/reflectie/."""

from django.urls import path

from samenspel.reflection import views

app_name = "reflection_team"

urlpatterns = [
    path("", views.team_overview, name="overview"),
    path("ronde/", views.team_round_open, name="round_open"),
    path("<int:round_id>/sluiten/", views.team_round_close, name="round_close"),
    path("<int:round_id>/invullen/", views.team_answer, name="answer"),
    path("<int:round_id>/uitkomst/", views.team_results, name="results"),
]
