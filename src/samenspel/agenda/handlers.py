"""How the agenda follows events of the apps below it."""

from samenspel.agenda import services
from samenspel.agreements.events import AgreementChanged
from samenspel.circles.events import MemberLeftAgenda


def agreement_changed(event: AgreementChanged) -> int:
    services.sync_occurrences(event.agreement)
    if event.ended:
        return 0
    return services.reopen_blocked_occurrences(event.agreement)


def member_left_agenda(event: MemberLeftAgenda) -> None:
    services.open_moments_of(event.member)
    services.revoke_feeds(event.member)
