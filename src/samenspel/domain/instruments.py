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
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = frozenset({"validated", "check_in"})
SCORINGS = frozenset({"sum", "count_positive", "subscale_means"})
SEVERITIES = frozenset({"low", "medium", "high"})  # = domain.vocabulary.Severity values

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_VERSION_RE = re.compile(r"^\d+(\.\d+)*$")

REQUIRED_KEYS = (
    "id",
    "version",
    "name",
    "short_name",
    "kind",
    "description",
    "instructions",
    "source",
    "licence",
    "translation_note",
    "scoring",
    "positive_values",
    "cutoff",
    "higher_is_worse",
    "min_score",
    "max_score",
    "rise_threshold",
    "scales",
    "items",
    "bands",
    "subscales",
)
OPTIONAL_KEYS = ("notes",)


class InstrumentError(ValueError):
    """An instrument definition is invalid (developer-facing, English)."""


class AnswerError(ValueError):
    """An answer does not fit the instrument; the web layer shows a Dutch message.

    ``code`` is one of "unknown_item", "invalid_value", "incomplete".
    """

    def __init__(self, message: str, *, code: str, item_id: str | None = None, value=None):
        super().__init__(message)
        self.code = code
        self.item_id = item_id
        self.value = value


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    score: int


@dataclass(frozen=True)
class Scale:
    id: str
    options: tuple[Option, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    @property
    def min_score(self) -> int:
        return min(o.score for o in self.options)

    @property
    def max_score(self) -> int:
        return max(o.score for o in self.options)

    def option(self, value: str) -> Option | None:
        for o in self.options:
            if o.value == value:
                return o
        return None


@dataclass(frozen=True)
class Item:
    id: str
    text: str | None  # None: the wording is not shipped (licence); see the file's notes
    scale: str
    reverse: bool = False
    subscale: str | None = None


@dataclass(frozen=True)
class Band:
    id: str
    min: float
    max: float
    label: str
    meaning: str
    next_steps: tuple[str, ...]
    severity: str  # "low" | "medium" | "high"


@dataclass(frozen=True)
class Subscale:
    id: str
    label: str
    items: tuple[str, ...]
    # CRA-D self-esteem is a positive dimension: a higher mean is better.
    higher_is_worse: bool = True


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    name: str
    short_name: str
    kind: str  # "validated" | "check_in"
    description: str
    instructions: str
    source: str
    licence: str
    translation_note: str
    scoring: str  # "sum" | "count_positive" | "subscale_means"
    positive_values: frozenset[str]
    cutoff: float | None
    higher_is_worse: bool
    min_score: float
    max_score: float
    items: tuple[Item, ...]
    scales: dict[str, Scale] = field(hash=False)
    bands: tuple[Band, ...]
    subscales: tuple[Subscale, ...]
    items_complete: bool  # False when some item texts are not shipped
    rise_threshold: float | None = None  # product choice per instrument, see notes
    notes: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    @property
    def is_validated(self) -> bool:
        return self.kind == "validated"

    def item(self, item_id: str) -> Item:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(f"{self.id} {self.version}: no item {item_id!r}")

    def scale_of(self, item: Item | str) -> Scale:
        if isinstance(item, str):
            item = self.item(item)
        return self.scales[item.scale]

    def item_score(self, item: Item | str, value: str) -> int:
        """The score of one answer, reverse scoring applied."""
        if isinstance(item, str):
            item = self.item(item)
        scale = self.scales[item.scale]
        option = scale.option(value)
        if option is None:
            raise AnswerError(
                f"{self.id}: value {value!r} is not on the scale of item {item.id!r}",
                code="invalid_value",
                item_id=item.id,
                value=value,
            )
        if item.reverse:
            return scale.max_score + scale.min_score - option.score
        return option.score

    def band_for(self, total: float | None) -> Band | None:
        if total is None:
            return None
        for band in self.bands:
            if band.min <= total <= band.max:
                return band
        return None

    def subscale(self, subscale_id: str) -> Subscale:
        for s in self.subscales:
            if s.id == subscale_id:
                return s
        raise KeyError(f"{self.id} {self.version}: no subscale {subscale_id!r}")


@dataclass(frozen=True)
class Result:
    total: float | None
    subscale_scores: dict[str, float] = field(hash=False)
    band: Band | None
    answered: int
    missing: tuple[str, ...]
    complete: bool
    at_or_above_cutoff: bool


# --- loading and validation -------------------------------------------------


def _fail(source_name: str, problem: str) -> InstrumentError:
    return InstrumentError(f"{source_name}: {problem}")


def _get(data: Mapping, key: str, kinds, where: str, src: str, *, nullable=False):
    if key not in data:
        raise _fail(src, f"{where} is missing required key {key!r}")
    value = data[key]
    if value is None and nullable:
        return None
    # bool is an int subclass; never accept it where a number is meant.
    if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
        raise _fail(src, f"{where}: {key!r} must be {_kind_name(kinds)}, got a boolean")
    if not isinstance(value, kinds):
        raise _fail(src, f"{where}: {key!r} must be {_kind_name(kinds)}, got {value!r}")
    return value


def _kind_name(kinds) -> str:
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}
    names.update({list: "a list", dict: "an object"})
    return " or ".join(names.get(k, k.__name__) for k in kinds if not (k is int and float in kinds))


