from django.urls import path

from samenspel.mantelscan import views

app_name = "mantelscan"

urlpatterns = [
    path("", views.scan_list, name="list"),
    path("nieuw/", views.scan_start, name="start"),
    path("vergelijken/", views.scan_compare, name="compare"),
    path("<int:scan_id>/", views.scan_detail, name="detail"),
    path("<int:scan_id>/stap/<int:step>/", views.scan_step, name="step"),
]
