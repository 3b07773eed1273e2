"""Reading the parts of an instrument file: typed fields, scales, items,
subscales and bands, each checked on its own.

A broken file must fail loudly at start-up with a message that names the
file and the place, never give a wrong score to a carer; these readers give
that message. How the parts must agree with each other is checked in
`instrument_files`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from samenspel.domain.instrument_model import (
    SEVERITIES,
    Band,
    InstrumentError,
    Item,
    Option,
    Scale,
    Subscale,
)

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")


def invalid(source_name: str, problem: str) -> InstrumentError:
    """The error for a problem in this file, naming the file first."""
    return InstrumentError(f"{source_name}: {problem}")


def read_value(data: Mapping, key: str, kinds, where: str, src: str, *, nullable=False):
    if key not in data:
        raise invalid(src, f"{where} is missing required key {key!r}")
    value = data[key]
    if value is None and nullable:
        return None
    # bool is an int subclass; never accept it where a number is meant.
    if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
        raise invalid(src, f"{where}: {key!r} must be {_kind_name(kinds)}, got a boolean")
    if not isinstance(value, kinds):
        raise invalid(src, f"{where}: {key!r} must be {_kind_name(kinds)}, got {value!r}")
    return value


def _kind_name(kinds) -> str:
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}
    names.update({list: "a list", dict: "an object"})
    return " or ".join(names.get(k, k.__name__) for k in kinds if not (k is int and float in kinds))


def read_text(data, key, where, src, *, nullable=False) -> str | None:
    value = read_value(data, key, str, where, src, nullable=nullable)
    if value is not None and not value.strip():
        raise invalid(src, f"{where}: {key!r} must not be empty")
    return value


def read_number(data, key, where, src, *, nullable=False) -> float | None:
    value = read_value(data, key, (int, float), where, src, nullable=nullable)
    if value is not None and not math.isfinite(value):
        raise invalid(src, f"{where}: {key!r} must be a finite number")
    return None if value is None else float(value)


def read_ident(data, key, where, src) -> str:
    value = read_text(data, key, where, src)
    if not _ID_RE.match(value):
        raise invalid(
            src, f"{where}: {key!r} {value!r} must use lowercase letters, digits and '_' only"
        )
    return value


def parse_scales(raw, src) -> dict[str, Scale]:
    if not isinstance(raw, dict) or not raw:
        raise invalid(src, "'scales' must be a non-empty object of scale id -> options")
    scales = {}
    for scale_id, options in raw.items():
        where = f"scale {scale_id!r}"
        if not _ID_RE.match(scale_id):
            raise invalid(src, f"{where}: scale ids use lowercase letters, digits and '_' only")
        if not isinstance(options, list) or not options:
            raise invalid(src, f"{where} must be a non-empty list of options")
        parsed, seen = [], set()
        for n, opt in enumerate(options, 1):
            owhere = f"{where} option {n}"
            if not isinstance(opt, dict):
                raise invalid(src, f"{owhere} must be an object with value, label and score")
            value = read_text(opt, "value", owhere, src)
            if value in seen:
                raise invalid(src, f"{where} has duplicate option value {value!r}")
            seen.add(value)
            label = read_text(opt, "label", owhere, src)
            score = read_value(opt, "score", int, owhere, src)
            parsed.append(Option(value=value, label=label, score=score))
        scales[scale_id] = Scale(id=scale_id, options=tuple(parsed))
    return scales


def parse_items(raw, scales, src) -> tuple[Item, ...]:
    if not isinstance(raw, list) or not raw:
        raise invalid(src, "'items' must be a non-empty list")
    items, seen = [], set()
    for n, it in enumerate(raw, 1):
        if not isinstance(it, dict):
            raise invalid(src, f"item {n} must be an object")
        item_id = read_ident(it, "id", f"item {n}", src)
        where = f"item {item_id!r}"
        if item_id in seen:
            raise invalid(src, f"duplicate item id {item_id!r}")
        seen.add(item_id)
        text = read_text(it, "text", where, src, nullable=True)
        scale = read_text(it, "scale", where, src)
        if scale not in scales:
            raise invalid(src, f"{where} uses unknown scale {scale!r}")
        reverse = it.get("reverse", False)
        if not isinstance(reverse, bool):
            raise invalid(src, f"{where}: 'reverse' must be true or false")
        if reverse and len(scales[scale].options) < 2:
            raise invalid(src, f"{where} is reverse-scored but scale {scale!r} has one option")
        subscale = it.get("subscale")
        if subscale is not None and not isinstance(subscale, str):
            raise invalid(src, f"{where}: 'subscale' must be a string or null")
        unknown = set(it) - {"id", "text", "scale", "reverse", "subscale"}
        if unknown:
            raise invalid(src, f"{where} has unknown keys {sorted(unknown)}")
        items.append(Item(item_id, text, scale, reverse, subscale))
    return tuple(items)


def parse_subscales(raw, items, src) -> tuple[Subscale, ...]:
    if not isinstance(raw, list):
        raise invalid(src, "'subscales' must be a list (may be empty)")
    item_ids = {it.id for it in items}
    subscales, seen = [], set()
    for n, sub in enumerate(raw, 1):
        if not isinstance(sub, dict):
            raise invalid(src, f"subscale {n} must be an object")
        sub_id = read_ident(sub, "id", f"subscale {n}", src)
        where = f"subscale {sub_id!r}"
        if sub_id in seen:
            raise invalid(src, f"duplicate subscale id {sub_id!r}")
        seen.add(sub_id)
        label = read_text(sub, "label", where, src)
        members = read_value(sub, "items", list, where, src)
        if not members:
            raise invalid(src, f"{where} has no items")
        for member in members:
            if member not in item_ids:
                raise invalid(src, f"{where} lists unknown item {member!r}")
        if len(set(members)) != len(members):
            raise invalid(src, f"{where} lists an item twice")
        higher_is_worse = sub.get("higher_is_worse", True)
        if not isinstance(higher_is_worse, bool):
            raise invalid(src, f"{where}: 'higher_is_worse' must be true or false")
        subscales.append(Subscale(sub_id, label, tuple(members), higher_is_worse))
    return tuple(subscales)


def parse_bands(raw, src) -> tuple[Band, ...]:
    if not isinstance(raw, list):
        raise invalid(src, "'bands' must be a list (may be empty)")
    bands, seen = [], set()
    for n, b in enumerate(raw, 1):
        if not isinstance(b, dict):
            raise invalid(src, f"band {n} must be an object")
        band_id = read_ident(b, "id", f"band {n}", src)
        where = f"band {band_id!r}"
        if band_id in seen:
            raise invalid(src, f"duplicate band id {band_id!r}")
        seen.add(band_id)
        lo = read_number(b, "min", where, src)
        hi = read_number(b, "max", where, src)
        if lo > hi:
            raise invalid(src, f"{where}: min {lo:g} is above max {hi:g}")
        steps = read_value(b, "next_steps", list, where, src)
        if not all(isinstance(s, str) and s.strip() for s in steps):
            raise invalid(src, f"{where}: 'next_steps' must be a list of non-empty strings")
        severity = read_text(b, "severity", where, src)
        if severity not in SEVERITIES:
            raise invalid(src, f"{where}: severity {severity!r} is not one of {sorted(SEVERITIES)}")
        bands.append(
            Band(
                id=band_id,
                min=lo,
                max=hi,
                label=read_text(b, "label", where, src),
                meaning=read_text(b, "meaning", where, src),
                next_steps=tuple(steps),
                severity=severity,
            )
        )
    return tuple(sorted(bands, key=lambda b: b.min))


def check_bands(bands, lo, hi, src) -> None:
    """Integer totals: every score from lo to hi falls in exactly one band."""
    if not bands:
        return
    for b in bands:
        if b.min != int(b.min) or b.max != int(b.max):
            raise invalid(src, f"band {b.id!r}: bounds must be whole numbers for this scoring")
    if bands[0].min != lo:
        raise invalid(src, f"bands start at {bands[0].min:g}, not at min_score {lo:g}")
    for prev, nxt in zip(bands, bands[1:], strict=False):
        if nxt.min <= prev.max:
            raise invalid(src, f"bands {prev.id!r} and {nxt.id!r} overlap")
        if nxt.min > prev.max + 1:
            raise invalid(
                src,
                f"gap between bands {prev.id!r} and {nxt.id!r}: "
                f"no band for {prev.max + 1:g}..{nxt.min - 1:g}",
            )
    if bands[-1].max != hi:
        raise invalid(src, f"bands end at {bands[-1].max:g}, not at max_score {hi:g}")
