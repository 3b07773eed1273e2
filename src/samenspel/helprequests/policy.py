"""Who may do what with help requests. Plain rules, no queries.

- The circle side (the client, carers with full access, the circle's
  professionals) files requests and answers proposals: the same people who
  make the circle's agreements (`Perm.MANAGE_AGREEMENTS`). Volunteers and
  people only on the map do not.
- Only coordinators of the *addressed* organisation see a request, and only
  its facts (task, when, wijk, preferences, language): never the circle.
- A volunteer sees their own proposals, and the circle only after the start.
"""

from __future__ import annotations

from samenspel.domain import helprequests as hr
from samenspel.domain.access import Perm
from samenspel.domain.vocabulary import AccessLevel
from samenspel.volunteers.policy import is_coordinator

CIRCLE_SIDE_PERM = Perm.MANAGE_AGREEMENTS


def may_coordinate(employment, organisation) -> bool:
    return is_coordinator(employment) and employment.organisation_id == organisation.pk


def may_open_circle(proposal) -> bool:
    """The volunteer reaches the circle page from their proposal once started,
    and only while the client lets their row open it (active, not only on the
    map). Needs `proposal.member` loaded (select_related)."""
    member = proposal.member if proposal.member_id else None
    return (
        member is not None
        and proposal.status in hr.RUNNING_STATUSES
        and member.is_active
        and member.access_level != AccessLevel.MAP_ONLY
    )
