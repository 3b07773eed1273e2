"""The demo circles by archetype (domain.md §8): overloaded, isolated, mixed
and strong, each filled the way such a network usually looks.

The second layer of the world builder; the volunteers it spreads
(``self.volunteers``) are made by `demo.world.WorldBuilder`.
"""

from __future__ import annotations

from samenspel.accounts.models import Person
from samenspel.demo.circle_plans import Plan
from samenspel.demo.member_builder import MemberBuilder
from samenspel.domain.vocabulary import CareDomain, MemberKind, Relation
from samenspel.organisations.models import Employment, Organisation

D = CareDomain
R = Relation
Disc = Employment.Discipline


class CircleBuilder(MemberBuilder):
    """Plans one circle of each archetype at a time."""

    # --- Circles ----------------------------------------------------------------

    def new_plan(
        self,
        archetype: str,
        team: Organisation,
        client: Person | None = None,
        female: bool | None = None,
        young: bool = False,
    ) -> Plan:
        if female is None:
            female = self.rng.random() < 0.62
        if client is None:
            client = self.random_person(female=female, older=not young)
        plan = Plan(
            client=client, client_female=female, team=team, archetype=archetype, young=young
        )
        self.plans.append(plan)
        return plan

    def fill_overloaded(self, plan: Plan) -> None:
        rng = self.rng
        relation = R.PARTNER if rng.random() < 0.55 else R.CHILD
        hours = rng.choice([20, 22, 24, 25, 28, 30, 32, 36, 40])
        main_domains = [D.HOUSEHOLD] + rng.sample(
            [D.PERSONAL_CARE, D.PRACTICAL, D.ADMINISTRATION, D.COMPANY], 3
        )
        self.carer(
            plan, relation, hours, main_domains, female=True if relation == R.CHILD else None
        )
        if rng.random() < 0.6:
            backup = rng.choice([R.CHILD, R.NEIGHBOUR, R.SIBLING])
            self.carer(
                plan, backup, rng.choice(["1", "1.5", "2"]), [rng.choice([D.COMPANY, D.PRACTICAL])]
            )
        self.professional(plan, self.care_staff(plan))
        if rng.random() < 0.5:
            self.professional(plan, self.support_staff(plan))
        if rng.random() < 0.5:
            main_domains.append(D.NURSING)
        plan.needed = [str(d) for d in main_domains]

    def fill_isolated(self, plan: Plan) -> None:
        rng = self.rng
        self.professional(plan, self.support_staff(plan))
        if rng.random() < 0.7:
            self.professional(plan, self.care_staff(plan))
        needed = rng.sample([D.HOUSEHOLD, D.COMPANY, D.PRACTICAL, D.ADMINISTRATION], 3)
        if any(m.get("discipline") == Disc.DISTRICT_NURSE for m in plan.members):
            needed.append(D.NURSING)
        plan.needed = [str(d) for d in needed]

    def fill_mixed(self, plan: Plan, main: dict | None = None) -> None:
        rng = self.rng
        if main is None:
            relation = (
                R.PARENT if plan.young else rng.choice([R.PARTNER, R.CHILD, R.CHILD, R.SIBLING])
            )
            main = self.carer(
                plan,
                relation,
                rng.choice([6, 8, 10, 12, 14, 16]),
                rng.sample([D.HOUSEHOLD, D.PRACTICAL, D.ADMINISTRATION, D.COMPANY], 2),
            )
        for _ in range(rng.choice([1, 1, 2])):
            relation = rng.choice([R.FRIEND, R.NEIGHBOUR, R.CHILD, R.OTHER_FAMILY])
            self.carer(
                plan,
                relation,
                rng.choice(["1", "2", "3", "4"]),
                rng.sample([D.COMPANY, D.PRACTICAL, D.HOUSEHOLD, D.ADMINISTRATION], 1),
            )
        if rng.random() < 0.5:
            self.volunteer_slot(plan)
        self.professional(plan, self.care_staff(plan))
        if rng.random() < 0.4:
            self.professional(plan, self.support_staff(plan))
        covered = {d for m in plan.members for d in m["domains"]}
        needed = sorted(covered)[:4]
        if rng.random() < 0.35:
            gaps = [str(d) for d in D if d != D.OTHER and str(d) not in covered]
            if gaps:
                needed.append(rng.choice(gaps))
        plan.needed = needed

    def fill_strong(self, plan: Plan) -> None:
        rng = self.rng
        first = rng.choice([R.PARTNER, R.CHILD])
        self.carer(plan, first, rng.choice([5, 6, 7, 8]), [D.HOUSEHOLD, D.COMPANY])
        others = rng.choice([3, 4, 5, 6])
        pool = [R.CHILD, R.CHILD, R.FRIEND, R.NEIGHBOUR, R.SIBLING, R.OTHER_FAMILY, R.FRIEND]
        informal_domains = [D.HOUSEHOLD, D.PRACTICAL, D.ADMINISTRATION, D.COMPANY]
        volunteer = rng.random() < 0.5
        for i in range(others):
            if volunteer and i == others - 1:
                self.volunteer_slot(plan)
                continue
            self.carer(
                plan,
                rng.choice(pool),
                rng.choice(["2", "2.5", "3", "4", "5"]),
                rng.sample(informal_domains, rng.choice([1, 2])),
            )
        self.professional(plan, self.care_staff(plan))
        if rng.random() < 0.5:
            self.professional(plan, self.support_staff(plan))
        needed = [D.HOUSEHOLD, D.PRACTICAL, D.COMPANY, D.ADMINISTRATION]
        if any(D.PERSONAL_CARE in m["domains"] for m in plan.members):
            needed.append(D.PERSONAL_CARE)
        # Spread the care: every needed domain gets at least two helpers.
        informal = [m for m in plan.members if m["kind"] != MemberKind.PROFESSIONAL]
        helper_order = lambda m: (m["kind"] == MemberKind.VOLUNTEER, len(m["domains"]))  # noqa: E731
        for d in needed:
            helpers = [m for m in plan.members if str(d) in m["domains"]]
            while len(helpers) < 2:
                candidate = min(
                    (m for m in informal if str(d) not in m["domains"]),
                    key=helper_order,
                )
                candidate["domains"].append(str(d))
                helpers.append(candidate)
        plan.needed = [str(d) for d in needed]

    def volunteer_slot(self, plan: Plan) -> None:
        """A De Schakel volunteer for company or transport, ~2–4 h a week."""
        rng = self.rng
        options = [v for v in self.volunteers if self.volunteer_load[id(v)] < 3 and not plan.has(v)]
        person = min(options, key=lambda v: (self.volunteer_load[id(v)], rng.random()))
        self.volunteer_load[id(person)] += 1
        domains = rng.choice([[D.COMPANY], [D.PRACTICAL], [D.COMPANY, D.PRACTICAL]])
        self.volunteer(plan, person, rng.choice(["2", "2.5", "3", "4"]), domains)
