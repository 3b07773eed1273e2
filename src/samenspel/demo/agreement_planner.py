"""The agreements of an ordinary demo circle, chosen by its archetype.

An overloaded carer carries nearly everything, a strong network spreads the
tasks with backups, volunteers only get wellbeing tasks (seed 001), and the
random choices are seeded so two loads on the same day agree. Every
agreement goes through `save_agreement`, with the app's task-boundary rules.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from samenspel.agreements.models import Agreement, CareTask
from samenspel.agreements.services import save_agreement
from samenspel.circles.models import Member
from samenspel.demo.agreement_cast import Cast, Disc
from samenspel.demo.agreement_routines import (
    BY_DOMAIN,
    CLIENT_DECIDES,
    NOTES,
    NURSE_TASKS,
    ONE_OFF,
    ROUTINES,
    VOLUNTEER_TASKS,
    Spec,
)
from samenspel.domain.vocabulary import AccessLevel


class Planner:
    """Chooses and saves the agreements of one circle at a time; `saved` counts them."""

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