def _text(data, key, where, src, *, nullable=False) -> str | None:
    value = _get(data, key, str, where, src, nullable=nullable)
    if value is not None and not value.strip():
        raise _fail(src, f"{where}: {key!r} must not be empty")
    return value


def _number(data, key, where, src, *, nullable=False) -> float | None:
    value = _get(data, key, (int, float), where, src, nullable=nullable)
    if value is not None and not math.isfinite(value):
        raise _fail(src, f"{where}: {key!r} must be a finite number")
    return None if value is None else float(value)


def _ident(data, key, where, src) -> str:
    value = _text(data, key, where, src)
    if not _ID_RE.match(value):
        raise _fail(
            src, f"{where}: {key!r} {value!r} must use lowercase letters, digits and '_' only"
        )
    return value


def _parse_scales(raw, src) -> dict[str, Scale]:
    if not isinstance(raw, dict) or not raw:
        raise _fail(src, "'scales' must be a non-empty object of scale id -> options")
    scales = {}
    for scale_id, options in raw.items():
        where = f"scale {scale_id!r}"
        if not _ID_RE.match(scale_id):
            raise _fail(src, f"{where}: scale ids use lowercase letters, digits and '_' only")
        if not isinstance(options, list) or not options:
            raise _fail(src, f"{where} must be a non-empty list of options")
        parsed, seen = [], set()
        for n, opt in enumerate(options, 1):
            owhere = f"{where} option {n}"
            if not isinstance(opt, dict):
                raise _fail(src, f"{owhere} must be an object with value, label and score")
            value = _text(opt, "value", owhere, src)
            if value in seen:
                raise _fail(src, f"{where} has duplicate option value {value!r}")
            seen.add(value)
            label = _text(opt, "label", owhere, src)
            score = _get(opt, "score", int, owhere, src)
            parsed.append(Option(value=value, label=label, score=score))
        scales[scale_id] = Scale(id=scale_id, options=tuple(parsed))
    return scales


