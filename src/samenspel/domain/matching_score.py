"""The score, 0..100: how well an allowed volunteer fits a request.

The weights are product choices; `score_parts` is the one place the formula
lives, so the single-pair score, the shortlist and the batch never disagree.
The table of parts is in `samenspel.domain.matching`.
"""

from __future__ import annotations

import numpy as np

from samenspel.domain.matching_facts import CLASH_CODES, WISH_CODES, RequestFacts
from samenspel.domain.matching_table import VolunteerTable

# --- Score weights (product choice; they add up to 100) --------------------
SKILLS_POINTS = 30.0
MOTIVES_POINTS = 10.0
LANGUAGES_POINTS = 15.0
PREFERENCES_POINTS = 10.0
AVAILABILITY_POINTS = 10.0
DISTANCE_POINTS = 15.0
CONTINUITY_POINTS = 10.0
MAX_SCORE = (
    SKILLS_POINTS
    + MOTIVES_POINTS
    + LANGUAGES_POINTS
    + PREFERENCES_POINTS
    + AVAILABILITY_POINTS
    + DISTANCE_POINTS
    + CONTINUITY_POINTS
)

# Product choice: from this distance on, nearness earns no points.
DISTANCE_ZERO_POINTS_KM = 10.0
# Product choice: an unknown distance earns half the distance points.
UNKNOWN_DISTANCE_SHARE = 0.5
# Product choice: for a flexible request, 3 free slots a week count as "enough".
FLEXIBLE_FULL_SLOTS = 3
# Product choice: each clash (pets, smoking) costs half the preference points.
CLASH_PENALTY_SHARE = 0.5

PART_NAMES = (
    "skills",
    "motives",
    "languages",
    "preferences",
    "availability",
    "distance",
    "continuity",
)


def score_parts(
    request: RequestFacts, table: VolunteerTable, idx: np.ndarray, distance: np.ndarray
):
    """Points per part (arrays over `idx`); the one place the score formula lives."""
    n = len(idx)
    full = np.ones(n)
    if request.wanted_skills:
        skills = table.skills.overlap(table.skills.mask(request.wanted_skills), idx)
        skills_share = skills / len(request.wanted_skills)
    else:
        skills_share = full
    if request.motive_fit:
        motives = table.motives.overlap(table.motives.mask(request.motive_fit), idx)
        motives_share = (motives > 0).astype(float)
    else:
        motives_share = full
    if request.languages:
        languages = table.languages.overlap(table.languages.mask(request.languages), idx)
        languages_share = (languages > 0).astype(float)
    else:
        languages_share = full
    wishes = [code for code in WISH_CODES if code in request.client_preferences]
    if wishes:
        met = table.preferences.overlap(table.preferences.mask(wishes), idx)
        preferences_share = met / len(wishes)
    else:
        preferences_share = full
    clashes = [CLASH_CODES[c] for c in sorted(CLASH_CODES) if c in request.client_preferences]
    if clashes:
        clash = table.preferences.overlap(table.preferences.mask(clashes), idx)
        preferences_share = np.maximum(0.0, preferences_share - CLASH_PENALTY_SHARE * clash)
    if request.slots:
        covered = table.availability.overlap(table.availability.mask(request.slots), idx)
        availability_share = covered / len(request.slots)
    else:
        availability_share = np.minimum(table.slot_count[idx], FLEXIBLE_FULL_SLOTS) / float(
            FLEXIBLE_FULL_SLOTS
        )
    distance_share = np.where(
        np.isnan(distance),
        UNKNOWN_DISTANCE_SHARE,
        np.clip(1.0 - np.nan_to_num(distance) / DISTANCE_ZERO_POINTS_KM, 0.0, 1.0),
    )
    continuity_share = np.zeros(n)
    members = table.in_circle.get(request.circle_id)
    if members:
        continuity_share = np.isin(idx, members).astype(float)
    return {
        "skills": SKILLS_POINTS * skills_share,
        "motives": MOTIVES_POINTS * motives_share,
        "languages": LANGUAGES_POINTS * languages_share,
        "preferences": PREFERENCES_POINTS * preferences_share,
        "availability": AVAILABILITY_POINTS * availability_share,
        "distance": DISTANCE_POINTS * distance_share,
        "continuity": CONTINUITY_POINTS * continuity_share,
    }


def total_points(parts: dict) -> np.ndarray:
    total = parts[PART_NAMES[0]].copy()
    for name in PART_NAMES[1:]:
        total = total + parts[name]
    return total
