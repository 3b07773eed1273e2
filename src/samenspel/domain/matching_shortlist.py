"""One request at a time: why a volunteer cannot take it, how well they fit,
and the best few for the coordinator's shortlist.

A single pair runs through the same vectorised code as a batch (on a table of
one volunteer), so a score shown next to a proposal is the score the batch
used.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from samenspel.domain.matching_constraints import Checks, check_constraints
from samenspel.domain.matching_facts import Candidate, Exclusion, RequestFacts, VolunteerFacts
from samenspel.domain.matching_reasons import exclusions_at, reasons_for
from samenspel.domain.matching_score import PART_NAMES, score_parts, total_points
from samenspel.domain.matching_table import VolunteerTable


def _candidate(request: RequestFacts, table: VolunteerTable, parts: dict, checks: Checks, j: int):
    """The candidate at position j of `checks.idx`."""
    volunteer = table.volunteers[int(checks.idx[j])]
    points = {name: float(parts[name][j]) for name in PART_NAMES}
    return Candidate(
        volunteer_id=volunteer.id,
        score=float(total_points(parts)[j]),
        reasons=reasons_for(request, volunteer, float(checks.distance[j])),
        parts=points,
    )


# --- One pair, one request --------------------------------------------------
def exclusions(request: RequestFacts, volunteer: VolunteerFacts) -> list[Exclusion]:
    """Why this volunteer cannot take this request; empty when they can."""
    table = VolunteerTable([volunteer])
    checks = check_constraints(request, table, np.arange(1))
    return exclusions_at(request, volunteer, checks, 0)


def score(request: RequestFacts, volunteer: VolunteerFacts) -> Candidate:
    """How well they fit, 0..100, with the parts and the reasons in words.

    Only meaningful when `exclusions` is empty.
    """
    table = VolunteerTable([volunteer])
    checks = check_constraints(request, table, np.arange(1))
    parts = score_parts(request, table, checks.idx, checks.distance)
    return _candidate(request, table, parts, checks, 0)


def shortlist(
    request: RequestFacts, volunteers: Iterable[VolunteerFacts], limit: int = 10
) -> tuple[list[Candidate], dict[int, list[Exclusion]]]:
    """The best `limit` volunteers (score high to low, then id), and why the others cannot."""
    table = VolunteerTable(list(volunteers))
    checks = check_constraints(request, table, np.arange(table.size))
    allowed = checks.allowed
    excluded = {
        table.volunteers[i].id: exclusions_at(request, table.volunteers[i], checks, i)
        for i in np.flatnonzero(~allowed)
    }
    ok = np.flatnonzero(allowed)
    sub = Checks(**{name: getattr(checks, name)[ok] for name in Checks.__dataclass_fields__})
    parts = score_parts(request, table, sub.idx, sub.distance)
    totals = total_points(parts)
    order = np.lexsort((table.ids[sub.idx], -totals))[: max(limit, 0)]
    return [_candidate(request, table, parts, sub, int(j)) for j in order], excluded
