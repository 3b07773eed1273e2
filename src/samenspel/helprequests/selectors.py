"""Reads for help requests and proposals, and the facts the matching needs.

The matching itself lives in `domain.matching`; this module only turns rows
into its dataclasses, in a fixed number of queries whatever the number of
volunteers or requests.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from samenspel.accounts.models import Person
from samenspel.circles.models import Member
from samenspel.circles.selectors import team_ids
from samenspel.domain import helprequests as hr
from samenspel.domain import matching
from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.vocabulary import AccessLevel, MemberKind
from samenspel.domain.volunteering import vog_is_valid
from samenspel.helprequests.models import HelpRequest, Proposal
from samenspel.organisations.models import Organisation
from samenspel.volunteers.models import VolunteerProfile

MAX_ID = 2**63 - 1

OPEN_STATUSES = (hr.RequestStatus.OPEN, hr.RequestStatus.PROPOSED)
ACTIVE = [s.value for s in hr.ACTIVE_PROPOSAL_STATUSES]


def _proposals_prefetch():
    return Prefetch(
        "proposals",
        queryset=Proposal.objects.select_related("volunteer__person", "introduction_with").order_by(
            "-id"
        ),
    )


# --- Circle side -----------------------------------------------------------------


def volunteer_organisations():
    return Organisation.objects.filter(kind=Organisation.Kind.VOLUNTEER_ORGANISATION).order_by(
        "name"
    )


def circle_requests(circle) -> list[HelpRequest]:
    return list(
        HelpRequest.objects.filter(circle=circle)
        .select_related("task", "organisation", "created_by")
        .prefetch_related(_proposals_prefetch())
        .order_by("-created_at", "-id")
    )


def request_of_circle(circle, request_id: int) -> HelpRequest:
    return get_object_or_404(
        HelpRequest.objects.select_related("task", "organisation", "created_by").prefetch_related(
            _proposals_prefetch()
        ),
        pk=min(request_id, MAX_ID),
        circle=circle,
    )


def proposal_of_circle(circle, proposal_id: int) -> Proposal:
    return get_object_or_404(
        Proposal.objects.select_related("help_request", "volunteer__person"),
        pk=min(proposal_id, MAX_ID),
        help_request__circle=circle,
    )


# --- Coordinator side ------------------------------------------------------------


def open_requests(organisation) -> list[HelpRequest]:
    """Open requests of the organisation, most urgent first, with their proposals."""
    return list(
        HelpRequest.objects.filter(organisation=organisation, status__in=OPEN_STATUSES)
        .select_related("task", "circle")
        .prefetch_related(_proposals_prefetch())
        .order_by("-urgency", "created_at", "id")
    )


def source_counts(organisation, since) -> dict[str, int]:
    """Requests per source since a date, in one grouped query (numbers only)."""
    rows = (
        HelpRequest.objects.filter(organisation=organisation, created_at__date__gte=since)
        .order_by()
        .values("source")
        .annotate(n=Count("id"))
        .values_list("source", "n")
    )
    return dict(rows)


def running_proposals(organisation) -> list[Proposal]:
    """Proposals past the volunteer's and client's answer, not yet ended."""
    return list(
        Proposal.objects.filter(
            help_request__organisation=organisation,
            status__in=[
                hr.ProposalStatus.ACCEPTED,
                hr.ProposalStatus.INTRODUCTION,
                hr.ProposalStatus.STARTED,
                hr.ProposalStatus.EVALUATED,
            ],
        )
        .select_related("help_request__task", "volunteer__person")
        .order_by("status", "-status_changed_at")
    )


def request_of_organisation(organisation, request_id: int) -> HelpRequest:
    return get_object_or_404(
        HelpRequest.objects.select_related("task", "circle").prefetch_related(
            _proposals_prefetch()
        ),
        pk=min(request_id, MAX_ID),
        organisation=organisation,
    )


def proposal_of_organisation(organisation, proposal_id: int) -> Proposal:
    return get_object_or_404(
        Proposal.objects.select_related("help_request__task", "volunteer__person", "member"),
        pk=min(proposal_id, MAX_ID),
        help_request__organisation=organisation,
    )


def introduction_professionals(help_request) -> list:
    """Who can join the kennismaking: people who may do professional work in
    the circle. The circle's professionals with full access, and the wijkteam
    only while the client lets it look along (`team_consent`)."""
    circle = help_request.circle
    q = Q(
        memberships__circle=circle,
        memberships__kind=MemberKind.PROFESSIONAL,
        memberships__status=Member.Status.ACTIVE,
        memberships__access_level=AccessLevel.FULL,
    )
    if circle.team_id and circle.team_consent:
        # Their own row in the circle beats the team route (domain.access).
        other_rows = Member.objects.filter(circle=circle).exclude(
            kind=MemberKind.PROFESSIONAL,
            status=Member.Status.ACTIVE,
            access_level=AccessLevel.FULL,
        )
        q |= Q(employments__organisation_id=circle.team_id) & ~Q(
            pk__in=other_rows.values("person_id")
        )
    return list(Person.objects.filter(q).distinct().order_by("first_name", "last_name"))


# --- Matching facts ------------------------------------------------------------------


def request_facts(help_request: HelpRequest) -> matching.RequestFacts:
    task = help_request.task
    return matching.RequestFacts(
        id=help_request.pk,
        circle_id=help_request.circle_id,
        task_category=task.category,
        task_reserved=task.reserved_act,
        slots=frozenset(help_request.slots or ()),
        place=matching.Place(
            wijk=help_request.wijk, lat=help_request.latitude, lon=help_request.longitude
        ),
        wanted_skills=frozenset(help_request.wanted_skills or ()),
        languages=frozenset(help_request.languages or ()),
        client_preferences=frozenset(help_request.preferences or ()),
        motive_fit=hr.MOTIVE_FIT.get(task.category, frozenset()),
        needs_vog=True,  # product choice: every volunteer who visits at home has a VOG
        urgency=help_request.urgency,
    )


OPENING_ACCESS = (AccessLevel.AGENDA, AccessLevel.FULL)


def _closed_by_a_match_exists():
    return Exists(
        Proposal.objects.filter(member_id=OuterRef("pk"), member_revoked_at=OuterRef("revoked_at"))
    )


def closed_by_a_match(member) -> bool:
    """Whether a match's end revoked this row (and nobody revoked it since)."""
    return (
        member.revoked_at is not None
        and Proposal.objects.filter(member=member, member_revoked_at=member.revoked_at).exists()
    )


