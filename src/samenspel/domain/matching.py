"""Bring the right volunteer to the right help request (issue 6, seed 001 §4.3).

Two steps, both plain Python (numpy/scipy, no Django):

1. **Hard constraints** (`exclusions`). A volunteer can only take a request when
   all of these hold; otherwise the answer says why, in B1 Dutch:

   - ``boundary``: the task is allowed for *this* volunteer. This reuses
     `samenspel.domain.tasks.check_boundary` with performer kind volunteer, so
     a voorbehouden handeling or nursing never reaches a volunteer, and
     personal care only reaches a trained volunteer whose organisation allows it.
   - ``vog``: a valid VOG when the request needs one.
   - ``availability``: the volunteer gave at least one time slot, and shares at
     least one slot with the request (a request without slots is flexible).
   - ``distance``: not further away than the volunteer wants to travel. The
     distance is the great-circle (haversine) distance when both places have
     coordinates, 0 when both are in the same (non-empty) wijk, and *unknown*
     otherwise. Unknown is not an exclusion; the reasons say it is unknown.
     Wijk names are compared after `normalise_wijk` (trimmed, case-folded), as
     people type them by hand ("Noord", " noord ").
   - ``preference``: a gender wish of the client (``women_only``/``men_only``).
     Samenspel records no gender (data minimisation); the coordinator marks the
     volunteers who fit such a wish with the same code in their preferences. A
     request with ``women_only`` only reaches volunteers whose preferences hold
     ``women_only``. Product choice: a person's wish about who comes into their
     home is not something a score may outweigh.
   - ``capacity``: the volunteer has room for one more request (capacity > 0).

2. **Score** (`score`), 0..100, the sum of these parts (weights are product
   choices, see the constants below):

   ============  ======  ===================================================
   part          points  how
   ============  ======  ===================================================
   skills        30      share of the wanted skills the volunteer has
                         (no wanted skills: full points)
   motives       10      full points when a motive of the volunteer fits the
                         request (request names no motives: full points)
   languages     15      full points when they share a language with the
                         client (client languages not given: full points)
   preferences   10      share of the client's wishes (``older_people``,
                         ``young_people``, ``dementia``) the volunteer shares;
                         minus half of it for each clash (home has ``pets``
                         or ``smoking`` and the volunteer marked ``no_pets`` /
                         ``no_smoking``); no wishes: full points
   availability  10      share of the asked slots the volunteer can; for a
                         flexible request: number of the volunteer's slots,
                         full at 3 or more
   distance      15      ``1 - km / 10`` (0 from 10 km); same wijk: full;
                         unknown: half
   continuity    10      the volunteer is already active in this circle
   ============  ======  ===================================================

   A part a request does not ask about gets full points, so it never favours
   one volunteer above another and scores of different requests stay comparable.

**Batch** (`assign_optimal`): each request gets at most one volunteer, each
volunteer at most ``capacity`` requests, only over allowed pairs with a score
above 0. ``excluded`` (request id → volunteer ids) removes pairs that are
blocked for reasons outside these rules (the request's own history, family in
the circle) *before* solving, so no capacity is spent on a pair that can never
be proposed. It maximises the *total score*; leaving a request unassigned scores 0.
It does not maximise the number of assigned requests first: one very good pair
may beat two poor ones. It is a maximum-weight bipartite matching, solved
exactly with scipy's sparse Jonker-Volgenant (`min_weight_full_bipartite_matching`)
after giving every request its own "unassigned" column so a full matching
always exists; a volunteer with capacity c becomes c identical columns.
`assign_greedy` is the simple baseline: the most urgent request (then lowest id)
first, each taking its best remaining volunteer. Urgency only orders greedy;
the optimal assignment weighs every request equally.

Candidates for many pairs are found and scored with numpy over all volunteers
at once (codes become bitmasks), so 5,000 requests × 10,000 volunteers do not
need 50 million Python calls. `score` and `exclusions` for one pair use the
very same code on a table of one volunteer. `candidate_pool` + `solve_optimal`
/ `solve_greedy` split the two batch steps (the benchmark times them apart).
Ids of requests and of volunteers are assumed unique.

**Texts.** Every reason is a `Text`: a ``str`` holding the Dutch sentence, so
it can be shown as it is, that also keeps its msgid (marked with
`gettext_noop`) and the values, so the Django layer can translate it with
``text.render(gettext)`` (or `render_text`). Labels inside a sentence are kept
as msgids (`Labels`) and translated with it. ``text.render(gettext, you=True)``
gives the sentence spoken to the volunteer ("U kunt helpen met: …"). Proposals
store each reason as plain data (`Text.to_data`: msgid, `you` msgid and values,
labels as msgids) and read it back with `Text.from_data`, so a stored reason
translates and speaks to the volunteer exactly like a fresh one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.tasks import (
    PerformerFacts,
    TaskCategory,
    TaskFacts,
    check_boundary,
)
from samenspel.domain.vocabulary import MemberKind
from samenspel.domain.volunteering import LANGUAGE_LABELS, MOTIVE_LABELS, SKILL_LABELS

Slot = str  # "<weekday 0-6>-<part>", part in {"morning","afternoon","evening"}, e.g. "0-morning"

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
# Mean radius of the earth in km (IUGG), for the haversine distance.
EARTH_RADIUS_KM = 6371.0088

# --- Preference vocabulary -------------------------------------------------
# Client wishes a volunteer meets by having the same code in their preferences.
WISH_CODES = ("older_people", "young_people", "dementia")
# Request-side fact → volunteer preference it clashes with.
CLASH_CODES = {"pets": "no_pets", "smoking": "no_smoking"}
# Hard: the volunteer must carry the same code (see the module docstring).
HARD_PREFERENCE_CODES = ("women_only", "men_only")

PART_NAMES = (
    "skills",
    "motives",
    "languages",
    "preferences",
    "availability",
    "distance",
    "continuity",
)


# --- Texts -----------------------------------------------------------------
def _identity(text: str) -> str:
    return text


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Labels:
    """Label msgids that go into a sentence: each is translated when the
    sentence is rendered (never a Dutch label inside an English sentence),
    then lowercased at the start if `lower`, and joined with commas, the last
    two with "en" when `conjunction`."""

    msgids: tuple[str, ...]
    lower: bool = False
    conjunction: bool = False

    def render(self, translate: Callable[[str], str] = _identity) -> str:
        names = [translate(m) for m in self.msgids]
        if self.lower:
            names = [_lower_first(name) for name in names]
        if self.conjunction and len(names) > 1:
            return ", ".join(names[:-1]) + " " + translate(_("en")) + " " + names[-1]
        return ", ".join(names)

    def __str__(self) -> str:
        return self.render()

    def to_data(self) -> dict:
        return {"labels": list(self.msgids), "lower": self.lower, "conjunction": self.conjunction}

    @classmethod
    def from_data(cls, data: Mapping) -> Labels:
        return cls(tuple(data["labels"]), bool(data["lower"]), bool(data["conjunction"]))


class Text(str):
    """A Dutch sentence that remembers its msgid and values for translation.

    `you` is the same sentence spoken to the volunteer ("U kunt helpen met");
    the volunteer reads that variant about themselves, everyone else the
    third-person one. Values are strings (translated as they are) or `Labels`.
    """

    msgid: str
    you: str | None
    params: tuple[tuple[str, str | Labels], ...]

    def __new__(cls, msgid: str, /, *, you: str | None = None, **params: str | Labels) -> Text:
        values = {key: str(value) for key, value in params.items()}
        text = super().__new__(cls, msgid.format(**values) if params else msgid)
        text.msgid = msgid
        text.you = you
        text.params = tuple(params.items())
        return text

    def render(self, translate: Callable[[str], str] = _identity, *, you: bool = False) -> str:
        values = {
            key: value.render(translate) if isinstance(value, Labels) else translate(value)
            for key, value in self.params
        }
        msgid = self.you if you and self.you else self.msgid
        return translate(msgid).format(**values)

    def to_data(self) -> dict:
        """Plain, JSON-safe data (for the database): msgids and values, not the
        rendered sentence, so it is translated when it is shown."""
        params = {
            key: value.to_data() if isinstance(value, Labels) else value
            for key, value in self.params
        }
        return {"msgid": self.msgid, "you": self.you, "params": params}

    @classmethod
    def from_data(cls, data: Mapping) -> Text:
        """The `Text` that `to_data` gave; it renders exactly like the original."""
        params = {
            key: Labels.from_data(value) if isinstance(value, Mapping) else str(value)
            for key, value in (data.get("params") or {}).items()
        }
        return cls(data["msgid"], you=data.get("you"), **params)


def render_text(
    text: str | Mapping, translate: Callable[[str], str] = _identity, *, you: bool = False
) -> str:
    """Translate a reason: a `Text`, its stored data (`Text.to_data`), or a
    plain msgid (translated as it is).

    A stored sentence from before reasons kept their msgid (``{"text": ...}``)
    is shown as it was written: it has no msgid to translate.
    """
    if isinstance(text, Mapping):
        if "msgid" not in text:
            return str(text.get("text", ""))
        text = Text.from_data(text)
    if isinstance(text, Text):
        return text.render(translate, you=you)
    return translate(text)


def format_km(km: float) -> str:
    """Dutch decimal comma, one decimal: 1.25 → '1,2'; whole numbers without ',0'."""
    text = f"{km:.1f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


# Product choice: below this a distance reads "minder dan 1 km", never "0 km".
NEAR_KM = 1.0


def _km_words(km: float) -> str:
    """'3,5' or, under 1 km, 'minder dan 1' (a msgid, translated with the sentence)."""
    return _("minder dan 1") if km < NEAR_KM else format_km(km)


# --- Facts -----------------------------------------------------------------
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


# --- Volunteer table: codes as bitmasks, places as arrays -------------------
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


class _Table:
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


@lru_cache(maxsize=256)
def _boundary(category: str, reserved: bool, group: int):
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


def _boundary_blocked(request: RequestFacts) -> np.ndarray:
    """For each boundary group (0..3): is the task blocked?"""
    return np.array(
        [
            _boundary(request.task_category, request.task_reserved, group) is not None
            for group in range(4)
        ],
        dtype=bool,
    )


def _distances(request: RequestFacts, table: _Table, idx: np.ndarray) -> np.ndarray:
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
class _Checks:
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


def _hard_wishes(request: RequestFacts) -> tuple[str, ...]:
    return tuple(code for code in HARD_PREFERENCE_CODES if code in request.client_preferences)


def _check(request: RequestFacts, table: _Table, idx: np.ndarray) -> _Checks:
    distance = _distances(request, table, idx)
    slots = table.availability.mask(request.slots)
    overlap = table.availability.overlap(slots, idx) if request.slots else None
    hard = _hard_wishes(request)
    missing_hard = np.zeros(len(idx), dtype=bool)
    for code in hard:
        missing_hard |= table.preferences.overlap(table.preferences.mask([code]), idx) == 0
    no_slots = table.slot_count[idx] == 0
    with np.errstate(invalid="ignore"):
        too_far = distance > table.max_km[idx]  # NaN (unknown) compares False
    return _Checks(
        idx=idx,
        distance=distance,
        boundary=_boundary_blocked(request)[table.group[idx]],
        vog=np.full(len(idx), request.needs_vog) & ~table.vog[idx],
        no_slots=no_slots,
        no_overlap=(overlap == 0) & ~no_slots if overlap is not None else np.zeros_like(no_slots),
        too_far=too_far,
        preference=missing_hard,
        no_capacity=table.capacity[idx] <= 0,
    )


def _parts(request: RequestFacts, table: _Table, idx: np.ndarray, distance: np.ndarray):
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


def _total(parts: dict) -> np.ndarray:
    total = parts[PART_NAMES[0]].copy()
    for name in PART_NAMES[1:]:
        total = total + parts[name]
    return total


# --- Words -----------------------------------------------------------------
_HARD_REASONS = {
    "women_only": _("De cliënt wil alleen een vrouw. Deze vrijwilliger past daar niet bij."),
    "men_only": _("De cliënt wil alleen een man. Deze vrijwilliger past daar niet bij."),
}
_WISH_REASONS = {
    "older_people": _("Werkt graag met ouderen"),
    "young_people": _("Werkt graag met jongeren"),
    "dementia": _("Kan omgaan met dementie"),
}
_CLASH_REASONS = {
    "pets": _("Er zijn huisdieren, en deze vrijwilliger heeft liever geen huisdieren"),
    "smoking": _("Er wordt gerookt, en deze vrijwilliger wil dat liever niet"),
}

# Every reason of `score` (third person, for the coordinator and the client
# side) → the same reason spoken to the volunteer. None: it reads the same.
YOU_REASONS = {
    _("Kent de cliënt al"): _("U kent de cliënt al"),
    _("Spreekt {languages}, net als de cliënt"): _("U spreekt {languages}, net als de cliënt"),
    _("Spreekt geen taal van de cliënt"): _("U spreekt geen taal van de cliënt"),
    _("Kan helpen met: {skills}"): _("U kunt helpen met: {skills}"),
    _("Heeft dit niet opgegeven: {skills}"): _(
        "Dit heeft u niet opgegeven bij wat u kunt: {skills}"
    ),
    _("Past bij wat de vrijwilliger zoekt: {motives}"): _("Past bij wat u zoekt: {motives}"),
    _WISH_REASONS["older_people"]: _("U werkt graag met ouderen"),
    _WISH_REASONS["young_people"]: _("U werkt graag met jongeren"),
    _WISH_REASONS["dementia"]: _("U kunt omgaan met dementie"),
    _CLASH_REASONS["pets"]: _("Er zijn huisdieren, en u heeft liever geen huisdieren"),
    _CLASH_REASONS["smoking"]: _("Er wordt gerookt, en u wilt dat liever niet"),
    _("De afstand is niet bekend"): None,
    _("Woont in dezelfde wijk"): _("U woont in dezelfde wijk"),
    _("Woont dichtbij (minder dan 1 km)"): _("U woont dichtbij (minder dan 1 km)"),
    _("Woont op {km} km"): _("U woont op {km} km afstand"),
    _("Kan op alle gevraagde tijden"): _("U kunt op alle gevraagde tijden"),
    _("Kan op {covered} van de {asked} gevraagde tijden"): _(
        "U kunt op {covered} van de {asked} gevraagde tijden"
    ),
}

# Which labels a value in a reason holds, and how they are written.
_LABEL_PARAMS = {
    "skills": (SKILL_LABELS, True, False),
    "motives": (MOTIVE_LABELS, True, False),
    "languages": (LANGUAGE_LABELS, False, True),
}


def _reason(msgid: str, **params: str | Labels) -> Text:
    return Text(msgid, you=YOU_REASONS[msgid], **params)


def _label_values(name: str, codes: Iterable[str]) -> Labels:
    labels, lower, conjunction = _LABEL_PARAMS[name]
    return Labels(tuple(labels.get(c, c) for c in sorted(codes)), lower, conjunction)


def _distance_reason(km: float) -> Text:
    if km < NEAR_KM:
        return _reason(_("Woont dichtbij (minder dan 1 km)"))
    return _reason(_("Woont op {km} km"), km=format_km(km))


def _exclusions_at(request: RequestFacts, volunteer: VolunteerFacts, checks: _Checks, i: int):
    found: list[Exclusion] = []
    if checks.boundary[i]:
        group = 2 * volunteer.trained_personal_care + volunteer.organisation_allows_personal_care
        finding = _boundary(request.task_category, request.task_reserved, group)
        found.append(Exclusion("boundary", Text(finding.reason, **dict(finding.params))))
    if checks.vog[i]:
        found.append(
            Exclusion(
                "vog",
                Text(
                    _("Voor deze hulp is een VOG nodig. Deze vrijwilliger heeft geen geldige VOG.")
                ),
            )
        )
    if checks.no_slots[i]:
        found.append(
            Exclusion("availability", Text(_("Deze vrijwilliger heeft nog geen tijden opgegeven.")))
        )
    if checks.no_overlap[i]:
        found.append(
            Exclusion("availability", Text(_("Deze vrijwilliger kan niet op de gevraagde tijden.")))
        )
    if checks.too_far[i]:
        found.append(
            Exclusion(
                "distance",
                Text(
                    _("Woont op {km} km. Deze vrijwilliger wil niet verder reizen dan {max} km."),
                    km=_km_words(float(checks.distance[i])),
                    max=format_km(volunteer.max_distance_km),
                ),
            )
        )
    if checks.preference[i]:
        for code in _hard_wishes(request):
            if code not in volunteer.preferences:
                found.append(Exclusion("preference", Text(_HARD_REASONS[code])))
    if checks.no_capacity[i]:
        found.append(
            Exclusion(
                "capacity",
                Text(_("Deze vrijwilliger heeft nu geen ruimte voor nog een hulpvraag.")),
            )
        )
    return found


def _reasons(request: RequestFacts, volunteer: VolunteerFacts, distance: float) -> tuple:
    """Sentences, good news first, then what is less good."""
    good: list[Text] = []
    less: list[Text] = []
    if request.circle_id in volunteer.circle_ids:
        good.append(_reason(_("Kent de cliënt al")))
    shared_languages = request.languages & volunteer.languages
    if shared_languages:
        good.append(
            _reason(
                _("Spreekt {languages}, net als de cliënt"),
                languages=_label_values("languages", shared_languages),
            )
        )
    elif request.languages:
        less.append(_reason(_("Spreekt geen taal van de cliënt")))
    has = request.wanted_skills & volunteer.skills
    lacks = request.wanted_skills - volunteer.skills
    if has:
        good.append(_reason(_("Kan helpen met: {skills}"), skills=_label_values("skills", has)))
    if lacks:
        less.append(
            _reason(_("Heeft dit niet opgegeven: {skills}"), skills=_label_values("skills", lacks))
        )
    motives = request.motive_fit & volunteer.motives
    if motives:
        good.append(
            _reason(
                _("Past bij wat de vrijwilliger zoekt: {motives}"),
                motives=_label_values("motives", motives),
            )
        )
    for code in WISH_CODES:
        if code in request.client_preferences and code in volunteer.preferences:
            good.append(_reason(_WISH_REASONS[code]))
    for code, volunteer_code in sorted(CLASH_CODES.items()):
        if code in request.client_preferences and volunteer_code in volunteer.preferences:
            less.append(_reason(_CLASH_REASONS[code]))
    if math.isnan(distance):
        less.append(_reason(_("De afstand is niet bekend")))
    elif (
        distance == 0
        and normalise_wijk(request.place.wijk)
        and normalise_wijk(request.place.wijk) == normalise_wijk(volunteer.place.wijk)
        and (request.place.lat is None or volunteer.place.lat is None)
    ):
        good.append(_reason(_("Woont in dezelfde wijk")))
    else:
        good.append(_distance_reason(distance))
    if request.slots:
        covered = len(request.slots & volunteer.availability)
        if covered == len(request.slots):
            good.append(_reason(_("Kan op alle gevraagde tijden")))
        else:
            less.append(
                _reason(
                    _("Kan op {covered} van de {asked} gevraagde tijden"),
                    covered=str(covered),
                    asked=str(len(request.slots)),
                )
            )
    return tuple(good + less)


def _candidate(request: RequestFacts, table: _Table, parts: dict, checks: _Checks, j: int):
    """The candidate at position j of `checks.idx`."""
    volunteer = table.volunteers[int(checks.idx[j])]
    points = {name: float(parts[name][j]) for name in PART_NAMES}
    return Candidate(
        volunteer_id=volunteer.id,
        score=float(_total(parts)[j]),
        reasons=_reasons(request, volunteer, float(checks.distance[j])),
        parts=points,
    )


# --- One pair, one request --------------------------------------------------
def exclusions(request: RequestFacts, volunteer: VolunteerFacts) -> list[Exclusion]:
    """Why this volunteer cannot take this request; empty when they can."""
    table = _Table([volunteer])
    checks = _check(request, table, np.arange(1))
    return _exclusions_at(request, volunteer, checks, 0)


def score(request: RequestFacts, volunteer: VolunteerFacts) -> Candidate:
    """How well they fit, 0..100, with the parts and the reasons in words.

    Only meaningful when `exclusions` is empty.
    """
    table = _Table([volunteer])
    checks = _check(request, table, np.arange(1))
    parts = _parts(request, table, checks.idx, checks.distance)
    return _candidate(request, table, parts, checks, 0)


def shortlist(
    request: RequestFacts, volunteers: Iterable[VolunteerFacts], limit: int = 10
) -> tuple[list[Candidate], dict[int, list[Exclusion]]]:
    """The best `limit` volunteers (score high to low, then id), and why the others cannot."""
    table = _Table(list(volunteers))
    checks = _check(request, table, np.arange(table.size))
    allowed = checks.allowed
    excluded = {
        table.volunteers[i].id: _exclusions_at(request, table.volunteers[i], checks, i)
        for i in np.flatnonzero(~allowed)
    }
    ok = np.flatnonzero(allowed)
    sub = _Checks(**{name: getattr(checks, name)[ok] for name in _Checks.__dataclass_fields__})
    parts = _parts(request, table, sub.idx, sub.distance)
    totals = _total(parts)
    order = np.lexsort((table.ids[sub.idx], -totals))[: max(limit, 0)]
    return [_candidate(request, table, parts, sub, int(j)) for j in order], excluded


# --- Batch -------------------------------------------------------------------
def _candidate_lists(
    requests: Sequence[RequestFacts],
    table: _Table,
    max_candidates: int | None,
    excluded: Mapping[int, Collection[int]] | None = None,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per request: volunteer positions and scores, best first (ties: lower id).

    Only allowed pairs with a score above 0, minus the `excluded` volunteers of
    that request. Everything is vectorised over the volunteers; a request whose
    task is blocked for every volunteer costs nothing.
    """
    excluded = excluded or {}
    everyone = np.arange(table.size)
    usable = everyone[table.capacity > 0]
    result = []
    empty = (np.empty(0, dtype=np.int64), np.empty(0))
    for request in requests:
        if _boundary_blocked(request).all() or usable.size == 0:
            result.append(empty)
            continue
        checks = _check(request, table, usable)
        keep = checks.allowed
        blocked = excluded.get(request.id)
        if blocked:
            keep = keep & ~np.isin(table.ids[usable], np.fromiter(blocked, dtype=np.int64))
        idx = usable[keep]
        if idx.size == 0:
            result.append(empty)
            continue
        totals = _total(_parts(request, table, idx, checks.distance[keep]))
        positive = totals > 0
        idx, totals = idx[positive], totals[positive]
        order = np.lexsort((table.ids[idx], -totals))
        if max_candidates is not None:
            order = order[:max_candidates]
        result.append((idx[order], totals[order]))
    return result


