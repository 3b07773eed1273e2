"""Team thermometer: aggregate the team's answers per factor (seed 003).

Plain Python so the privacy rule (never fewer than three respondents) and the
disagreement rule can be tested without a database. The input is one dict of
factor scores (1..5, higher is better) per submitted response, as given by
``domain.instruments.score(...).subscale_scores``.

Product choices (not from a publication):

* ``MIN_RESPONDENTS = 3``: with fewer answers a colleague could work out what one
  person answered, so nothing but the count is shown.
* ``MIN_RESPONDENTS_FOR_SPREAD = 5``: the spread in numbers (standard deviation,
  lowest and highest score) only from five answers on. With three, someone who
  knows their own answer can work out the other two from mean and spread (with
  the range it is trivial: if you are neither lowest nor highest, the others
  are). With three or four the team sees only the coarse word "veel verschil" or
  "weinig verschil": where the team disagrees matters as much as the score.
* ``DECIMALS = 1``: every figure is rounded to the one decimal people see, here
  and not only in the template, so no more precision leaves this module and the
  labels ("laag", "veel verschil", the trend) agree with the shown numbers.
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
from dataclasses import dataclass, replace

MIN_RESPONDENTS = 3  # product choice, see module docstring
MIN_RESPONDENTS_FOR_SPREAD = 5  # product choice, see module docstring
DISAGREEMENT_SD = 1.0  # product choice, see module docstring
LOW_MEAN = 2.5  # product choice, see module docstring
DECIMALS = 1  # product choice, see module docstring


@dataclass(frozen=True)
class FactorResult:
    factor: str
    n: int
    mean: float  # rounded to DECIMALS
    # Population SD (we describe this team, not a sample) and the lowest and
    # highest score, rounded; None below MIN_RESPONDENTS_FOR_SPREAD.
    sd: float | None
    low: float | None
    high: float | None
    disagreement: bool  # shown at every n from MIN_RESPONDENTS, as a word
    is_low: bool
    change: float | None = None  # mean minus the previous usable round's mean

    @property
    def spread_shown(self) -> bool:
        return self.sd is not None


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


def population_sd(values: Sequence[float], mean: float) -> float:
    """Population SD: we describe these people, not a sample."""
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def shown(value: float) -> float:
    """The value as it is shown: rules decide on this, never on hidden decimals."""
    return round(value, DECIMALS)


def _factor(factor_id: str, values: Sequence[float]) -> FactorResult:
    raw_mean = sum(values) / len(values)
    mean = shown(raw_mean)
    sd = shown(population_sd(values, raw_mean))
    spread = len(values) >= MIN_RESPONDENTS_FOR_SPREAD
    return FactorResult(
        factor=factor_id,
        n=len(values),
        mean=mean,
        sd=sd if spread else None,
        low=shown(min(values)) if spread else None,
        high=shown(max(values)) if spread else None,
        disagreement=sd >= DISAGREEMENT_SD,
        is_low=mean <= LOW_MEAN,
    )


def aggregate(factor_ids: Sequence[str], responses: Sequence[Mapping[str, float]]) -> RoundResult:
    """Per-factor mean, spread and n; empty when fewer than MIN_RESPONDENTS answered.

    The spread comes in numbers only from MIN_RESPONDENTS_FOR_SPREAD answers on;
    below that only as the ``disagreement`` flag.

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
        factors.append(_factor(factor_id, values))
    return RoundResult(n=n, enough=True, factors=tuple(factors))


def with_trend(current: RoundResult, earlier: Sequence[RoundResult]) -> RoundResult:
    """Add the change per factor against the latest earlier round with enough answers.

    ``earlier`` is in time order, oldest first. The change is that of the shown
    (rounded) means, so "3,0 then 4,0" reads "+1,0".
    """
    if not current.enough:
        return current
    previous = next((r for r in reversed(earlier) if r.enough), None)
    if previous is None:
        return current
    factors = []
    for f in current.factors:
        before = previous.factor(f.factor)
        change = None if before is None else shown(f.mean - before.mean)
        factors.append(replace(f, change=change))
    return RoundResult(n=current.n, enough=True, factors=tuple(factors))


def series(
    factor_ids: Sequence[str], rounds: Sequence[Sequence[Mapping[str, float]]]
) -> list[RoundResult]:
    """Aggregate several rounds (oldest first), each with its trend."""
    results: list[RoundResult] = []
    for responses in rounds:
        results.append(with_trend(aggregate(factor_ids, responses), results))
    return results
