"""Equality reflection of one circle, under kring/<circle_id>/reflectie/."""

from django.urls import path

from samenspel.reflection import views

app_name = "reflection"

urlpatterns = [
    path("", views.circle_overview, name="overview"),
    path("ronde/", views.circle_round_open, name="round_open"),
    path("<int:round_id>/sluiten/", views.circle_round_close, name="round_close"),
    path("<int:round_id>/invullen/", views.circle_answer, name="answer"),
    path("<int:round_id>/uitkomst/", views.circle_results, name="results"),
]
