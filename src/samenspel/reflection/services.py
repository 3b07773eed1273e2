"""Writes for the equality reflection. Views check the policy; these keep the
data consistent (one open round per circle or team, a submitted response is
final, the party is the person's current one)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from samenspel.domain.instruments import score, validate_answers
from samenspel.reflection.instrument import instrument
from samenspel.reflection.models import ReflectionResponse, ReflectionRound


class ReflectionError(Exception):
    """A change that is not allowed (``already_open``, ``closed``, ``submitted``)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def open_round(person, title: str, *, circle=None, team=None, now=None) -> ReflectionRound:
    """One open round per circle or team: two at once would split the answers."""
    if (circle is None) == (team is None):
        raise ValueError("a round belongs to exactly one circle or one team")
    scope = {"circle": circle} if circle is not None else {"team": team}
    if ReflectionRound.objects.filter(closed_at__isnull=True, **scope).exists():
        raise ReflectionError("already_open")
    try:
        with transaction.atomic():
            return ReflectionRound.objects.create(
                title=title, opened_by=person, opened_at=now or timezone.now(), **scope
            )
    except IntegrityError as exc:
        # A second request won the race: the partial unique constraint refused ours.
        raise ReflectionError("already_open") from exc


def close_round(round_: ReflectionRound, *, now=None) -> ReflectionRound:
    if round_.closed_at is not None:
        raise ReflectionError("closed")
    round_.closed_at = now or timezone.now()
    round_.save(update_fields=["closed_at"])
    return round_


def save_response(
    round_: ReflectionRound, person, party, answers: dict, *, submit: bool, now=None
) -> tuple[ReflectionResponse, tuple[str, ...]]:
    """Keep the answers as a draft; on a complete submit also score and lock them.

    Returns the response and the ids of statements still missing (empty when
    submitted). An incomplete submit keeps the draft, so nothing typed is lost.
    Raises AnswerError for a value that is not on the scale.
    """
    if round_.closed_at is not None:
        raise ReflectionError("closed")
    inst = instrument()
    cleaned = validate_answers(inst, answers)
    missing: tuple[str, ...] = ()
    with transaction.atomic():
        response, _ = ReflectionResponse.objects.select_for_update().get_or_create(
            round=round_, person=person, defaults={"party": str(party)}
        )
        if response.submitted_at is not None:
            raise ReflectionError("submitted")
        response.party = str(party)
        response.answers = cleaned
        if submit:
            result = score(inst, cleaned)
            if result.complete:
                response.dimension_scores = result.subscale_scores
                response.submitted_at = now or timezone.now()
            else:
                missing = result.missing
        response.save()
    return response, missing
