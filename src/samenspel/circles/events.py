"""What the circles app tells the apps built on it (see ``samenspel.common.events``)."""

from dataclasses import dataclass

from samenspel.circles.models import Member


@dataclass(frozen=True)
class MemberLeftAgenda:
    """A member no longer takes part in the agenda: their access was revoked, or the
    client side put them on "only on the map". Roles, planned moments and calendar
    feeds go; ``revoked`` also ends open invitations."""

    member: Member
    revoked: bool
