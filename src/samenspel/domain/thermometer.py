"""Team thermometer: aggregate the team's answers per factor (seed 003).

Plain Python so the privacy rule (never fewer than three respondents) and the
disagreement rule can be tested without a database. The input is one dict of
factor scores (1..5, higher is better) per submitted response, as given by
``domain.instruments.score(...).subscale_scores``.

Product choices (not from a publication):

* ``MIN_RESPONDENTS = 3``: with fewer answers a colleague could work out what one
  person answered, so nothing but the count is shown.
* ``DISAGREEMENT_SD = 1.0``: a standard deviation of one whole scale point or more
  means the team sees this factor quite differently; that is worth a talk even
  when the mean looks fine.
* ``LOW_MEAN = 2.5``: at or below the middle-minus-half of the 1..5 scale the
  team mostly disagrees with the statements, so we offer practical suggestions.
* The trend compares with the most recent earlier round that itself had enough
  answers; rounds below the minimum are skipped, never compared.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MIN_RESPONDENTS = 3
DISAGREEMENT_SD = 1.0
LOW_MEAN = 2.5


@dataclass(frozen=True)
class FactorResult:
    factor: str
    n: int
    mean: float
    sd: float  # population standard deviation: we describe this team, not a sample
    low: float
    high: float
    disagreement: bool
    is_low: bool
    change: float | None = None  # mean minus the previous usable round's mean


@dataclass(frozen=True)
class RoundResult:
    n: int
    enough: bool
    factors: tuple[FactorResult, ...]

    def factor(self, factor_id: str) -> FactorResult | None:
        for f in self.factors:
            if f.factor == factor_id:
                return f
        return None


def _sd(values: Sequence[float], mean: float) -> float:
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def aggregate(factor_ids: Sequence[str], responses: Sequence[Mapping[str, float]]) -> RoundResult:
    """Per-factor mean, spread and n; empty when fewer than MIN_RESPONDENTS answered.

    A response missing a factor does not count for that factor (defensive: a
    submitted response is always complete).
    """
    n = len(responses)
    if n < MIN_RESPONDENTS:
        return RoundResult(n=n, enough=False, factors=())
    factors = []
    for factor_id in factor_ids:
        values = [float(r[factor_id]) for r in responses if r.get(factor_id) is not None]
        if len(values) < MIN_RESPONDENTS:
            continue
        mean = sum(values) / len(values)
        sd = _sd(values, mean)
        factors.append(
            FactorResult(
                factor=factor_id,
                n=len(values),
                mean=mean,
                sd=sd,
                low=min(values),
                high=max(values),
                disagreement=sd >= DISAGREEMENT_SD,
                is_low=mean <= LOW_MEAN,
            )
        )
    return RoundResult(n=n, enough=True, factors=tuple(factors))


def with_trend(current: RoundResult, earlier: Sequence[RoundResult]) -> RoundResult:
    """Add the change per factor against the latest earlier round with enough answers.

    ``earlier`` is in time order, oldest first.
    """
    if not current.enough:
        return current
    previous = next((r for r in reversed(earlier) if r.enough), None)
    if previous is None:
        return current
    factors = []
    for f in current.factors:
        before = previous.factor(f.factor)
        change = None if before is None else f.mean - before.mean
        factors.append(
            FactorResult(
                factor=f.factor,
                n=f.n,
                mean=f.mean,
                sd=f.sd,
                low=f.low,
                high=f.high,
                disagreement=f.disagreement,
                is_low=f.is_low,
                change=change,
            )
        )
    return RoundResult(n=current.n, enough=True, factors=tuple(factors))


def series(
    factor_ids: Sequence[str], rounds: Sequence[Sequence[Mapping[str, float]]]
) -> list[RoundResult]:
    """Aggregate several rounds (oldest first), each with its trend."""
    results: list[RoundResult] = []
    for responses in rounds:
        results.append(with_trend(aggregate(factor_ids, responses), results))
    return results
