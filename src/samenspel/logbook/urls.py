from django.urls import path

from samenspel.logbook import views

app_name = "logbook"

urlpatterns = [
    path("", views.entry_list, name="list"),
    path("<int:entry_id>/gezien/", views.acknowledge, name="acknowledge"),
]
