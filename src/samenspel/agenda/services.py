"""Writes to the agenda: planning occurrences, claiming, releasing, swapping, feeds.

Claims use one conditional UPDATE (`... WHERE assignee IS NULL`): under
concurrent claims the database lets exactly one of them change the row.
"""

import hashlib
import secrets
from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.agenda.models import CalendarFeed, Occurrence, SwapRequest
from samenspel.agreements.models import Agreement
from samenspel.agreements.selectors import performer_facts, task_facts
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.circles.models import Circle, Member
from samenspel.common.errors import ApplicationError
from samenspel.domain import thresholds as t
from samenspel.domain.recurrence import AMSTERDAM, localize, occurrences
from samenspel.domain.tasks import Finding, check_boundary
from samenspel.domain.vocabulary import MemberKind


class AgendaError(ApplicationError):
    """The change could not be made. `code` says why: "blocked" (a task-boundary
    rule forbids it; `finding` explains), "taken", "not_yours", "past",
    "bad_target", "already_asked", "not_member" or "cancelled"."""

    messages = {
        "taken": _("Iemand anders heeft deze taak net op zich genomen."),
        "not_yours": _("Dit kan niet meer: deze taak of vraag is niet (meer) van u."),
        "past": _("Deze taak is al voorbij. Daar kunt u niets meer aan veranderen."),
        "bad_target": _("Deze persoon kunt u niet vragen. Kies iemand anders."),
        "already_asked": _("U heeft deze persoon dit al gevraagd. Wacht op het antwoord."),
        "not_member": _("Alleen mensen uit het netwerk kunnen taken doen."),
        "cancelled": _("Deze taak gaat niet door."),
    }

    def __init__(self, code: str, finding: Finding | None = None):
        super().__init__(code, detail=finding)
        self.finding = finding


def _horizon(today) -> datetime:
    return localize(datetime.combine(today + timedelta(days=t.CALENDAR_HORIZON_DAYS), time()))


@transaction.atomic
def sync_occurrences(agreement: Agreement, *, now: datetime | None = None) -> None:
    """Make the future occurrences match the agreement (past ones stay as they were).

    Occurrences someone claimed, released or swapped keep their person as long
    as their moment is still in the schedule.
    """
    now = now or timezone.now()
    today = now.astimezone(AMSTERDAM).date()
    future = Occurrence.objects.filter(agreement=agreement, starts_at__gte=now)
    if not agreement.is_current:
        future.delete()
        Agreement.objects.filter(pk=agreement.pk).update(generated_until=None)
        return
    until = _horizon(today)
    planned = dict(occurrences(agreement.schedule(), now, until))
    existing = {o.starts_at: o for o in future}
    future.exclude(starts_at__in=list(planned)).delete()
    future.filter(starts_at__in=list(planned), follows_agreement=True).update(
        assignee=agreement.performer
    )
    length = timedelta(minutes=agreement.duration_minutes)
    future.update(ends_at=F("starts_at") + length)
    Occurrence.objects.bulk_create(
        [
            Occurrence(
                agreement=agreement,
                circle_id=agreement.circle_id,
                starts_at=start,
                ends_at=end,
                assignee=agreement.performer,
            )
            for start, end in planned.items()
            if start not in existing
        ],
        ignore_conflicts=True,
    )
    Agreement.objects.filter(pk=agreement.pk).update(generated_until=until.date())


def ensure_horizon(circle: Circle, *, now: datetime | None = None) -> None:
    """Plan occurrences up to the horizon for agreements that are not planned that far."""
    now = now or timezone.now()
    target = _horizon(now.astimezone(AMSTERDAM).date()).date()
    stale = circle.agreements.exclude(status=Agreement.Status.ENDED).exclude(
        generated_until__gte=target
    )
    for agreement in stale.select_related("performer"):
        _extend(agreement, now, target)


def _extend(agreement: Agreement, now: datetime, target) -> None:
    start_day = agreement.generated_until or now.astimezone(AMSTERDAM).date()
    start = max(now, localize(datetime.combine(start_day, time())))
    end = localize(datetime.combine(target, time()))
    Occurrence.objects.bulk_create(
        [
            Occurrence(
                agreement=agreement,
                circle_id=agreement.circle_id,
                starts_at=s,
                ends_at=e,
                assignee=agreement.performer,
            )
            for s, e in occurrences(agreement.schedule(), start, end)
        ],
        ignore_conflicts=True,
    )
    Agreement.objects.filter(pk=agreement.pk).update(generated_until=target)


def boundary_for(occurrence: Occurrence, member: Member) -> Finding | None:
    return check_boundary(task_facts(occurrence.agreement.task), performer_facts(member))


def _check_member(occurrence: Occurrence, member: Member) -> None:
    if member.circle_id != occurrence.circle_id or not member.is_active:
        raise AgendaError("not_member")