@dataclass
class VolunteerPool:
    profiles: dict[int, VolunteerProfile]
    facts: list[matching.VolunteerFacts]
    # person id → circles where they have a member row in another role (e.g. a
    # son), active or not: a volunteer has no prior relation with the client
    # (seed 003).
    other_role_circles: dict[int, set[int]]
    # person id → circles whose client (or carer) took their access away: only
    # the client can give it back, never a match.
    revoked_circles: dict[int, set[int]]


def volunteer_pool(organisation, today, *, only: int | None = None) -> VolunteerPool:
    """All active volunteers of the organisation as matching facts (3 queries);
    with `only`, just that one profile (if it is active)."""
    profiles_qs = VolunteerProfile.objects.filter(organisation=organisation, is_active=True)
    if only is not None:
        profiles_qs = profiles_qs.filter(pk=only)
    profiles = {p.pk: p for p in profiles_qs.select_related("person", "organisation")}
    person_ids = [p.person_id for p in profiles.values()]
    volunteer_circles: dict[int, set[int]] = {}
    other_circles: dict[int, set[int]] = {}
    revoked_circles: dict[int, set[int]] = {}
    # Rows of any status: a revoked row is the client's decision and counts
    # too, unless a match's end closed it (then a new match may reopen it).
    # Only a row that opens the circle (agenda or full) counts as "already
    # helps there"; a row only on the map is no access at all.
    rows = (
        Member.objects.filter(person_id__in=person_ids)
        .annotate(closed_by_match=_closed_by_a_match_exists())
        .values_list("person_id", "circle_id", "kind", "status", "access_level", "closed_by_match")
    )
    for person_id, circle_id, kind, status, access_level, closed_by_match in rows:
        if status != Member.Status.ACTIVE:
            if closed_by_match and kind == MemberKind.VOLUNTEER:
                continue
            target = revoked_circles
        elif kind == MemberKind.VOLUNTEER:
            if access_level not in OPENING_ACCESS:
                continue
            target = volunteer_circles
        else:
            target = other_circles
        target.setdefault(person_id, set()).add(circle_id)
    active = Counter(
        dict(
            Proposal.objects.filter(volunteer_id__in=profiles, status__in=ACTIVE)
            .values("volunteer_id")
            .annotate(n=Count("id"))
            .values_list("volunteer_id", "n")
        )
    )
    facts = [
        matching.VolunteerFacts(
            id=p.pk,
            skills=frozenset(p.skills or ()),
            motives=frozenset(p.motives or ()),
            languages=frozenset(p.languages or ()),
            availability=frozenset(p.availability or ()),
            place=matching.Place(wijk=p.wijk, lat=p.latitude, lon=p.longitude),
            max_distance_km=float(p.max_distance_km),
            preferences=frozenset(p.preferences or ()),
            trained_personal_care="personal_care" in (p.training or ()),
            vog_valid=vog_is_valid(p.vog_status, p.vog_date, today),
            organisation_allows_personal_care=p.organisation.allows_personal_care,
            circle_ids=frozenset(volunteer_circles.get(p.person_id, ())),
            capacity=max(0, hr.MAX_ACTIVE_MATCHES - active[p.pk]),
        )
        for p in profiles.values()
    ]
    return VolunteerPool(profiles, facts, other_circles, revoked_circles)