def _parse_items(raw, scales, src) -> tuple[Item, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(src, "'items' must be a non-empty list")
    items, seen = [], set()
    for n, it in enumerate(raw, 1):
        if not isinstance(it, dict):
            raise _fail(src, f"item {n} must be an object")
        item_id = _ident(it, "id", f"item {n}", src)
        where = f"item {item_id!r}"
        if item_id in seen:
            raise _fail(src, f"duplicate item id {item_id!r}")
        seen.add(item_id)
        text = _text(it, "text", where, src, nullable=True)
        scale = _text(it, "scale", where, src)
        if scale not in scales:
            raise _fail(src, f"{where} uses unknown scale {scale!r}")
        reverse = it.get("reverse", False)
        if not isinstance(reverse, bool):
            raise _fail(src, f"{where}: 'reverse' must be true or false")
        if reverse and len(scales[scale].options) < 2:
            raise _fail(src, f"{where} is reverse-scored but scale {scale!r} has one option")
        subscale = it.get("subscale")
        if subscale is not None and not isinstance(subscale, str):
            raise _fail(src, f"{where}: 'subscale' must be a string or null")
        unknown = set(it) - {"id", "text", "scale", "reverse", "subscale"}
        if unknown:
            raise _fail(src, f"{where} has unknown keys {sorted(unknown)}")
        items.append(Item(item_id, text, scale, reverse, subscale))
    return tuple(items)


def _parse_subscales(raw, items, src) -> tuple[Subscale, ...]:
    if not isinstance(raw, list):
        raise _fail(src, "'subscales' must be a list (may be empty)")
    item_ids = {it.id for it in items}
    subscales, seen = [], set()
    for n, sub in enumerate(raw, 1):
        if not isinstance(sub, dict):
            raise _fail(src, f"subscale {n} must be an object")
        sub_id = _ident(sub, "id", f"subscale {n}", src)
        where = f"subscale {sub_id!r}"
        if sub_id in seen:
            raise _fail(src, f"duplicate subscale id {sub_id!r}")
        seen.add(sub_id)
        label = _text(sub, "label", where, src)
        members = _get(sub, "items", list, where, src)
        if not members:
            raise _fail(src, f"{where} has no items")
        for member in members:
            if member not in item_ids:
                raise _fail(src, f"{where} lists unknown item {member!r}")
        if len(set(members)) != len(members):
            raise _fail(src, f"{where} lists an item twice")
        higher_is_worse = sub.get("higher_is_worse", True)
        if not isinstance(higher_is_worse, bool):
            raise _fail(src, f"{where}: 'higher_is_worse' must be true or false")
        subscales.append(Subscale(sub_id, label, tuple(members), higher_is_worse))
    return tuple(subscales)


def _parse_bands(raw, src) -> tuple[Band, ...]:
    if not isinstance(raw, list):
        raise _fail(src, "'bands' must be a list (may be empty)")
    bands, seen = [], set()
    for n, b in enumerate(raw, 1):
        if not isinstance(b, dict):
            raise _fail(src, f"band {n} must be an object")
        band_id = _ident(b, "id", f"band {n}", src)
        where = f"band {band_id!r}"
        if band_id in seen:
            raise _fail(src, f"duplicate band id {band_id!r}")
        seen.add(band_id)
        lo = _number(b, "min", where, src)
        hi = _number(b, "max", where, src)
        if lo > hi:
            raise _fail(src, f"{where}: min {lo:g} is above max {hi:g}")
        steps = _get(b, "next_steps", list, where, src)
        if not all(isinstance(s, str) and s.strip() for s in steps):
            raise _fail(src, f"{where}: 'next_steps' must be a list of non-empty strings")
        severity = _text(b, "severity", where, src)
        if severity not in SEVERITIES:
            raise _fail(src, f"{where}: severity {severity!r} is not one of {sorted(SEVERITIES)}")
        bands.append(
            Band(
                id=band_id,
                min=lo,
                max=hi,
                label=_text(b, "label", where, src),
                meaning=_text(b, "meaning", where, src),
                next_steps=tuple(steps),
                severity=severity,
            )
        )
    return tuple(sorted(bands, key=lambda b: b.min))


def _check_bands(bands, lo, hi, src) -> None:
    """Integer totals: every score from lo to hi falls in exactly one band."""
    if not bands:
        return
    for b in bands:
        if b.min != int(b.min) or b.max != int(b.max):
            raise _fail(src, f"band {b.id!r}: bounds must be whole numbers for this scoring")
    if bands[0].min != lo:
        raise _fail(src, f"bands start at {bands[0].min:g}, not at min_score {lo:g}")
    for prev, nxt in zip(bands, bands[1:], strict=False):
        if nxt.min <= prev.max:
            raise _fail(src, f"bands {prev.id!r} and {nxt.id!r} overlap")
        if nxt.min > prev.max + 1:
            raise _fail(
                src,
                f"gap between bands {prev.id!r} and {nxt.id!r}: "
                f"no band for {prev.max + 1:g}..{nxt.min - 1:g}",
            )
    if bands[-1].max != hi:
        raise _fail(src, f"bands end at {bands[-1].max:g}, not at max_score {hi:g}")


def parse_instrument(data: dict, *, source_name: str) -> Instrument:
    """Build an Instrument from decoded JSON, checking every rule."""
    src = source_name
    if not isinstance(data, dict):
        raise _fail(src, "the file must contain one JSON object")
    for key in REQUIRED_KEYS:
        if key not in data:
            raise _fail(src, f"missing required key {key!r}")
    unknown = set(data) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS)
    if unknown:
        raise _fail(src, f"unknown keys {sorted(unknown)}")
    top = "instrument"
    inst_id = _ident(data, "id", top, src)
    version = _text(data, "version", top, src)
    if not _VERSION_RE.match(version):
        raise _fail(src, f"version {version!r} must look like '1.0'")
    kind = _text(data, "kind", top, src)
    if kind not in KINDS:
        raise _fail(src, f"kind {kind!r} is not one of {sorted(KINDS)}")
    scoring = _text(data, "scoring", top, src)
    if scoring not in SCORINGS:
        raise _fail(src, f"scoring {scoring!r} is not one of {sorted(SCORINGS)}")
    higher_is_worse = _get(data, "higher_is_worse", bool, top, src)
    min_score = _number(data, "min_score", top, src)
    max_score = _number(data, "max_score", top, src)
    cutoff = _number(data, "cutoff", top, src, nullable=True)
    rise_threshold = _number(data, "rise_threshold", top, src, nullable=True)
    if rise_threshold is not None and rise_threshold <= 0:
        raise _fail(src, "rise_threshold must be above 0")

    scales = _parse_scales(data["scales"], src)
    items = _parse_items(data["items"], scales, src)
    subscales = _parse_subscales(data["subscales"], items, src)
    bands = _parse_bands(data["bands"], src)

    raw_positive = _get(data, "positive_values", list, top, src)
    if not all(isinstance(v, str) for v in raw_positive):
        raise _fail(src, "'positive_values' must be a list of strings")
    positive = frozenset(raw_positive)

    used_scales = {it.scale for it in items}
    unused = set(scales) - used_scales
    if unused:
        raise _fail(src, f"scales {sorted(unused)} are not used by any item")

    # Derived range: a file whose min/max disagree with its items is a typo.
    if scoring == "sum":
        lo = sum(scales[it.scale].min_score for it in items)
        hi = sum(scales[it.scale].max_score for it in items)
    elif scoring == "count_positive":
        lo, hi = 0, len(items)
    else:
        lo = min(scales[s].min_score for s in used_scales)
        hi = max(scales[s].max_score for s in used_scales)
    if (min_score, max_score) != (lo, hi):
        raise _fail(
            src,
            f"min_score/max_score are {min_score:g}..{max_score:g} "
            f"but the items give {lo:g}..{hi:g}",
        )

    if scoring == "count_positive":
        if not positive:
            raise _fail(src, "scoring 'count_positive' needs non-empty 'positive_values'")
        all_values = {v for s in used_scales for v in scales[s].values}
        missing = positive - all_values
        if missing:
            raise _fail(src, f"positive_values {sorted(missing)} are not on any item's scale")
        for it in items:
            if not positive & set(scales[it.scale].values):
                raise _fail(src, f"item {it.id!r} can never score: no positive value on its scale")
            if it.reverse:
                raise _fail(
                    src, f"item {it.id!r}: reverse scoring is not allowed with count_positive"
                )
    elif positive:
        raise _fail(src, f"'positive_values' is only used with count_positive, not {scoring!r}")

    # Link items and subscales both ways and check they agree.
    membership: dict[str, str] = {}
    for sub in subscales:
        for member in sub.items:
            if member in membership:
                raise _fail(
                    src, f"item {member!r} is in subscales {membership[member]!r} and {sub.id!r}"
                )
            membership[member] = sub.id
    linked = []
    for it in items:
        sub_id = membership.get(it.id)
        if it.subscale is not None and it.subscale != sub_id:
            raise _fail(
                src,
                f"item {it.id!r} names subscale {it.subscale!r} but is listed under {sub_id!r}",
            )
        linked.append(Item(it.id, it.text, it.scale, it.reverse, sub_id))
    items = tuple(linked)

    if scoring == "subscale_means":
        if not subscales:
            raise _fail(src, "scoring 'subscale_means' needs subscales")
        orphans = [it.id for it in items if it.subscale is None]
        if orphans:
            raise _fail(src, f"items {orphans} are not in any subscale")
        if bands:
            raise _fail(src, "scoring 'subscale_means' has no total, so it cannot have bands")
        if cutoff is not None:
            raise _fail(src, "scoring 'subscale_means' has no total, so it cannot have a cutoff")
        if rise_threshold is not None:
            raise _fail(src, "scoring 'subscale_means' has no total: rise_threshold must be null")
    else:
        _check_bands(bands, min_score, max_score, src)

    if cutoff is not None and not (min_score <= cutoff <= max_score):
        raise _fail(src, f"cutoff {cutoff:g} is outside {min_score:g}..{max_score:g}")

    notes = data.get("notes", "")
    if isinstance(notes, list):
        notes = "\n".join(str(n) for n in notes)
    if not isinstance(notes, str):
        raise _fail(src, "'notes' must be a string or a list of strings")

    return Instrument(
        id=inst_id,
        version=version,
        name=_text(data, "name", top, src),
        short_name=_text(data, "short_name", top, src),
        kind=kind,
        description=_text(data, "description", top, src),
        instructions=_text(data, "instructions", top, src),
        source=_text(data, "source", top, src),
        licence=_text(data, "licence", top, src),
        translation_note=_text(data, "translation_note", top, src),
        scoring=scoring,
        positive_values=positive,
        cutoff=cutoff,
        higher_is_worse=higher_is_worse,
        min_score=min_score,
        max_score=max_score,
        items=items,
        scales=scales,
        bands=bands,
        subscales=subscales,
        items_complete=all(it.text is not None for it in items),
        rise_threshold=rise_threshold,
        notes=notes,
    )


def load_instrument_file(path: str | Path) -> Instrument:
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InstrumentError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise InstrumentError(f"{path.name}: is not valid UTF-8 text") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InstrumentError(
            f"{path.name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    return parse_instrument(data, source_name=path.name)


# --- scoring ---------------------------------------------------------------


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
