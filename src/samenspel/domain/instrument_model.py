"""What an instrument is once its file has been read and checked.

Frozen dataclasses only, so a checked instrument cannot change under a
carer's answers; `instrument_files` builds them, `instrument_scoring` reads
them. The scoring rules are described in `samenspel.domain.instruments`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = frozenset({"validated", "check_in"})
SCORINGS = frozenset({"sum", "count_positive", "subscale_means"})
SEVERITIES = frozenset({"low", "medium", "high"})  # = domain.vocabulary.Severity values


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
