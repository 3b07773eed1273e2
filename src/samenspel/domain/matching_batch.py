"""Many requests at once: each gets at most one volunteer, the total score as
high as it can be (`assign_optimal`), or the simple greedy baseline.

Finding the allowed pairs (`candidate_pool`) and solving them are apart, so
the benchmark and the coordinator's comparison solve one pool twice. Why a
maximum-weight matching and how it is built: see `samenspel.domain.matching`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from samenspel.domain.matching_constraints import boundary_blocked, check_constraints
from samenspel.domain.matching_facts import Assignment, RequestFacts, VolunteerFacts
from samenspel.domain.matching_score import MAX_SCORE, score_parts, total_points
from samenspel.domain.matching_table import VolunteerTable


def _candidate_lists(
    requests: Sequence[RequestFacts],
    table: VolunteerTable,
    max_candidates: int | None,
    excluded: Mapping[int, Collection[int]] | None = None,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per request: volunteer positions and scores, best first (ties: lower id).

    Only allowed pairs with a score above 0, minus the `excluded` volunteers of
    that request. Everything is vectorised over the volunteers; a request whose
    task is blocked for every volunteer costs nothing.
    """
    excluded = excluded or {}
    everyone = np.arange(table.size)
    usable = everyone[table.capacity > 0]
    result = []
    empty = (np.empty(0, dtype=np.int64), np.empty(0))
    for request in requests:
        if boundary_blocked(request).all() or usable.size == 0:
            result.append(empty)
            continue
        checks = check_constraints(request, table, usable)
        keep = checks.allowed
        blocked = excluded.get(request.id)
        if blocked:
            keep = keep & ~np.isin(table.ids[usable], np.fromiter(blocked, dtype=np.int64))
        idx = usable[keep]
        if idx.size == 0:
            result.append(empty)
            continue
        totals = total_points(score_parts(request, table, idx, checks.distance[keep]))
        positive = totals > 0
        idx, totals = idx[positive], totals[positive]
        order = np.lexsort((table.ids[idx], -totals))
        if max_candidates is not None:
            order = order[:max_candidates]
        result.append((idx[order], totals[order]))
    return result


def _result(requests: Sequence[RequestFacts], pairs: dict[int, int], total: float) -> Assignment:
    unassigned = tuple(sorted(r.id for r in requests if r.id not in pairs))
    return Assignment(pairs=pairs, total_score=total, unassigned=unassigned)


@dataclass(frozen=True)
class CandidatePool:
    """The allowed pairs of a batch with their scores, found once, solved twice."""

    requests: tuple[RequestFacts, ...]
    table: VolunteerTable
    lists: tuple[tuple[np.ndarray, np.ndarray], ...]  # per request: positions, scores

    @property
    def pair_count(self) -> int:
        return sum(idx.size for idx, _scores in self.lists)


def candidate_pool(
    requests: Iterable[RequestFacts],
    volunteers: Iterable[VolunteerFacts],
    *,
    max_candidates_per_request: int | None = None,
    excluded: Mapping[int, Collection[int]] | None = None,
) -> CandidatePool:
    """Every allowed pair with a score above 0 (optionally only the best N per
    request), without the pairs in `excluded` (request id → volunteer ids)."""
    requests = tuple(requests)
    table = VolunteerTable(list(volunteers))
    lists = tuple(_candidate_lists(requests, table, max_candidates_per_request, excluded))
    return CandidatePool(requests, table, lists)


def assign_optimal(
    requests: Iterable[RequestFacts],
    volunteers: Iterable[VolunteerFacts],
    *,
    max_candidates_per_request: int | None = None,
    excluded: Mapping[int, Collection[int]] | None = None,
) -> Assignment:
    """Maximise the total score (see the module docstring).

    Exact when `max_candidates_per_request` is None; with a cap, each request
    only considers its best N volunteers (faster, nearly always as good).
    """
    pool = candidate_pool(
        requests,
        volunteers,
        max_candidates_per_request=max_candidates_per_request,
        excluded=excluded,
    )
    return solve_optimal(pool)


def solve_optimal(pool: CandidatePool) -> Assignment:
    return _solve(pool.requests, pool.table, pool.lists)


def _solve(requests, table: VolunteerTable, lists) -> Assignment:
    n = len(requests)
    used = np.unique(np.concatenate([idx for idx, _s in lists] or [np.empty(0, np.int64)]))
    if used.size == 0:
        return _result(requests, {}, 0.0)
    # Columns: every capacity copy of the volunteers that appear, then one
    # "unassigned" column per request. Costs are (MAX_SCORE + 1) - score > 0,
    # unassigned costs MAX_SCORE + 1: minimising cost maximises the total score.
    copies = np.minimum(table.capacity[used], n)
    first = np.zeros(table.size, dtype=np.int64)
    first[used] = np.concatenate(([0], np.cumsum(copies)[:-1]))
    count = np.zeros(table.size, dtype=np.int64)
    count[used] = copies
    real_columns = int(copies.sum())
    base = MAX_SCORE + 1.0
    cols, costs, sizes = [], [], np.empty(n, dtype=np.int64)
    for r, (idx, scores) in enumerate(lists):
        k = count[idx]
        total = int(k.sum())
        col = np.repeat(first[idx], k) + (np.arange(total) - np.repeat(np.cumsum(k) - k, k))
        cols += [col.astype(np.int32), np.array([real_columns + r], dtype=np.int32)]
        costs += [base - np.repeat(scores, k), np.array([base])]
        sizes[r] = total + 1
    indptr = np.concatenate(([0], np.cumsum(sizes)))
    graph = csr_array(
        (np.concatenate(costs), np.concatenate(cols), indptr), shape=(n, real_columns + n)
    )
    del cols, costs
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    owner = np.repeat(used, copies)
    pairs: dict[int, int] = {}
    total_score = 0.0
    for r, c in zip(row_ind.tolist(), col_ind.tolist(), strict=True):
        if c < real_columns:
            v = owner[c]
            idx, scores = lists[r]
            pairs[requests[r].id] = int(table.ids[v])
            total_score += float(scores[np.flatnonzero(idx == v)[0]])
    return _result(requests, pairs, total_score)


def assign_greedy(
    requests: Iterable[RequestFacts],
    volunteers: Iterable[VolunteerFacts],
    *,
    excluded: Mapping[int, Collection[int]] | None = None,
) -> Assignment:
    """Most urgent request first (then lowest id); each takes its best free volunteer."""
    return solve_greedy(candidate_pool(requests, volunteers, excluded=excluded))


def solve_greedy(pool: CandidatePool) -> Assignment:
    """Greedy on a pool; with a capped pool it only sees the best N per request."""
    return _greedy(pool.requests, pool.table, pool.lists)


def _greedy(requests, table: VolunteerTable, lists) -> Assignment:
    left = table.capacity.copy()
    pairs: dict[int, int] = {}
    total = 0.0
    order = sorted(range(len(requests)), key=lambda r: (-requests[r].urgency, requests[r].id))
    for r in order:
        idx, scores = lists[r]
        for v, points in zip(idx.tolist(), scores.tolist(), strict=True):
            if left[v] > 0:
                left[v] -= 1
                pairs[requests[r].id] = int(table.ids[v])
                total += points
                break
    return _result(requests, pairs, total)
