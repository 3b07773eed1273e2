"""How invitations follow events of the apps below them."""

from samenspel.circles.events import MemberLeftAgenda
from samenspel.invitations.services import revoke_open_invitations


def member_left_agenda(event: MemberLeftAgenda) -> None:
    if event.revoked:
        revoke_open_invitations(event.member)
