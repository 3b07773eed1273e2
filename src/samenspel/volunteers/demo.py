"""Demo data: volunteer profiles and agreements for a volunteer organisation.

Call from the demo loader (idempotent, deterministic)::

    from samenspel.volunteers.demo import add_demo_volunteers
    add_demo_volunteers(schakel, schakel_volunteers, timezone.localdate(), seed=SEED)

``people`` are the existing Persons who volunteer for the organisation in demo
circles; the function also creates ``EXTRA_VOLUNTEERS`` new people so that matching
has choice. Profiles cover every kind (re-integration, maatschappelijke stage and
via the employer with a named supervisor), a few with an expired or missing VOG or
motives to ask again, and most have an agreement (one with an older one as history).
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from samenspel.accounts.models import Person
from samenspel.agreements.models import CareTask
from samenspel.agreements.selectors import task_facts
from samenspel.domain import volunteering as vol
from samenspel.organisations.models import Employment
from samenspel.volunteers.models import VolunteerAgreement, VolunteerProfile

# The demo wijken (demo/socialmap.py WIJKEN) placed around a fictional town
# at about 52.1 N, 5.1 E: (latitude, longitude) of each wijk's middle.
WIJK_COORDINATES = {
    "Lindeveen-Centrum": (52.1000, 5.1000),
    "Oude Dorp": (52.1080, 5.0930),
    "Lindeveen-Noord": (52.1180, 5.1040),
    "Lindeveen-Zuid": (52.0840, 5.1060),
    "De Veenhoeve": (52.0920, 5.1240),
}

EXTRA_VOLUNTEERS = 25

_EXTRA_NAMES = [
    ("Ria", "Mulder"),
    ("Gerrit", "Bos"),
    ("Fatima", "Ouali"),
    ("Tom", "Verhoeven"),
    ("Ilse", "Brouwer"),
    ("Mehmet", "Yilmaz"),
    ("Joke", "van Dam"),
    ("Daan", "Smeets"),
    ("Sevda", "Kaya"),
    ("Hans", "Wouters"),
    ("Lotte", "Vos"),
    ("Kees", "Hendriks"),
    ("Agnieszka", "Nowak"),
    ("Wim", "de Groot"),
    ("Marjan", "Schipper"),
    ("Noah", "van Leeuwen"),
    ("Esra", "Demir"),
    ("Piet", "Kroon"),
    ("Sylvia", "Martina"),
    ("Jan", "Veenstra"),
    ("Roos", "Bakker"),
    ("Ahmed", "Benali"),
    ("Tineke", "Hofman"),
    ("Lucas", "Meijer"),
    ("Nelleke", "Sanders"),
]

# Kinds of the extra volunteers that need a supervisor, with who supervises.
_SUPERVISED = [
    ("reintegration", "Jet Vermeulen, re-integratiecoach (gemeente Lindeveen)"),
    ("reintegration", "Jet Vermeulen, re-integratiecoach (gemeente Lindeveen)"),
    ("reintegration", "Ronald Bril, jobcoach (UWV)"),
    ("school_internship", "Mevrouw Dekker, mentor (Veenlanden College)"),
    ("school_internship", "Meneer Ouwehand, stagebegeleider (Veenlanden College)"),
    ("employer", "Sandra Mol, HR (Bouwbedrijf Lindeveen)"),
    ("employer", "Sandra Mol, HR (Bouwbedrijf Lindeveen)"),
]

# Which catalogue tasks fit which skill (the agreement's "may do").
_SKILL_TASKS = {
    "company": "Op bezoek gaan",
    "walking": "Samen wandelen",
    "transport": "Vervoer naar dokter of ziekenhuis",
    "shopping": "Boodschappen doen",
    "cooking": "Maaltijd koken",
    "odd_jobs": "Klusjes in huis en tuin",
    "gardening": "Klusjes in huis en tuin",
    "admin": "Post en rekeningen",
    "digital": "Afspraken met instanties regelen",
    "reading": "Luisterend oor",
    "respite": "Meegaan naar een activiteit",
    "personal_care": "Wassen en douchen",  # refused unless allowed and trained
}

_EXPENSES = [
    "€ 0,23 per km, maximaal € 180 per maand",
    "Reiskosten op declaratie; parkeren wordt vergoed",
    "Geen vergoeding; wel een jaarlijkse vrijwilligersavond",
]


def _coordinator(organisation) -> Person | None:
    jobs = Employment.objects.filter(organisation=organisation).select_related("person")
    jobs = sorted(jobs, key=lambda e: (e.discipline != "volunteer_coordinator", e.pk))
    return jobs[0].person if jobs else None


def _email(first: str, last: str) -> str:
    return f"{first}.{last}".lower().replace(" ", "") + "@vrijwilligers.example.org"


def _extra_people(rng: random.Random) -> list[Person]:
    people = []
    for first, last in _EXTRA_NAMES[:EXTRA_VOLUNTEERS]:
        person, _created = Person.objects.get_or_create(
            email=_email(first, last),
            defaults={
                "first_name": first,
                "last_name": last,
                "phone": f"06-{rng.randint(10000000, 99999999)}",
            },
        )
        people.append(person)
    return people


def _profile_values(rng: random.Random, index: int, today: dt.date) -> dict:
    wijk = list(WIJK_COORDINATES)[index % len(WIJK_COORDINATES)]
    lat, lon = WIJK_COORDINATES[wijk]
    skills = rng.sample(sorted(set(_SKILL_TASKS) - {"personal_care"}), rng.randint(2, 4))
    languages = ["nl"] + rng.sample(
        sorted(set(vol.LANGUAGE_LABELS) - {"nl"}), rng.choice([0, 0, 1])
    )
    return {
        "kind": "regular",
        "supervisor": "",
        "skills": skills,
        "motives": rng.sample(sorted(vol.MOTIVE_LABELS), rng.randint(1, 3)),
        "motives_asked_on": today - dt.timedelta(days=rng.randint(20, 300)),
        "languages": languages,
        "availability": sorted(rng.sample(vol.ALL_SLOTS, rng.randint(3, 7))),
        "wijk": wijk,
        "latitude": round(lat + rng.uniform(-0.004, 0.004), 5),
        "longitude": round(lon + rng.uniform(-0.006, 0.006), 5),
        "max_distance_km": rng.choice([2, 3, 5, 5, 8, 10]),
        "preferences": rng.sample(sorted(vol.PREFERENCE_LABELS), rng.choice([0, 1, 1, 2])),
        "training": ["intro"] + rng.sample(["dementia", "first_aid", "signals", "privacy"], 1),
        "vog_status": "valid",
        "vog_date": today - dt.timedelta(days=rng.randint(30, 900)),
    }


def _plan(rng: random.Random, people: list[Person], extras: list[Person], today: dt.date):
    """(person, profile values) for everyone, the same on every run."""
    plan = []
    for index, person in enumerate([*people, *extras]):
        values = _profile_values(rng, index, today)
        extra_index = index - len(people)
        if 0 <= extra_index < len(_SUPERVISED):
            values["kind"], values["supervisor"] = _SUPERVISED[extra_index]
            if values["kind"] == "school_internship":
                values["vog_status"], values["vog_date"] = "requested", None
                values["motives"] = ["learn", "work_experience"]
            if values["kind"] == "reintegration":
                values["motives"] = ["structure", "work_experience"]
        plan.append((person, values))
    # Things a coordinator should notice: expired or missing VOG, motives to ask again.
    if len(plan) > 12:
        plan[-1][1].update(vog_date=today - dt.timedelta(days=365 * 4))
        plan[-2][1].update(vog_date=today - dt.timedelta(days=365 * 3 + 20))
        plan[-3][1].update(vog_status="none", vog_date=None)
        for i in (-4, -5, 1):
            plan[i][1]["motives_asked_on"] = today - dt.timedelta(days=430)
        plan[-6][1].update(training=["intro", "personal_care"], skills=["company", "personal_care"])
    return plan


def _agreement_tasks(profile: VolunteerProfile, catalogue: dict[str, CareTask]) -> list[CareTask]:
    performer = vol.volunteer_performer(
        str(profile.pk),
        profile.person.full_name,
        profile.training,
        profile.organisation.allows_personal_care,
    )
    chosen = {_SKILL_TASKS[s] for s in profile.skills if _SKILL_TASKS.get(s) in catalogue}
    tasks = [catalogue[name] for name in sorted(chosen)]
    return [t for t in tasks if not vol.refused_tasks([task_facts(t)], performer)]


@transaction.atomic
def add_demo_volunteers(organisation, people, today: dt.date, seed: int = 0) -> int:
    """Profiles (and agreements) for ``people`` plus the extra demo volunteers.

    Returns how many profiles were created; 0 on a second run.
    """
    rng = random.Random(seed)
    extras = _extra_people(rng)
    contact = _coordinator(organisation)
    catalogue = {t.name: t for t in CareTask.objects.filter(is_active=True)}
    existing = set(
        VolunteerProfile.objects.filter(person__in=[*people, *extras]).values_list(
            "person_id", flat=True
        )
    )
    created = 0
    seen: set[int] = set()
    for index, (person, values) in enumerate(_plan(rng, list(people), extras, today)):
        if person.pk in existing or person.pk in seen:
            continue
        seen.add(person.pk)
        profile = VolunteerProfile.objects.create(
            person=person, organisation=organisation, contact_person=contact, **values
        )
        created += 1
        if values["vog_status"] != "valid" or index % 4 == 3:
            continue  # no agreement yet: intake still running
        tasks = _agreement_tasks(profile, catalogue)
        if index == 0:
            old = VolunteerAgreement.objects.create(
                profile=profile,
                start_date=today - dt.timedelta(days=420),
                evaluation_date=today - dt.timedelta(days=240),
                expenses=_EXPENSES[0],
                insured=True,
                insurance_notes="Vrijwilligersverzekering van de gemeente Lindeveen",
                contact_person=contact,
                made_by=contact,
            )
            old.tasks.set(tasks[:1])
        start = today - dt.timedelta(days=rng.randint(14, 200))
        agreement = VolunteerAgreement.objects.create(
            profile=profile,
            start_date=start,
            evaluation_date=start + dt.timedelta(days=rng.choice([90, 180, 365])),
            expenses=_EXPENSES[index % len(_EXPENSES)],
            insured=True,
            insurance_notes="Vrijwilligersverzekering van de gemeente Lindeveen",
            not_allowed_notes="Geen geld of bankpassen beheren."
            if "admin" in values["skills"]
            else "",
            contact_person=contact,
            made_by=contact,
        )
        agreement.tasks.set(tasks)
    return created
