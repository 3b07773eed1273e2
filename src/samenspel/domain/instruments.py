"""Questionnaire engine for carer-burden instruments (draagkracht/draaglast, 003).

Instruments are data (JSON files), not code, so that an organisation can add or
version an instrument without a developer. Everything in a file is checked when it
is loaded: a broken file must fail loudly at start-up, never give a wrong score to
a carer. Scoring is plain Python so it can be tested without Django.

Scoring rules:

* ``sum``: the sum of the option scores; a reverse-scored item scores
  ``(scale max + scale min) - score``.
* ``count_positive``: one point for every answer whose value is in
  ``positive_values`` (EDIZ). Reverse items are not allowed here: "positive" is
  already a statement about the answer itself.
* ``subscale_means``: the mean item score (reverse handled) per subscale (CRA-D).
  There is no total: the publication reports subscales only, so ``total`` is None,
  and bands and cut-off are not allowed.

An incomplete set of answers never yields a score: ``total`` is None and
``complete`` is False. A partial sum would look like a low (reassuring) result.

This module is the one door: import from here. The code lives in
`instrument_model` (the checked dataclasses), `instrument_parts` and
`instrument_files` (reading and checking a file) and `instrument_scoring`.
"""

from __future__ import annotations

from samenspel.domain.instrument_files import (
    OPTIONAL_KEYS,
    REQUIRED_KEYS,
    load_instrument_file,
    parse_instrument,
)
from samenspel.domain.instrument_model import (
    KINDS,
    SCORINGS,
    SEVERITIES,
    AnswerError,
    Band,
    Instrument,
    InstrumentError,
    Item,
    Option,
    Result,
    Scale,
    Subscale,
)
from samenspel.domain.instrument_scoring import (
    cutoff_reached,
    is_rise_signal,
    rise,
    score,
    validate_answers,
    worse_by,
)

__all__ = [
    "KINDS",
    "OPTIONAL_KEYS",
    "REQUIRED_KEYS",
    "SCORINGS",
    "SEVERITIES",
    "AnswerError",
    "Band",
    "Instrument",
    "InstrumentError",
    "Item",
    "Option",
    "Result",
    "Scale",
    "Subscale",
    "cutoff_reached",
    "is_rise_signal",
    "load_instrument_file",
    "parse_instrument",
    "rise",
    "score",
    "validate_answers",
    "worse_by",
]
