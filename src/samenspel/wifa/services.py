"""Writes for the WIFA log. Views check who may write; these keep the data
sound: the aspect follows from the kind, and nothing is logged in the future."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.common.errors import ApplicationError
from samenspel.domain import wifa as rules
from samenspel.wifa.models import WifaEntry

Action = AuditEvent.Action


class WifaError(ApplicationError):
    """A change that is not allowed; ``code`` picks the Dutch message in the view."""


def add_entry(
    profile,
    *,
    kind: str,
    happened_on: dt.date,
    recorded_by,
    note: str = "",
    professional_id: int | None = None,
    today: dt.date | None = None,
    summary: str = "",
) -> WifaEntry:
    today = today or timezone.localdate()
    if kind not in rules.KIND_IDS:
        raise WifaError("unknown_kind")
    if happened_on > today:
        raise WifaError("future")
    entry = WifaEntry.objects.create(
        volunteer=profile,
        aspect=rules.kind(kind).aspect,
        kind=kind,
        happened_on=happened_on,
        note=note.strip(),
        professional_id=professional_id,
        recorded_by=recorded_by,
    )
    summary = summary or f"WIFA {entry.aspect}/{entry.kind} voor {profile.person.full_name}"
    log(Action.CREATE, object_type="wifa_entry", object_id=entry.pk, summary=summary)
    return entry


def thank(profile, *, recorded_by, today: dt.date | None = None) -> WifaEntry:
    """The quick "bedankje gegeven" button: a personal thank-you, today."""
    today = today or timezone.localdate()
    return add_entry(
        profile,
        kind=rules.THANK_YOU,
        happened_on=today,
        recorded_by=recorded_by,
        today=today,
        summary=f"Bedankje gegeven aan {profile.person.full_name}",
    )
