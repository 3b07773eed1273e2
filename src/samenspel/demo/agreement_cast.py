"""A demo circle's members, sorted into the parts agreements are made of.

The planner reads the circles back from the database (so it also works on a
demo loaded before agreements existed); the cast says who is the client, the
main carer, the nurse, the volunteer, and which log-in is who.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from samenspel.circles.models import Circle, Member
from samenspel.domain.vocabulary import AccessLevel, MemberKind
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
