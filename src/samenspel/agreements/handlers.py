"""How agreements follow events of the apps below them."""

from samenspel.agreements.services import release_roles
from samenspel.circles.events import MemberLeftAgenda


def member_left_agenda(event: MemberLeftAgenda) -> None:
    release_roles(event.member)
