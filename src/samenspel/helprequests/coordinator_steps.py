"""The steps a coordinator takes in a match after both sides said yes.

Each step reads its own form and calls one service. It returns the form and the
message for the coordinator, or None as the message when the form has errors (the
page is shown again with them). The view records the step in the audit log; a step
that changes circle membership records that too.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.domain import helprequests as hr
from samenspel.helprequests import forms, services
from samenspel.volunteers.policy import COORDINATOR_ROLE

Action = AuditEvent.Action


def _version(data) -> int:
    return data["version"] or 0


def _member_change(request, proposal, action, member_id, summary) -> None:
    circle = proposal.help_request.circle
    record(
        request,
        action,
        object_type="member",
        object_id=member_id,
        summary=summary,
        circle=circle,
        role=COORDINATOR_ROLE,
    )


def plan_introduction(request, proposal, professionals):
    form = forms.IntroductionForm(request.POST, professionals=professionals, prefix="intro")
    if not form.is_valid():
        return form, None
    d = form.cleaned_data
    at = timezone.make_aware(dt.datetime.combine(d["date"], d["time"]))
    by = getattr(request.user, "person", None)
    services.plan_introduction(
        proposal, at=at, with_person=d["professional"], by=by, expected_version=_version(d)
    )
    return form, _("De kennismaking is gepland.")


def start(request, proposal, professionals):
    form = forms.VersionForm(request.POST, prefix="start")
    if not form.is_valid():
        return form, None
    by = getattr(request.user, "person", None)
    started = services.start(proposal, by=by, expected_version=_version(form.cleaned_data))
    if started.member_created:
        summary = f"volunteer via proposal={proposal.pk} access=agenda"
        _member_change(request, proposal, Action.CREATE, started.member_id, summary)
    return form, _(
        "%(name)s is gestart en staat nu in het netwerk, met toegang tot de agenda "
        "en de eigen taken."
    ) % {"name": proposal.volunteer.person.full_name}


def evaluate(request, proposal, professionals):
    form = forms.EvaluationForm(request.POST, prefix="eval")
    if not form.is_valid():
        return form, None
    d = form.cleaned_data
    by = getattr(request.user, "person", None)
    services.evaluate(proposal, on=d["date"], note=d["note"], by=by, expected_version=_version(d))
    return form, _("De evaluatie is opgeslagen.")


def end(request, proposal, professionals):
    form = forms.EndForm(request.POST, prefix="end")
    if not form.is_valid():
        return form, None
    d = form.cleaned_data
    by = getattr(request.user, "person", None)
    # A membership the match made ends with it; circles records that revocation.
    services.end(proposal, note=d["note"], by=by, expected_version=_version(d))
    return form, _("De hulp is gestopt.")


def decline(request, proposal, professionals):
    form = forms.DeclineForm(request.POST, prefix="decline")
    if not form.is_valid():
        return form, None
    d = form.cleaned_data
    by = getattr(request.user, "person", None)
    services.decline(
        proposal, hr.Side.COORDINATOR, d["reason"], by=by, expected_version=_version(d)
    )
    return form, _("Het voorstel gaat niet door. De hulpvraag staat weer open.")


STEPS = {
    hr.Step.PLAN_INTRODUCTION: plan_introduction,
    hr.Step.START: start,
    hr.Step.EVALUATE: evaluate,
    hr.Step.END: end,
    hr.Step.DECLINE: decline,
}
