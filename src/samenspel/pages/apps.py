from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "samenspel.pages"
