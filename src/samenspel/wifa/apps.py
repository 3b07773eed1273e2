from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WifaConfig(AppConfig):
    name = "samenspel.wifa"
    verbose_name = _("WIFA: vrijwilligers volgen")
