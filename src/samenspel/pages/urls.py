from django.urls import path

from samenspel.pages import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
]