def claim(occurrence: Occurrence, member: Member) -> Finding | None:
    """Take an open occurrence. Exactly one of several simultaneous claims wins.

    Returns a warning the claimer should read (e.g. a mantelzorger taking a
    voorbehouden handeling); a blocking rule raises instead.
    """
    _check_member(occurrence, member)
    finding = boundary_for(occurrence, member)
    if finding is not None and finding.is_block:
        raise AgendaError("blocked", finding)
    won = Occurrence.objects.filter(
        pk=occurrence.pk,
        assignee__isnull=True,
        status=Occurrence.Status.SCHEDULED,
        starts_at__gte=timezone.now(),
    ).update(assignee=member, follows_agreement=False, released_by=None)
    if not won:
        raise AgendaError(_why_not_open(occurrence.pk))
    _log(occurrence, "claimed")
    return finding


def _log(occurrence: Occurrence, summary: str) -> None:
    """Who took, gave back, swapped or called off this moment (in the audit log)."""
    log(
        AuditEvent.Action.UPDATE,
        object_type="occurrence",
        object_id=occurrence.pk,
        summary=summary,
        circle=occurrence.circle_id,
    )


def _why_not_open(pk: int) -> str:
    """Why a claim changed nothing: someone else was first, or the moment is gone."""
    current = Occurrence.objects.filter(pk=pk).values("status", "starts_at").first()
    if current is None or current["status"] == Occurrence.Status.CANCELLED:
        return "cancelled"
    if current["starts_at"] < timezone.now():
        return "past"
    return "taken"


def release(occurrence: Occurrence, member: Member) -> None:
    """'Ik kan niet': the occurrence becomes open, and others can claim it."""
    if occurrence.starts_at < timezone.now():
        raise AgendaError("past")
    if occurrence.status != Occurrence.Status.SCHEDULED:
        raise AgendaError("cancelled")
    done = Occurrence.objects.filter(
        pk=occurrence.pk, assignee=member, status=Occurrence.Status.SCHEDULED
    ).update(assignee=None, follows_agreement=False, released_by=member)
    if not done:
        raise AgendaError("not_yours")
    SwapRequest.objects.filter(occurrence=occurrence, status=SwapRequest.Status.PENDING).update(
        status=SwapRequest.Status.WITHDRAWN, answered_at=timezone.now()
    )
    _log(occurrence, "released")


def request_swap(occurrence: Occurrence, by: Member, to: Member, message: str = "") -> SwapRequest:
    """Ask one named member to take over; the occurrence stays with `by` until they do."""
    if occurrence.assignee_id != by.pk:
        raise AgendaError("not_yours")
    if occurrence.starts_at < timezone.now():
        raise AgendaError("past")
    if occurrence.status != Occurrence.Status.SCHEDULED:
        raise AgendaError("cancelled")
    if (
        to.pk == by.pk
        or to.circle_id != occurrence.circle_id
        or not to.is_active
        or to.kind == MemberKind.CLIENT
    ):
        raise AgendaError("bad_target")
    if SwapRequest.objects.filter(
        occurrence=occurrence, requested_to=to, status=SwapRequest.Status.PENDING
    ).exists():
        raise AgendaError("already_asked")
    finding = boundary_for(occurrence, to)
    if finding is not None and finding.is_block:
        raise AgendaError("blocked", finding)
    swap = SwapRequest.objects.create(
        occurrence=occurrence, requested_by=by, requested_to=to, message=message
    )
    _log(occurrence, f"swap asked to member {to.pk}")
    return swap


@transaction.atomic
def answer_swap(swap: SwapRequest, member: Member, *, accept: bool) -> None:
    """Accept or decline a swap asked of `member`. Answering twice (two tabs,
    a double click) is refused: the status only changes while it is pending."""
    if swap.requested_to_id != member.pk or not member.is_active:
        raise AgendaError("not_yours")
    now = timezone.now()
    # Lock the occurrence before the swap rows, in the same order as `release`,
    # so a release and an accept at the same moment cannot deadlock.
    occurrence = (
        Occurrence.objects.select_for_update()
        .select_related("agreement__task")
        .get(pk=swap.occurrence_id)
    )
    if accept:
        if occurrence.starts_at < now:
            raise AgendaError("past")
        if occurrence.status != Occurrence.Status.SCHEDULED:
            raise AgendaError("cancelled")
        # The task may have changed since the swap was asked: check the rules again.
        finding = boundary_for(occurrence, member)
        if finding is not None and finding.is_block:
            raise AgendaError("blocked", finding)
    status = SwapRequest.Status.ACCEPTED if accept else SwapRequest.Status.DECLINED
    answered = SwapRequest.objects.filter(pk=swap.pk, status=SwapRequest.Status.PENDING).update(
        status=status, answered_at=now
    )
    if not answered:
        raise AgendaError("not_yours")
    _log(occurrence, "swap accepted" if accept else "swap declined")
    if not accept:
        return
    moved = Occurrence.objects.filter(
        pk=swap.occurrence_id, assignee_id=swap.requested_by_id
    ).update(assignee=member, follows_agreement=False, released_by=None)
    if not moved:
        raise AgendaError("taken")  # rolls the answer back too
    SwapRequest.objects.filter(
        occurrence_id=swap.occurrence_id, status=SwapRequest.Status.PENDING
    ).update(status=SwapRequest.Status.WITHDRAWN, answered_at=now)


