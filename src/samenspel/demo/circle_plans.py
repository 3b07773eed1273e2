"""A demo circle before it is written: who is in it, with what, and the staff
who can join it.

The builder first plans every circle in memory and then writes them all with
bulk inserts; these are the plans it fills.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from samenspel.accounts.models import Person
from samenspel.circles.models import Circle
from samenspel.domain.vocabulary import CareDomain
from samenspel.organisations.models import Employment, Organisation

D = CareDomain
Disc = Employment.Discipline

# Which care domains a professional of a discipline covers, and typical hours.
DISCIPLINE_DOMAINS: dict[str, list[CareDomain]] = {
    Disc.DISTRICT_NURSE: [D.NURSING, D.PERSONAL_CARE],
    Disc.HOME_CARE: [D.PERSONAL_CARE],
    Disc.SOCIAL_WORKER: [D.ADMINISTRATION],
    Disc.WMO_CONSULTANT: [],
    Disc.COMMUNITY_WORKER: [D.COMPANY],
    Disc.SOCIAL_BROKER: [D.COMPANY, D.PRACTICAL],
    Disc.YOUTH_CARE: [D.OTHER],
    Disc.CARER_OFFICER: [],
    Disc.VOLUNTEER_COORDINATOR: [],
    Disc.CARE_MANAGER: [],
    Disc.OTHER: [],
}
DISCIPLINE_HOURS: dict[str, tuple[str, ...]] = {
    Disc.DISTRICT_NURSE: ("1", "1.5", "2", "3"),
    Disc.HOME_CARE: ("3", "4.5", "6", "8"),
}
DEFAULT_PRO_HOURS = ("0.5", "1", "1")

# Circle archetypes (domain.md §8) and how many of each.
OVERLOADED, ISOLATED, MIXED, STRONG = "overloaded", "isolated", "mixed", "strong"
ARCHETYPE_COUNTS = {OVERLOADED: 12, ISOLATED: 5, MIXED: 21, STRONG: 10}


@dataclass
class Staff:
    person: Person
    organisation: Organisation
    discipline: str


@dataclass
class Plan:
    client: Person
    client_female: bool
    team: Organisation
    archetype: str
    needed: list[str] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    circle: Circle | None = None
    team_consent: bool = True
    young: bool = False  # a younger client, cared for by a parent
    client_motivation: str = ""

    def has(self, person: Person) -> bool:
        return any(m["person"] is person for m in self.members) or person is self.client
