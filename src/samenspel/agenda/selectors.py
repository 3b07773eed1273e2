"""Reads of the agenda, shaped for pages, signals and calendar feeds.

Every function here does a fixed number of queries, however many occurrences
a period holds: pages select the task and the people along with them.
"""

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from samenspel.agenda.models import Occurrence, SwapRequest
from samenspel.agreements.selectors import involves, performer_facts, task_facts
from samenspel.circles.models import Circle, Member
from samenspel.circles.selectors import own_member  # noqa: F401 - one shared lookup
from samenspel.domain import thresholds as t
from samenspel.domain.access import Perm
from samenspel.domain.recurrence import AMSTERDAM, localize
from samenspel.domain.tasks import check_boundary
from samenspel.domain.vocabulary import AccessLevel, MemberKind

LIST_DAYS = 30  # the list view shows this many days from the chosen day
FEED_DAYS_BACK = 30  # a phone calendar keeps the last month


def unfilled_counts(circle_ids, today: date, *, now: datetime | None = None) -> dict:
    """{circle_id: (count, first day)} of open occurrences from now until the horizon.

    One query for any number of circles (start page of a professional).
    """
    start = now or localize(datetime.combine(today, time()))
    end = localize(datetime.combine(today + timedelta(days=t.UNFILLED_HORIZON_DAYS + 1), time()))
    rows = (
        Occurrence.objects.filter(
            circle_id__in=list(circle_ids),
            assignee__isnull=True,
            status=Occurrence.Status.SCHEDULED,
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .values("circle_id")
        .annotate(count=Count("id"), first=Min("starts_at"))
    )
    return {
        row["circle_id"]: (row["count"], row["first"].astimezone(AMSTERDAM).date()) for row in rows
    }


# --- Periods ------------------------------------------------------------------


class View:
    WEEK = "week"
    MONTH = "maand"
    LIST = "lijst"
    ALL = (WEEK, MONTH, LIST)


MAX_YEARS_AWAY = 10  # further than this is a typing error (and year 9999 would overflow)


def parse_day(value: str | None, today: date) -> date:
    """The `datum` query parameter; anything odd or very far away falls back to today."""
    try:
        day = date.fromisoformat(value) if value and len(value) == 10 else today
    except ValueError:
        return today
    return day if abs(day.year - today.year) <= MAX_YEARS_AWAY else today


@dataclass(frozen=True)
class Period:
    view: str
    start: date  # first day shown
    end: date  # day after the last day shown
    anchor: date  # the day the page was asked for (the month of a month view)
    previous: date  # `datum` of the "earlier" link
    next: date  # `datum` of the "later" link

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days)]


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def period_for(view: str, day: date) -> Period:
    """The days a week, month or list view shows around `day`."""
    if view == View.MONTH:
        first = day.replace(day=1)
        last = _add_months(first, 1) - timedelta(days=1)
        start = first - timedelta(days=first.weekday())  # full weeks, Monday first
        end = last + timedelta(days=7 - last.weekday())
        return Period(view, start, end, first, _add_months(first, -1), _add_months(first, 1))
    if view == View.LIST:
        step = timedelta(days=LIST_DAYS)
        return Period(view, day, day + step, day, day - step, day + step)
    monday = day - timedelta(days=day.weekday())
    week = timedelta(days=7)
    return Period(View.WEEK, monday, monday + week, day, monday - week, monday + week)


def in_weeks(rows: list) -> list[list]:
    """Rows of seven, for the month grid (a month period always starts on a Monday)."""
    return [rows[i : i + 7] for i in range(0, len(rows), 7)]


def local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return localize(datetime.combine(start, time())), localize(datetime.combine(end, time()))


# --- Occurrences -----------------------------------------------------------------