def reopen_blocked_occurrences(agreement: Agreement) -> int:
    """After a change of task, people who claimed a moment and may not do the
    new task are taken off it; the moment is open again. Returns how many."""
    task = task_facts(agreement.task)
    future = (
        Occurrence.objects.filter(agreement=agreement, starts_at__gte=timezone.now())
        .exclude(assignee=None)
        .select_related("assignee__person", "assignee__organisation")
    )
    blocked = [
        o.pk
        for o in future
        if (f := check_boundary(task, performer_facts(o.assignee))) and f.is_block
    ]
    if blocked:
        Occurrence.objects.filter(pk__in=blocked).update(
            assignee=None, follows_agreement=False, released_by=None
        )
    # Pending swaps towards someone who may not do the new task are withdrawn.
    pending = SwapRequest.objects.filter(
        occurrence__agreement=agreement, status=SwapRequest.Status.PENDING
    ).select_related("requested_to__person", "requested_to__organisation")
    stale = [
        sw.pk
        for sw in pending
        if (f := check_boundary(task, performer_facts(sw.requested_to))) and f.is_block
    ]
    SwapRequest.objects.filter(pk__in=stale).update(
        status=SwapRequest.Status.WITHDRAWN, answered_at=timezone.now()
    )
    return len(blocked)


def open_moments_of(member: Member) -> int:
    """Someone left the agenda: the moments planned for them from now on are open."""
    return Occurrence.objects.filter(
        circle_id=member.circle_id, assignee=member, starts_at__gte=timezone.now()
    ).update(assignee=None, follows_agreement=False, released_by=None)


# --- Private calendar feeds ---------------------------------------------------


def feed_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue_feed(member: Member) -> str:
    """A new private feed address for this member; older ones stop working."""
    revoke_feeds(member)
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.create(member=member, token_hash=feed_digest(token))
    return token


def revoke_feeds(member: Member) -> int:
    """Stop every address of this member (also on revocation: a lost phone or a
    shared address must not come back to life when access is restored)."""
    return CalendarFeed.objects.filter(member=member, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def feed_for_token(token: str) -> CalendarFeed | None:
    if not token or len(token) > 100:
        return None
    return (
        CalendarFeed.objects.select_related(
            "member__circle__client", "member__person__user", "member__organisation"
        )
        .filter(token_hash=feed_digest(token), revoked_at__isnull=True)
        .first()
    )


def mark_fetched(feed: CalendarFeed) -> None:
    CalendarFeed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now())


def record_feed_fetch(feed: CalendarFeed, count: int) -> AuditEvent:
    """A phone calendar read the agenda: log it like any other read (NEN 7513).

    There is no logged-in request, so the row names the feed's owner and the
    role "feed"; the audit service's `record` needs a request.
    """
    member = feed.member
    return AuditEvent.objects.create(
        actor=member.person.user,
        actor_name=member.person.full_name[:170],
        actor_role="feed",
        action=AuditEvent.Action.VIEW,
        circle_id=member.circle_id,
        object_type="calendar_feed",
        object_id=str(feed.pk),
        summary=f"{count} items",
    )


def set_cancelled(occurrence: Occurrence, *, cancelled: bool) -> bool:
    """'Gaat niet door' for one future moment (a holiday, a hospital stay), or
    back on. Pending swaps end with it. False when nothing changed."""
    if occurrence.starts_at < timezone.now():
        raise AgendaError("past")
    old, new = (
        (Occurrence.Status.SCHEDULED, Occurrence.Status.CANCELLED)
        if cancelled
        else (Occurrence.Status.CANCELLED, Occurrence.Status.SCHEDULED)
    )
    changed = Occurrence.objects.filter(pk=occurrence.pk, status=old).update(status=new)
    if changed and cancelled:
        SwapRequest.objects.filter(occurrence=occurrence, status=SwapRequest.Status.PENDING).update(
            status=SwapRequest.Status.WITHDRAWN, answered_at=timezone.now()
        )
    if changed:
        _log(occurrence, "cancelled" if cancelled else "restored")
    return bool(changed)