@dataclass
class ShortlistRow:
    profile: VolunteerProfile
    score: float
    reasons: tuple[str, ...]
    parts: dict


@dataclass
class ExcludedRow:
    profile: VolunteerProfile
    reasons: tuple[str, ...]


ALREADY_PROPOSED = _("Is al voorgesteld voor deze hulpvraag.")
DECLINED_BEFORE = _("Is al eerder voor deze hulpvraag gevraagd.")
OWN_CIRCLE = _("Hoort al bij dit netwerk (bijvoorbeeld als familie).")
ACCESS_REVOKED = _(
    "Had eerder toegang tot dit netwerk, maar nu niet meer. "
    "Alleen de cliënt kan die toegang teruggeven."
)
NOT_ACTIVE = _("Deze vrijwilliger is niet meer actief.")


def membership_exclusions(circle_id: int, person_id: int, pool: VolunteerPool) -> list[str]:
    """Reasons from the person's rows in the circle: another role, or revoked."""
    reasons = []
    if circle_id in pool.other_role_circles.get(person_id, ()):
        reasons.append(OWN_CIRCLE)
    if circle_id in pool.revoked_circles.get(person_id, ()):
        reasons.append(ACCESS_REVOKED)
    return reasons


def _request_exclusions(help_request, pool: VolunteerPool) -> dict[int, list[str]]:
    """Reasons outside the matching rules: this request's own history, and
    the volunteer's own rows in the circle."""
    reasons: dict[int, list[str]] = {}
    for proposal in help_request.proposals.all():
        text = (
            DECLINED_BEFORE if proposal.status == hr.ProposalStatus.DECLINED else ALREADY_PROPOSED
        )
        reasons.setdefault(proposal.volunteer_id, []).append(text)
    for profile in pool.profiles.values():
        found = membership_exclusions(help_request.circle_id, profile.person_id, pool)
        if found:
            reasons.setdefault(profile.pk, []).extend(found)
    return reasons


def pair_exclusions(proposal, today) -> list[str]:
    """Why this proposal's volunteer may no longer take its request (re-checked
    at each later step): not active any more, a hard matching rule (task
    boundary, VOG, ...), or a member row in the circle in another role or
    revoked. Capacity is left out: the proposal already holds its place."""
    help_request = proposal.help_request
    pool = volunteer_pool(help_request.organisation, today, only=proposal.volunteer_id)
    facts = next(iter(pool.facts), None)
    if facts is None:
        return [NOT_ACTIVE]
    reasons = [
        e.reason
        for e in matching.exclusions(request_facts(help_request), facts)
        if e.code != "capacity"
    ]
    person_id = pool.profiles[facts.id].person_id
    return reasons + membership_exclusions(help_request.circle_id, person_id, pool)


def shortlist(help_request: HelpRequest, today, *, limit: int = 10):
    """Ranked candidates and, folded away, why the others cannot take it."""
    pool = volunteer_pool(help_request.organisation, today)
    own = _request_exclusions(help_request, pool)
    eligible = [f for f in pool.facts if f.id not in own]
    candidates, excluded = matching.shortlist(request_facts(help_request), eligible, limit=limit)
    rows = [
        ShortlistRow(pool.profiles[c.volunteer_id], c.score, c.reasons, c.parts) for c in candidates
    ]
    out = [
        ExcludedRow(pool.profiles[vid], tuple(e.reason for e in exclusions))
        for vid, exclusions in excluded.items()
    ]
    out += [ExcludedRow(pool.profiles[vid], tuple(texts)) for vid, texts in own.items()]
    out.sort(key=lambda row: row.profile.person.full_name)
    return rows, out


@dataclass
class BatchResult:
    requests: dict[int, HelpRequest]
    profiles: dict[int, VolunteerProfile]
    optimal: matching.Assignment
    greedy: matching.Assignment
    scores: dict[tuple[int, int], float]


