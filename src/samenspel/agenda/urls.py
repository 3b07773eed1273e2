from django.urls import path

from samenspel.agenda import views

app_name = "agenda"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("koppelen/", views.feed_settings, name="feed_settings"),
    path("ruil/<int:swap_id>/", views.swap_answer, name="swap_answer"),
    path("<int:occurrence_id>/", views.occurrence_detail, name="occurrence"),
    path("<int:occurrence_id>/nemen/", views.claim, name="claim"),
    path("<int:occurrence_id>/afzeggen/", views.release, name="release"),
    path("<int:occurrence_id>/ruilen/", views.swap, name="swap"),
    path("<int:occurrence_id>/gaat-niet-door/", views.cancel, name="cancel"),
]
