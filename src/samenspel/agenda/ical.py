"""A member's agenda as an iCalendar (RFC 5545) file for their phone.

Each occurrence is one VEVENT with a stable UID, so a calendar app updates
an event instead of adding it again. Times carry the Europe/Amsterdam TZID
and the file includes that VTIMEZONE: "09:00" stays 09:00 across DST.
"""

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

import icalendar
from django.utils.translation import gettext as _

from samenspel.agenda.models import Occurrence
from samenspel.domain.recurrence import AMSTERDAM

PRODID = "-//Samenspel//Agenda//NL"
REFRESH = timedelta(hours=1)


def uid(occurrence: Occurrence) -> str:
    return f"occ-{occurrence.pk}@samenspel"


def summary(occurrence: Occurrence, member_id: int | None) -> str:
    task = occurrence.agreement.task.name
    if occurrence.assignee_id is None:
        return _("%(task)s (open: nog niemand)") % {"task": task}
    if member_id is not None and occurrence.assignee_id == member_id:
        return task
    return _("%(task)s (%(name)s)") % {"task": task, "name": occurrence.assignee.person.first_name}


def build_calendar(
    *,
    name: str,
    items: Iterable[Occurrence],
    member_id: int | None,
    now: datetime,
    link: Callable[[Occurrence], str],
    calendar_uid: str,
) -> bytes:
    """The .ics bytes: `link(occurrence)` gives the absolute address of its page."""
    cal = icalendar.Calendar.new(
        prodid=PRODID, name=name, uid=calendar_uid, refresh_interval=REFRESH
    )
    cal.add("X-PUBLISHED-TTL", REFRESH)
    stamp = now.astimezone(UTC)
    first = last = None
    for occurrence in items:
        start = occurrence.starts_at.astimezone(AMSTERDAM)
        end = occurrence.ends_at.astimezone(AMSTERDAM)
        first = min(first or start, start)
        last = max(last or end, end)
        cal.add_component(
            icalendar.Event.new(
                uid=uid(occurrence),
                start=start,
                end=end,
                stamp=stamp,
                last_modified=occurrence.updated_at.astimezone(UTC),
                summary=summary(occurrence, member_id),
                url=link(occurrence),
            )
        )
    if first is not None:
        cal.add_missing_timezones(
            first_date=first.date() - timedelta(days=366),
            last_date=last.date() + timedelta(days=366),
        )
    return cal.to_ical()
