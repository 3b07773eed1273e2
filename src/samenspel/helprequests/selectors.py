"""Reads for help requests and proposals, and the facts the matching needs.

One name space for this app's views and services: import from here. The code
lives in `request_selectors` (the pages of the circle, the coordinator and
the volunteer), `matching_selectors` (the facts for `domain.matching` and
its answers as rows) and `home_selectors` (the start page).
"""

from __future__ import annotations

from samenspel.helprequests.home_selectors import STALE_PROPOSAL_DAYS, home_items
from samenspel.helprequests.matching_selectors import (
    ACCESS_REVOKED,
    ACTIVE,
    ALREADY_PROPOSED,
    DECLINED_BEFORE,
    NOT_ACTIVE,
    OPENING_ACCESS,
    OWN_CIRCLE,
    BatchResult,
    ExcludedRow,
    ShortlistRow,
    VolunteerPool,
    batch,
    closed_by_a_match,
    membership_exclusions,
    pair_exclusions,
    request_exclusions,
    request_facts,
    shortlist,
    volunteer_pool,
    wijk_centre,
)
from samenspel.helprequests.request_selectors import (
    MAX_ID,
    OPEN_STATUSES,
    circle_requests,
    introduction_professionals,
    open_requests,
    own_profile,
    proposal_of_circle,
    proposal_of_organisation,
    proposal_of_volunteer,
    request_of_circle,
    request_of_organisation,
    running_proposals,
    source_counts,
    volunteer_organisations,
    volunteer_proposals,
)

# Its name from when it lived here; `services` still calls it so.
_request_exclusions = request_exclusions

__all__ = [
    "ACCESS_REVOKED",
    "ACTIVE",
    "ALREADY_PROPOSED",
    "DECLINED_BEFORE",
    "MAX_ID",
    "NOT_ACTIVE",
    "OPENING_ACCESS",
    "OPEN_STATUSES",
    "OWN_CIRCLE",
    "STALE_PROPOSAL_DAYS",
    "BatchResult",
    "ExcludedRow",
    "ShortlistRow",
    "VolunteerPool",
    "batch",
    "circle_requests",
    "closed_by_a_match",
    "home_items",
    "introduction_professionals",
    "membership_exclusions",
    "open_requests",
    "own_profile",
    "pair_exclusions",
    "proposal_of_circle",
    "proposal_of_organisation",
    "proposal_of_volunteer",
    "request_exclusions",
    "request_facts",
    "request_of_circle",
    "request_of_organisation",
    "running_proposals",
    "shortlist",
    "source_counts",
    "volunteer_organisations",
    "volunteer_pool",
    "volunteer_proposals",
    "wijk_centre",
]
