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
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from samenspel.agenda.models import Occurrence
from samenspel.agenda.services import ensure_horizon, release
from samenspel.agreements.models import Agreement, CareTask
from samenspel.agreements.services import record_change, save_agreement
from samenspel.circles.models import Circle, Member
from samenspel.domain.recurrence import AMSTERDAM, WEEKDAY_LABELS, localize
from samenspel.domain.vocabulary import AccessLevel, MemberKind
from samenspel.logbook.models import LogEntry
from samenspel.organisations.models import Employment

Disc = Employment.Discipline
CARE_DISCIPLINES = (Disc.DISTRICT_NURSE, Disc.HOME_CARE)

# The demo log-ins (see demo.DEMO_LOGINS) whose circles tell a story.
CLIENT, CARER, VOLUNTEER, PRO, NURSE = (
    "client",
    "mantelzorger",
    "vrijwilliger",
    "professional",
    "professional2",
)


@dataclass(frozen=True)
class Routine:
    """How a task usually goes: frequency, weekday options, time, minutes, details."""

    frequency: str
    days: tuple[tuple[int, ...], ...]
    at: time
    minutes: int
    details: str = ""


# fmt: off
ROUTINES: dict[str, Routine] = {
    "Insuline spuiten": Routine("daily", ((),), time(8, 0), 15,
                                "Ochtenddosis volgens het schema van de huisarts."),
    "Injectie geven": Routine("daily", ((),), time(18, 0), 15,
                              "Bloedverdunner, tot de huisarts iets anders zegt."),
    "Wondverzorging": Routine("weekly", ((0, 3), (1, 4)), time(9, 30), 30,
                              "Open been: verband verwisselen en de wond bekijken."),
    "Medicijnen klaarzetten": Routine("weekly", ((0,), (4,)), time(9, 0), 30,
                                      "Weekdoos vullen volgens de lijst van de apotheek."),
    "Wassen en douchen": Routine("weekly", ((1, 4), (0, 3), (0, 2, 4)), time(8, 30), 45,
                                 "Douchen met de douchestoel."),
    "Steunkousen aan- en uittrekken": Routine("daily", ((),), time(8, 0), 15, ""),
    "Aankleden en uitkleden": Routine("daily", ((),), time(7, 45), 30, ""),
    "Maaltijd koken": Routine("weekly", ((0, 2, 4), (1, 3, 5), (0, 3)), time(17, 0), 60,
                              "Warm eten, niet te zout."),
    "Schoonmaken": Routine("weekly", ((4,), (2,), (0,)), time(10, 0), 120,
                           "Keuken, badkamer en stofzuigen."),
    "Was doen": Routine("weekly", ((0,), (3,), (5,)), time(10, 0), 60, ""),
    "Boodschappen doen": Routine("weekly", ((5,), (2,), (4,)), time(10, 0), 60,
                                 "Met het lijstje van het prikbord."),
    "Klusjes in huis en tuin": Routine("biweekly", ((5,), (6,)), time(13, 0), 120, ""),
    "Vervoer naar dokter of ziekenhuis": Routine("once", ((),), time(10, 0), 120,
                                                 "Controle in het ziekenhuis."),
    "Medicijnen ophalen bij de apotheek": Routine("weekly", ((4,), (1,)), time(15, 0), 30, ""),
    "Post en rekeningen": Routine("biweekly", ((6,), (2,)), time(19, 0), 60, ""),
    "Afspraken met instanties regelen": Routine("monthly", ((),), time(11, 0), 60, ""),
    "Op bezoek gaan": Routine("weekly", ((2,), (1,), (6,)), time(14, 0), 90,
                              "Koffie en een praatje."),
    "Samen wandelen": Routine("weekly", ((1,), (3,), (5,)), time(10, 30), 60,
                              "Een rondje door het park, als het weer het toelaat."),
    "Meegaan naar een activiteit": Routine("biweekly", ((3,), (1,)), time(14, 0), 120,
                                           "Naar de soos in het buurthuis."),
    "Dagelijks even bellen": Routine("daily", ((),), time(19, 30), 15, "Vragen hoe het gaat."),
    "Luisterend oor": Routine("monthly", ((),), time(15, 0), 60,
                              "Een gesprek over hoe het met de mantelzorger zelf gaat."),
}
# fmt: on

