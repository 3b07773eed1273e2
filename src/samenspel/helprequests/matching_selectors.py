"""The facts the matching needs, read from the rows, and its answers as rows.

The matching itself lives in `domain.matching`; this module only turns rows
into its dataclasses, in a fixed number of queries whatever the number of
volunteers or requests, and adds the reasons the rules cannot know: the
request's own history and the volunteer's own rows in the circle.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef

from samenspel.circles.models import Member
from samenspel.domain import helprequests as hr
from samenspel.domain import matching
from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.vocabulary import AccessLevel, MemberKind
from samenspel.domain.volunteering import vog_is_valid
from samenspel.helprequests.models import HelpRequest, Proposal
from samenspel.helprequests.request_selectors import proposals_prefetch
from samenspel.volunteers.models import VolunteerProfile

ACTIVE = [s.value for s in hr.ACTIVE_PROPOSAL_STATUSES]


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


def request_exclusions(help_request, pool: VolunteerPool) -> dict[int, list[str]]:
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
    own = request_exclusions(help_request, pool)
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
        .prefetch_related(proposals_prefetch())
    }
    pool = volunteer_pool(organisation, today)
    facts = [request_facts(r) for r in requests.values()]
    volunteers = pool.facts
    excluded = {rid: set(request_exclusions(r, pool)) for rid, r in requests.items()}
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
