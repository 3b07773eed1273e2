"""Signals from the shared agenda, the agreements and the logbook.

They join the network signals on the circle page and on the start page of the
circle's coordinator and professionals: empty slots in the coming two weeks,
agreements that are due for review, and worries a carer or volunteer flagged.
"""

from __future__ import annotations

from datetime import date

from samenspel.domain import thresholds as t
from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.network import Signal
from samenspel.domain.vocabulary import Severity


def unfilled_signal(count: int, first: date | None, today: date) -> Signal | None:
    """Occurrences in the coming UNFILLED_HORIZON_DAYS that nobody does yet."""
    if count <= 0 or first is None:
        return None
    urgent = (first - today).days <= t.UNFILLED_URGENT_DAYS
    return Signal(
        code="unfilled_occurrences",
        severity=Severity.HIGH if urgent else Severity.MEDIUM,
        title=_("Taken zonder iemand ({count})"),
        explanation=_(
            "In de komende {days} dagen staan {count} taken in de agenda waar nog "
            "niemand voor is. De eerste is op {first}."
        ),
        next_step=_("Vraag in het netwerk wie kan, of zoek een vrijwilliger of professional."),
        params=(
            ("count", str(count)),
            ("days", str(t.UNFILLED_HORIZON_DAYS)),
            ("first", first.strftime("%d-%m-%Y")),
        ),
    )


def review_due_signal(count: int, earliest: date | None, today: date) -> Signal | None:
    """Agreements whose review date has come, or that a change marked 'te herzien'."""
    if count <= 0:
        return None
    overdue = earliest is not None and earliest < today
    return Signal(
        code="review_due",
        severity=Severity.HIGH if overdue else Severity.MEDIUM,
        title=_("Afspraken bespreken ({count})"),
        explanation=_(
            "{count} afspraken moeten opnieuw besproken worden, bijvoorbeeld omdat er "
            "iets veranderd is."
        ),
        next_step=_("Plan een afstemmingsmoment met de cliënt en het netwerk."),
        params=(("count", str(count)),),
    )


def log_signal(author: str, written_on: date) -> Signal:
    """A carer or volunteer flagged a logbook entry for the professional (seed 001)."""
    return Signal(
        code="logbook_signal",
        severity=Severity.HIGH,
        title=_("Signaal van {author}"),
        explanation=_("{author} heeft op {date} iets gemeld in het logboek."),
        next_step=_("Lees het bericht en laat weten dat je het gezien hebt."),
        params=(("author", author), ("date", written_on.strftime("%d-%m-%Y"))),
    )