# Tasks an informal helper picks from, by the domains on their map entry.
BY_DOMAIN: dict[str, tuple[str, ...]] = {
    "household": ("Maaltijd koken", "Schoonmaken", "Was doen"),
    "practical": (
        "Boodschappen doen",
        "Klusjes in huis en tuin",
        "Medicijnen ophalen bij de apotheek",
        "Vervoer naar dokter of ziekenhuis",
    ),
    "administration": ("Post en rekeningen", "Afspraken met instanties regelen"),
    "company": ("Op bezoek gaan", "Samen wandelen", "Dagelijks even bellen"),
    "personal_care": ("Aankleden en uitkleden", "Steunkousen aan- en uittrekken"),
}
CLIENT_DECIDES = frozenset(
    {*BY_DOMAIN["company"], *BY_DOMAIN["administration"], "Meegaan naar een activiteit"}
)
ONE_OFF = frozenset(name for name, r in ROUTINES.items() if r.frequency == "once")
VOLUNTEER_TASKS = ("Op bezoek gaan", "Samen wandelen", "Meegaan naar een activiteit")
NURSE_TASKS = ("Insuline spuiten", "Wondverzorging", "Medicijnen klaarzetten", "Injectie geven")
NOTES = (
    "Afgesproken bij het keukentafelgesprek.",
    "Besproken tijdens het huisbezoek.",
    "Telefonisch afgestemd met de familie.",
    "Samen aan tafel afgesproken.",
    "",
)


@dataclass
class Spec:
    """One agreement to save; offsets are days from today."""

    task: str
    performer: Member | None
    backup: Member | None = None
    responsible: Member | None = None
    authority: Member | None = None
    final: Member | None = None
    frequency: str | None = None
    days: tuple[int, ...] | None = None
    at: time | None = None
    minutes: int | None = None
    start: int = -60
    end: int | None = None
    review: int | None = None
    details: str | None = None
    note: str = ""


@dataclass
class Cast:
    """A circle's members, sorted into the parts agreements are made of."""

    circle: Circle
    client: Member
    carers: list[Member] = field(default_factory=list)  # active, can see the agenda
    volunteers: list[Member] = field(default_factory=list)
    nurses: list[Member] = field(default_factory=list)
    home_care: list[Member] = field(default_factory=list)
    support: list[Member] = field(default_factory=list)

    @property
    def main(self) -> Member | None:
        return self.carers[0] if self.carers else None

    @property
    def care(self) -> list[Member]:
        return self.home_care + self.nurses

    def login(self, username: str) -> Member | None:
        for m in self.all():
            if m.person.user_id and m.person.user.username == username:
                return m
        return None

    def all(self) -> list[Member]:
        return [
            self.client,
            *self.carers,
            *self.volunteers,
            *self.nurses,
            *self.home_care,
            *self.support,
        ]

    def archetype(self) -> str:
        informal = len(self.carers) + len(self.volunteers)
        if not informal:
            return "isolated"
        if self.main and self.main.hours_per_week >= 20:
            return "overloaded"
        return "strong" if informal >= 4 else "mixed"


def cast_of(circle: Circle) -> Cast:
    members = sorted(circle.demo_members, key=lambda m: (-m.hours_per_week, m.pk))
    client = next(m for m in members if m.kind == MemberKind.CLIENT)
    cast = Cast(circle, client)
    for m in members:
        if m.kind == MemberKind.CARER and m.access_level != AccessLevel.MAP_ONLY:
            cast.carers.append(m)
        elif m.kind == MemberKind.VOLUNTEER:
            cast.volunteers.append(m)
        elif m.kind == MemberKind.PROFESSIONAL:
            if m.discipline == Disc.DISTRICT_NURSE:
                cast.nurses.append(m)
            elif m.discipline == Disc.HOME_CARE:
                cast.home_care.append(m)
            else:
                cast.support.append(m)
    return cast


