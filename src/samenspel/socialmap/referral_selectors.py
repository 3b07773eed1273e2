"""Reads for referrals: a circle's referrals, counts per offer, reminders, and
offers in the client's wijk that answer the circle's signals."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Case, Count, Max, Q, Value, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from samenspel.circles.models import Circle, Member
from samenspel.domain import socialmap as sm
from samenspel.domain.vocabulary import MemberKind
from samenspel.socialmap.models import Offer, Referral, ReferralUpdate

# The start page lists at most this many referral reminders (oldest first).
STALE_REFERRAL_LIMIT = 20
# Offers per category in the "Hulp in de wijk" block on the circle page.
NEARBY_PER_CATEGORY = 3

OPEN_STATUSES = [s for s in sm.ReferralStatus if s not in sm.CLOSED_STATUSES]


def _with_people():
    return Referral.objects.select_related(
        "member__person", "offer__organisation", "created_by", "circle__client"
    ).annotate(last_update=Coalesce(Max("updates__at"), "status_changed_at"))


def circle_referrals(circle: Circle) -> list[Referral]:
    """All referrals of one circle, newest change first, with their last update."""
    return list(_with_people().filter(circle=circle))


def status_counts(referrals) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, in the order of the flow."""
    counts = {}
    for r in referrals:
        counts[r.status] = counts.get(r.status, 0) + 1
    return [
        (s.value, sm.REFERRAL_STATUS_LABELS[s], counts.get(s.value, 0)) for s in sm.ReferralStatus
    ]


def referral_of_circle(circle: Circle, referral_id) -> Referral:
    """One referral of this circle; another circle's id gives 404."""
    return get_object_or_404(_with_people(), pk=referral_id, circle=circle)


def history(referral: Referral) -> list[ReferralUpdate]:
    return list(referral.updates.order_by("-at", "-id"))


def referable_members(circle: Circle):
    """Who can be referred: the client, or an active mantelzorger of the circle."""
    return (
        Member.objects.filter(
            circle=circle,
            status=Member.Status.ACTIVE,
            kind__in=[MemberKind.CLIENT, MemberKind.CARER],
        )
        .select_related("person")
        # The client first, then the mantelzorgers by name.
        .order_by(
            Case(When(kind=MemberKind.CLIENT, then=Value(0)), default=Value(1)),
            "person__first_name",
            "pk",
        )
    )


def active_offers():
    return Offer.objects.filter(is_active=True).select_related("organisation")


def referral_counts(offer_ids) -> dict[int, dict[str, int]]:
    """{offer_id: {status: n}} over all circles, in one query.

    Only numbers leave this function: the offer page may show them to anyone.
    """
    rows = (
        Referral.objects.filter(offer_id__in=list(offer_ids))
        .values("offer_id", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    result: dict[int, dict[str, int]] = {}
    for row in rows:
        result.setdefault(row["offer_id"], {})[row["status"]] = row["n"]
    return result


@dataclass(frozen=True)
class OfferCounts:
    total: int
    parts: list[tuple[str, int]]  # (translated-later label, n) for statuses with n > 0


def counts_summary(counts: dict[str, int]) -> OfferCounts:
    """The counts of one offer as the page shows them, in the order of the flow."""
    parts = [
        (sm.REFERRAL_STATUS_LABELS[s], counts[s.value])
        for s in sm.ReferralStatus
        if counts.get(s.value)
    ]
    return OfferCounts(sum(counts.values()), parts)


# --- Reminders on the start page ----------------------------------------------


@dataclass(frozen=True)
class StaleReferral:
    referral: Referral
    days: int  # days since the last update


def stale_referrals(
    person, caseload_ids, member_circle_ids, today: date, now: datetime
) -> list[StaleReferral]:
    """Open referrals without an update for `REFERRAL_STALE_DAYS`, for one person.

    Shown to whoever made the referral (as long as they may still open it:
    `member_circle_ids`) and to the professionals of the circle (`caseload_ids`).
    One query; the domain decides what is stale.
    """
    caseload_ids, member_circle_ids = list(caseload_ids), list(member_circle_ids)
    if person is None or not (caseload_ids or member_circle_ids):
        return []
    # A day's slack: the domain compares local dates, not hours.
    cutoff = now - timedelta(days=sm.REFERRAL_STALE_DAYS - 1)
    rows = (
        _with_people()
        .filter(status__in=OPEN_STATUSES)
        .filter(
            Q(circle_id__in=caseload_ids) | Q(created_by=person, circle_id__in=member_circle_ids)
        )
        .filter(last_update__lt=cutoff)
        .order_by("last_update", "pk")[: STALE_REFERRAL_LIMIT * 2]
    )
    result = []
    for r in rows:
        last = timezone.localdate(r.last_update or r.status_changed_at)
        if sm.is_stale(sm.ReferralStatus(r.status), last, today, days=sm.REFERRAL_STALE_DAYS):
            result.append(StaleReferral(r, (today - last).days))
    return result[:STALE_REFERRAL_LIMIT]


# --- Signals → offers ----------------------------------------------------------


@dataclass(frozen=True)
class NearbyGroup:
    category: str
    label: str  # msgid; translate in the template
    offers: list[Offer] = field(default_factory=list)


def _serves(offer: Offer, wijk: str) -> bool:
    wijken = offer.wijken or []
    if not wijken:
        return True  # the whole municipality
    if not wijk:
        return True  # we do not know the client's wijk: show what there is
    return wijk.casefold() in {w.casefold() for w in wijken if isinstance(w, str)}


def help_nearby(circle: Circle, signal_codes) -> list[NearbyGroup]:
    """Up to three active offers per category that answer these signals, in the
    circle's wijk (or for the whole municipality). One query at most: JSON
    `contains` does not work on SQLite, and a gemeente has a few hundred offers."""
    categories = sm.categories_for_signals(signal_codes)
    if not categories:
        return []
    wanted = {c.value for c in categories}
    groups = {c.value: [] for c in categories}
    # Narrow in SQL ("|code|" columns): the map may hold thousands of offers.
    in_category = Q()
    for code in wanted:
        in_category |= Q(categories_text__contains=f"|{code}|")
    offers = active_offers().filter(in_category)
    if circle.wijk:
        offers = offers.filter(
            Q(wijken_text__contains=f"|{circle.wijk.strip().lower()}|") | Q(wijken_text="")
        )
    offers = offers.only("name", "categories", "wijken", "organisation", "organisation__name")
    for offer in offers.order_by("name", "pk"):
        cats = offer.categories if isinstance(offer.categories, list) else []
        matches = [c for c in cats if c in wanted]
        if not matches or not _serves(offer, circle.wijk):
            continue
        for c in matches:
            groups[c].append(offer)
    result = []
    for c in categories:
        # Offers in the client's own wijk first, then those for the whole municipality.
        ranked = sorted(groups[c.value], key=lambda o: (not o.wijken, o.name.casefold()))
        if ranked:
            result.append(NearbyGroup(c.value, sm.CATEGORY_LABELS[c], ranked[:NEARBY_PER_CATEGORY]))
    return result