def _result(requests: Sequence[RequestFacts], pairs: dict[int, int], total: float) -> Assignment:
    unassigned = tuple(sorted(r.id for r in requests if r.id not in pairs))
    return Assignment(pairs=pairs, total_score=total, unassigned=unassigned)


@dataclass(frozen=True)
class CandidatePool:
    """The allowed pairs of a batch with their scores, found once, solved twice."""

    requests: tuple[RequestFacts, ...]
    table: _Table
    lists: tuple[tuple[np.ndarray, np.ndarray], ...]  # per request: positions, scores

    @property
    def pair_count(self) -> int:
        return sum(idx.size for idx, _scores in self.lists)


def candidate_pool(
    requests: Iterable[RequestFacts],
    volunteers: Iterable[VolunteerFacts],
    *,
    max_candidates_per_request: int | None = None,
    excluded: Mapping[int, Collection[int]] | None = None,
) -> CandidatePool:
    """Every allowed pair with a score above 0 (optionally only the best N per
    request), without the pairs in `excluded` (request id → volunteer ids)."""
    requests = tuple(requests)
    table = _Table(list(volunteers))
    lists = tuple(_candidate_lists(requests, table, max_candidates_per_request, excluded))
    return CandidatePool(requests, table, lists)


def assign_optimal(
    requests: Iterable[RequestFacts],
    volunteers: Iterable[VolunteerFacts],
    *,
    max_candidates_per_request: int | None = None,
    excluded: Mapping[int, Collection[int]] | None = None,
) -> Assignment:
    """Maximise the total score (see the module docstring).

    Exact when `max_candidates_per_request` is None; with a cap, each request
    only considers its best N volunteers (faster, nearly always as good).
    """
    pool = candidate_pool(
        requests,
        volunteers,
        max_candidates_per_request=max_candidates_per_request,
        excluded=excluded,
    )
    return solve_optimal(pool)


