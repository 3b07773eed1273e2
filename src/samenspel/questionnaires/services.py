"""Rules every round keeps: one open round per scope, a closed round takes no answers,
a submitted response is final, and an incomplete submit keeps the draft."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.common.errors import ApplicationError
from samenspel.domain.instruments import Instrument, score, validate_answers
from samenspel.questionnaires.models import AbstractResponse, AbstractRound

Action = AuditEvent.Action


class RoundError(ApplicationError):
    """A change that is not allowed: ``already_open``, ``closed`` or ``submitted``."""

    messages = {
        "already_open": _("Er is al een open ronde. Sluit die eerst."),
        "closed": _("Deze ronde is al gesloten."),
        "submitted": _("U hebt uw antwoorden al ingestuurd. U kunt ze niet meer aanpassen."),
    }


def open_round(model: type[AbstractRound], *, title: str, person, now=None, **scope):
    """A new round for ``scope`` (e.g. ``team=...``); two open at once would split answers."""
    if model.objects.filter(closed_at__isnull=True, **scope).exists():
        raise RoundError("already_open")
    try:
        with transaction.atomic():
            new = model.objects.create(
                title=title, opened_by=person, opened_at=now or timezone.now(), **scope
            )
    except IntegrityError as exc:
        # A second request won the race: the partial unique constraint refused ours.
        raise RoundError("already_open") from exc
    _log(Action.CREATE, new, new, f"Ronde geopend: {new.title}")
    return new


def close_round(round_: AbstractRound, *, now=None) -> AbstractRound:
    if round_.closed_at is not None:
        raise RoundError("closed")
    round_.closed_at = now or timezone.now()
    round_.save(update_fields=["closed_at"])
    _log(Action.UPDATE, round_, round_, f"Ronde gesloten: {round_.title}")
    return round_


def save_response(
    round_: AbstractRound,
    model: type[AbstractResponse],
    person,
    answers: dict,
    *,
    instrument: Instrument,
    submit: bool,
    also: dict | None = None,
    now=None,
) -> tuple[AbstractResponse, tuple[str, ...]]:
    """Keep the answers as a draft; on a complete submit also score and lock them.

    ``also`` sets further fields on every save (the reflection's party). Returns the
    response and the ids of items still missing (empty when submitted). Raises
    AnswerError for a value that is not on the scale.
    """
    if round_.closed_at is not None:
        raise RoundError("closed")
    cleaned = validate_answers(instrument, answers)
    also = also or {}
    missing: tuple[str, ...] = ()
    with transaction.atomic():
        response, _ = model.objects.select_for_update().get_or_create(
            round=round_, person=person, defaults=also
        )
        if response.submitted_at is not None:
            raise RoundError("submitted")
        for field, value in also.items():
            setattr(response, field, value)
        response.answers = cleaned
        if submit:
            result = score(instrument, cleaned)
            if result.complete:
                setattr(response, model.SCORES_FIELD, result.subscale_scores)
                response.submitted_at = now or timezone.now()
            else:
                missing = result.missing
        response.save()
        summary = "Ingestuurd" if response.submitted_at else "Concept bewaard"
        _log(Action.UPDATE, response, round_, summary)
    return response, missing


def _log(action, obj, round_, summary: str) -> None:
    """A round or response row; a circle's round (reflection) is logged in that circle."""
    circle = getattr(round_, "circle_id", None)
    log(action, object_type=obj.AUDIT_TYPE, object_id=obj.pk, summary=summary, circle=circle)