class _Planner:
    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        self.tasks = {t.name: t for t in CareTask.objects.all()}
        self.saved = 0

    # --- Saving -------------------------------------------------------------------

    def save(self, cast: Cast, spec: Spec, by) -> Agreement:
        routine = ROUTINES[spec.task]
        days = spec.days if spec.days is not None else self.rng.choice(routine.days)
        start = self.today + timedelta(days=spec.start)
        values = {
            "task": self.tasks[spec.task],
            "details": routine.details if spec.details is None else spec.details,
            "performer": spec.performer,
            "backup": spec.backup,
            "responsible": spec.responsible,
            "authority": spec.authority,
            "final_responsible": spec.final,
            "frequency": spec.frequency or routine.frequency,
            "weekdays": list(days),
            "start_date": start,
            "start_time": spec.at or routine.at,
            "duration_minutes": spec.minutes or routine.minutes,
            "end_date": self.today + timedelta(days=spec.end) if spec.end is not None else None,
            "review_date": (
                self.today + timedelta(days=spec.review) if spec.review is not None else None
            ),
        }
        present = [cast.client, spec.performer, spec.responsible, spec.authority]
        participants = list({m.pk: m for m in present if m is not None}.values())
        agreement, _warnings = save_agreement(
            cast.circle, values, by=by, participants=participants, note=spec.note
        )
        self.saved += 1
        return agreement

    def maker(self, cast: Cast):
        """Who wrote the agreements down: the circle's social worker, else the main
        carer with full access, else the care professional, else the client."""
        for m in cast.support:
            if m.person.user_id:
                return m.person
        if cast.main and cast.main.access_level == AccessLevel.FULL:
            return cast.main.person
        if cast.care:
            return cast.care[0].person
        return cast.client.person

    # --- The generic circle ---------------------------------------------------------

    def plan(self, cast: Cast, *, force_insulin: bool = False) -> list[Spec]:
        rng = self.rng
        kind = cast.archetype()
        specs: list[Spec] = []
        used: set[str] = set()

        def add(spec: Spec) -> None:
            used.add(spec.task)
            specs.append(spec)

        def start() -> int:
            return -rng.randint(14, 150)

        def review() -> int | None:
            return rng.randint(20, 120) if rng.random() < 0.3 else None

        # Professional care: nursing by a registered nurse, washing by home care.
        needed = set(cast.circle.needed_domains)
        if cast.nurses and (force_insulin or "nursing" in needed):
            nurse = cast.nurses[0]
            task = "Insuline spuiten" if force_insulin else rng.choice(NURSE_TASKS)
            other = cast.nurses[1] if len(cast.nurses) > 1 else None
            add(Spec(task, nurse, other, nurse, nurse, nurse, start=start(), review=review()))
        if cast.care and (kind != "strong" or rng.random() < 0.5):
            worker = cast.home_care[0] if cast.home_care else cast.nurses[0]
            task = "Wassen en douchen" if kind != "strong" else "Steunkousen aan- en uittrekken"
            # When home care cannot come, a colleague or the main carer steps in.
            colleagues = [m for m in cast.care if m.pk != worker.pk]
            if not colleagues and kind in ("mixed", "strong") and cast.main:
                colleagues = [cast.main]
            backup = colleagues[0] if colleagues else None
            add(Spec(task, worker, backup, worker, worker, worker, start=start(), review=review()))

        # Informal care, by archetype.
        main = cast.main
        if kind == "overloaded":
            add(
                Spec(
                    "Maaltijd koken",
                    main,
                    None,
                    main,
                    main,
                    main,
                    frequency="daily",
                    days=(),
                    minutes=rng.choice((75, 90)),
                    start=start(),
                )
            )
            if "personal_care" in main.domains:
                add(
                    Spec(
                        "Aankleden en uitkleden",
                        main,
                        None,
                        main,
                        main,
                        main,
                        minutes=rng.choice((30, 45)),
                        start=start(),
                    )
                )
            for task in ("Schoonmaken", "Was doen"):
                add(Spec(task, main, None, main, main, main, start=start()))
            # At most the shopping has someone who can step in.
            second = cast.carers[1] if len(cast.carers) > 1 else None
            add(Spec("Boodschappen doen", main, second, main, main, main, start=start()))
            helpers = cast.carers[1:]
        elif kind in ("mixed", "strong"):
            helpers = cast.carers
        else:
            helpers = []
        for i, carer in enumerate(helpers):
            count = 2 if carer is main else 1
            for task in self.tasks_for(carer, used)[:count]:
                backup = None
                if kind == "strong" or (kind == "mixed" and rng.random() < 0.7):
                    backup = self.backup_for(cast, carer, i)
                # The client keeps the regie over company and money; the rest is
                # decided by whoever carries it.
                owner = cast.client if task in CLIENT_DECIDES else carer
                add(
                    Spec(
                        task,
                        carer,
                        backup,
                        owner,
                        owner,
                        owner,
                        # A one-off (a ride to hospital) is still to come.
                        start=rng.randint(3, 30) if task in ONE_OFF else start(),
                        review=review(),
                        note=rng.choice(NOTES),
                    )
                )

        # Volunteers: wellbeing, never care (seed 001).
        for i, volunteer in enumerate(cast.volunteers):
            options = [t for t in VOLUNTEER_TASKS if t not in used] or list(VOLUNTEER_TASKS)
            task = rng.choice(options)
            company = [m for m in cast.carers if "company" in m.domains]
            add(
                Spec(
                    task,
                    volunteer,
                    company[i % len(company)] if company else None,
                    cast.client,
                    cast.client,
                    cast.client,
                    start=start(),
                    note="Kennismaking met de vrijwilligerscentrale erbij.",
                )
            )

        # Nobody informal: the wijkteam is still looking for a visitor.
        if kind == "isolated" and cast.support:
            add(
                Spec(
                    "Op bezoek gaan",
                    None,
                    None,
                    cast.client,
                    cast.client,
                    cast.client,
                    start=start(),
                    details="Het wijkteam zoekt een vrijwilliger voor koffie en een praatje.",
                )
            )
        # The carer support point talks with the main carer now and then.
        officer = next((m for m in cast.support if m.discipline == Disc.CARER_OFFICER), None)
        if officer and main:
            add(Spec("Luisterend oor", officer, None, officer, officer, officer, start=start()))
        return specs

    def tasks_for(self, carer: Member, used: set[str]) -> list[str]:
        found = []
        for domain in carer.domains:
            for task in BY_DOMAIN.get(domain, ()):
                if task not in used and task not in found:
                    found.append(task)
                    break
        return found

    def backup_for(self, cast: Cast, carer: Member, index: int) -> Member | None:
        others = [m for m in cast.carers if m.pk != carer.pk]
        return others[index % len(others)] if others else None

    def open_ride(self, cast: Cast) -> Spec:
        """A hospital visit next week without a driver yet."""
        return Spec(
            "Vervoer naar dokter of ziekenhuis",
            None,
            None,
            cast.client,
            cast.client,
            cast.client,
            start=self.rng.randint(4, 10),
            at=time(self.rng.choice((9, 10, 13)), 30),
            details="Controle bij de oogarts in het ziekenhuis. Wie kan rijden?",
        )

    # --- The story circles ------------------------------------------------------------

    def greet(self, cast: Cast) -> list[Spec]:
        henk, marloes = cast.login(CARER), cast.carers[1]
        nurse, officer = cast.nurses[0], cast.login(PRO)
        esther = next(m for m in cast.support if m.discipline == Disc.CARER_OFFICER)
        greet = cast.client
        return [
            Spec(
                "Insuline spuiten",
                nurse,
                None,
                nurse,
                nurse,
                nurse,
                start=-200,
                details="Ochtenddosis. Henk meet 's avonds de suiker en schrijft die op.",
                note="Afgesproken met de huisarts en de wijkverpleging.",
            ),
            Spec(
                "Wassen en douchen",
                nurse,
                None,
                nurse,
                nurse,
                nurse,
                days=(1, 4),
                start=-200,
                review=-4,
                details="Douchen met de douchestoel. Op de andere dagen helpt Henk aan de "
                "wastafel.",
                note="De indicatie wordt opnieuw bekeken.",
            ),
            Spec(
                "Maaltijd koken",
                henk,
                None,
                henk,
                henk,
                henk,
                frequency="daily",
                days=(),
                at=time(17, 0),
                minutes=90,
                start=-300,
                details="Warm eten, suikerarm vanwege de diabetes.",
            ),
            Spec(
                "Aankleden en uitkleden",
                henk,
                None,
                henk,
                henk,
                henk,
                at=time(7, 15),
                minutes=45,
                start=-300,
                details="'s Ochtends aankleden; 's avonds helpt Henk bij het uitkleden.",
            ),
            Spec("Schoonmaken", henk, None, henk, henk, henk, days=(4,), start=-300),
            Spec("Was doen", henk, None, henk, henk, henk, days=(0, 3), start=-300),
            Spec(
                "Medicijnen klaarzetten",
                henk,
                None,
                henk,
                nurse,
                nurse,
                days=(6,),
                at=time(18, 0),
                start=-120,
                details="Henk vult de weekdoos. De wijkverpleegkundige beslist over "
                "veranderingen in de medicijnen.",
                note="Henk wil graag meebeslissen als er iets verandert.",
            ),
            Spec(
                "Post en rekeningen",
                marloes,
                henk,
                greet,
                greet,
                greet,
                days=(6,),
                start=-90,
                details="Marloes doet de post op afstand. Henk legt de brieven klaar.",
            ),
            Spec(
                "Boodschappen doen",
                None,
                None,
                henk,
                henk,
                henk,
                days=(3,),
                minutes=75,
                start=-10,
                details="Op donderdag heeft Henk zijn eigen fysiotherapie. Wie kan de "
                "boodschappen doen?",
                note="Henk vraagt of iemand dit kan overnemen.",
            ),
            Spec(
                "Op bezoek gaan",
                None,
                None,
                greet,
                greet,
                greet,
                days=(1,),
                at=time(14, 30),
                start=-10,
                details="Iemand voor koffie en een praatje. Dan kan Henk even naar de biljartclub.",
                note="Het Steunpunt zoekt een vrijwilliger.",
            ),
            Spec(
                "Luisterend oor",
                esther,
                None,
                esther,
                esther,
                esther,
                start=-20,
                details="Een gesprek met Henk over hoe het met hem gaat.",
            ),
            Spec(
                "Afspraken met instanties regelen",
                officer,
                None,
                greet,
                greet,
                greet,
                start=-30,
                review=45,
                details="Sanne helpt met de aanvraag voor dagbesteding en respijtzorg.",
            ),
        ]

    def riet(self, cast: Cast) -> list[Spec]:
        anouk = cast.login(VOLUNTEER)
        friend = next(m for m in cast.carers if m.pk != anouk.pk)
        care = cast.care[0]
        riet = cast.client
        return [
            Spec(
                "Steunkousen aan- en uittrekken",
                care,
                None,
                care,
                care,
                care,
                start=-120,
                end=20,
                details="De indicatie voor hulp bij de steunkousen loopt af.",
            ),
            Spec(
                "Steunkousen aan- en uittrekken",
                anouk,
                None,
                anouk,
                anouk,
                anouk,
                start=21,
                details="Anouk neemt het over als de thuiszorg stopt.",
                note="Anouk weet nog niet of ze dit elke ochtend volhoudt.",
            ),
            Spec("Wassen en douchen", care, None, care, care, care, days=(0, 3), start=-120),
            Spec(
                "Maaltijd koken",
                anouk,
                friend,
                anouk,
                anouk,
                anouk,
                days=(1, 3, 6),
                at=time(17, 30),
                start=-100,
            ),
            Spec("Boodschappen doen", anouk, friend, anouk, anouk, anouk, days=(5,), start=-100),
            Spec("Schoonmaken", anouk, None, anouk, anouk, anouk, days=(4,), minutes=90),
            Spec(
                "Post en rekeningen",
                friend,
                anouk,
                riet,
                riet,
                riet,
                days=(2,),
                start=-60,
                review=30,
            ),
            Spec(
                "Op bezoek gaan",
                None,
                None,
                riet,
                riet,
                riet,
                days=(6,),
                at=time(14, 30),
                start=-14,
                details="Op zondag is Anouk bij haar eigen gezin. Wie gaat bij Riet langs?",
            ),
        ]


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
    planner = _Planner(random.Random(seed), today)
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
            specs = planner.greet(cast)
        elif cast is riet:
            specs = planner.riet(cast)
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
        _release_one(cast, cast.carers, today)
    released_on = _release_one(insulin_circle, [insulin_circle.login(NURSE)], today)
    _change_event(casts, greet, today)
    _logbook(greet, riet, insulin_circle, volunteering, released_on)
    return planner.saved


