"""Who may do what with an equality reflection. Plain rules, no queries.

``party`` is the party the viewer answers for in this circle or team (see
selectors.circle_party / selectors.team_party); None means they are not part of
it and see nothing. Nobody, not even whoever opened the round, reads another
person's answers: there is no rule for that on purpose.
"""

from __future__ import annotations

from samenspel.domain.access import Perm
from samenspel.teams import policy as team_policy


def may_take_part(party) -> bool:
    return party is not None


def may_answer(party, round_) -> bool:
    return may_take_part(party) and round_.closed_at is None


def may_see_results(party, round_) -> bool:
    """Only after close: in an open round, comparing the page before and after
    one person submits would give their answers away."""
    return may_take_part(party) and round_.closed_at is not None


# Circle rounds are opened and closed by the circle's professionals (who run
# the MantelScan) and by the client side (who manage access).
CIRCLE_MANAGE_PERMS = (Perm.RUN_SCAN, Perm.MANAGE_ACCESS)


def may_manage_circle(perms) -> bool:
    return any(p in perms for p in CIRCLE_MANAGE_PERMS)


def may_manage_team(employment) -> bool:
    """The team lead opens and closes the team's rounds, as with the thermometer."""
    return team_policy.is_lead(employment)
