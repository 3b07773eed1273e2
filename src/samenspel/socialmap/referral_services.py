"""Writes for referrals. Every change leaves a ReferralUpdate, so the history
shows who moved the referral on and why; the domain decides which moves exist."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.common.errors import ApplicationError
from samenspel.domain import socialmap as sm
from samenspel.socialmap.models import Referral, ReferralUpdate

Action = AuditEvent.Action


class ReferralError(ApplicationError):
    """A change that cannot be made; `code` says why (the view words it)."""


CLOSED = "closed"  # the referral is finished: it stays as it is
NOT_ALLOWED = "not_allowed"  # this status cannot follow the current one
CONFLICT = "conflict"  # someone else changed it since the form was opened
EMPTY = "empty"  # neither a new status nor a note


def _by_name(person) -> str:
    return person.full_name[:170] if person is not None else ""


def _log(action, referral: Referral, summary: str) -> None:
    circle = referral.circle_id
    log(action, object_type="referral", object_id=referral.pk, summary=summary, circle=circle)


@transaction.atomic
def create_referral(circle, *, member, offer, reason: str, by) -> Referral:
    """A new referral starts as 'voorgesteld', with the reason as its first note."""
    if member.circle_id != circle.pk:
        raise ValueError("member of another circle")
    referral = Referral.objects.create(
        circle=circle, member=member, offer=offer, reason=reason.strip(), created_by=by
    )
    ReferralUpdate.objects.create(
        referral=referral,
        status=referral.status,
        note="",
        by=by,
        by_name=_by_name(by),
    )
    summary = f"offer={referral.offer_id} member={referral.member_id}"
    log(
        Action.CREATE, object_type="referral", object_id=referral.pk, summary=summary, circle=circle
    )
    return referral


@transaction.atomic
def update_referral(
    referral: Referral,
    *,
    status: str | None,
    note: str = "",
    outcome: str = "",
    by,
    expected_version: int,
) -> Referral:
    """Move a referral on (or only add a note) and write its history.

    Raises `ReferralError`: CLOSED for a finished referral, NOT_ALLOWED when
    the domain forbids the step, CONFLICT when the referral changed since
    `expected_version`, EMPTY when there is nothing to save.
    """
    current = sm.ReferralStatus(referral.status)
    if current in sm.CLOSED_STATUSES:
        raise ReferralError(CLOSED)
    note, outcome = note.strip(), outcome.strip()
    if status:
        try:
            target = sm.ReferralStatus(status)
        except ValueError:
            raise ReferralError(NOT_ALLOWED) from None
        if not sm.can_move(current, target):
            raise ReferralError(NOT_ALLOWED)
    elif not (note or outcome):
        raise ReferralError(EMPTY)
    now = timezone.now()
    changes = {"version": F("version") + 1}
    if status:
        changes.update(status=status, status_changed_at=now)
    if outcome:
        changes["outcome"] = outcome
    # The status check above and this write see the same row: the version
    # guard makes a concurrent change lose, never overwrite.
    updated = Referral.objects.filter(
        pk=referral.pk, version=expected_version, status=current.value
    ).update(**changes)
    if not updated:
        raise ReferralError(CONFLICT)
    ReferralUpdate.objects.create(
        referral=referral,
        status=status or current.value,
        note=note if not outcome else "\n\n".join(p for p in (note, outcome) if p),
        by=by,
        by_name=_by_name(by),
    )
    referral.refresh_from_db()
    summary = f"status={status or current.value}"
    circle = referral.circle_id
    log(
        Action.UPDATE, object_type="referral", object_id=referral.pk, summary=summary, circle=circle
    )
    return referral