def solve_optimal(pool: CandidatePool) -> Assignment:
    return _solve(pool.requests, pool.table, pool.lists)


def _solve(requests, table: _Table, lists) -> Assignment:
    n = len(requests)
    used = np.unique(np.concatenate([idx for idx, _s in lists] or [np.empty(0, np.int64)]))
    if used.size == 0:
        return _result(requests, {}, 0.0)
    # Columns: every capacity copy of the volunteers that appear, then one
    # "unassigned" column per request. Costs are (MAX_SCORE + 1) - score > 0,
    # unassigned costs MAX_SCORE + 1: minimising cost maximises the total score.
    copies = np.minimum(table.capacity[used], n)
    first = np.zeros(table.size, dtype=np.int64)
    first[used] = np.concatenate(([0], np.cumsum(copies)[:-1]))
    count = np.zeros(table.size, dtype=np.int64)
    count[used] = copies
    real_columns = int(copies.sum())
    base = MAX_SCORE + 1.0
    cols, costs, sizes = [], [], np.empty(n, dtype=np.int64)
    for r, (idx, scores) in enumerate(lists):
        k = count[idx]
        total = int(k.sum())
        col = np.repeat(first[idx], k) + (np.arange(total) - np.repeat(np.cumsum(k) - k, k))
        cols += [col.astype(np.int32), np.array([real_columns + r], dtype=np.int32)]
        costs += [base - np.repeat(scores, k), np.array([base])]
        sizes[r] = total + 1
    indptr = np.concatenate(([0], np.cumsum(sizes)))
    graph = csr_array(
        (np.concatenate(costs), np.concatenate(cols), indptr), shape=(n, real_columns + n)
    )
    del cols, costs
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    owner = np.repeat(used, copies)
    pairs: dict[int, int] = {}
    total_score = 0.0
    for r, c in zip(row_ind.tolist(), col_ind.tolist(), strict=True):
        if c < real_columns:
            v = owner[c]
            idx, scores = lists[r]
            pairs[requests[r].id] = int(table.ids[v])
            total_score += float(scores[np.flatnonzero(idx == v)[0]])
    return _result(requests, pairs, total_score)


def assign_greedy(
    requests: Iterable[RequestFacts],
    volunteers: Iterable[VolunteerFacts],
    *,
    excluded: Mapping[int, Collection[int]] | None = None,
) -> Assignment:
    """Most urgent request first (then lowest id); each takes its best free volunteer."""
    return solve_greedy(candidate_pool(requests, volunteers, excluded=excluded))


def solve_greedy(pool: CandidatePool) -> Assignment:
    """Greedy on a pool; with a capped pool it only sees the best N per request."""
    return _greedy(pool.requests, pool.table, pool.lists)


def _greedy(requests, table: _Table, lists) -> Assignment:
    left = table.capacity.copy()
    pairs: dict[int, int] = {}
    total = 0.0
    order = sorted(range(len(requests)), key=lambda r: (-requests[r].urgency, requests[r].id))
    for r in order:
        idx, scores = lists[r]
        for v, points in zip(idx.tolist(), scores.tolist(), strict=True):
            if left[v] > 0:
                left[v] -= 1
                pairs[requests[r].id] = int(table.ids[v])
                total += points
                break
    return _result(requests, pairs, total)
