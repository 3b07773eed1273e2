"""Scoring a carer's answers, and comparing two scores in the instrument's
own direction.

Apart from reading files because it runs on every saved answer, and because
its one promise matters most: an incomplete set of answers never yields a
score (see `samenspel.domain.instruments`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from samenspel.domain.instrument_model import AnswerError, Instrument, Result


def _clean_answers(instrument: Instrument, answers: Mapping[str, Any]) -> dict[str, str]:
    """Drop blank answers (a draft form posts ''), reject anything that does not fit."""
    known = {it.id for it in instrument.items}
    cleaned = {}
    for item_id, value in answers.items():
        if item_id not in known:
            raise AnswerError(
                f"{instrument.id}: unknown item {item_id!r}", code="unknown_item", item_id=item_id
            )
        if value is None or value == "":
            continue
        item = instrument.item(item_id)
        if not isinstance(value, str) or instrument.scale_of(item).option(value) is None:
            raise AnswerError(
                f"{instrument.id}: value {value!r} is not on the scale of item {item_id!r}",
                code="invalid_value",
                item_id=item_id,
                value=value,
            )
        cleaned[item_id] = value
    return cleaned


def validate_answers(instrument: Instrument, answers: Mapping[str, Any]) -> dict[str, str]:
    """Public form of the answer check, for saving drafts; returns non-blank answers."""
    return _clean_answers(instrument, answers)


def score(instrument: Instrument, answers: Mapping[str, Any]) -> Result:
    """Score a set of answers; an incomplete set gives no total, band or subscales."""
    cleaned = _clean_answers(instrument, answers)
    missing = tuple(it.id for it in instrument.items if it.id not in cleaned)
    complete = not missing
    if not complete:
        return Result(
            total=None,
            subscale_scores={},
            band=None,
            answered=len(cleaned),
            missing=missing,
            complete=False,
            at_or_above_cutoff=False,
        )

    subscale_scores = {
        sub.id: sum(instrument.item_score(i, cleaned[i]) for i in sub.items) / len(sub.items)
        for sub in instrument.subscales
    }
    if instrument.scoring == "sum":
        total: float | None = float(
            sum(instrument.item_score(it, cleaned[it.id]) for it in instrument.items)
        )
    elif instrument.scoring == "count_positive":
        total = float(sum(1 for v in cleaned.values() if v in instrument.positive_values))
    else:
        total = None
    return Result(
        total=total,
        subscale_scores=subscale_scores,
        band=instrument.band_for(total),
        answered=len(cleaned),
        missing=(),
        complete=True,
        at_or_above_cutoff=cutoff_reached(instrument, total),
    )


def cutoff_reached(instrument: Instrument, total: float | None) -> bool:
    """At or beyond the instrument's cut-off, in its own direction."""
    cutoff = instrument.cutoff
    if total is None or cutoff is None:
        return False
    return total >= cutoff if instrument.higher_is_worse else total <= cutoff


def worse_by(instrument: Instrument, previous: float, current: float) -> float:
    """How much worse a score got (negative: better), in the instrument's direction."""
    return current - previous if instrument.higher_is_worse else previous - current


def rise(previous: Result, current: Result, instrument: Instrument) -> float | None:
    """Change in total since the previous measurement (positive = higher score)."""
    if not (previous.complete and current.complete):
        return None
    if previous.total is None or current.total is None:
        return None
    return current.total - previous.total


def is_rise_signal(previous: Result, current: Result, instrument: Instrument) -> bool:
    """True when the score got worse by at least the instrument's rise_threshold."""
    change = rise(previous, current, instrument)
    if change is None or instrument.rise_threshold is None:
        return False
    return worse_by(instrument, previous.total, current.total) >= instrument.rise_threshold
