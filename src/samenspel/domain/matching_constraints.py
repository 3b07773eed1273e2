"""The hard constraints: when a volunteer cannot take a request at all.

Kept apart from the score because an exclusion is never outweighed by points:
a task beyond the volunteer's boundary, no valid VOG, no shared time, too far,
a client's wish about who comes in, or no room left. The rules themselves are
listed in `samenspel.domain.matching`; the task boundary is the one of
`samenspel.domain.tasks`, so a volunteer is held to the same rules as in a
circle.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.matching_facts import HARD_PREFERENCE_CODES, RequestFacts, normalise_wijk
from samenspel.domain.matching_table import VolunteerTable
from samenspel.domain.tasks import (
    PerformerFacts,
    TaskCategory,
    TaskFacts,
    check_boundary,
)
from samenspel.domain.vocabulary import MemberKind

# Mean radius of the earth in km (IUGG), for the haversine distance.
EARTH_RADIUS_KM = 6371.0088


@lru_cache(maxsize=256)
def boundary_finding(category: str, reserved: bool, group: int):
    """check_boundary for a volunteer with these facts; a BLOCK finding or None."""
    task = TaskFacts(
        key="request", name=_("Deze taak"), category=TaskCategory(category), reserved_act=reserved
    )
    performer = PerformerFacts(
        key="volunteer",
        name=_("Deze vrijwilliger"),
        kind=MemberKind.VOLUNTEER,
        trained_personal_care=bool(group & 2),
        organisation_allows_personal_care=bool(group & 1),
    )
    finding = check_boundary(task, performer)
    return finding if finding is not None and finding.is_block else None


def boundary_blocked(request: RequestFacts) -> np.ndarray:
    """For each boundary group (0..3): is the task blocked?"""
    return np.array(
        [
            boundary_finding(request.task_category, request.task_reserved, group) is not None
            for group in range(4)
        ],
        dtype=bool,
    )


def _distances(request: RequestFacts, table: VolunteerTable, idx: np.ndarray) -> np.ndarray:
    """Km per volunteer: haversine, else 0 in the same wijk, else NaN (unknown)."""
    result = np.full(len(idx), np.nan)
    place = request.place
    if place.lat is not None and place.lon is not None:
        lat1 = math.radians(place.lat)
        lon1 = math.radians(place.lon)
        lat2 = table.lat[idx]
        lon2 = table.lon[idx]
        a = (
            np.sin((lat2 - lat1) / 2) ** 2
            + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
        )
        result = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
    if normalise_wijk(place.wijk):
        wijk = table.wijken.get(normalise_wijk(place.wijk), -2)
        same = np.isnan(result) & (table.wijk[idx] == wijk)
        result[same] = 0.0
    return result


@dataclass
class Checks:
    """The hard constraints of one request against the volunteers `idx`."""

    idx: np.ndarray
    distance: np.ndarray
    boundary: np.ndarray
    vog: np.ndarray
    no_slots: np.ndarray
    no_overlap: np.ndarray
    too_far: np.ndarray
    preference: np.ndarray
    no_capacity: np.ndarray

    @property
    def allowed(self) -> np.ndarray:
        return ~(
            self.boundary
            | self.vog
            | self.no_slots
            | self.no_overlap
            | self.too_far
            | self.preference
            | self.no_capacity
        )


def hard_wishes(request: RequestFacts) -> tuple[str, ...]:
    return tuple(code for code in HARD_PREFERENCE_CODES if code in request.client_preferences)


def check_constraints(request: RequestFacts, table: VolunteerTable, idx: np.ndarray) -> Checks:
    distance = _distances(request, table, idx)
    slots = table.availability.mask(request.slots)
    overlap = table.availability.overlap(slots, idx) if request.slots else None
    hard = hard_wishes(request)
    missing_hard = np.zeros(len(idx), dtype=bool)
    for code in hard:
        missing_hard |= table.preferences.overlap(table.preferences.mask([code]), idx) == 0
    no_slots = table.slot_count[idx] == 0
    with np.errstate(invalid="ignore"):
        too_far = distance > table.max_km[idx]  # NaN (unknown) compares False
    return Checks(
        idx=idx,
        distance=distance,
        boundary=boundary_blocked(request)[table.group[idx]],
        vog=np.full(len(idx), request.needs_vog) & ~table.vog[idx],
        no_slots=no_slots,
        no_overlap=(overlap == 0) & ~no_slots if overlap is not None else np.zeros_like(no_slots),
        too_far=too_far,
        preference=missing_hard,
        no_capacity=table.capacity[idx] <= 0,
    )
