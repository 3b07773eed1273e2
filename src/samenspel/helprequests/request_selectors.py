"""Reads of help requests and proposals for the circle's, the coordinator's
and the volunteer's pages.

Each read fetches what its page shows in one go (related rows joined or
prefetched), and every lookup by id is limited to what the caller may see:
its circle, its organisation or its own profile.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404

from samenspel.accounts.models import Person
from samenspel.circles.models import Member
from samenspel.domain import helprequests as hr
from samenspel.domain.vocabulary import AccessLevel, MemberKind
from samenspel.helprequests.models import HelpRequest, Proposal
from samenspel.organisations.models import Organisation
from samenspel.volunteers.models import VolunteerProfile

MAX_ID = 2**63 - 1

OPEN_STATUSES = (hr.RequestStatus.OPEN, hr.RequestStatus.PROPOSED)


def proposals_prefetch():
    """A request's proposals, newest first, with the people the pages name."""
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
        .prefetch_related(proposals_prefetch())
        .order_by("-created_at", "-id")
    )


def request_of_circle(circle, request_id: int) -> HelpRequest:
    return get_object_or_404(
        HelpRequest.objects.select_related("task", "organisation", "created_by").prefetch_related(
            proposals_prefetch()
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
        .prefetch_related(proposals_prefetch())
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
        HelpRequest.objects.select_related("task", "circle").prefetch_related(proposals_prefetch()),
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
