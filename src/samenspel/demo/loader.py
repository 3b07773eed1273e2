"""Realistic, fictional demo data for Samenspel (`python manage.py samenspel demo`).

One municipality ("Gemeente Lindeveen") with two wijkteams, a volunteer
centre, a carer support point and a home-care provider, and about fifty care
circles whose mix follows the figures in domain.md §8: roughly a quarter
rests on one overloaded carer, a few clients have nobody but professionals,
most circles are mixed and some are strong, well-spread networks.

Everything is deterministic (`random.Random(2026)`) and all names are
fictional combinations of common Dutch first names and surnames. The
samenwerkingsafspraken, agenda, logbook and change events on top of these
circles come from `demo_agreements.py`.

The world is built in layers: `member_builder` (people and their map
entries), `circle_builder` (circles by archetype) and `world` (organisations,
staff, log-ins and the story circles), from the data in `fictional_people`
and `circle_plans`; `summary` holds the log-ins and what is printed.
"""

from __future__ import annotations

import random

from django.db import transaction
from django.utils import timezone

from samenspel.circles.models import Circle
from samenspel.demo import agreements as demo_agreements
from samenspel.demo import burden as demo_burden
from samenspel.demo import socialmap as demo_socialmap
from samenspel.demo import volunteers as demo_volunteers
from samenspel.demo.names import (  # noqa: F401 (also the loader's API)
    CARE_PROVIDER,
    CARER_SUPPORT,
    DEMO_PASSWORD,
    MUNICIPALITY_NAME,
    SEED,
    TEAM_NORTH,
    TEAM_SOUTH,
    VOLUNTEER_CENTRE,
)
from samenspel.demo.summary import DEMO_LOGINS, Summary  # noqa: F401 (also the loader's API)
from samenspel.demo.team_demo import add_reflection, add_thermometer
from samenspel.demo.world import WorldBuilder
from samenspel.organisations.models import Organisation
from samenspel.profiles.demo import add_demo_profiles


def demo_exists() -> bool:
    return Organisation.objects.filter(
        kind=Organisation.Kind.MUNICIPALITY, name=MUNICIPALITY_NAME
    ).exists()


def demo_circles():
    return Circle.objects.filter(
        team__parent__kind=Organisation.Kind.MUNICIPALITY, team__parent__name=MUNICIPALITY_NAME
    )


def load_demo() -> Summary | None:
    """Create the demo world; returns None when it is already there (then only
    `refresh_demo` runs, which adds nothing that exists)."""
    with transaction.atomic():
        if demo_exists():
            refresh_demo()
            return None
        return WorldBuilder(random.Random(SEED)).build()


def refresh_demo() -> int:
    """Keep an existing demo current: agreements if it predates them, else
    occurrences planned up to today's horizon. Returns agreements added."""
    with transaction.atomic():
        added = demo_agreements.refresh(demo_circles(), seed=SEED)
        demo_burden.add_screenings(demo_circles(), seed=SEED)  # a demo from before issue 4
        demo_socialmap.add_socialmap(demo_circles())  # before issue 5
        add_demo_profiles(demo_circles(), seed=SEED)  # before issue 7
        add_thermometer()
        add_reflection()
        demo_volunteers.add_volunteering(demo_circles(), seed=SEED, today=timezone.localdate())
        return added
