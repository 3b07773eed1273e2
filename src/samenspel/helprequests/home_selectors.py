"""What waits for a person on the start page, from help requests and proposals.

The start page is the busiest page there is, so this read has a fixed number
of queries (at most 7) and skips the ones that cannot find anything.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from samenspel.circles.models import Member
from samenspel.circles.selectors import team_ids
from samenspel.domain import helprequests as hr
from samenspel.domain.vocabulary import AccessLevel, MemberKind
from samenspel.helprequests.models import Proposal
from samenspel.organisations.models import Organisation

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
