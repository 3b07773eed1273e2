"""Demo data: a year of WIFA moments for an organisation's volunteers.

Call after the volunteers demo made the profiles:
``add_demo_wifa(organisation, today, seed)``. Deterministic for a seed and
idempotent: volunteers who already have a log are left alone.

The volunteers take turns in five stories so every reminder shows up:
well looked after (two of five), no contact for three months, no thank-you for
half a year, and a professional–volunteer pair without afstemming (or, when
that volunteer shares no circle with a professional, a new volunteer whose
expenses and insurance are not recorded).
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from samenspel.domain import wifa as rules
from samenspel.organisations.models import Employment
from samenspel.volunteers.models import VolunteerProfile
from samenspel.wifa import selectors
from samenspel.wifa.models import WifaEntry

WELL, NO_CONTACT, NO_THANKS, PAIR_LAPSED = "well", "no_contact", "no_thanks", "pair_lapsed"
STORIES = (WELL, NO_CONTACT, WELL, NO_THANKS, PAIR_LAPSED)

NOTES = {
    "bedankje": "Bedankt voor de extra bezoeken deze maand.",
    "kaartje": "Kaartje gestuurd voor de verjaardag.",
    "uitje": "Was bij de vrijwilligersavond, had het naar haar zin.",
    "compliment": "De cliënt zei dat de wandelingen veel voor hem betekenen.",
    "info_client": "Verteld dat de cliënt vaker moe is; korter bezoek is goed.",
    "info_taken": "Uitgelegd wat wel en niet bij de taak hoort.",
    "info_organisatie": "Nieuwe coördinator voorgesteld.",
    "nieuwsbrief": "",
    "onkosten": "Kilometervergoeding afgesproken.",
    "verzekering": "Valt onder de vrijwilligersverzekering van de gemeente.",
    "training": "Cursus omgaan met dementie gevolgd.",
    "materiaal": "Rollator-tas en fietsverlichting gegeven.",
    "begeleiding": "Even nagepraat na een lastig bezoek.",
    "gesprek": "Gaat goed, wil graag zo doorgaan.",
    "overleg": "Samen besproken hoe het met de cliënt gaat.",
    "evaluatie": "Halfjaarlijkse evaluatie: tevreden, wil er een cliënt bij.",
}


def _entry(profile, kind, day, by, professional_id=None):
    return WifaEntry(
        volunteer=profile,
        aspect=rules.kind(kind).aspect,
        kind=kind,
        happened_on=day,
        note=NOTES.get(kind, ""),
        professional_id=professional_id,
        recorded_by=by,
    )


def _plan(story: str, today: dt.date, rng: random.Random, pair_ids: list[int]):
    """(kind, day, professional_id) for one volunteer's year."""
    out = [
        ("onkosten", 360, None),
        ("verzekering", 360, None),
        ("training", 300 - rng.randint(0, 40), None),
        ("uitje", 200, None),  # the volunteer evening everyone went to
        ("evaluatie", 180 + rng.randint(0, 10), None),
    ]
    # Quarterly newsletter for everyone.
    out += [("nieuwsbrief", d, None) for d in (350, 260, 170, 80)]
    # Until the story's lapse: regular contact, thanks and afstemming.
    quiet_from = {WELL: 0, NO_CONTACT: 95, NO_THANKS: 0, PAIR_LAPSED: 0}[story]
    thanks_from = {WELL: 0, NO_CONTACT: 95, NO_THANKS: 185, PAIR_LAPSED: 0}[story]
    pair_from = {WELL: 0, NO_CONTACT: 95, NO_THANKS: 0, PAIR_LAPSED: 120}[story]
    day = 340
    while day > quiet_from:
        out.append(("gesprek" if day % 2 else "info_taken", day, None))
        day -= 28 + rng.randint(-4, 6)
    day = 330
    while day > thanks_from:
        out.append(("bedankje" if rng.random() < 0.6 else "compliment", day, None))
        day -= 55 + rng.randint(-8, 12)
    if quiet_from == 0:
        out.append(("info_client", 3 + rng.randint(0, 20), None))
        out.append(("gesprek", 2 + rng.randint(0, 12), None))
    for pid in pair_ids:
        day = 300
        while day > pair_from:
            out.append(("overleg", day, pid))
            day -= 35 + rng.randint(-5, 8)
    return [(k, today - dt.timedelta(days=d), p) for k, d, p in out if d >= 0]


def add_demo_wifa(organisation, today: dt.date, seed: int = 0) -> int:
    """Log a year of WIFA moments; returns how many entries were added."""
    profiles = list(
        VolunteerProfile.objects.filter(organisation=organisation, is_active=True)
        .select_related("person")
        .order_by("pk")
    )
    if not profiles:
        return 0
    done = set(
        WifaEntry.objects.filter(volunteer__in=profiles).values_list("volunteer_id", flat=True)
    )
    coordinator = (
        Employment.objects.filter(organisation=organisation)
        .select_related("person")
        .order_by("pk")
        .first()
    )
    pairs = selectors.pairs(profiles)
    rows = []
    for index, profile in enumerate(profiles):
        if profile.pk in done:
            continue
        rng = random.Random(f"{seed}-{profile.pk}")
        story = STORIES[index % len(STORIES)]
        by = profile.contact_person or (coordinator.person if coordinator else None)
        pair_ids = [p.professional_id for p in pairs.get(profile.pk, ())]
        if story == PAIR_LAPSED and not pair_ids:
            # Nobody to pair with: show the other lapse instead, a new volunteer
            # (a few weeks in) without expenses and insurance recorded.
            rows.append(_entry(profile, "gesprek", today - dt.timedelta(days=20), by))
            rows.append(_entry(profile, "bedankje", today - dt.timedelta(days=6), by))
            continue
        for kind, day, pid in _plan(story, today, rng, pair_ids):
            rows.append(_entry(profile, kind, day, by, pid))
    with transaction.atomic():
        WifaEntry.objects.bulk_create(rows)
    return len(rows)
