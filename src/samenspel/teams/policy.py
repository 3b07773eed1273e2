"""Who may do what on a team's thermometer pages. Plain rules, no queries.

``employment`` is the viewer's Employment at the team (or None). Only people who
work in the team see anything; only the team lead opens and closes rounds.
Nobody, not even the lead, reads another person's answers: there is no rule for
that on purpose.
"""

from __future__ import annotations


def is_member(employment) -> bool:
    return employment is not None


def is_lead(employment) -> bool:
    return employment is not None and bool(employment.is_team_lead)


def may_answer(employment, round_) -> bool:
    return is_member(employment) and round_.closed_at is None


def may_change_action(employment, action) -> bool:
    """The action's owner or the team lead: the owner knows how it goes, the
    lead keeps the werkplan up to date."""
    if not is_member(employment):
        return False
    return is_lead(employment) or action.owner_id == employment.person_id