def batch(organisation, today) -> BatchResult:
    """Optimal and greedy assignment of all *open* requests (no proposal yet).

    Pairs blocked by the request's own history (declined before, already
    proposed) or by the volunteer's rows in the circle (family, revoked) are
    removed *before* solving: "optimal" is optimal over pairs that can really
    be proposed, and no volunteer is spent on a pair that never could be.
    """
    requests = {
        r.pk: r
        for r in HelpRequest.objects.filter(organisation=organisation, status=hr.RequestStatus.OPEN)
        .select_related("task", "circle")
        .prefetch_related(_proposals_prefetch())
    }
    pool = volunteer_pool(organisation, today)
    facts = [request_facts(r) for r in requests.values()]
    volunteers = pool.facts
    excluded = {rid: set(_request_exclusions(r, pool)) for rid, r in requests.items()}
    candidates = matching.candidate_pool(facts, volunteers, excluded=excluded)
    optimal = matching.solve_optimal(candidates)
    greedy = matching.solve_greedy(candidates)
    by_id = {f.id: f for f in facts}
    vol_by_id = {v.id: v for v in volunteers}
    scores = {}
    for assignment in (optimal, greedy):
        for rid, vid in assignment.pairs.items():
            if (rid, vid) not in scores:
                scores[(rid, vid)] = matching.score(by_id[rid], vol_by_id[vid]).score
    return BatchResult(requests, pool.profiles, optimal, greedy, scores)


def wijk_centre(organisation, wijk: str) -> tuple[float | None, float | None]:
    """Coordinates for a request filed with only a wijk: the average place of
    the organisation's volunteer profiles in that wijk (names compared trimmed
    and case-folded), or (None, None) when none has coordinates.

    Why: a request filed in the app has no address (data minimisation), so
    without a place the distance rule could never exclude anyone. The average
    of the volunteers' own places in that wijk is a rough wijk centre that
    needs no extra table and no geocoding service; requests in a wijk without
    such a volunteer keep an unknown distance (half points, never excluded).
    """
    key = matching.normalise_wijk(wijk)
    if not key:
        return None, None
    places = [
        (lat, lon)
        for name, lat, lon in VolunteerProfile.objects.filter(
            organisation=organisation,
            wijk__icontains=wijk.strip(),  # narrows the rows; the exact test is below
            latitude__isnull=False,
            longitude__isnull=False,
        ).values_list("wijk", "latitude", "longitude")
        if matching.normalise_wijk(name) == key
    ]
    if not places:
        return None, None
    return (
        sum(lat for lat, _lon in places) / len(places),
        sum(lon for _lat, lon in places) / len(places),
    )


# --- Volunteer side -----------------------------------------------------------------


def own_profile(person) -> VolunteerProfile | None:
    if person is None:
        return None
    return VolunteerProfile.objects.filter(person=person).select_related("organisation").first()


def volunteer_proposals(profile) -> list[Proposal]:
    return list(
        Proposal.objects.filter(volunteer=profile)
        .select_related("help_request__task", "help_request__circle__client", "member")
        .order_by("-status_changed_at", "-id")
    )


def proposal_of_volunteer(profile, proposal_id: int) -> Proposal:
    return get_object_or_404(
        Proposal.objects.select_related(
            "help_request__task", "help_request__circle__client", "member", "introduction_with"
        ),
        pk=min(proposal_id, MAX_ID),
        volunteer=profile,
    )


# --- Start page ---------------------------------------------------------------------


# A proposal nobody answered for this long is flagged to the coordinator
# (product choice: one week).
STALE_PROPOSAL_DAYS = 7


