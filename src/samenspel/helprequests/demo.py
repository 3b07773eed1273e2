"""Demo help requests for Vrijwilligerscentrale De Schakel (issue 6).

About twenty open requests across the demo circles, half from professionals
and half from clients and mantelzorgers (seed 001 §6), and proposals in every
state. Everything goes through the services, so the rules hold. Idempotent:
nothing is added when the organisation already has requests.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from samenspel.agreements.models import CareTask
from samenspel.circles.models import Circle, Member
from samenspel.domain import helprequests as hr
from samenspel.domain.vocabulary import MemberKind
from samenspel.helprequests import selectors, services
from samenspel.helprequests.models import HelpRequest, Proposal
from samenspel.organisations.models import Employment, Organisation
from samenspel.volunteers.demo import WIJK_COORDINATES
from samenspel.volunteers.models import VolunteerProfile

VOLUNTEER_CENTRE = "Vrijwilligerscentrale De Schakel"
OPEN_REQUESTS = 20

# (task, what exactly, wanted skills)
WISHES = [
    ("Op bezoek gaan", "Een kop koffie en een praatje, een uurtje per week.", ["company"]),
    ("Samen wandelen", "Een rondje door het park, met rollator.", ["walking"]),
    ("Boodschappen doen", "Wekelijkse boodschappen met een lijstje.", ["shopping"]),
    ("Vervoer naar dokter of ziekenhuis", "Meerijden naar de poli en terug.", ["transport"]),
    ("Post en rekeningen", "Samen de post doornemen en overzicht houden.", ["admin"]),
    ("Klusjes in huis en tuin", "Kleine klusjes: een lamp, de heg.", ["odd_jobs", "gardening"]),
    ("Meegaan naar een activiteit", "Samen naar de soos op donderdag.", ["company", "walking"]),
    ("Luisterend oor", "Iemand om mee te praten over vroeger.", ["company"]),
    ("Hond uitlaten", "De hond uitlaten als de mantelzorger werkt.", ["walking"]),
]

# Kennismakingen at a normal visiting hour, whatever time the demo is made.
INTRODUCTION_TIME = dt.time(10, 30)

DECLINE_REASONS = {
    hr.Side.VOLUNTEER: "De tijden passen toch niet bij mijn werk.",
    hr.Side.CLIENT: "Mevrouw wil liever iemand die ook Turks spreekt.",
}


def _wijk_place(wijk: str):
    return WIJK_COORDINATES.get(wijk, (None, None))


def _filer(circle: Circle, source: hr.Source, team_staff: dict):
    if source == hr.Source.CLIENT:
        return circle.client
    if source == hr.Source.CARER:
        carer = next(
            (m.person for m in circle.members.all() if m.kind == MemberKind.CARER and m.is_active),
            None,
        )
        return carer or circle.client
    staff = team_staff.get(circle.team_id) or [None]
    return staff[circle.pk % len(staff)]


def _request(circle, wish, source, rng, team_staff, *, slots=None, place=None):
    task_name, details, skills = wish
    lat, lon = place or _wijk_place(circle.wijk)
    data = {
        "task": CareTask.objects.get(name=task_name),
        "details": details,
        "slots": slots
        if slots is not None
        else sorted(
            rng.sample(
                [
                    "0-morning",
                    "1-afternoon",
                    "2-morning",
                    "3-afternoon",
                    "4-morning",
                    "2-afternoon",
                    "5-morning",
                ],
                rng.randint(1, 3),
            )
        ),
        "start_date": None,
        "duration_minutes": rng.choice([60, 90, 120]),
        "frequency": rng.choice(
            [hr.Frequency.WEEKLY, hr.Frequency.WEEKLY, hr.Frequency.EVERY_OTHER_WEEK]
        ),
        "wijk": circle.wijk,
        "latitude": lat,
        "longitude": lon,
        "wanted_skills": skills,
        "languages": ["nl"] + (["tr"] if rng.random() < 0.15 else []),
        "preferences": rng.sample(["older_people", "dementia", "pets"], rng.choice([0, 1, 1, 2])),
        "urgency": rng.choice([1, 2, 2, 2, 3]),
    }
    return data, _filer(circle, source, team_staff)


@transaction.atomic
def add_demo_helprequests(today: dt.date, seed: int = 0) -> int:
    """Returns how many requests were made (0 when the demo already has them)."""
    org = Organisation.objects.filter(
        kind=Organisation.Kind.VOLUNTEER_ORGANISATION, name=VOLUNTEER_CENTRE
    ).first()
    if org is None or HelpRequest.objects.filter(organisation=org).exists():
        return 0
    profiles = list(
        VolunteerProfile.objects.filter(organisation=org, is_active=True).select_related("person")
    )
    if not profiles:
        return 0
    rng = random.Random(seed)
    coordinator = (
        Employment.objects.filter(organisation=org).select_related("person").order_by("pk").first()
    )
    by = coordinator.person if coordinator else None
    circles = list(
        Circle.objects.filter(team__isnull=False)
        .select_related("client")
        .prefetch_related("members__person")
        .order_by("pk")
    )
    team_staff: dict[int, list] = {}
    for e in (
        Employment.objects.filter(organisation_id__in={c.team_id for c in circles})
        .select_related("person")
        .order_by("pk")
    ):
        team_staff.setdefault(e.organisation_id, []).append(e.person)

    made = []
    sources = [hr.Source.PROFESSIONAL, hr.Source.CLIENT, hr.Source.PROFESSIONAL, hr.Source.CARER]
    total = OPEN_REQUESTS + 10
    for i in range(total):
        circle = circles[(i * 7) % len(circles)]
        source = sources[i % len(sources)]
        data, filer = _request(circle, WISHES[i % len(WISHES)], source, rng, team_staff)
        data["organisation"] = org
        made.append(services.file_request(circle, data, by=filer, source=source))

    _anouk_waits(org, profiles, circles, rng, team_staff, by, made)
    _proposals_in_every_state(made[:12], today, by)
    return len(made)


def _top(req, today, avoid=()):
    req = HelpRequest.objects.select_related("task", "organisation").get(pk=req.pk)
    candidates, _excluded = selectors.shortlist(req, today)
    return next((c.profile for c in candidates if c.profile.pk not in avoid), None), req


def _proposals_in_every_state(requests, today, by) -> None:
    """One chain per state; a request without a candidate is skipped."""
    now = timezone.now()
    plan = [
        "proposed",
        "volunteer_yes",
        "client_yes",
        "accepted",
        "introduction",
        "started",
        "evaluated",
        "ended",
        "declined_volunteer",
        "declined_client",
    ]
    requests = iter(requests)
    for goal in plan:
        for req in requests:
            profile, req = _top(req, today)
            if profile is None:
                continue
            p = services.propose(req, profile, by=by, today=today)
            _walk(p, goal, today, now, by)
            break


def _walk(p: Proposal, goal: str, today, now, by) -> None:
    v, c, coord = hr.Side.VOLUNTEER, hr.Side.CLIENT, by
    client = p.help_request.circle.client
    if goal == "proposed":
        return
    if goal == "declined_volunteer":
        services.decline(p, v, DECLINE_REASONS[v], by=p.volunteer.person, expected_version=None)
        return
    if goal in ("volunteer_yes", "accepted") or goal not in ("client_yes", "declined_client"):
        services.accept(p, v, by=p.volunteer.person)
    if goal == "volunteer_yes":
        return
    if goal == "declined_client":
        services.decline(p, c, DECLINE_REASONS[c], by=client, expected_version=None)
        return
    services.accept(p, c, by=client)
    if goal in ("client_yes", "accepted"):
        return
    pro = next(iter(selectors.introduction_professionals(p.help_request)), None)
    day = today + dt.timedelta(days=4) if goal == "introduction" else today - dt.timedelta(days=60)
    at = timezone.make_aware(dt.datetime.combine(day, INTRODUCTION_TIME))
    p = services.plan_introduction(p, at=at, with_person=pro, by=coord, expected_version=p.version)
    if goal == "introduction":
        return
    p = services.start(p, on=today - dt.timedelta(days=55), by=coord, expected_version=p.version)
    if goal == "started":
        return
    p = services.evaluate(
        p,
        on=today - dt.timedelta(days=10),
        note="Het klikt goed. Ze wandelen nu ook samen. Volgende evaluatie na een half jaar.",
        by=coord,
        expected_version=p.version,
    )
    if goal == "ended":
        services.end(
            p,
            on=today - dt.timedelta(days=2),
            note="De cliënt verhuist naar een verpleeghuis.",
            by=coord,
            expected_version=p.version,
        )


def _anouk_waits(org, profiles, circles, rng, team_staff, by, made) -> None:
    """The `vrijwilliger` demo login (Anouk Peters) has a proposal to answer."""
    anouk = next(
        (p for p in profiles if p.person.first_name == "Anouk" and p.person.last_name == "Peters"),
        None,
    )
    if anouk is None:
        return
    own = set(Member.objects.filter(person=anouk.person).values_list("circle_id", flat=True))
    circle = next((c for c in circles if c.pk not in own and c.wijk == anouk.wijk), None)
    circle = circle or next(c for c in circles if c.pk not in own)
    data, filer = _request(
        circle,
        WISHES[0],
        hr.Source.PROFESSIONAL,
        rng,
        team_staff,
        slots=sorted(anouk.availability or [])[:2],
        place=(anouk.latitude, anouk.longitude),
    )
    data.update(organisation=org, languages=["nl"], preferences=[], wanted_skills=["company"])
    req = services.file_request(circle, data, by=filer, source=hr.Source.PROFESSIONAL)
    # When her profile fits no request, she has nothing waiting (see the report).
    with contextlib.suppress(services.WorkflowError):
        services.propose(req, anouk, by=by)
    made.append(req)
