from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BurdenConfig(AppConfig):
    name = "samenspel.burden"
    verbose_name = _("Draagkracht en draaglast")
