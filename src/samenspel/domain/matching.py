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

**Where it lives.** This module is the one door: import from here. The code is
split by step: `matching_facts` (what goes in and out), `matching_texts`
(translatable sentences), `matching_table` (volunteers as columns),
`matching_constraints` (hard constraints), `matching_score` (the weights and
the formula), `matching_reasons` (the words), `matching_shortlist` (one
request) and `matching_batch` (many requests).
"""

from __future__ import annotations

from samenspel.domain.matching_batch import (
    CandidatePool,
    assign_greedy,
    assign_optimal,
    candidate_pool,
    solve_greedy,
    solve_optimal,
)
from samenspel.domain.matching_constraints import EARTH_RADIUS_KM
from samenspel.domain.matching_facts import (
    CLASH_CODES,
    HARD_PREFERENCE_CODES,
    WISH_CODES,
    Assignment,
    Candidate,
    Exclusion,
    Place,
    RequestFacts,
    Slot,
    VolunteerFacts,
    normalise_wijk,
)
from samenspel.domain.matching_reasons import YOU_REASONS
from samenspel.domain.matching_score import (
    AVAILABILITY_POINTS,
    CLASH_PENALTY_SHARE,
    CONTINUITY_POINTS,
    DISTANCE_POINTS,
    DISTANCE_ZERO_POINTS_KM,
    FLEXIBLE_FULL_SLOTS,
    LANGUAGES_POINTS,
    MAX_SCORE,
    MOTIVES_POINTS,
    PART_NAMES,
    PREFERENCES_POINTS,
    SKILLS_POINTS,
    UNKNOWN_DISTANCE_SHARE,
)
from samenspel.domain.matching_shortlist import exclusions, score, shortlist
from samenspel.domain.matching_texts import NEAR_KM, Labels, Text, format_km, render_text
from samenspel.domain.tasks import TaskCategory  # RequestFacts.task_category holds its values

__all__ = [
    "AVAILABILITY_POINTS",
    "CLASH_CODES",
    "CLASH_PENALTY_SHARE",
    "CONTINUITY_POINTS",
    "DISTANCE_POINTS",
    "DISTANCE_ZERO_POINTS_KM",
    "EARTH_RADIUS_KM",
    "FLEXIBLE_FULL_SLOTS",
    "HARD_PREFERENCE_CODES",
    "LANGUAGES_POINTS",
    "MAX_SCORE",
    "MOTIVES_POINTS",
    "NEAR_KM",
    "PART_NAMES",
    "PREFERENCES_POINTS",
    "SKILLS_POINTS",
    "UNKNOWN_DISTANCE_SHARE",
    "WISH_CODES",
    "YOU_REASONS",
    "Assignment",
    "Candidate",
    "CandidatePool",
    "Exclusion",
    "Labels",
    "Place",
    "RequestFacts",
    "Slot",
    "TaskCategory",
    "Text",
    "VolunteerFacts",
    "assign_greedy",
    "assign_optimal",
    "candidate_pool",
    "exclusions",
    "format_km",
    "normalise_wijk",
    "render_text",
    "score",
    "shortlist",
    "solve_greedy",
    "solve_optimal",
]
