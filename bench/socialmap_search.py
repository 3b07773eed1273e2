"""Benchmark: search the sociale kaart with 10,000 entries. Not run by CI.

    .venv/bin/python bench/socialmap_search.py [--db sqlite|postgres] [--entries N]

Builds a throwaway database (a temporary SQLite file, or the PostgreSQL database
`samenspel_bench`, dropped afterwards), fills it with generated entries, runs
~200 representative searches as the search page does (one page of 20 plus the
count) and prints p50/p95/max in milliseconds. The target is < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "samenspel_bench"

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
KINDS = [
    (
        "Steunpunt Mantelzorg",
        ["carer_support"],
        "Advies, een luisterend oor en cursussen voor mantelzorgers.",
    ),
    (
        "Respijthuis",
        ["respite", "carer_support"],
        "Logeren voor een paar dagen, zodat de mantelzorger even vrij is.",
    ),
    (
        "Vrijwilligerscentrale",
        ["volunteer_centre"],
        "Wij zoeken een vrijwilliger die helpt met boodschappen of vervoer.",
    ),
    (
        "Dagbesteding",
        ["day_activities"],
        "Een zinvolle dag met activiteiten, koffie en een warme maaltijd.",
    ),
    ("Maatjesproject", ["buddy"], "Een vast maatje komt elke week op bezoek tegen eenzaamheid."),
    ("Buurtkamer", ["neighbourhood"], "Ontmoeten in de buurt: koffie, spelletjes en samen eten."),
    ("Wandelclub", ["sport"], "Samen wandelen in een rustig tempo, met koffie na afloop."),
    ("Beweeggroep", ["sport"], "Bewegen voor ouderen: stoelyoga, gym en fietsen."),
    ("Koor", ["culture"], "Zingen met mensen met en zonder dementie."),
    ("Bezoekdienst", ["religion", "buddy"], "De kerk komt op bezoek bij wie alleen is."),
    (
        "Schuldhulpmaatje",
        ["debt"],
        "Hulp bij geldzaken, post en schulden, gratis en in vertrouwen.",
    ),
    ("Woonadvies", ["housing"], "Advies over aanpassingen in huis en langer zelfstandig wonen."),
    ("Buurtbus", ["transport"], "Vervoer naar de dokter, het ziekenhuis of de markt."),
    ("Informatiepunt", ["information"], "Informatie en advies over zorg, welzijn en de Wmo."),
    ("Thuiszorg", ["home_care"], "Hulp bij wassen, aankleden en medicijnen."),
    ("Maaltijdservice", ["meals"], "Elke dag een warme maaltijd aan huis."),
]
EXTRA = [
    "Ook voor mensen met dementie.",
    "Rolstoeltoegankelijk.",
    "Aanmelden via de huisarts.",
    "Voor jong en oud.",
    "In het wijkcentrum.",
    "Met begeleiding van vrijwilligers.",
    "Bel gerust voor een eerste gesprek.",
    "Ook in het weekend open.",
    "Samen met de bibliotheek.",
    "Voor nieuwkomers die de taal leren.",
]
PLACES = ["Almere", "Utrecht", "Gouda", "Arnhem"]
WORDS = [
    "mantelzorg",
    "mantelzorgers",
    "wandelen",
    "respijt",
    "logeren",
    "vrijwilliger",
    "boodschappen",
    "eenzaamheid",
    "maatje",
    "dementie",
    "schulden",
    "vervoer",
    "koor",
    "koffie",
    "maaltijd",
    "ouderen",
    "bewegen",
    "dagbesteding",
    "informatie",
    "wonen",
    "kerk",
    "bezoek",
    "buurt",
    "advies",
    "zingen",
    "gym",
    "huisarts",
    "steunpunt",
]


def setup_django(db: str) -> str | None:
    tmp = None
    if db == "sqlite":
        tmp = tempfile.mkdtemp(prefix="samenspel-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    else:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
            conn.execute(f"CREATE DATABASE {PG_NAME}")
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "samenspel.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return tmp


def teardown(db: str, tmp: str | None) -> None:
    from django.db import connections

    connections.close_all()
    if db == "sqlite" and tmp:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    elif db == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")


def fill(n: int, rng: random.Random) -> None:
    from datetime import date, timedelta

    from django.db import connection

    from samenspel.organisations.models import Organisation
    from samenspel.socialmap.models import Offer

    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"{kind[0]} {place} {i}", kind=Organisation.Kind.COMMUNITY)
        for i in range(n // 12)
        for kind, place in [(rng.choice(KINDS), rng.choice(PLACES))]
    )
    offers = []
    for i in range(n):
        name, categories, text = rng.choice(KINDS)
        org = rng.choice(orgs)
        offer = Offer(
            organisation=org,
            name=f"{name} {rng.choice(WIJKEN)} {i}",
            description=" ".join([text, *rng.sample(EXTRA, 2)]),
            categories=list(categories),
            target_groups=rng.sample(
                ["everyone", "older_people", "carers", "dementia", "disability", "youth"], 2
            ),
            wmo_fields=[rng.randint(1, 9)],
            wijken=rng.sample(WIJKEN, rng.randint(0, 3)),
            contact_name="Contactpersoon",
            cost=rng.choice(["free", "free", "own_contribution", "indication"]),
            last_verified=date(2026, 1, 1) - timedelta(days=rng.randint(0, 700)),
            is_active=rng.random() > 0.05,
        )
        offer.refresh_search_fields()
        offers.append(offer)
    Offer.objects.bulk_create(offers, batch_size=1000)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "INSERT INTO socialmap_offer_fts(socialmap_offer_fts) VALUES ('optimize')"
            )
            cursor.execute("ANALYZE")
        else:
            cursor.execute("ANALYZE socialmap_offer")


def queries(count: int, rng: random.Random):
    from samenspel.socialmap.search import Filters

    cats = sorted({c for _, cs, _ in KINDS for c in cs})
    for i in range(count):
        kind = i % 10
        q = ""
        if kind < 8:
            q = " ".join(rng.sample(WORDS, 1 if rng.random() < 0.7 else 2))
        f = {}
        if kind >= 5:  # words + filters, and filters only
            if rng.random() < 0.6:
                f["category"] = rng.choice(cats)
            if rng.random() < 0.6:
                f["wijk"] = rng.choice(WIJKEN)
            if rng.random() < 0.3:
                f["cost"] = rng.choice(["free", "own_contribution", "indication"])
            if rng.random() < 0.3:
                f["target_group"] = rng.choice(["older_people", "carers", "dementia"])
        yield q, Filters(**f)


def run(args) -> None:
    from django.core.paginator import Paginator
    from django.db import connection

    from samenspel.socialmap.selectors import search_offers

    rng = random.Random(20261123)
    started = time.perf_counter()
    fill(args.entries, rng)
    print(f"{connection.vendor}: {args.entries} entries in {time.perf_counter() - started:.1f} s")
    work = list(queries(args.queries, rng))
    for q, f in work[:10]:  # warm up caches
        list(Paginator(search_offers(q, f), 20).get_page(1))
    timings = []
    hits = []
    for q, f in work:
        t0 = time.perf_counter()
        page = Paginator(search_offers(q, f), 20).get_page(1)
        rows = list(page.object_list)
        total = page.paginator.count
        timings.append((time.perf_counter() - t0) * 1000)
        hits.append(total)
        assert len(rows) <= 20
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"{len(timings)} searches (page of 20 + count): "
        f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms; "
        f"median hits {statistics.median(hits):.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    tmp = setup_django(args.db)
    try:
        run(args)
    finally:
        teardown(args.db, tmp)


if __name__ == "__main__":
    main()