def _with_people(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("agreement__task", "assignee__person")


def calendar_items(
    circle: Circle, start: date, end: date, member: Member | None = None
) -> list[Occurrence]:
    """Occurrences of one circle from `start` up to (not including) `end`, in order.

    With `member`, only the ones that member does ("alleen mijn taken"). One query.
    """
    first, last = local_bounds(start, end)
    items = Occurrence.objects.filter(circle=circle, starts_at__gte=first, starts_at__lt=last)
    if member is not None:
        items = items.filter(assignee=member)
    return list(_with_people(items).order_by("starts_at", "id"))


def by_day(items: list[Occurrence], days: list[date]) -> list[tuple[date, list[Occurrence]]]:
    """[(day, occurrences that day)] for every day in `days`, in local time."""
    grouped: dict[date, list[Occurrence]] = {d: [] for d in days}
    for item in items:
        grouped.setdefault(item.starts_at.astimezone(AMSTERDAM).date(), []).append(item)
    return [(d, grouped[d]) for d in days]


def occurrence_of_circle(circle: Circle, occurrence_id: int) -> Occurrence | None:
    return (
        Occurrence.objects.select_related(
            "agreement__task",
            "agreement__backup__person",
            "assignee__person",
            "released_by__person",
        )
        .filter(circle=circle, pk=occurrence_id)
        .first()
    )


def may_see_details(occurrence: Occurrence, member: Member | None, perms) -> bool:
    """Agenda-level members read the details of the agreements they are part of,
    and of open tasks they could take; everyone with the details reads all."""
    if Perm.VIEW_DETAILS in perms:
        return True
    if member is None:
        return False
    if occurrence.assignee_id == member.pk or involves(occurrence.agreement, member):
        return True
    return (
        occurrence.is_open
        and occurrence.starts_at >= timezone.now()
        and Perm.TAKE_SHIFTS in perms
        and not _blocked_for(occurrence, member)
    )


def _blocked_for(occurrence: Occurrence, member: Member) -> bool:
    finding = check_boundary(task_facts(occurrence.agreement.task), performer_facts(member))
    return finding is not None and finding.is_block


def swap_targets(occurrence: Occurrence, by: Member) -> QuerySet:
    """People who can be asked to take over: active helpers of the circle who can
    log in and see the agenda (someone only on the map could never answer)."""
    return (
        Member.objects.filter(circle_id=occurrence.circle_id, status=Member.Status.ACTIVE)
        .exclude(pk=by.pk)
        .exclude(kind=MemberKind.CLIENT)
        .filter(person__user__isnull=False)
        .filter(
            Q(access_level__in=[AccessLevel.FULL, AccessLevel.AGENDA])
            | Q(is_legal_representative=True)
        )
        .select_related("person")
        .order_by("person__first_name", "person__last_name", "id")
    )


def swaps_for(occurrence: Occurrence, member: Member | None) -> tuple[list, list]:
    """(pending requests to `member`, pending requests by `member`) for this occurrence."""
    if member is None:
        return [], []
    pending = list(
        SwapRequest.objects.filter(
            Q(requested_to=member) | Q(requested_by=member),
            occurrence=occurrence,
            status=SwapRequest.Status.PENDING,
        ).select_related("requested_by__person", "requested_to__person")
    )
    return (
        [s for s in pending if s.requested_to_id == member.pk],
        [s for s in pending if s.requested_by_id == member.pk],
    )


def pending_swaps_to(circle: Circle, member: Member | None) -> list[SwapRequest]:
    """Open requests to this member in this circle, for the calendar page."""
    if member is None:
        return []
    return list(
        SwapRequest.objects.filter(
            occurrence__circle=circle,
            requested_to=member,
            status=SwapRequest.Status.PENDING,
            occurrence__starts_at__gte=timezone.now(),
        ).select_related("requested_by__person", "occurrence__agreement__task")
    )


# --- Calendar feed ----------------------------------------------------------------


def feed_items(member: Member, perms, *, now: datetime) -> list[Occurrence]:
    """What a member's phone calendar shows.

    The client side (client, legal representative) sees their whole agenda:
    it is their life. Helpers see their own tasks and the open ones they are
    allowed to take, and nobody else's: a phone calendar is often copied to a
    cloud service, so it holds no more than the helper needs. No details text.
    """
    today = now.astimezone(AMSTERDAM).date()
    first, last = local_bounds(
        today - timedelta(days=FEED_DAYS_BACK), today + timedelta(days=t.CALENDAR_HORIZON_DAYS)
    )
    items = Occurrence.objects.filter(
        circle_id=member.circle_id,
        status=Occurrence.Status.SCHEDULED,
        starts_at__gte=first,
        starts_at__lt=last,
    )
    if Perm.MANAGE_ACCESS in perms:
        return list(_with_people(items).order_by("starts_at", "id"))
    may_take = Perm.TAKE_SHIFTS in perms
    scope = Q(assignee=member)
    if may_take:  # open ones only while they can still be taken
        scope |= Q(assignee__isnull=True, starts_at__gte=now)
    items = list(_with_people(items.filter(scope)).order_by("starts_at", "id"))
    if not may_take:
        return items
    me = performer_facts(member)
    allowed: dict[int, bool] = {}

    def may_do(occurrence: Occurrence) -> bool:
        task = occurrence.agreement.task
        if task.pk not in allowed:
            finding = check_boundary(task_facts(task), me)
            allowed[task.pk] = finding is None or not finding.is_block
        return allowed[task.pk]

    return [o for o in items if o.assignee_id == member.pk or may_do(o)]
