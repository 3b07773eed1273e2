from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "samenspel.circles"