def refresh(circles: QuerySet, *, seed: int) -> int:
    """For a demo that is already there: add agreements if it has none yet, else plan
    occurrences up to today's horizon. Returns the number of agreements added."""
    added = add_agreements(circles, seed=seed)
    if not added:
        for circle in circles:
            ensure_horizon(circle)
    return added


def _release_one(cast: Cast, members: list[Member], today: date) -> date | None:
    """'Ik kan niet': the first of these members with an occurrence from the day
    after tomorrow (within two weeks) lets it go; it is open for others to take."""
    start = localize(datetime.combine(today + timedelta(days=2), time()))
    for member in members:
        occurrence = (
            Occurrence.objects.filter(
                circle=cast.circle,
                assignee=member,
                starts_at__gte=start,
                starts_at__lt=start + timedelta(days=12),
            )
            .order_by("starts_at", "pk")
            .first()
        )
        if occurrence is not None:
            release(occurrence, member)
            return occurrence.starts_at.astimezone(AMSTERDAM).date()
    return None


def _change_event(casts: list[Cast], greet: Cast, today: date) -> None:
    """A son in Sanne's caseload got a new job: his agreements need renewing."""
    sanne = greet.login(PRO)
    cast = next(
        c
        for c in casts
        if c is not greet
        and c.login(PRO)
        and c.main
        and c.main.relation == "child"
        and Agreement.objects.filter(circle=c.circle, performer=c.main).exists()
    )
    first = cast.main.person.first_name
    record_change(
        cast.circle,
        {
            "kind": "carer",
            "description": f"{first} heeft een nieuwe baan en kan vanaf volgende maand "
            "alleen nog in het weekend helpen.",
            "occurred_on": today - timedelta(days=3),
            "meeting_on": today + timedelta(days=11),
            "agreements": list(Agreement.objects.filter(circle=cast.circle, performer=cast.main)),
        },
        by=sanne.person,
    )


