"""Writes for the team thermometer and the werkplan. Views check the policy; the round
rules (one open round per team, a submitted response is final) are the shared ones of
``samenspel.questionnaires.services``."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.common.errors import ApplicationError
from samenspel.domain import teamplan
from samenspel.questionnaires import services as rounds
from samenspel.teams.models import (
    TeamSession,
    ThermometerResponse,
    ThermometerRound,
    WerkplanAction,
)
from samenspel.teams.thermometer import instrument

Action = AuditEvent.Action


def open_round(team, person, title: str, *, now=None) -> ThermometerRound:
    return rounds.open_round(ThermometerRound, title=title, person=person, now=now, team=team)


def close_round(round_: ThermometerRound, *, now=None) -> ThermometerRound:
    return rounds.close_round(round_, now=now)


def save_response(
    round_: ThermometerRound, person, answers: dict, *, submit: bool, now=None
) -> tuple[ThermometerResponse, tuple[str, ...]]:
    """The member's own answers: a draft, or scored and locked on a complete submit."""
    return rounds.save_response(
        round_,
        ThermometerResponse,
        person,
        answers,
        instrument=instrument(),
        submit=submit,
        now=now,
    )


class WerkplanError(ApplicationError):
    """A werkplan change that is not allowed (``stale``, ``bad_status``)."""

    messages = {
        "stale": _(
            "Iemand anders heeft deze actie net gewijzigd. Kijk de status na en probeer opnieuw."
        ),
        "bad_status": _("Kies open, bezig of klaar."),
    }


def create_session(team, person, held_on, notes: dict, actions: list[dict]) -> TeamSession:
    """Session and its actions in one go: half a werkplan is worse than none."""
    with transaction.atomic():
        session = TeamSession.objects.create(
            team=team, held_on=held_on, created_by=person, notes=notes
        )
        WerkplanAction.objects.bulk_create(
            WerkplanAction(team=team, session=session, **a) for a in actions
        )
        summary = f"Teamsessie {session.held_on}, {len(actions)} acties"
        log(Action.CREATE, object_type="team_session", object_id=session.pk, summary=summary)
    return session


def set_action_status(action: WerkplanAction, status: str, version: int) -> WerkplanAction:
    """Change the status only if nobody changed the action since the form was shown."""
    if status not in teamplan.STATUS_IDS:
        raise WerkplanError("bad_status")
    updated = WerkplanAction.objects.filter(pk=action.pk, version=version).update(
        status=status, version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise WerkplanError("stale")
    old = action.status
    action.refresh_from_db()
    summary = f"Status {old} → {action.status}"
    log(Action.UPDATE, object_type="werkplan_action", object_id=action.pk, summary=summary)
    return action
