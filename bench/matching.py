"""Benchmark: match 5,000 help requests to 10,000 volunteers. Not run by CI.

    .venv/bin/python bench/matching.py [--requests N] [--volunteers N] [--cap N] [--seed N]

Generates a seeded, realistic town (20 wijken around a centre, people spread
around their wijk, some with only a wijk and no coordinates), a task mix with
some voorbehouden handelingen and nursing (they must stay unassigned), weekly
availability patterns, languages and preferences. Then it times the candidate
generation, the optimal assignment and greedy, exactly (all allowed pairs) and
with at most `--cap` candidates per request, and prints total scores, numbers
assigned and the gain of optimal over greedy. Plain Python, no database.
"""

from __future__ import annotations

import argparse
import math
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from samenspel.domain.matching import (  # noqa: E402
    Place,
    RequestFacts,
    VolunteerFacts,
    candidate_pool,
    solve_greedy,
    solve_optimal,
)

CENTRE = (52.09, 5.12)  # a town the size of a middle-sized Dutch city
WIJKEN = [
    "Centrum",
    "Noord",
    "Zuid",
    "Oost",
    "West",
    "Haven",
    "Stedenwijk",
    "Muziekwijk",
    "Filmwijk",
    "Waterwijk",
    "Tussen de Vaarten",
    "Parkwijk",
    "De Werven",
    "Overvecht",
    "Kanaleneiland",
    "Bloemendaal",
    "Korte Akkeren",
    "Presikhaaf",
    "Malburgen",
    "Klarendal",
]
KM_LAT = 1 / 111.2  # degrees latitude per km
KM_LON = 1 / (111.2 * math.cos(math.radians(CENTRE[0])))

PARTS = ("morning", "afternoon", "evening")
WEEKDAYS = range(5)
SKILLS = [
    "company",
    "walking",
    "transport",
    "shopping",
    "cooking",
    "odd_jobs",
    "gardening",
    "admin",
    "digital",
    "reading",
    "respite",
]
MOTIVES = ["social_contact", "meaningful", "learn", "work_experience", "give_back", "neighbourhood"]
OTHER_LANGUAGES = ["tr", "ar", "ber", "pl", "en", "pap", "srn"]
# category, reserved, share, skills it asks for, motives that fit
TASKS = [
    ("wellbeing", False, 0.34, ["company", "walking", "reading", "respite"], ["social_contact"]),
    ("practical", False, 0.28, ["shopping", "transport", "odd_jobs", "gardening"], ["give_back"]),
    ("household", False, 0.10, ["cooking", "odd_jobs"], ["meaningful"]),
    ("administration", False, 0.10, ["admin", "digital"], ["learn", "meaningful"]),
    ("personal_care", False, 0.08, ["company"], ["meaningful"]),
    ("nursing", False, 0.06, ["company"], ["meaningful"]),
    ("nursing", True, 0.04, ["company"], ["meaningful"]),  # voorbehouden handeling
]


def town(rng: random.Random) -> dict[str, tuple[float, float]]:
    """Wijk centres on rings around the centre, within ~5 km."""
    centres = {}
    for i, wijk in enumerate(WIJKEN):
        radius = 0.0 if i == 0 else (2.0 if i < 8 else 4.5)
        angle = rng.uniform(0, 2 * math.pi)
        centres[wijk] = (radius * math.cos(angle), radius * math.sin(angle))
    return centres


def place(rng: random.Random, centres) -> Place:
    wijk = rng.choice(WIJKEN)
    roll = rng.random()
    if roll < 0.03:
        return Place()  # nothing known
    if roll < 0.12:
        return Place(wijk=wijk)  # only the wijk
    x, y = centres[wijk]
    x += rng.gauss(0, 0.7)
    y += rng.gauss(0, 0.7)
    return Place(wijk=wijk, lat=CENTRE[0] + y * KM_LAT, lon=CENTRE[1] + x * KM_LON)


def availability(rng: random.Random) -> frozenset[str]:
    pattern = rng.random()
    if pattern < 0.03:
        return frozenset()  # not filled in yet
    if pattern < 0.40:  # retired: weekday mornings and afternoons
        days = rng.sample(list(WEEKDAYS), rng.randint(1, 4))
        parts = rng.sample(["morning", "afternoon"], rng.randint(1, 2))
        return frozenset(f"{d}-{p}" for d in days for p in parts)
    if pattern < 0.70:  # working: evenings and the weekend
        slots = {f"{d}-evening" for d in rng.sample(list(WEEKDAYS), rng.randint(1, 3))}
        if rng.random() < 0.6:
            slots |= {f"{d}-{p}" for d in (5, 6) for p in rng.sample(PARTS, 2)}
        return frozenset(slots)
    return frozenset(f"{rng.randint(0, 6)}-{rng.choice(PARTS)}" for _ in range(rng.randint(1, 6)))


def languages(rng: random.Random, dutch: float, other: float) -> frozenset[str]:
    spoken = {"nl"} if rng.random() < dutch else set()
    if rng.random() < other or not spoken:
        spoken.add(rng.choice(OTHER_LANGUAGES))
    return frozenset(spoken)


