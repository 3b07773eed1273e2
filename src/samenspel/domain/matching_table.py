"""All volunteers as columns: one request is checked against all at once.

5,000 requests × 10,000 volunteers must not take 50 million Python calls, so
the volunteers' codes become bitmasks and their places arrays, built once per
batch (or once for a single pair, so both use the very same code).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from samenspel.domain.matching_facts import VolunteerFacts, normalise_wijk


class _Codes:
    """Gives every code of one field a bit; more than 64 codes fall back to Python ints."""

    def __init__(self, sets: Iterable[frozenset[str]]):
        self.bits: dict[str, int] = {}
        rows = list(sets)
        for codes in rows:
            for code in codes:
                self.bits.setdefault(code, len(self.bits))
        self.wide = len(self.bits) > 64
        values = [self.mask(codes) for codes in rows]
        self.column = np.array(values, dtype=object if self.wide else np.uint64)

    def mask(self, codes: Iterable[str]) -> int:
        value = 0
        for code in codes:
            bit = self.bits.get(code)
            if bit is not None:
                value |= 1 << bit
        return value

    def overlap(self, mask: int, idx: np.ndarray) -> np.ndarray:
        """Per volunteer: how many of the codes in `mask` they have."""
        column = self.column[idx]
        if self.wide:
            return np.array([int(value & mask).bit_count() for value in column], dtype=np.int64)
        return np.bitwise_count(column & np.uint64(mask)).astype(np.int64)

    def count(self, idx: np.ndarray) -> np.ndarray:
        column = self.column[idx]
        if self.wide:
            return np.array([int(value).bit_count() for value in column], dtype=np.int64)
        return np.bitwise_count(column).astype(np.int64)


class VolunteerTable:
    """All volunteers as columns, so one request is checked against all at once."""

    def __init__(self, volunteers: Sequence[VolunteerFacts]):
        self.volunteers = list(volunteers)
        vols = self.volunteers
        self.size = len(vols)
        self.ids = np.array([v.id for v in vols], dtype=np.int64)
        self.skills = _Codes(v.skills for v in vols)
        self.motives = _Codes(v.motives for v in vols)
        self.languages = _Codes(v.languages for v in vols)
        self.preferences = _Codes(v.preferences for v in vols)
        self.availability = _Codes(v.availability for v in vols)
        self.slot_count = self.availability.count(np.arange(self.size))
        nan = float("nan")
        self.lat = np.radians(
            np.array([nan if v.place.lat is None else v.place.lat for v in vols], dtype=float)
        )
        self.lon = np.radians(
            np.array([nan if v.place.lon is None else v.place.lon for v in vols], dtype=float)
        )
        self.wijken: dict[str, int] = {}
        self.wijk = np.array(
            [
                self.wijken.setdefault(normalise_wijk(v.place.wijk), len(self.wijken))
                if normalise_wijk(v.place.wijk)
                else -1
                for v in vols
            ],
            dtype=np.int64,
        )
        self.max_km = np.array([v.max_distance_km for v in vols], dtype=float)
        self.vog = np.array([v.vog_valid for v in vols], dtype=bool)
        self.capacity = np.array([v.capacity for v in vols], dtype=np.int64)
        # Boundary group: the two volunteer facts check_boundary looks at.
        self.group = np.array(
            [2 * v.trained_personal_care + v.organisation_allows_personal_care for v in vols],
            dtype=np.int64,
        )
        self.in_circle: dict[int, list[int]] = {}
        for index, v in enumerate(vols):
            for circle_id in v.circle_ids:
                self.in_circle.setdefault(circle_id, []).append(index)
