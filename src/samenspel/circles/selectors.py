"""Reads of circles, shaped for pages; each function does a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q

from samenspel.circles.access import relationship_of
from samenspel.circles.models import Circle, Member
from samenspel.domain.access import Perm, Relationship, in_caseload, permissions, role_name
from samenspel.domain.network import MemberFacts, NetworkReport, analyse
from samenspel.domain.vocabulary import CareDomain, MemberKind
from samenspel.organisations.models import Organisation


def care_domains(values) -> frozenset[CareDomain]:
    """Stored domain codes as CareDomains; unknown (old) codes are skipped."""
    return frozenset(CareDomain(d) for d in values if d in CareDomain._value2member_map_)


def member_facts(member: Member) -> MemberFacts:
    return MemberFacts(
        key=str(member.pk),
        name=member.person.full_name,
        kind=MemberKind(member.kind),
        hours_per_week=float(member.hours_per_week),
        domains=care_domains(member.domains),
        closeness=member.closeness,
    )


def active_members(circle: Circle) -> list[Member]:
    return list(
        circle.members.filter(status=Member.Status.ACTIVE)
        .select_related("person", "organisation")
        .order_by("closeness", "id")
    )


def facts_of(members: list[Member]) -> list[MemberFacts]:
    """Domain facts of the active members (revoked people no longer count)."""
    return [member_facts(m) for m in members if m.is_active]


def analyse_circle(circle: Circle, facts: list[MemberFacts]) -> NetworkReport:
    return analyse(facts, needed_domains=care_domains(circle.needed_domains))


def report_for(circle: Circle, members: list[Member]) -> NetworkReport:
    return analyse_circle(circle, facts_of(members))


def _active_members_prefetch() -> Prefetch:
    return Prefetch(
        "members",
        queryset=Member.objects.filter(status=Member.Status.ACTIVE).select_related("person"),
        to_attr="active_members",
    )


@dataclass(frozen=True)
class CircleSummary:
    circle: Circle
    report: NetworkReport
    role: str  # the role the professional acts in, for the audit log
    # What the logbook and care signals need to know about the professional here.
    relationship: Relationship | None = None
    member_id: int | None = None  # their member row in this circle (None: via the team)


def team_ids(employments) -> list[int]:
    """The wijkteams among a person's employments (load them with their organisation)."""
    return [
        e.organisation_id
        for e in employments
        if e.organisation.kind == Organisation.Kind.NEIGHBOURHOOD_TEAM
    ]


def professional_caseload(person, teams: list[int]) -> list[CircleSummary]:
    """Circles where a professional does professional work, most urgent first.

    Candidates are the circles they are a member of and their teams' circles;
    the access policy (`in_caseload`) decides, so start page and circle pages
    can never disagree.
    """
    mine = {m.circle_id: m for m in Member.objects.filter(person=person)}
    circles = (
        Circle.objects.filter(Q(pk__in=list(mine)) | Q(team_id__in=teams, team_consent=True))
        .select_related("client", "team")
        .prefetch_related(_active_members_prefetch())
        .order_by("client__first_name", "client__last_name", "pk")
    )
    summaries = []
    for circle in circles:
        rel = relationship_of(
            mine.get(circle.pk),
            team_professional=circle.team_id in teams,
            team_consent=circle.team_consent,
        )
        if not in_caseload(rel):
            continue
        report = report_for(circle, circle.active_members)
        member = mine.get(circle.pk)
        summaries.append(
            CircleSummary(
                circle, report, role_name(rel), rel, member.pk if member is not None else None
            )
        )
    # Most urgent first; the query's name order breaks ties (sort is stable).
    summaries.sort(key=lambda s: s.report.urgency)
    return summaries


@dataclass(frozen=True)
class Membership:
    member: Member
    can_open: bool  # the client's choice for this person lets them open the circle


def memberships(person) -> list[Membership]:
    """Circles a person appears in other than as professional, by client name."""
    members = (
        Member.objects.filter(person=person)
        .exclude(kind=MemberKind.PROFESSIONAL)
        .select_related("circle__client")
        .order_by("circle__client__first_name", "pk")
    )
    # For a member the level the client chose is final, so the team route plays no part.
    return [
        Membership(
            m,
            Perm.VIEW_CIRCLE
            in permissions(relationship_of(m, team_professional=False, team_consent=False)),
        )
        for m in members
    ]


def own_member(circle: Circle, person_or_user) -> Member | None:
    """A person's active member row in this circle (None for a wijkteam
    professional looking in). Views have it as `request.access.member`."""
    person = getattr(person_or_user, "person", person_or_user)
    if person is None or getattr(person_or_user, "is_authenticated", True) is False:
        return None
    return (
        Member.objects.filter(circle=circle, person=person, status=Member.Status.ACTIVE)
        .select_related("person", "organisation")
        .first()
    )
