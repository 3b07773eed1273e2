"""Figures per organisation: how many active volunteers had attention lately,
per aspect, and how many had personal contact.

Counted over the same periods as the reminders, so the overview and the
reminders tell the same story.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.wifa_kinds import (
    AFSTEMMEN,
    ASPECTS,
    FACILITEREN,
    INFORMEREN,
    WAARDEREN,
    Aspect,
)
from samenspel.domain.wifa_reminders import (
    APPRECIATION_LAPSE_MONTHS,
    CONTACT_LAPSE_WEEKS,
    INFORMATION_LAPSE_MONTHS,
    PAIR_AFSTEMMING_LAPSE_WEEKS,
    Reminder,
    add_months,
)
from samenspel.domain.wifa_state import VolunteerState


@dataclass(frozen=True)
class AspectFigures:
    aspect: Aspect
    total: int  # active volunteers
    with_attention: int
    last_date: dt.date | None
    lapses: int
    words: str  # msgid with {n}, {total}, {period}
    params: tuple[tuple[str, str], ...]

    @property
    def percent(self) -> int:
        return round(100 * self.with_attention / self.total) if self.total else 0

    def render(self, translate) -> str:
        return translate(self.words).format(**dict(self.params))


def _window_start(aspect_id: str, today: dt.date) -> dt.date | None:
    """The period an aspect is counted over; None: Faciliteren counts what is in place."""
    if aspect_id == WAARDEREN:
        return add_months(today, -APPRECIATION_LAPSE_MONTHS)
    if aspect_id == INFORMEREN:
        return add_months(today, -INFORMATION_LAPSE_MONTHS)
    if aspect_id == AFSTEMMEN:
        return today - dt.timedelta(weeks=PAIR_AFSTEMMING_LAPSE_WEEKS)
    return None


def _period(aspect_id: str) -> str:
    if aspect_id == WAARDEREN:
        return str(APPRECIATION_LAPSE_MONTHS)
    if aspect_id == INFORMEREN:
        return str(INFORMATION_LAPSE_MONTHS)
    return str(PAIR_AFSTEMMING_LAPSE_WEEKS)


_WORDS = {
    WAARDEREN: _(
        "{n} van de {total} vrijwilligers kregen waardering in de laatste {period} maanden."
    ),
    INFORMEREN: _(
        "{n} van de {total} vrijwilligers kregen informatie in de laatste {period} maanden."
    ),
    FACILITEREN: _("Bij {n} van de {total} vrijwilligers zijn onkosten en verzekering geregeld."),
    AFSTEMMEN: _("Met {n} van de {total} vrijwilligers is afgestemd in de laatste {period} weken."),
}


def overview(
    states: list[VolunteerState], found: list[Reminder], today: dt.date
) -> list[AspectFigures]:
    """Per aspect: how many active volunteers had attention lately, the last date
    and the number of lapses (reminders of that aspect)."""
    rows = []
    for a in ASPECTS:
        start = _window_start(a.id, today)
        if start is None:
            n = sum(1 for s in states if not s.missing_basics)
        else:
            n = sum(
                1
                for s in states
                if (d := s.last_by_aspect.get(a.id)) is not None and start <= d <= today
            )
        dates = [d for s in states if (d := s.last_by_aspect.get(a.id)) is not None]
        rows.append(
            AspectFigures(
                aspect=a,
                total=len(states),
                with_attention=n,
                last_date=max(dates) if dates else None,
                lapses=sum(1 for r in found if r.aspect == a.id),
                words=_WORDS[a.id],
                params=(("n", str(n)), ("total", str(len(states))), ("period", _period(a.id))),
            )
        )
    return rows


def contact_figures(states: list[VolunteerState], today: dt.date) -> tuple[int, int]:
    """(volunteers with personal contact within CONTACT_LAPSE_WEEKS, total)."""
    start = today - dt.timedelta(weeks=CONTACT_LAPSE_WEEKS)
    n = sum(1 for s in states if s.last_contact is not None and s.last_contact >= start)
    return n, len(states)
