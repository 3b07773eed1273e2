from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "samenspel.demo"
    label = "samenspel_demo"
