"""Writes to the logbook."""

from django.db import transaction
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.circles.models import Circle
from samenspel.domain.logbook import Audience
from samenspel.logbook.models import LogEntry

Action = AuditEvent.Action


@transaction.atomic
def write_entry(
    circle: Circle,
    *,
    author,
    author_role: str,
    text: str,
    audience: str,
    recipients=(),
    is_signal: bool = False,
) -> LogEntry:
    """Save a note. The author's name and role are kept as they were at the
    time of writing, so the logbook stays readable when people leave.

    Recipients only count for a chosen audience; the caller decides (through
    `domain.logbook.can_flag_signal`) whether the author may flag a signal.
    """
    entry = LogEntry.objects.create(
        circle=circle,
        author=author,
        author_name=author.full_name[:170],
        author_role=author_role[:30],
        text=text,
        audience=audience,
        is_signal=is_signal,
    )
    if audience == Audience.CHOSEN:
        entry.recipients.set(recipients)
    summary = f"audience={entry.audience} signal={entry.is_signal}"
    log(Action.CREATE, object_type="log_entry", object_id=entry.pk, summary=summary, circle=circle)
    return entry


def acknowledge(circle: Circle, entry_id: int, *, by) -> bool:
    """Mark a signal as seen. Conditional, so a double click or two
    professionals at once leave the first acknowledgement in place.

    Returns whether this call marked it.
    """
    updated = LogEntry.objects.filter(
        pk=entry_id, circle=circle, is_signal=True, acknowledged_at__isnull=True
    ).update(acknowledged_at=timezone.now(), acknowledged_by=by)
    if updated:
        log(
            Action.UPDATE,
            object_type="log_entry",
            object_id=entry_id,
            summary="acknowledged",
            circle=circle,
        )
    return updated == 1
