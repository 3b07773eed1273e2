"""Reads for the equality reflection. Results are computed from submitted
dimension scores only; individual answers never leave this module except to
their own author (own_response)."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from samenspel.circles.access import relationship_of
from samenspel.circles.models import Member
from samenspel.domain import reflection as rules
from samenspel.domain.access import Perm, permissions
from samenspel.domain.vocabulary import MemberKind
from samenspel.organisations.models import Organisation
from samenspel.reflection.instrument import dimension_ids
from samenspel.reflection.models import ReflectionResponse, ReflectionRound
from samenspel.teams import selectors as team_selectors

team = team_selectors.team
employment = team_selectors.employment


def circle_party(access) -> rules.Party | None:
    """The party of the viewer in the circle of ``access`` (a CircleAccess)."""
    if Perm.VIEW_CIRCLE not in access.perms:
        return None
    return rules.circle_party(access.relationship)


def may_open_circle(member: Member) -> bool:
    rel = relationship_of(member, team_professional=False, team_consent=False)
    return Perm.VIEW_CIRCLE in permissions(rel)


def team_memberships(team: Organisation, person) -> list[rules.Party]:
    """The person's parties in the team's circles where they may open the circle.

    Professional members who do not work in the team (e.g. home care) are left
    out: the team round is about this team's professionals.
    """
    members = Member.objects.filter(
        person=person, circle__team=team, status=Member.Status.ACTIVE
    ).exclude(kind=MemberKind.PROFESSIONAL)
    return [
        rules.party_of_member(m.kind, legal_representative=m.is_legal_representative)
        for m in members
        if may_open_circle(m)
    ]


def team_party(team: Organisation, person):
    """(employment or None, party or None) of a person for a team round."""
    if person is None:
        return None, None
    job = employment(team, person)
    memberships = [] if job is not None else team_memberships(team, person)
    return job, rules.team_party(works_in_team=job is not None, memberships=memberships)


def rounds(*, circle=None, team=None) -> list[ReflectionRound]:
    """Rounds of one circle or one team, oldest first, with their submitted count."""
    scope = {"circle": circle} if circle is not None else {"team": team}
    return list(
        ReflectionRound.objects.filter(**scope)
        .annotate(submitted=Count("responses", filter=Q(responses__submitted_at__isnull=False)))
        .order_by("opened_at", "id")
    )


def round_result(round_: ReflectionRound) -> rules.ReflectionResult:
    """Aggregate per party in one query over submitted responses."""
    rows = ReflectionResponse.objects.filter(round=round_, submitted_at__isnull=False).values_list(
        "party", "dimension_scores"
    )
    return rules.aggregate(dimension_ids(), list(rows))


def own_responses(rounds_, person) -> dict[int, ReflectionResponse]:
    return {
        r.round_id: r
        for r in ReflectionResponse.objects.filter(round__in=list(rounds_), person=person)
    }


def own_response(round_: ReflectionRound, person) -> ReflectionResponse | None:
    return ReflectionResponse.objects.filter(round=round_, person=person).first()


def open_rounds_to_answer(person, employments=None) -> list[ReflectionRound]:
    """Open rounds the person may answer and has not sent in yet, for the start page.

    Circle rounds of circles where they are a member who may open the circle;
    team rounds of teams they work in, or of circles' teams where they take part
    as client, mantelzorger or volunteer. ``round.circle.client`` and
    ``round.team`` are loaded.
    """
    if person is None:
        return []
    members = [
        m
        for m in Member.objects.filter(person=person, status=Member.Status.ACTIVE).select_related(
            "circle"
        )
        if may_open_circle(m)
    ]
    circle_ids = {m.circle_id for m in members}
    team_ids = {
        m.circle.team_id for m in members if m.circle.team_id and m.kind != MemberKind.PROFESSIONAL
    }
    if employments is None:  # the start page passes the ones it has loaded
        employments = person.employments.select_related("organisation")
    team_ids |= {
        e.organisation_id
        for e in employments
        if e.organisation.kind == Organisation.Kind.NEIGHBOURHOOD_TEAM
    }
    if not circle_ids and not team_ids:
        return []
    sent = ReflectionResponse.objects.filter(
        round=OuterRef("pk"), person=person, submitted_at__isnull=False
    )
    return list(
        ReflectionRound.objects.filter(
            Q(circle_id__in=circle_ids) | Q(team_id__in=team_ids), closed_at__isnull=True
        )
        .exclude(Exists(sent))
        .select_related("circle__client", "team")
        .order_by("opened_at", "id")
    )
