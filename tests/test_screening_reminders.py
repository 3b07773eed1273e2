"""The cron command that invites carers whose next screening is due."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from samenspel.burden import catalogue, services
from samenspel.burden.models import Screening, ScreeningReminder

pytestmark = pytest.mark.django_db


@pytest.fixture
def carer(world):
    member = world["members"]["carer"]  # Ans: 30 hours a week, never screened
    member.person.email = "ans@example.org"
    member.person.save()
    return member


def run(*args) -> str:
    out = StringIO()
    call_command("send_screening_reminders", *args, stdout=out)
    return out.getvalue()


def screened(member, days_ago):
    screening, _ = services.start_screening(member, catalogue.get("csi"))
    services.save_answers(screening, {f"q{i}": "ja" for i in range(1, 14)})
    services.complete(screening)
    Screening.objects.filter(pk=screening.pk).update(
        completed_at=timezone.now() - dt.timedelta(days=days_ago)
    )


def test_a_main_carer_who_never_screened_is_invited_once(carer):
    assert "Herinneringen: 1." in run()
    [message] = mail.outbox
    assert message.to == ["ans@example.org"]
    assert f"/kring/{carer.circle_id}/belasting/" in message.body
    assert "Greet" in message.body
    assert run().strip().endswith("Herinneringen: 0.")  # not again the same month
    assert ScreeningReminder.objects.count() == 1


def test_a_recent_screening_is_not_due_an_old_one_is(carer):
    screened(carer, 30)
    assert "Herinneringen: 0." in run()
    Screening.objects.update(completed_at=timezone.now() - dt.timedelta(days=200))
    assert "Herinneringen: 1." in run()
    body = mail.outbox[0].body
    # No results in an inbox: no score, no band, only the invitation.
    assert "score" not in body.lower() and "punten" not in body and "zwaar belast" not in body
    assert "De uitslag is van u." in body


def test_the_interval_is_configurable(carer):
    screened(carer, 70)
    assert "Herinneringen: 0." in run()
    assert "Herinneringen: 1." in run("--interval-months", "2")


def test_dry_run_sends_nothing(carer):
    out = run("--dry-run")
    assert "zou krijgen" in out and "(proef)" in out
    assert mail.outbox == [] and not ScreeningReminder.objects.exists()


def test_no_address_no_login_or_light_carers_are_skipped(world, carer):
    volunteer = world["members"]["volunteer"]
    volunteer.person.email = "vera@example.org"
    volunteer.person.save()
    carer.hours_per_week = 4
    carer.save()
    assert "Herinneringen: 0." in run()  # a volunteer is no mantelzorger; Ans now light
