"""Writes to agreements and change events. Rules first, then one transaction."""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.agreements import selectors
from samenspel.agreements.events import AgreementChanged
from samenspel.agreements.models import Agreement, AgreementDecision, ChangeEvent
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.circles.models import Circle
from samenspel.common import events
from samenspel.common.errors import (
    ApplicationError,
    EditConflict,  # noqa: F401 (raised here, caught by views)
)
from samenspel.domain import thresholds as t
from samenspel.domain.agreements import agreement_findings
from samenspel.domain.tasks import Finding

Action = AuditEvent.Action

AGREEMENT_FIELDS = (
    "task",
    "details",
    "performer",
    "backup",
    "responsible",
    "authority",
    "final_responsible",
    "frequency",
    "weekdays",
    "start_date",
    "start_time",
    "duration_minutes",
    "end_date",
    "review_date",
)


class Blocked(ApplicationError):
    """A task-boundary rule forbids this; `findings` say why and what to do instead."""

    def __init__(self, findings: list[Finding]):
        super().__init__("blocked", detail=findings)
        self.findings = findings


def check(circle: Circle, values: dict, agreement: Agreement | None = None) -> list[Finding]:
    """All blocks and warnings for these form values, against the circle's agreements."""
    key = str(agreement.pk) if agreement else "new"
    facts = selectors.facts_from_values(key, values)
    return agreement_findings(facts, rule_context(circle))


def rule_context(circle: Circle) -> list:
    """Facts of the agreements a new or changed one is checked against."""
    agreements = selectors.current_agreements(circle)
    agreements += selectors.recently_ended(circle, timezone.localdate())
    return [selectors.agreement_facts(a) for a in agreements]


def _changed_fields(agreement: Agreement, values: dict) -> list[str]:
    return [f for f in AGREEMENT_FIELDS if f in values and getattr(agreement, f) != values[f]]


@transaction.atomic
def save_agreement(
    circle: Circle,
    values: dict,
    *,
    by,
    participants=(),
    note: str = "",
    agreement: Agreement | None = None,
    expected_version: int | None = None,
) -> tuple[Agreement, list[Finding]]:
    """Create or change an agreement; log the decision; plan its occurrences.

    Raises `Blocked` when a boundary rule forbids it and `EditConflict` when
    the agreement changed since `expected_version`. Returns the warnings.
    """
    findings = check(circle, values, agreement)
    blocks = [f for f in findings if f.is_block]
    if blocks:
        raise Blocked(blocks)
    values = {k: values[k] for k in AGREEMENT_FIELDS if k in values}
    if agreement is None:
        agreement = Agreement.objects.create(circle=circle, made_by=by, **values)
        changes = ["created"]
    else:
        changes = _changed_fields(agreement, values)
        updates = dict(values)
        if agreement.status == Agreement.Status.TO_REVIEW:
            updates["status"] = Agreement.Status.ACTIVE  # discussed and renewed
            changes.append("reviewed")
        updated = Agreement.objects.filter(pk=agreement.pk, version=expected_version).update(
            version=F("version") + 1, updated_at=timezone.now(), **updates
        )
        if not updated:
            raise EditConflict
        agreement.refresh_from_db()
    _log_decision(agreement, by, participants, changes, note)
    action = Action.CREATE if changes[:1] == ["created"] else Action.UPDATE
    _audit(action, agreement, agreement.task.name)
    # The agenda plans the moments and reports those it had to open again.
    agreement.reopened = sum(n or 0 for n in events.publish(AgreementChanged(agreement)))
    return agreement, findings


def _audit(action: str, agreement: Agreement, summary: str) -> None:
    circle = agreement.circle_id
    log(action, object_type="agreement", object_id=agreement.pk, summary=summary, circle=circle)


def _log_decision(agreement, by, participants, changes, note) -> AgreementDecision:
    decision = AgreementDecision.objects.create(
        agreement=agreement,
        decided_by=by,
        decided_by_name=by.full_name if by else "",
        changes=changes,
        note=note,
    )
    if participants:
        decision.participants.set(participants)
    return decision


class AlreadyEnded(ApplicationError):
    """The agreement was stopped before (a double click, or someone else)."""

    default_message = _("Deze afspraak was al gestopt.")


@transaction.atomic
def end_agreement(agreement: Agreement, *, by, expected_version: int, note: str = "") -> None:
    """Stop an agreement today. The end date is kept, so the rules still see
    that e.g. professional care stopped (and nobody should silently take over)."""
    if agreement.status == Agreement.Status.ENDED:
        raise AlreadyEnded
    today = timezone.localdate()
    end_date = min(agreement.end_date or today, today)
    end_date = max(end_date, agreement.start_date)
    updated = Agreement.objects.filter(pk=agreement.pk, version=expected_version).update(
        status=Agreement.Status.ENDED,
        end_date=end_date,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if not updated:
        raise EditConflict
    agreement.refresh_from_db()
    _log_decision(agreement, by, (), ["ended"], note)
    _audit(Action.UPDATE, agreement, "ended")
    events.publish(AgreementChanged(agreement, ended=True))


@transaction.atomic
def record_change(circle: Circle, values: dict, *, by) -> ChangeEvent:
    """A change in the client's life: affected agreements become 'te herzien' and
    get the proposed afstemmingsmoment as their review date (seed 004)."""
    meeting_on = values.get("meeting_on") or (
        timezone.localdate() + timedelta(days=t.CHANGE_MEETING_DAYS)
    )
    event = ChangeEvent.objects.create(
        circle=circle,
        kind=values["kind"],
        description=values.get("description", ""),
        occurred_on=values["occurred_on"],
        meeting_on=meeting_on,
        recorded_by=by,
    )
    affected = [a for a in values.get("agreements", ()) if a.circle_id == circle.pk]
    event.agreements.set(affected)
    Agreement.objects.filter(pk__in=[a.pk for a in affected]).exclude(
        status=Agreement.Status.ENDED
    ).update(
        status=Agreement.Status.TO_REVIEW,
        review_date=meeting_on,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    log(Action.CREATE, object_type="change", object_id=event.pk, summary=event.kind, circle=circle)
    return event


def handle_change(event: ChangeEvent) -> bool:
    """The afstemmingsmoment took place: the change is discussed. False if it already was."""
    handled = ChangeEvent.objects.filter(pk=event.pk, status=ChangeEvent.Status.OPEN).update(
        status=ChangeEvent.Status.HANDLED, handled_at=timezone.now()
    )
    if handled:
        circle = event.circle_id
        log(
            Action.UPDATE,
            object_type="change",
            object_id=event.pk,
            summary="handled",
            circle=circle,
        )
    return bool(handled)


@transaction.atomic
def release_roles(member) -> int:
    """Someone left the agenda: they no longer hold roles in running agreements.

    Those agreements are to be discussed again (the agenda opens the moments that
    were planned for that person on the same event).
    """
    running = Agreement.objects.filter(circle_id=member.circle_id).exclude(
        status=Agreement.Status.ENDED
    )
    touched = set()
    for field in selectors.ROLE_FIELDS:
        rows = running.filter(**{field: member})
        touched |= set(rows.values_list("pk", flat=True))
        rows.update(**{field: None})
    Agreement.objects.filter(pk__in=touched).update(
        status=Agreement.Status.TO_REVIEW,
        review_date=timezone.localdate(),
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    return len(touched)
