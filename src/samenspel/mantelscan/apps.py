from django.apps import AppConfig


class MantelscanConfig(AppConfig):
    name = "samenspel.mantelscan"
