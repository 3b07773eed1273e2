from django.urls import path

app_name = "mantelscan"

urlpatterns: list = []
