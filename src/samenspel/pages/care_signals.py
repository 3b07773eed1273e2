"""Care signals from the agenda, the agreements and the logbook, gathered for
pages: the start page (many circles, a fixed number of queries) and one
circle's page. The texts come from `domain.care_signals`; here they are
translated and matched with the circles they belong to.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext

from samenspel.agenda.selectors import unfilled_counts
from samenspel.agreements.selectors import reviews_due
from samenspel.circles.access import relationship_of
from samenspel.circles.models import Circle
from samenspel.domain.access import Perm, permissions
from samenspel.domain.care_signals import log_signal, review_due_signal, unfilled_signal
from samenspel.domain.logbook import can_read, preview, sees_signals
from samenspel.domain.network import RenderedSignal
from samenspel.logbook import selectors as logbook
from samenspel.logbook.models import LogEntry
from samenspel.pages.burden_signals import burden_signals
from samenspel.socialmap.referral_selectors import stale_referrals

# The start page lists at most this many open logbook signals; the counts per
# client in the caseload table still cover all of them.
HOME_SIGNAL_LIMIT = 30


def agenda_signals(
    circle_id: int, unfilled: dict, reviews: dict, today: date, *, with_reviews: bool = True
) -> list[RenderedSignal]:
    """Rendered 'nobody yet' and 'to discuss again' signals of one circle, from
    the bulk results of `unfilled_counts` and `reviews_due`."""
    signals = []
    if circle_id in unfilled:
        signals.append(unfilled_signal(*unfilled[circle_id], today))
    if with_reviews and circle_id in reviews:
        signals.append(review_due_signal(*reviews[circle_id], today))
    return [s.render(gettext) for s in signals if s is not None]


@dataclass(frozen=True)
class CareSignals:
    signals: list[RenderedSignal] = field(default_factory=list)
    open_log_signals: int = 0


def circle_care_signals(
    circle: Circle, *, viewer_perms, today: date, now: datetime | None = None
) -> CareSignals:
    """The care signals of one circle for the circle page, as far as the viewer
    may see them: empty slots for everyone who sees the agenda, agreements to
    discuss for those who see the details, open logbook signals for the
    professionals. At most three queries. Pass `now` to leave out the slots
    that have already begun today."""
    perms = frozenset(viewer_perms)
    if Perm.VIEW_AGENDA not in perms:
        return CareSignals()
    with_reviews = Perm.VIEW_DETAILS in perms
    unfilled = unfilled_counts([circle.pk], today, now=now)
    reviews = reviews_due([circle.pk], today) if with_reviews else {}
    signals = agenda_signals(circle.pk, unfilled, reviews, today, with_reviews=with_reviews)
    open_count = logbook.open_signal_count(circle) if Perm.RUN_SCAN in perms else 0
    return CareSignals(signals, open_count)


@dataclass(frozen=True)
class CaseloadRow:
    summary: object  # circles.selectors.CircleSummary
    signals: list[RenderedSignal]
    open_log_signals: int


@dataclass(frozen=True)
class LogSignalItem:
    entry: LogEntry
    circle: Circle
    signal: RenderedSignal
    preview: str | None  # None when the professional may not read the entry


@dataclass(frozen=True)
class CoordinatorRow:
    circle: Circle
    signals: list[RenderedSignal]


@dataclass(frozen=True)
class HomeSignals:
    caseload_rows: list[CaseloadRow] = field(default_factory=list)
    log_signals: list[LogSignalItem] = field(default_factory=list)
    log_signal_total: int = 0
    coordinator_rows: list[CoordinatorRow] = field(default_factory=list)
    burden_results_shown: list[tuple[int, int]] = field(default_factory=list)
    # Open referrals without news for three weeks (socialmap.referral_selectors.StaleReferral).
    stale_referrals: list = field(default_factory=list)


def _coordinated(memberships) -> list:
    """Member rows of circles where this person keeps the agenda going and may see it."""
    rows = []
    for ms in memberships:
        m = ms.member
        if not m.is_active or m.circle.coordinator_id != m.pk:
            continue
        perms = permissions(relationship_of(m, team_professional=False, team_consent=False))
        if Perm.VIEW_AGENDA in perms:
            # Reviews are about agreements: only for those who see all of them.
            rows.append((m, Perm.VIEW_DETAILS in perms))
    return rows


def _open_signal_counts(circle_ids) -> dict[int, int]:
    rows = (
        LogEntry.objects.filter(
            circle_id__in=list(circle_ids), is_signal=True, acknowledged_at__isnull=True
        )
        .values("circle_id")
        .annotate(n=Count("id"))
    )
    return {row["circle_id"]: row["n"] for row in rows}


def home_signals(
    person, caseload, memberships, today: date, now: datetime | None = None
) -> HomeSignals:
    """Everything the start page shows about care signals, in at most eight
    queries however many clients there are (bulk queries keyed by circle id).

    `caseload`: the professional's CircleSummary list; `memberships`: the
    person's Membership list (own circle included).
    """
    watched = [s for s in caseload if s.relationship is not None and _sees(person, s)]
    coordinated = _coordinated(memberships)
    agenda_ids = {s.circle.pk for s in caseload} | {m.circle_id for m, _ in coordinated}
    stale = _stale_referrals(person, caseload, memberships, today, now)
    if not agenda_ids:
        return HomeSignals(stale_referrals=stale)
    unfilled = unfilled_counts(agenda_ids, today, now=now)
    reviews = reviews_due(agenda_ids, today)

    by_circle = {s.circle.pk: s for s in watched}
    counts = _open_signal_counts(by_circle) if by_circle else {}
    burden = burden_signals([s.circle for s in caseload], today)
    rows = [
        CaseloadRow(
            s,
            agenda_signals(s.circle.pk, unfilled, reviews, today)
            + burden.by_circle.get(s.circle.pk, []),
            counts.get(s.circle.pk, 0),
        )
        for s in caseload
    ]

    items = []
    if counts:
        for entry in logbook.open_signals(counts, limit=HOME_SIGNAL_LIMIT):
            summary = by_circle[entry.circle_id]
            reader = logbook.reader_facts(summary.relationship, person, summary.member_id)
            readable = can_read(reader, logbook.entry_facts(entry))
            written_on = timezone.localdate(entry.created_at)
            items.append(
                LogSignalItem(
                    entry,
                    summary.circle,
                    log_signal(entry.author_name, written_on).render(gettext),
                    preview(entry.text) if readable else None,
                )
            )

    coordinator_rows = [
        CoordinatorRow(m.circle, signals)
        for m, with_reviews in coordinated
        if (
            signals := agenda_signals(
                m.circle_id, unfilled, reviews, today, with_reviews=with_reviews
            )
        )
    ]
    return HomeSignals(
        rows, items, sum(counts.values()), coordinator_rows, burden.results_shown, stale
    )


def _stale_referrals(person, caseload, memberships, today: date, now: datetime | None) -> list:
    """Referral reminders (one query): for the circle's professionals, and for
    whoever made the referral while they may still open it (VIEW_DETAILS)."""
    member_circle_ids = [
        ms.member.circle_id
        for ms in memberships
        if Perm.VIEW_DETAILS
        in permissions(relationship_of(ms.member, team_professional=False, team_consent=False))
    ]
    return stale_referrals(
        person,
        [s.circle.pk for s in caseload],
        member_circle_ids,
        today,
        now or timezone.now(),
    )


def _sees(person, summary) -> bool:
    reader = logbook.reader_facts(summary.relationship, person, summary.member_id)
    return sees_signals(reader)
