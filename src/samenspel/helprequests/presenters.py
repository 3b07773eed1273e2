"""Request facts in words, the same on every page that shows them."""

from __future__ import annotations

from django.utils.translation import gettext

from samenspel.common.choices import label
from samenspel.domain import helprequests as hr
from samenspel.domain import volunteering as vol
from samenspel.domain.matching import render_text
from samenspel.domain.tasks import TASK_CATEGORY_LABELS


def _labels(labels, values) -> list[str]:
    return [label(labels, v) for v in values or ()]


def slot_text(slot: str) -> str:
    """'2-morning' → 'woensdagochtend' (one word, translated whole)."""
    return gettext(vol.slot_label(slot))


def request_facts(help_request) -> dict:
    """Only the facts a coordinator and a volunteer need (need to know)."""
    return {
        "task": help_request.task.name,
        "category": label(TASK_CATEGORY_LABELS, help_request.task.category),
        "details": help_request.details,
        "slots": [slot_text(s) for s in help_request.slots or ()],
        "start_date": help_request.start_date,
        "duration": help_request.duration_minutes,
        "frequency": label(hr.FREQUENCY_LABELS, help_request.frequency),
        "wijk": help_request.wijk,
        "skills": _labels(vol.SKILL_LABELS, help_request.wanted_skills),
        "languages": _labels(vol.LANGUAGE_LABELS, help_request.languages),
        "preferences": _labels(hr.CLIENT_PREFERENCE_LABELS, help_request.preferences),
        "urgency": gettext(hr.URGENCY_LABELS.get(help_request.urgency, "")),
        "urgent": help_request.urgency >= 3,
    }


def volunteer_facts(profile) -> dict:
    return {
        "name": profile.person.full_name,
        "skills": _labels(vol.SKILL_LABELS, profile.skills),
        "languages": _labels(vol.LANGUAGE_LABELS, profile.languages),
        "wijk": profile.wijk,
    }


def proposal_status(proposal) -> str:
    """'Voorgesteld' with who said yes already (one side accepted)."""
    if proposal.status == hr.ProposalStatus.PROPOSED:
        waiting = hr.waiting_on(proposal.state)
        if waiting == {hr.Side.CLIENT}:
            return gettext("Vrijwilliger zegt ja, wacht op de cliënt")
        if waiting == {hr.Side.VOLUNTEER}:
            return gettext("Cliënt zegt ja, wacht op de vrijwilliger")
    return label(hr.PROPOSAL_STATUS_LABELS, proposal.status)


class Reason(str):
    """A reason as the coordinator and the client side read it; `.you` is the
    same reason spoken to the volunteer ("U kunt helpen met: …")."""

    you: str

    def __new__(cls, text, translate=gettext) -> Reason:
        reason = super().__new__(cls, render_text(text, translate))
        reason.you = render_text(text, translate, you=True)
        return reason


def reasons(texts) -> list[Reason]:
    """Reasons of the matching, or a proposal's stored ones (`Text.to_data`),
    translated now."""
    return [Reason(t) for t in texts or ()]


def batch_totals(optimal: float, greedy: float) -> dict:
    """The totals as shown (whole points), and the difference *of those shown*
    numbers, so 'Verschil' always equals what the reader can subtract."""
    optimal_total, greedy_total = round(optimal), round(greedy)
    gain = optimal_total - greedy_total
    return {
        "optimal_total": optimal_total,
        "greedy_total": greedy_total,
        "gain": gain,
        "gain_percent": round(gain / greedy_total * 100) if greedy_total else None,
    }
