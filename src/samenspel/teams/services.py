"""Writes for the team thermometer. Views check the policy; these keep the data
consistent (one open round per team, a submitted response is final)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from samenspel.domain.instruments import score, validate_answers
from samenspel.teams.models import ThermometerResponse, ThermometerRound
from samenspel.teams.thermometer import instrument


class ThermometerError(Exception):
    """A change that is not allowed; ``code`` picks the Dutch message in the view."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def open_round(team, person, title: str, *, now=None) -> ThermometerRound:
    """One open round per team: two at once would split the answers."""
    with transaction.atomic():
        if ThermometerRound.objects.filter(team=team, closed_at__isnull=True).exists():
            raise ThermometerError("already_open")
        return ThermometerRound.objects.create(
            team=team, title=title, opened_by=person, opened_at=now or timezone.now()
        )


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
