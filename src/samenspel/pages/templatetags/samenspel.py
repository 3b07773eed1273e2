"""Filters that turn stored codes into translated, plain-Dutch labels."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samenspel.agreements.models import Agreement
from samenspel.circles.presenters import stored_signal_title as _stored_signal_title
from samenspel.common.choices import label
from samenspel.domain import vocabulary as v
from samenspel.organisations.models import Employment

register = template.Library()


@register.filter
def kind_label(value):
    return label(v.MEMBER_KIND_LABELS, value)


@register.filter
def relation_label(value):
    return label(v.RELATION_LABELS, value) if value else ""


@register.filter
def domain_labels(values):
    return [label(v.CARE_DOMAIN_LABELS, d) for d in values or ()]


@register.filter
def contact_label(value):
    return label(v.CONTACT_FREQUENCY_LABELS, value) if value else ""


@register.filter
def access_label(value):
    return label(v.ACCESS_LEVEL_LABELS, value)


@register.filter
def severity_label(value):
    return label(v.SEVERITY_LABELS, value)


@register.filter
def discipline_label(value):
    return dict(Employment.Discipline.choices).get(value, value) if value else ""


@register.filter
def sofa_rows(roles):
    """Each SOFA role with the stance it asks of the professional (seed 003)."""
    rows = []
    for role in roles or ():
        if role not in v.SofaRole._value2member_map_:
            continue
        stance = v.SOFA_STANCE[v.SofaRole(role)]
        rows.append(
            {
                "role": gettext(v.SOFA_ROLE_LABELS[v.SofaRole(role)]),
                "stance": gettext(v.STANCE_LABELS[stance]),
                "hint": gettext(v.STANCE_HINTS[stance]),
            }
        )
    return rows


@register.filter
def hours(value):
    """Hours with at most one decimal in the reader's format: 12, or 2,5 / 2.5."""
    number = round(float(value or 0), 1)
    return number_format(number, decimal_pos=0 if number.is_integer() else 1)


@register.filter
def hours_count(value):
    """Integer for plural forms: gettext needs one, and "1,5 hours" is plural."""
    return 1 if round(float(value or 0), 1) == 1 else 0


@register.filter
def sofa_summary(roles):
    """SOFA roles with their stance in one line, or a dash."""
    rows = sofa_rows(roles)
    return ", ".join(f"{r['role']} ({r['stance']})" for r in rows) or "–"


@register.filter
def signal_title(signal):
    return signal.render(gettext).title


ROLE_LABELS = {
    "client": _("Cliënt"),
    "legal_representative": _("Wettelijk vertegenwoordiger"),
    "carer": _("Mantelzorger"),
    "volunteer": _("Vrijwilliger"),
    "coordinator": _("Vrijwilligerscoördinator"),
    "professional": _("Professional in het netwerk"),
    "team_professional": _("Professional van het wijkteam"),
    "feed": _("Agenda-koppeling (telefoon)"),
}

OBJECT_LABELS = {
    "circle": _("het netwerk"),
    "member": _("gegevens van een persoon"),
    "access": _("wie wat mag zien"),
    "invitations": _("de uitnodigingen"),
    "invitation": _("een uitnodiging"),
    "caseload": _("de cliëntenlijst"),
    "audit": _("wie de gegevens bekeek"),
    "mantelscan": _("een MantelScan"),
    "mantelscan_list": _("de lijst van MantelScans"),
    "mantelscan_compare": _("een vergelijking van MantelScans"),
    "agreements": _("de afspraken"),
    "agreement": _("een afspraak"),
    "workplan": _("het werkplan"),
    "changes": _("de veranderingen"),
    "change": _("een verandering"),
    "logbook": _("het logboek"),
    "log_entry": _("een bericht in het logboek"),
    "agenda": _("de agenda"),
    "occurrence": _("een taak in de agenda"),
    "calendar_feed": _("de agenda-koppeling"),
    "help_request": _("een hulpvraag"),
    "help_request_list": _("de lijst van hulpvragen"),
    "proposal": _("een voorstel voor een vrijwilliger"),
}


@register.filter
def role_label(value):
    return ROLE_LABELS.get(value, value)


@register.filter
def object_label(value):
    return OBJECT_LABELS.get(value, value)


@register.filter
def stored_signal_title(stored):
    return _stored_signal_title(stored)


@register.filter
def translate_text(value):
    """Translate a Dutch template from the domain layer (marked with gettext_noop)."""
    return gettext(value) if value else ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def field_label(name):
    """The label of an agreement field, for the decision log ('Wie doet het?' changed)."""
    try:
        return Agreement._meta.get_field(name).verbose_name
    except Exception:  # noqa: BLE001 - unknown names are shown as stored
        return name
