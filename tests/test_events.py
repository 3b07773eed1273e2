"""The event bus: owners publish, the apps built on them follow (issue 13)."""

import pytest

from samenspel.agenda import handlers as agenda_handlers
from samenspel.agreements import handlers as agreement_handlers
from samenspel.agreements.events import AgreementChanged
from samenspel.circles.events import MemberLeftAgenda
from samenspel.common import events
from samenspel.invitations import handlers as invitation_handlers


def test_dependants_subscribe_to_what_circles_and_agreements_publish():
    assert events.handlers_of(MemberLeftAgenda) == [
        invitation_handlers.member_left_agenda,
        agreement_handlers.member_left_agenda,
        agenda_handlers.member_left_agenda,
    ]
    assert events.handlers_of(AgreementChanged) == [agenda_handlers.agreement_changed]


class Ping:
    pass


def test_publish_runs_handlers_in_order_once_and_returns_their_results(monkeypatch):
    monkeypatch.setattr(events, "_handlers", type(events._handlers)(list))
    seen = []
    events.subscribe(Ping, lambda e: seen.append("a") or 1)
    second = lambda e: seen.append("b") or 2  # noqa: E731
    events.subscribe(Ping, second)
    events.subscribe(Ping, second)  # twice is once
    assert events.publish(Ping()) == [1, 2]
    assert seen == ["a", "b"]
    assert events.publish(object()) == []


@pytest.mark.django_db
def test_a_failing_handler_rolls_the_revocation_back(world, monkeypatch):
    from samenspel.circles.models import Member
    from samenspel.circles.services import revoke_member

    def broken(event):
        raise RuntimeError("handler failed")

    monkeypatch.setattr(events, "_handlers", type(events._handlers)(list))
    events.subscribe(MemberLeftAgenda, broken)
    carer = world["members"]["carer"]
    with pytest.raises(RuntimeError):
        revoke_member(carer)
    assert Member.objects.get(pk=carer.pk).status == Member.Status.ACTIVE
