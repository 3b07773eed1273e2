from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class BurdenConfig(AppConfig):
    name = "samenspel.burden"
    verbose_name = _("Draagkracht en draaglast")

    def ready(self):
        checks.register(check_instruments)


def check_instruments(app_configs=None, **kwargs):
    """`manage.py check` (and every start) fails on a broken instrument file,
    instead of a page failing later when a professional opens it.

    Imported here: the catalogue reads settings, which Django fills before checks run."""
    from samenspel.burden import catalogue
    from samenspel.domain.instruments import InstrumentError

    try:
        catalogue.all_instruments()
    except InstrumentError as error:
        return [checks.Error(str(error), id="samenspel.E001")]
    return []
