"""Reads of burden screenings. Who sees what is decided in
`domain.burden_access`; `visible_filter` says the same in SQL, so a page never
loads a screening it may not show (tests check the two agree)."""

from __future__ import annotations

from django.db.models import F, Max, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from samenspel.burden.models import Screening, StandingConsent
from samenspel.circles.models import Circle, Member
from samenspel.circles.selectors import own_member  # noqa: F401 - one shared lookup
from samenspel.domain.access import Relationship
from samenspel.domain.burden_access import ScreeningFacts, Viewer
from samenspel.domain.vocabulary import MemberKind

COMPLETED = Screening.Status.COMPLETED


def viewer_for(rel: Relationship, member: Member | None) -> Viewer:
    return Viewer(rel, member_id=member.pk if member is not None else None)


def _consent_active() -> Q:
    return Q(member__burden_consent__isnull=False, member__burden_consent__withdrawn_at=None)


def visible_filter(viewer: Viewer) -> Q | None:
    """`domain.burden_access.can_see` as a filter; None means nothing at all."""
    if not viewer.may_look:
        return None
    q = Q(pk__in=[])
    if viewer.member_id is not None:
        q |= Q(member_id=viewer.member_id)
    if viewer.professional:
        q |= Q(status=COMPLETED) & (Q(shared_with_team=True) | _consent_active())
    if viewer.client_side:
        q |= Q(status=COMPLETED, shared_with_client=True)
    return q


def visible_results(circle: Circle, viewer: Viewer) -> QuerySet[Screening]:
    """Every screening in this circle the viewer may see, newest first."""
    q = visible_filter(viewer)
    if q is None:
        return Screening.objects.none()
    return (
        Screening.objects.filter(q, member__circle=circle, member__kind=MemberKind.CARER)
        .select_related("member__person")
        .order_by("-completed_at", "-started_at", "-id")
    )


def facts(screening: Screening, *, standing_consent: bool) -> ScreeningFacts:
    return ScreeningFacts(
        owner_member_id=screening.member_id,
        completed=screening.is_completed,
        shared_with_team=screening.shared_with_team,
        shared_with_client=screening.shared_with_client,
        standing_consent=standing_consent,
    )


def has_standing_consent(member_id: int) -> bool:
    return StandingConsent.objects.filter(member_id=member_id, withdrawn_at=None).exists()


def history(member: Member, viewer: Viewer | None = None) -> list[Screening]:
    """A carer's completed screenings, oldest first; with `viewer`, only those
    the viewer may see."""
    qs = Screening.objects.filter(member=member, status=COMPLETED)
    if viewer is not None:
        q = visible_filter(viewer)
        if q is None:
            return []
        qs = qs.filter(q)
    return list(qs.order_by("completed_at", "id"))


def open_drafts(member: Member) -> list[Screening]:
    return list(
        Screening.objects.filter(member=member, status=Screening.Status.DRAFT).order_by(
            "-updated_at"
        )
    )


def latest_by_member(member_ids, *, per_instrument: int = 2) -> dict[int, list[Screening]]:
    """The newest completed screenings per carer and instrument (default: the
    last two, enough to see a rise), in one query, newest first.

    No access check: callers decide who may see them (e.g. signals for the
    professionals apply `visible_filter` or the consent rules themselves).
    """
    ranked = (
        Screening.objects.filter(member_id__in=list(member_ids), status=COMPLETED)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("member_id"), F("instrument_id")],
                order_by=[F("completed_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=per_instrument)
        .order_by("member_id", "-completed_at", "-id")
    )
    result: dict[int, list[Screening]] = {}
    for screening in ranked:
        result.setdefault(screening.member_id, []).append(screening)
    return result


def last_completed_at(member_ids) -> dict[int, object]:
    """When each carer last completed any screening (absent: never)."""
    rows = (
        Screening.objects.filter(member_id__in=list(member_ids), status=COMPLETED)
        .values("member_id")
        .annotate(last=Max("completed_at"))
    )
    return {row["member_id"]: row["last"] for row in rows}


def consent_members(member_ids) -> set[int]:
    """Carers among `member_ids` whose standing consent holds."""
    return set(
        StandingConsent.objects.filter(
            member_id__in=list(member_ids), withdrawn_at=None
        ).values_list("member_id", flat=True)
    )


def circle_carers(circle: Circle) -> list[Member]:
    return list(
        Member.objects.filter(
            circle=circle, kind=MemberKind.CARER, status=Member.Status.ACTIVE
        ).select_related("person")
    )


def circle_professionals(circle: Circle) -> list[Member]:
    """The professionals in the circle, for 'talk to your professional'."""
    return list(
        Member.objects.filter(
            circle=circle, kind=MemberKind.PROFESSIONAL, status=Member.Status.ACTIVE
        ).select_related("person", "organisation")
    )
