"""Who may do what around a volunteer organisation. Plain rules, no queries.

``employment`` is the viewer's Employment at the organisation (or None);
``profile`` the viewer's own VolunteerProfile (or None). Anyone employed by a
volunteer organisation works as its coordinator (product choice: small
organisations do not split the role). Volunteers see only their own profile,
agreement and proposals.
"""

from __future__ import annotations

# The role written in audit rows for work done as a coordinator (all apps that
# serve coordinators import it from here).
COORDINATOR_ROLE = "coordinator"


def is_coordinator(employment) -> bool:
    return employment is not None


def may_see_profile(employment, viewer_person_id: int | None, profile) -> bool:
    """The organisation's coordinators, and the volunteer themselves."""
    if is_coordinator(employment) and employment.organisation_id == profile.organisation_id:
        return True
    return viewer_person_id is not None and viewer_person_id == profile.person_id


def may_edit_profile(employment, profile) -> bool:
    return is_coordinator(employment) and employment.organisation_id == profile.organisation_id
