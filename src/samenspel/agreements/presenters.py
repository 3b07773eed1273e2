"""Turn agreements and domain findings into translated text for pages."""

from collections import defaultdict

from django.utils.formats import date_format
from django.utils.translation import gettext

from samenspel.agreements.models import Agreement
from samenspel.domain.recurrence import describe
from samenspel.domain.tasks import Finding


def join_words(words: list[str]) -> str:
    """'maandag', 'maandag en donderdag', 'maandag, woensdag en vrijdag'."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " " + gettext("en") + " " + words[-1]


def schedule_text(agreement: Agreement) -> str:
    template, values = describe(agreement.schedule())
    values = dict(values)
    if "days" in values:
        values["days"] = join_words([gettext(day) for day in values["days"]])
    if "date" in values:
        values["date"] = date_format(values["date"], "j F Y")
    text = gettext(template).format(**values)
    if agreement.end_date and agreement.frequency != "once":
        text += ", " + gettext("tot en met %(date)s") % {
            "date": date_format(agreement.end_date, "j F Y")
        }
    return text


def rendered(findings: list[Finding]) -> list:
    return [f.render(gettext) for f in findings]


def findings_by_agreement(agreements: list[Agreement], findings: list[Finding]) -> dict:
    """{agreement pk: [rendered finding]}; an overloaded carer's warning goes to
    each agreement that carer performs."""
    by_key: dict[str, list] = defaultdict(list)
    performer_of = defaultdict(list)
    for a in agreements:
        if a.performer_id:
            performer_of[str(a.performer_id)].append(str(a.pk))
    for finding in findings:
        if finding.code == "carer_overload":
            for key in performer_of.get(finding.subject_key or "", ()):
                by_key[key].append(finding)
        else:
            by_key[finding.subject_key or ""].append(finding)
    return {a.pk: rendered(by_key.get(str(a.pk), [])) for a in agreements}
