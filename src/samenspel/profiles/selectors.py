"""Reads for the collaboration profiles. Nothing here returns someone else's
answers: the circle mix is built from shared results only."""

from __future__ import annotations

from dataclasses import dataclass, field

from samenspel.circles.models import Member
from samenspel.circles.selectors import own_member  # noqa: F401 - one shared lookup
from samenspel.domain import profiles as domain
from samenspel.profiles.models import ProfileAnswer


def own_answer(member: Member | None) -> ProfileAnswer | None:
    if member is None:
        return None
    return ProfileAnswer.objects.filter(member=member).first()


@dataclass
class MixRow:
    profile: domain.Profile
    names: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.names)


def circle_mix(circle) -> tuple[list[MixRow], int]:
    """Per profile the members who shared a completed result (a tie counts for
    every tied profile), and how many people shared."""
    rows = {p.id: MixRow(p) for p in domain.PROFILES}
    shared = (
        ProfileAnswer.objects.filter(
            member__circle=circle,
            member__status=Member.Status.ACTIVE,
            shared=True,
            completed_at__isnull=False,
        )
        .select_related("member__person")
        .only("best_fit", "member__person__first_name", "member__person__last_name")
        .order_by("member__person__first_name", "member__person__last_name", "pk")
    )
    people = 0
    for answer in shared:
        people += 1
        for pid in answer.best_fit:
            if pid in rows:
                rows[pid].names.append(answer.member.person.full_name)
    return list(rows.values()), people
