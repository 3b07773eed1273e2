"""Writes for burden screenings. Scoring itself lives in `domain.instruments`."""

from __future__ import annotations

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.burden import catalogue
from samenspel.burden.models import Screening, StandingConsent
from samenspel.common.errors import ApplicationError
from samenspel.domain.instruments import Instrument, Result, score, validate_answers

Action = AuditEvent.Action


class ScreeningError(ApplicationError):
    """A screening cannot do this now; `code` says why (for the view's message)."""

    def __init__(self, code: str, missing: tuple[str, ...] = ()):
        super().__init__(code, detail=missing)
        self.missing = missing


def instrument_of(screening: Screening) -> Instrument:
    """The instrument in the version the screening was answered with."""
    return catalogue.get(screening.instrument_id, screening.instrument_version)


def start_screening(member, instrument: Instrument) -> tuple[Screening, bool]:
    """Open a screening, or continue the open draft of the same instrument.

    Returns (screening, created). Instruments whose item texts are not shipped
    cannot be started: we never show made-up questions.
    """
    if not instrument.items_complete:
        raise ScreeningError("not_available")
    existing = Screening.objects.filter(
        member=member, instrument_id=instrument.id, status=Screening.Status.DRAFT
    ).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            screening = Screening.objects.create(
                member=member,
                instrument_id=instrument.id,
                instrument_version=str(instrument.version),
            )
    except IntegrityError:
        # A double click: the other request made the draft a moment ago.
        return Screening.objects.get(
            member=member, instrument_id=instrument.id, status=Screening.Status.DRAFT
        ), False
    _log(Action.CREATE, screening, f"{instrument.id} v{instrument.version}")
    return screening, True


def _log(action, screening: Screening, summary: str) -> None:
    """A carer's screening is their data: every change is in the circle's audit log."""
    circle = screening.member.circle_id
    log(action, object_type="screening", object_id=screening.pk, summary=summary, circle=circle)


@transaction.atomic
def save_answers(
    screening: Screening, answers: dict[str, str], *, summary: str = "answers saved"
) -> Screening:
    """Store answers in a draft. Idempotent: the same answer twice changes nothing
    but the version; a new answer to the same question replaces the old one.

    All answers are checked before anything is stored.
    """
    answers = validate_answers(instrument_of(screening), answers)  # AnswerError
    # Lock the row: autosave requests for two questions may arrive together.
    locked = Screening.objects.select_for_update().get(pk=screening.pk)
    if locked.is_completed:
        raise ScreeningError("completed")
    if answers:
        locked.answers = {**locked.answers, **answers}
        locked.version += 1
        locked.save(update_fields=["answers", "version", "updated_at"])
    screening.answers, screening.version = locked.answers, locked.version
    screening.updated_at = locked.updated_at
    _log(Action.UPDATE, screening, summary)
    return screening


def save_answer(screening: Screening, item_id: str, value: str) -> Screening:
    """One answer, as the autosave sends it; AnswerError for a wrong item or value."""
    return save_answers(screening, {item_id: value}, summary=f"answer {item_id}")


@transaction.atomic
def complete(screening: Screening) -> Result:
    """Score the answers and close the screening; refuse when questions are open."""
    locked = Screening.objects.select_for_update().get(pk=screening.pk)
    if locked.is_completed:
        raise ScreeningError("completed")
    instrument = instrument_of(locked)
    result = score(instrument, locked.answers)
    if not result.complete:
        raise ScreeningError("incomplete", missing=tuple(result.missing))
    locked.status = Screening.Status.COMPLETED
    locked.completed_at = timezone.now()
    # Instruments scored by subscale means only (CRA-D) have no total.
    locked.total = (
        None if result.total is None else Decimal(str(result.total)).quantize(Decimal("0.01"))
    )
    locked.band_id = result.band.id if result.band is not None else ""
    locked.subscale_scores = {k: float(v) for k, v in (result.subscale_scores or {}).items()}
    locked.version += 1
    locked.save()
    for field in (
        "status",
        "completed_at",
        "total",
        "band_id",
        "subscale_scores",
        "version",
        "updated_at",
    ):
        setattr(screening, field, getattr(locked, field))
    _log(Action.UPDATE, screening, f"completed total={screening.total} band={screening.band_id}")
    return result


def set_sharing(screening: Screening, *, team: bool | None = None, client: bool | None = None):
    """The carer shares (or stops sharing) one result with the professionals or
    the client. Only completed screenings can be shared."""
    if not screening.is_completed:
        raise ScreeningError("draft")
    changes = {}
    if team is not None:
        changes["shared_with_team"] = team
    if client is not None:
        changes["shared_with_client"] = client
    if changes:
        Screening.objects.filter(pk=screening.pk).update(**changes)
        for field, value in changes.items():
            setattr(screening, field, value)
    audience = "team" if team is not None else "client"
    on = team if team is not None else client
    _log(Action.UPDATE, screening, f"shared_with_{audience}={on}")
    return screening


def set_standing_consent(member, on: bool) -> StandingConsent | None:
    """Give or withdraw standing consent for the circle's professionals.

    Withdrawing keeps the row with its date, so it is clear when consent ended;
    giving it again starts a new period.
    """
    consent = _consent_row(member, on, timezone.now())
    log(
        Action.UPDATE,
        object_type="screening_consent",
        object_id=member.pk,
        summary=f"standing_consent={on}",
        circle=member.circle_id,
    )
    return consent


def _consent_row(member, on: bool, now) -> StandingConsent | None:
    consent = StandingConsent.objects.filter(member=member).first()
    if on:
        if consent is None:
            return StandingConsent.objects.create(member=member, given_at=now)
        if not consent.is_active:
            consent.given_at, consent.withdrawn_at = now, None
            consent.save(update_fields=["given_at", "withdrawn_at"])
        return consent
    if consent is not None and consent.is_active:
        consent.withdrawn_at = now
        consent.save(update_fields=["withdrawn_at"])
    return consent
