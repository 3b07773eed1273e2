"""The people of the demo and their entries on a circle's map.

The first layer of the world builder: fictional people with unique names,
and carers, volunteers and professionals added to a plan with hours,
domains, closeness and access that fit their relation. The organisations and
staff it picks from (``self.schakel``, ``self.linde``, ``self.all_staff``)
are made by `demo.world.WorldBuilder`.
"""

from __future__ import annotations

import random
from decimal import Decimal

from django.utils import timezone

from samenspel.accounts.models import Person
from samenspel.demo.circle_plans import (
    DEFAULT_PRO_HOURS,
    DISCIPLINE_DOMAINS,
    DISCIPLINE_HOURS,
    Plan,
    Staff,
)
from samenspel.demo.fictional_people import (
    MOTIVATIONS,
    OLDER_MEN,
    OLDER_WOMEN,
    SURNAMES,
    YOUNGER_MEN,
    YOUNGER_WOMEN,
)
from samenspel.domain.vocabulary import (
    AccessLevel,
    CareDomain,
    ContactFrequency,
    MemberKind,
    Relation,
    SofaRole,
)
from samenspel.organisations.models import Employment, Organisation

R = Relation
F = ContactFrequency
Disc = Employment.Discipline


class MemberBuilder:
    """People with unique names, and their entries on a planned circle."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used_names: set[str] = set()
        self.new_people: list[Person] = []
        self.plans: list[Plan] = []
        self.now = timezone.now()

    # --- People ---------------------------------------------------------------

    def person(self, first: str, last: str, email: str = "", *, save: bool = False) -> Person:
        self.used_names.add(f"{first} {last}")
        p = Person(first_name=first, last_name=last, email=email)
        if save:
            p.save()
        else:
            self.new_people.append(p)
        return p

    def random_person(self, *, female: bool, older: bool, last: str | None = None) -> Person:
        if older:
            firsts = OLDER_WOMEN if female else OLDER_MEN
        else:
            firsts = YOUNGER_WOMEN if female else YOUNGER_MEN
        for _attempt in range(50):
            first = self.rng.choice(firsts)
            surname = last or self.rng.choice(SURNAMES)
            if f"{first} {surname}" not in self.used_names:
                return self.person(first, surname)
            last = None  # family name taken with this first name: marry into another
        raise RuntimeError("Out of demo names")  # pragma: no cover

    def team_staff(self, team: Organisation, *disciplines: str) -> list[Staff]:
        return [
            s
            for s in self.all_staff
            if s.organisation == team and (not disciplines or s.discipline in disciplines)
        ]

    # --- Members ------------------------------------------------------------------

    def words(self, plan: Plan) -> dict[str, str]:
        f = plan.client_female
        return {
            "partner": "mijn vrouw" if f else "mijn man",
            "parent": "mijn moeder" if f else "mijn vader",
            "Parent": "Mijn moeder" if f else "Mijn vader",
            "child": "mijn dochter" if f else "mijn zoon",
            "pron": "haar" if f else "hem",
            "Subj": "Zij" if f else "Hij",
            "subj": "ze" if f else "hij",
            "poss": "haar" if f else "zijn",
            "years": str(self.rng.choice([32, 38, 41, 45, 47, 52, 56])),
        }

    def motivation(self, plan: Plan, key: str) -> str:
        return self.rng.choice(MOTIVATIONS[key]).format(**self.words(plan))

    def carer(
        self,
        plan: Plan,
        relation: Relation,
        hours: str | float,
        domains: list[CareDomain],
        *,
        person: Person | None = None,
        female: bool | None = None,
        sofa: list[SofaRole] | None = None,
        access: AccessLevel | None = None,
        closeness: int | None = None,
        frequency: ContactFrequency | None = None,
        motivation: str | None = None,
    ) -> dict:
        rng = self.rng
        if person is None:
            female = rng.random() < 0.6 if female is None else female
            if relation == R.PARTNER:
                person = self.random_person(
                    female=not plan.client_female, older=True, last=plan.client.last_name
                )
            elif relation in (R.CHILD, R.OTHER_FAMILY):
                same = plan.client.last_name if rng.random() < 0.7 else None
                person = self.random_person(female=female, older=False, last=same)
            elif relation in (R.SIBLING, R.PARENT):
                person = self.random_person(female=female, older=True, last=plan.client.last_name)
            else:
                person = self.random_person(female=female, older=rng.random() < 0.5)
        hours_value = Decimal(str(hours))
        if closeness is None:
            closeness = {
                R.PARTNER: 1,
                R.CHILD: 1 if hours_value >= 4 else 2,
                R.PARENT: 1,
                R.SIBLING: rng.choice([1, 2]),
                R.OTHER_FAMILY: 2,
                R.FRIEND: rng.choice([2, 2, 3]),
                R.NEIGHBOUR: rng.choice([2, 3]),
            }[relation]
        if frequency is None:
            if hours_value >= 15 or relation == R.PARTNER:
                frequency = F.DAILY
            elif hours_value >= 4:
                frequency = F.SEVERAL_WEEKLY
            elif hours_value >= 1:
                frequency = F.WEEKLY
            else:
                frequency = rng.choice([F.MONTHLY, F.LESS])
        if access is None:
            if relation in (R.PARTNER, R.PARENT):
                access = AccessLevel.FULL
            elif relation == R.CHILD:
                access = AccessLevel.FULL if rng.random() < 0.6 else AccessLevel.AGENDA
            elif relation == R.NEIGHBOUR and rng.random() < 0.25:
                access = AccessLevel.MAP_ONLY
            else:
                access = AccessLevel.AGENDA
        if sofa is None:
            if hours_value >= 20:
                sofa = [SofaRole.PARTNER, SofaRole.HELP_SEEKER]
            elif hours_value > 8:
                sofa = [SofaRole.PARTNER, rng.choice([SofaRole.EXPERT, SofaRole.NEXT_OF_KIN])]
            elif relation in (R.PARTNER, R.PARENT):
                sofa = [SofaRole.EXPERT]
            else:
                sofa = [SofaRole.NEXT_OF_KIN]
        entry = {
            "person": person,
            "kind": MemberKind.CARER,
            "relation": relation,
            "domains": [str(d) for d in domains],
            "hours_per_week": hours_value,
            "contact_frequency": frequency,
            "closeness": closeness,
            "motivation": motivation or self.motivation(plan, str(relation)),
            "sofa_roles": [str(s) for s in sofa],
            "access_level": access,
            "is_legal_representative": False,
        }
        plan.members.append(entry)
        return entry

    def volunteer(self, plan: Plan, person: Person, hours: str, domains: list[CareDomain]) -> dict:
        entry = {
            "person": person,
            "kind": MemberKind.VOLUNTEER,
            "organisation": self.schakel,
            "domains": [str(d) for d in domains],
            "hours_per_week": Decimal(hours),
            "contact_frequency": F.WEEKLY,
            "closeness": self.rng.choice([2, 3]),
            "motivation": self.motivation(plan, "volunteer"),
            "access_level": AccessLevel.AGENDA,
        }
        plan.members.append(entry)
        return entry

    def professional(self, plan: Plan, staff: Staff) -> dict | None:
        if plan.has(staff.person):
            return None
        hours = self.rng.choice(DISCIPLINE_HOURS.get(staff.discipline, DEFAULT_PRO_HOURS))
        entry = {
            "person": staff.person,
            "kind": MemberKind.PROFESSIONAL,
            "organisation": staff.organisation,
            "discipline": str(staff.discipline),
            "domains": [str(d) for d in DISCIPLINE_DOMAINS[staff.discipline]],
            "hours_per_week": Decimal(hours),
            "contact_frequency": self.rng.choice([F.WEEKLY, F.WEEKLY, F.MONTHLY]),
            "closeness": self.rng.choice([2, 3]),
            "motivation": self.motivation(plan, "professional"),
            "access_level": AccessLevel.FULL,
        }
        plan.members.append(entry)
        return entry

    def care_staff(self, plan: Plan) -> Staff:
        """Nursing or personal care: the team's nurse or a home-care worker."""
        options = self.team_staff(plan.team, Disc.DISTRICT_NURSE) + self.team_staff(self.linde)
        return self.rng.choice(options)

    def support_staff(self, plan: Plan) -> Staff:
        options = self.team_staff(
            plan.team,
            Disc.SOCIAL_WORKER,
            Disc.WMO_CONSULTANT,
            Disc.COMMUNITY_WORKER,
            Disc.SOCIAL_BROKER,
        )
        return self.rng.choice(options)