def volunteers(n: int, rng: random.Random, centres, circles: int) -> list[VolunteerFacts]:
    result = []
    for i in range(n):
        prefs = set()
        for code, share in (
            ("older_people", 0.4),
            ("young_people", 0.15),
            ("dementia", 0.2),
            ("no_pets", 0.1),
            ("no_smoking", 0.25),
            ("women_only", 0.3),
        ):
            if rng.random() < share:
                prefs.add(code)
        result.append(
            VolunteerFacts(
                id=i + 1,
                skills=frozenset(rng.sample(SKILLS, rng.randint(1, 4))),
                motives=frozenset(rng.sample(MOTIVES, rng.randint(1, 3))),
                languages=languages(rng, dutch=0.95, other=0.25),
                availability=availability(rng),
                place=place(rng, centres),
                max_distance_km=rng.choice([2, 3, 3, 5, 5, 5, 8, 10]),
                preferences=frozenset(prefs),
                trained_personal_care=rng.random() < 0.06,
                vog_valid=rng.random() < 0.8,
                organisation_allows_personal_care=rng.random() < 0.3,
                circle_ids=frozenset(
                    rng.randint(1, circles) for _ in range(rng.choice([0] * 9 + [1, 2]))
                ),
                capacity=rng.choice([1] * 14 + [2] * 5 + [3]),
            )
        )
    return result


def requests(n: int, rng: random.Random, centres, circles: int) -> list[RequestFacts]:
    weights = [share for _c, _r, share, _s, _m in TASKS]
    result = []
    for i in range(n):
        category, reserved, _share, skills, motives = rng.choices(TASKS, weights)[0]
        slots = frozenset()
        if rng.random() < 0.6:
            slots = frozenset(
                f"{rng.randint(0, 6)}-{rng.choice(PARTS)}" for _ in range(rng.randint(1, 3))
            )
        prefs = set()
        for code, share in (
            ("older_people", 0.5),
            ("dementia", 0.15),
            ("pets", 0.25),
            ("smoking", 0.1),
            ("women_only", 0.04),
        ):
            if rng.random() < share:
                prefs.add(code)
        result.append(
            RequestFacts(
                id=i + 1,
                circle_id=rng.randint(1, circles),
                task_category=category,
                task_reserved=reserved,
                slots=slots,
                place=place(rng, centres),
                wanted_skills=frozenset(rng.sample(skills, rng.randint(1, min(2, len(skills))))),
                languages=languages(rng, dutch=0.85, other=0.2),
                client_preferences=frozenset(prefs),
                motive_fit=frozenset(motives),
                needs_vog=rng.random() < 0.7,
                urgency=rng.choice([1, 2, 2, 2, 3]),
            )
        )
    return result


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"  {label:<34} {time.perf_counter() - start:7.2f} s")
    return result


def check(label: str, result, n_requests: int, blocked: set[int]) -> None:
    wrong = blocked & set(result.pairs)
    print(
        f"  {label:<8} total score {result.total_score:12,.1f}  assigned "
        f"{len(result.pairs):5,} of {n_requests:,}  (mean {mean(result):5.1f}; "
        f"reserved/nursing assigned: {len(wrong)})"
    )
    assert not wrong, "a voorbehouden handeling or nursing reached a volunteer"


def report(name: str, pool, n_requests: int, blocked: set[int]) -> tuple:
    print(f"{name}: {pool.pair_count:,} allowed pairs")
    optimal = timed("optimal (sparse Jonker-Volgenant)", lambda: solve_optimal(pool))
    greedy = timed("greedy", lambda: solve_greedy(pool))
    for label, result in (("optimal", optimal), ("greedy", greedy)):
        check(label, result, n_requests, blocked)
    gain = optimal.total_score - greedy.total_score
    print(f"  optimal − greedy: {gain:+,.1f} points ({100 * gain / greedy.total_score:+.2f} %)")
    return optimal, greedy


def mean(result) -> float:
    return result.total_score / len(result.pairs) if result.pairs else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--volunteers", type=int, default=10000)
    parser.add_argument("--cap", type=int, default=50, help="candidates per request, 0 = skip")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    centres = town(rng)
    circles = args.requests * 3 // 5
    start = time.perf_counter()
    vols = volunteers(args.volunteers, rng, centres, circles)
    reqs = requests(args.requests, rng, centres, circles)
    print(
        f"{len(reqs):,} requests × {len(vols):,} volunteers "
        f"(capacity {sum(v.capacity for v in vols):,}), generated in "
        f"{time.perf_counter() - start:.1f} s, seed {args.seed}"
    )
    blocked = {r.id for r in reqs if r.task_reserved or r.task_category == "nursing"}
    print(f"  {len(blocked):,} requests are nursing or a voorbehouden handeling")

    print("Exact (all allowed pairs):")
    pool = timed("candidate generation", lambda: candidate_pool(reqs, vols))
    exact, _greedy = report("  exact", pool, len(reqs), blocked)
    del pool
    if args.cap:
        print(f"Capped ({args.cap} best candidates per request):")
        capped_pool = timed(
            "candidate generation",
            lambda: candidate_pool(reqs, vols, max_candidates_per_request=args.cap),
        )
        print(f"  capped: {capped_pool.pair_count:,} allowed pairs")
        capped = timed("optimal (sparse Jonker-Volgenant)", lambda: solve_optimal(capped_pool))
        check("optimal", capped, len(reqs), blocked)
        loss = exact.total_score - capped.total_score
        print(f"  exact − capped optimal: {loss:,.1f} points")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Peak memory (max RSS): {peak:,.0f} MB")


if __name__ == "__main__":
    main()
