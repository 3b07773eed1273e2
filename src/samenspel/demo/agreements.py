"""Samenwerkingsafspraken, agenda, logbook and change events for the demo circles.

Runs after `demo.py` has written the circles and reads everything it needs
back from the database, so it also works on a demo loaded before agreements
existed. Every agreement goes through `save_agreement`: the demo obeys the same
task-boundary rules as the app and never holds a forbidden agreement. Dates are
relative to today so the demo always looks current; the random choices are
seeded, so two loads on the same day give the same data.

The stories the demo log-ins see:

* Greet Bakker's circle: Henk carries more than 20 agreed hours a week, fills
  the medicine box without deciding about it, and can claim an open
  Thursday's shopping; the nurse gives insulin; a review date has passed; a
  signal from Henk waits for the professionals.
* Riet Peters's circle: home care stops the support stockings and Anouk takes
  over (informal care replacing professional care).
* Tiny de Vries's circle: the nurse cannot come one morning, so an insulin
  shot is open; Anouk (a volunteer there) may not take it.
* Rina Postema's circle: her son got a new job, his agreements are 'te herzien'.

The code lives in `agreement_routines` (how tasks usually go), `agreement_cast`
(a circle's members by part), `agreement_planner` (ordinary circles),
`agreement_stories` (the two story circles) and `agreement_follow_up` (what
happens afterwards); this module runs them in order.
"""

from __future__ import annotations

import random

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from samenspel.agenda.services import ensure_horizon
from samenspel.agreements.models import Agreement
from samenspel.circles.models import Circle, Member
from samenspel.demo.agreement_cast import CLIENT, NURSE, VOLUNTEER, Disc, cast_of
from samenspel.demo.agreement_follow_up import add_change_event, add_logbook, release_one
from samenspel.demo.agreement_planner import Planner
from samenspel.demo.agreement_stories import greet_specs, riet_specs
from samenspel.domain.vocabulary import AccessLevel, MemberKind


def _circles(circles: QuerySet) -> list[Circle]:
    members = Member.objects.filter(status=Member.Status.ACTIVE).select_related(
        "person__user", "organisation"
    )
    return list(
        circles.select_related("client")
        .prefetch_related(Prefetch("members", queryset=members, to_attr="demo_members"))
        .order_by("pk")
    )


def add_agreements(circles: QuerySet, *, seed: int) -> int:
    """Agreements, occurrences, logbook and change events for these circles.

    Does nothing (returns 0) when any of them already has an agreement.
    """
    if Agreement.objects.filter(circle__in=circles).exists():
        return 0
    today = timezone.localdate()
    # District nurses in the demo are registered in the BIG register.
    Member.objects.filter(
        circle__in=circles, kind=MemberKind.PROFESSIONAL, discipline=Disc.DISTRICT_NURSE
    ).update(big_registered=True)
    planner = Planner(random.Random(seed), today)
    casts = [cast_of(c) for c in _circles(circles)]
    for cast in casts:
        for m in cast.all():
            if m.discipline == Disc.DISTRICT_NURSE:
                m.big_registered = True
    greet = next(c for c in casts if c.login(CLIENT))
    riet = next(c for c in casts if c.login(VOLUNTEER) in c.carers)
    volunteering = [c for c in casts if c.login(VOLUNTEER) in c.volunteers]
    insulin_circle = next(c for c in volunteering if c.login(NURSE) in c.nurses)
    coordinated = []
    for cast in casts:
        if cast is greet:
            specs = greet_specs(cast)
        elif cast is riet:
            specs = riet_specs(cast)
        else:
            specs = planner.plan(cast, force_insulin=cast is insulin_circle)
        if cast in volunteering:
            specs.append(planner.open_ride(cast))
        by = planner.maker(cast)
        for spec in specs:
            planner.save(cast, spec, by)
        # The main carer keeps the agenda going in some circles.
        full = cast.main is not None and cast.main.access_level == AccessLevel.FULL
        if full and (cast in (greet, riet) or planner.rng.random() < 0.5):
            cast.circle.coordinator = cast.main
            coordinated.append(cast.circle)
    Circle.objects.bulk_update(coordinated, ["coordinator"])

    for cast in volunteering:
        release_one(cast, cast.carers, today)
    released_on = release_one(insulin_circle, [insulin_circle.login(NURSE)], today)
    add_change_event(casts, greet, today)
    add_logbook(greet, riet, insulin_circle, volunteering, released_on)
    return planner.saved


def refresh(circles: QuerySet, *, seed: int) -> int:
    """For a demo that is already there: add agreements if it has none yet, else plan
    occurrences up to today's horizon. Returns the number of agreements added."""
    added = add_agreements(circles, seed=seed)
    if not added:
        for circle in circles:
            ensure_horizon(circle)
    return added
