from django.urls import path

from samenspel.mantelscan import views

app_name = "mantelscan"

urlpatterns = [
    path("", views.scan_list, name="list"),
]
