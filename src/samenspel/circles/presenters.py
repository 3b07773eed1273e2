"""Turn domain results into what templates show, translated."""

from django.utils.translation import gettext

from samenspel.core.choices import label
from samenspel.domain import vocabulary as v
from samenspel.domain.network import NetworkReport


def rendered_signals(report: NetworkReport) -> list:
    return [signal.render(gettext) for signal in report.signals]


def domain_list(domains) -> str:
    return ", ".join(label(v.CARE_DOMAIN_LABELS, str(d)).lower() for d in domains)
