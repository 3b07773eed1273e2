"""From a JSON file to a checked `Instrument`.

Instruments are data so an organisation can add or version one without a
developer; this is where a file's parts are made to agree (the score range
with the items, subscales with items, bands with the scoring) before any
carer answers it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from samenspel.domain.instrument_model import (
    KINDS,
    SCORINGS,
    Instrument,
    InstrumentError,
    Item,
)
from samenspel.domain.instrument_parts import (
    check_bands,
    invalid,
    parse_bands,
    parse_items,
    parse_scales,
    parse_subscales,
    read_ident,
    read_number,
    read_text,
    read_value,
)

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


def parse_instrument(data: dict, *, source_name: str) -> Instrument:
    """Build an Instrument from decoded JSON, checking every rule."""
    src = source_name
    if not isinstance(data, dict):
        raise invalid(src, "the file must contain one JSON object")
    for key in REQUIRED_KEYS:
        if key not in data:
            raise invalid(src, f"missing required key {key!r}")
    unknown = set(data) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS)
    if unknown:
        raise invalid(src, f"unknown keys {sorted(unknown)}")
    top = "instrument"
    inst_id = read_ident(data, "id", top, src)
    version = read_text(data, "version", top, src)
    if not _VERSION_RE.match(version):
        raise invalid(src, f"version {version!r} must look like '1.0'")
    kind = read_text(data, "kind", top, src)
    if kind not in KINDS:
        raise invalid(src, f"kind {kind!r} is not one of {sorted(KINDS)}")
    scoring = read_text(data, "scoring", top, src)
    if scoring not in SCORINGS:
        raise invalid(src, f"scoring {scoring!r} is not one of {sorted(SCORINGS)}")
    higher_is_worse = read_value(data, "higher_is_worse", bool, top, src)
    min_score = read_number(data, "min_score", top, src)
    max_score = read_number(data, "max_score", top, src)
    cutoff = read_number(data, "cutoff", top, src, nullable=True)
    rise_threshold = read_number(data, "rise_threshold", top, src, nullable=True)
    if rise_threshold is not None and rise_threshold <= 0:
        raise invalid(src, "rise_threshold must be above 0")

    scales = parse_scales(data["scales"], src)
    items = parse_items(data["items"], scales, src)
    subscales = parse_subscales(data["subscales"], items, src)
    bands = parse_bands(data["bands"], src)

    raw_positive = read_value(data, "positive_values", list, top, src)
    if not all(isinstance(v, str) for v in raw_positive):
        raise invalid(src, "'positive_values' must be a list of strings")
    positive = frozenset(raw_positive)

    used_scales = {it.scale for it in items}
    unused = set(scales) - used_scales
    if unused:
        raise invalid(src, f"scales {sorted(unused)} are not used by any item")

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
        raise invalid(
            src,
            f"min_score/max_score are {min_score:g}..{max_score:g} "
            f"but the items give {lo:g}..{hi:g}",
        )

    if scoring == "count_positive":
        if not positive:
            raise invalid(src, "scoring 'count_positive' needs non-empty 'positive_values'")
        all_values = {v for s in used_scales for v in scales[s].values}
        missing = positive - all_values
        if missing:
            raise invalid(src, f"positive_values {sorted(missing)} are not on any item's scale")
        for it in items:
            if not positive & set(scales[it.scale].values):
                raise invalid(
                    src, f"item {it.id!r} can never score: no positive value on its scale"
                )
            if it.reverse:
                raise invalid(
                    src, f"item {it.id!r}: reverse scoring is not allowed with count_positive"
                )
    elif positive:
        raise invalid(src, f"'positive_values' is only used with count_positive, not {scoring!r}")

    # Link items and subscales both ways and check they agree.
    membership: dict[str, str] = {}
    for sub in subscales:
        for member in sub.items:
            if member in membership:
                raise invalid(
                    src, f"item {member!r} is in subscales {membership[member]!r} and {sub.id!r}"
                )
            membership[member] = sub.id
    linked = []
    for it in items:
        sub_id = membership.get(it.id)
        if it.subscale is not None and it.subscale != sub_id:
            raise invalid(
                src,
                f"item {it.id!r} names subscale {it.subscale!r} but is listed under {sub_id!r}",
            )
        linked.append(Item(it.id, it.text, it.scale, it.reverse, sub_id))
    items = tuple(linked)

    if scoring == "subscale_means":
        if not subscales:
            raise invalid(src, "scoring 'subscale_means' needs subscales")
        orphans = [it.id for it in items if it.subscale is None]
        if orphans:
            raise invalid(src, f"items {orphans} are not in any subscale")
        if bands:
            raise invalid(src, "scoring 'subscale_means' has no total, so it cannot have bands")
        if cutoff is not None:
            raise invalid(src, "scoring 'subscale_means' has no total, so it cannot have a cutoff")
        if rise_threshold is not None:
            raise invalid(src, "scoring 'subscale_means' has no total: rise_threshold must be null")
    else:
        check_bands(bands, min_score, max_score, src)

    if cutoff is not None and not (min_score <= cutoff <= max_score):
        raise invalid(src, f"cutoff {cutoff:g} is outside {min_score:g}..{max_score:g}")

    notes = data.get("notes", "")
    if isinstance(notes, list):
        notes = "\n".join(str(n) for n in notes)
    if not isinstance(notes, str):
        raise invalid(src, "'notes' must be a string or a list of strings")

    return Instrument(
        id=inst_id,
        version=version,
        name=read_text(data, "name", top, src),
        short_name=read_text(data, "short_name", top, src),
        kind=kind,
        description=read_text(data, "description", top, src),
        instructions=read_text(data, "instructions", top, src),
        source=read_text(data, "source", top, src),
        licence=read_text(data, "licence", top, src),
        translation_note=read_text(data, "translation_note", top, src),
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