def home_items(
    person, *, coordinates: bool = True, volunteers: bool = True, employments=None, now=None
) -> dict:
    """What waits for this person, in a fixed number of queries (at most 7).

    - ``coordinator``: per volunteer organisation they work for, a dict with
      ``organisation``, ``open_requests``, ``waiting`` (both sides said yes,
      the coordinator plans or starts), ``stale_proposals`` (still proposed
      after `STALE_PROPOSAL_DAYS`) and ``evaluations_due`` (started, the
      evaluation date today or earlier);
    - ``volunteer``: proposals they still have to answer;
    - ``volunteer_introductions``: their own kennismakingen from today on;
    - ``circle``: proposals the client side still has to answer, in circles
      where this person may answer (the client or a full-access carer);
    - ``circle_following``: proposals still waiting on the client side that
      this person follows without answering: requests they filed, and circles
      where they do professional work (an active member with full access, or
      their wijkteam with the client's consent);
    - ``introductions``: kennismakingen from today on where they are the
      professional named to join.
    """
    items = {
        "coordinator": [],
        "volunteer": [],
        "volunteer_introductions": [],
        "circle": [],
        "circle_following": [],
        "introductions": [],
    }
    if person is None:
        return items
    now = now or timezone.now()
    start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    today = start_of_today.date()
    # The start page knows whether the person coordinates or volunteers at all,
    # and skips the queries that cannot find anything.
    if coordinates:
        proposals = "help_requests__proposals"
        orgs = (
            Organisation.objects.filter(
                kind=Organisation.Kind.VOLUNTEER_ORGANISATION, employments__person=person
            )
            .annotate(
                open_requests=Count(
                    "help_requests",
                    filter=Q(help_requests__status=hr.RequestStatus.OPEN),
                    distinct=True,
                ),
                waiting=Count(
                    proposals,
                    filter=Q(
                        **{
                            f"{proposals}__status__in": [
                                hr.ProposalStatus.ACCEPTED,
                                hr.ProposalStatus.INTRODUCTION,
                            ]
                        }
                    ),
                    distinct=True,
                ),
                stale_proposals=Count(
                    proposals,
                    filter=Q(
                        **{
                            f"{proposals}__status": hr.ProposalStatus.PROPOSED,
                            f"{proposals}__created_at__lte": now
                            - timedelta(days=STALE_PROPOSAL_DAYS),
                        }
                    ),
                    distinct=True,
                ),
                evaluations_due=Count(
                    proposals,
                    filter=Q(
                        **{
                            f"{proposals}__status": hr.ProposalStatus.STARTED,
                            f"{proposals}__evaluation_due__lte": today,
                        }
                    ),
                    distinct=True,
                ),
            )
            .order_by("name")
        )
        items["coordinator"] = [
            {
                "organisation": o,
                "open_requests": o.open_requests,
                "waiting": o.waiting,
                "stale_proposals": o.stale_proposals,
                "evaluations_due": o.evaluations_due,
            }
            for o in orgs
        ]
    if volunteers:
        items["volunteer"] = list(
            Proposal.objects.filter(
                volunteer__person=person,
                status=hr.ProposalStatus.PROPOSED,
                volunteer_accepted_at__isnull=True,
            ).select_related("help_request__task")
        )
        items["volunteer_introductions"] = list(
            Proposal.objects.filter(
                volunteer__person=person,
                status=hr.ProposalStatus.INTRODUCTION,
                introduction_at__gte=start_of_today,
            )
            .select_related("help_request__task", "introduction_with")
            .order_by("introduction_at", "id")
        )
    own_rows = Member.objects.filter(person=person)
    answering_circles = (
        own_rows.filter(status=Member.Status.ACTIVE)
        .filter(
            Q(kind=MemberKind.CLIENT)
            | Q(is_legal_representative=True)
            | Q(kind=MemberKind.CARER, access_level=AccessLevel.FULL)
        )
        .values("circle_id")
    )
    waiting_on_client = Proposal.objects.filter(
        status=hr.ProposalStatus.PROPOSED, client_accepted_at__isnull=True
    ).select_related("help_request__task", "help_request__circle__client", "volunteer__person")
    items["circle"] = list(waiting_on_client.filter(help_request__circle_id__in=answering_circles))

    if employments is None:
        employments = list(person.employments.select_related("organisation"))
    teams = team_ids(employments)
    professional_circles = own_rows.filter(
        status=Member.Status.ACTIVE, kind=MemberKind.PROFESSIONAL, access_level=AccessLevel.FULL
    ).values("circle_id")
    # Membership beats the team route (domain.access): a revoked or limited
    # row in a team circle gives no professional work there.
    through_team = Q(
        help_request__circle__team_id__in=teams, help_request__circle__team_consent=True
    ) & ~Q(help_request__circle_id__in=own_rows.values("circle_id"))
    may_work = Q(help_request__circle_id__in=professional_circles) | through_team
    items["circle_following"] = list(
        waiting_on_client.filter(may_work)
        .exclude(help_request__circle_id__in=answering_circles)
        .order_by("created_at", "id")
    )
    items["introductions"] = list(
        Proposal.objects.filter(
            introduction_with=person,
            status=hr.ProposalStatus.INTRODUCTION,
            introduction_at__gte=start_of_today,
        )
        .select_related("help_request__task", "help_request__circle__client", "volunteer__person")
        .order_by("introduction_at", "id")
    )
    return items