def _logbook(
    greet: Cast, riet: Cast, insulin: Cast, volunteering: list[Cast], released_on: date
) -> None:
    """A few notes in Greet's circle, an open signal from Henk, and notes elsewhere."""
    now = timezone.now()
    henk, marloes = greet.login(CARER), greet.carers[1]
    sanne, nurse = greet.login(PRO), greet.nurses[0]
    femke = insulin.login(NURSE)
    weekday = WEEKDAY_LABELS[released_on.weekday()]
    A = LogEntry.Audience
    # (cast, author member, role, text, audience, hours ago, signal, acknowledged by)
    rows = [
        (
            greet,
            henk,
            "Greet heeft vanmiddag een uurtje in de tuin gezeten. Ze genoot van de zon.",
            A.CIRCLE,
            76,
        ),
        (
            greet,
            nurse,
            "Suiker vanochtend 7,2. Dat is goed. Nieuwe insulinepennen liggen in de koelkast.",
            A.CIRCLE,
            50,
        ),
        (
            greet,
            sanne,
            "Henk lijkt erg moe. Ik plan met het Steunpunt Mantelzorg een gesprek over "
            "respijtzorg.",
            A.PROFESSIONALS,
            30,
        ),
        (
            greet,
            marloes,
            "Pap, ik heb de rekening van het CAK betaald. Zondag bel ik weer.",
            A.CHOSEN,
            20,
        ),
        (
            riet,
            riet.login(VOLUNTEER),
            "De thuiszorg stopt straks met de steunkousen. Ik neem het over, maar ik weet "
            "niet of ik dat elke ochtend volhoud.",
            A.CIRCLE,
            40,
        ),
        (
            insulin,
            femke,
            f"Op {weekday} {released_on.day} kan ik 's ochtends niet komen. De insuline van "
            "die dag staat open. Ik vraag een collega van de wijkverpleging.",
            A.CIRCLE,
            5,
        ),
    ]
    # Signals: one from Henk still waiting, one from Anouk already seen.
    rows.append(
        (
            greet,
            henk,
            "Greet is sinds twee dagen erg verward, vooral 's avonds. Ze eet ook slecht. "
            "Ik maak me zorgen.",
            A.PROFESSIONALS,
            9,
        )
    )
    walk = next(c for c in volunteering if c is not insulin)
    rows.append(
        (
            walk,
            walk.login(VOLUNTEER),
            f"{walk.client.person.first_name} was vandaag snel buiten adem, al na een klein "
            "stukje lopen. Misschien goed om naar te kijken.",
            A.PROFESSIONALS,
            96,
        )
    )
    entries = [
        LogEntry(
            circle=cast.circle,
            author=author.person,
            author_name=author.person.full_name,
            author_role=str(author.kind),
            text=text,
            audience=audience,
            is_signal=i >= len(rows) - 2,
        )
        for i, (cast, author, text, audience, _hours) in enumerate(rows)
    ]
    LogEntry.objects.bulk_create(entries)
    # auto_now_add ignores a given value: the moments are set afterwards.
    for entry, row in zip(entries, rows, strict=True):
        LogEntry.objects.filter(pk=entry.pk).update(created_at=now - timedelta(hours=row[-1]))
    seen_by = walk.login(PRO) or sanne
    LogEntry.objects.filter(pk=entries[-1].pk).update(
        acknowledged_at=now - timedelta(hours=72), acknowledged_by=seen_by.person
    )
    chosen = next(e for e in entries if e.audience == A.CHOSEN)
    chosen.recipients.set([henk])
