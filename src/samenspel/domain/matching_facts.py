"""What the matching reads and answers, as plain frozen dataclasses.

The Django layer fills these from its rows (`helprequests.matching_selectors`)
and the rules never see a model, so they can be tested and benchmarked alone.
The preference codes live here too: they are facts about people that the
hard constraints, the score and the reasons all read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Slot = str  # "<weekday 0-6>-<part>", part in {"morning","afternoon","evening"}, e.g. "0-morning"


# --- Preference vocabulary -------------------------------------------------
# Client wishes a volunteer meets by having the same code in their preferences.
WISH_CODES = ("older_people", "young_people", "dementia")
# Request-side fact → volunteer preference it clashes with.
CLASH_CODES = {"pets": "no_pets", "smoking": "no_smoking"}
# Hard: the volunteer must carry the same code (see `samenspel.domain.matching`).
HARD_PREFERENCE_CODES = ("women_only", "men_only")


def normalise_wijk(wijk: str | None) -> str:
    """The form in which two wijk names are compared: trimmed and case-folded."""
    return (wijk or "").strip().casefold()


@dataclass(frozen=True)
class Place:
    wijk: str = ""
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class VolunteerFacts:
    id: int
    skills: frozenset[str] = frozenset()
    motives: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()  # ISO codes
    availability: frozenset[Slot] = frozenset()
    place: Place = Place()
    max_distance_km: float = 5.0
    preferences: frozenset[str] = frozenset()
    trained_personal_care: bool = False
    vog_valid: bool = False  # VOG present and not older than the validity limit
    organisation_allows_personal_care: bool = False
    circle_ids: frozenset[int] = frozenset()  # circles the volunteer is active in
    capacity: int = 1  # how many more requests this volunteer can take (batch)


@dataclass(frozen=True)
class RequestFacts:
    id: int
    circle_id: int
    task_category: str  # a TaskCategory value
    task_reserved: bool  # voorbehouden handeling
    slots: frozenset[Slot] = frozenset()  # empty = flexible
    place: Place = Place()
    wanted_skills: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()  # the client speaks (any overlap counts)
    client_preferences: frozenset[str] = frozenset()
    motive_fit: frozenset[str] = frozenset()
    needs_vog: bool = True
    urgency: int = 2  # 1 low, 2 normal, 3 high


@dataclass(frozen=True)
class Exclusion:
    """Why a volunteer cannot take a request (hard constraint)."""

    code: str  # boundary, vog, availability, distance, preference, capacity
    reason: str  # a Text


@dataclass(frozen=True)
class Candidate:
    volunteer_id: int
    score: float  # 0..100
    reasons: tuple[str, ...]  # Texts: why it fits, and what is less good
    parts: dict = field(default_factory=dict)  # part name → points


@dataclass(frozen=True)
class Assignment:
    pairs: dict[int, int]  # request id → volunteer id
    total_score: float
    unassigned: tuple[int, ...]  # request ids without a volunteer
