from django.urls import path

from samenspel.profiles import views

app_name = "profiles"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("invullen/", views.take, name="take"),
    path("delen/", views.share, name="share"),
]
