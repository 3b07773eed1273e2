"""Writes for the team thermometer. Views check the policy; these keep the data
consistent (one open round per team, a submitted response is final)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from samenspel.domain import teamplan
from samenspel.domain.instruments import score, validate_answers
from samenspel.teams.models import (
    TeamSession,
    ThermometerResponse,
    ThermometerRound,
    WerkplanAction,
)
from samenspel.teams.thermometer import instrument


class ThermometerError(Exception):
    """A change that is not allowed; ``code`` picks the Dutch message in the view."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def open_round(team, person, title: str, *, now=None) -> ThermometerRound:
    """One open round per team: two at once would split the answers."""
    if ThermometerRound.objects.filter(team=team, closed_at__isnull=True).exists():
        raise ThermometerError("already_open")
    try:
        with transaction.atomic():
            return ThermometerRound.objects.create(
                team=team, title=title, opened_by=person, opened_at=now or timezone.now()
            )
    except IntegrityError as exc:
        # A second request won the race: the partial unique constraint refused ours.
        raise ThermometerError("already_open") from exc


def close_round(round_: ThermometerRound, *, now=None) -> ThermometerRound:
    if round_.closed_at is not None:
        raise ThermometerError("closed")
    round_.closed_at = now or timezone.now()
    round_.save(update_fields=["closed_at"])
    return round_


def save_response(
    round_: ThermometerRound, person, answers: dict, *, submit: bool, now=None
) -> tuple[ThermometerResponse, tuple[str, ...]]:
    """Keep the answers as a draft; on a complete submit also score and lock them.

    Returns the response and the ids of statements still missing (empty when
    submitted). An incomplete submit keeps the draft, so nothing typed is lost.
    """
    if round_.closed_at is not None:
        raise ThermometerError("closed")
    inst = instrument()
    cleaned = validate_answers(inst, answers)
    missing: tuple[str, ...] = ()
    with transaction.atomic():
        response, _ = ThermometerResponse.objects.select_for_update().get_or_create(
            round=round_, person=person
        )
        if response.submitted_at is not None:
            raise ThermometerError("submitted")
        response.answers = cleaned
        if submit:
            result = score(inst, cleaned)
            if result.complete:
                response.factor_scores = result.subscale_scores
                response.submitted_at = now or timezone.now()
            else:
                missing = result.missing
        response.save()
    return response, missing


class WerkplanError(Exception):
    """A werkplan change that is not allowed (``stale``, ``bad_status``)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def create_session(team, person, held_on, notes: dict, actions: list[dict]) -> TeamSession:
    """Session and its actions in one go: half a werkplan is worse than none."""
    with transaction.atomic():
        session = TeamSession.objects.create(
            team=team, held_on=held_on, created_by=person, notes=notes
        )
        WerkplanAction.objects.bulk_create(
            WerkplanAction(team=team, session=session, **a) for a in actions
        )
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
    action.refresh_from_db()
    return action
