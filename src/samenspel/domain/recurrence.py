"""How often an agreed task happens, as occurrences in local Dutch time.

Rules are expanded with python-dateutil's rrule on *naive local* date-times
and only then placed in Europe/Amsterdam. That keeps "every Monday at 09:00"
at 09:00 on the wall clock across daylight-saving changes. A time that does
not exist (02:30 on the last Sunday of March) moves forward into summer time;
an ambiguous one (02:30 in late October) takes the first, summer-time, moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule, weekdays

from samenspel.domain.i18n import gettext_noop as _

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Frequency(StrEnum):
    ONCE = "once"
    DAILY = "daily"
    WEEKDAYS = "weekdays"  # Monday to Friday
    WEEKLY = "weekly"  # on the chosen weekdays
    BIWEEKLY = "biweekly"  # every other week, on the chosen weekdays
    MONTHLY = "monthly"  # on the start date's day of the month


FREQUENCY_LABELS = {
    Frequency.ONCE: _("Eén keer"),
    Frequency.DAILY: _("Elke dag"),
    Frequency.WEEKDAYS: _("Elke werkdag (ma t/m vr)"),
    Frequency.WEEKLY: _("Elke week"),
    Frequency.BIWEEKLY: _("Om de week"),
    Frequency.MONTHLY: _("Elke maand"),
}

WEEKDAY_LABELS = (
    _("maandag"),
    _("dinsdag"),
    _("woensdag"),
    _("donderdag"),
    _("vrijdag"),
    _("zaterdag"),
    _("zondag"),
)

# Frequencies that happen at least once a week: they need a backup (domain.md §3).
AT_LEAST_WEEKLY = frozenset({Frequency.DAILY, Frequency.WEEKDAYS, Frequency.WEEKLY})

_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Schedule:
    frequency: Frequency
    start: date
    at: time
    duration_minutes: int = 60
    weekdays: tuple[int, ...] = ()  # 0 = Monday; for weekly and biweekly
    until: date | None = None  # last day (inclusive)

    @property
    def days(self) -> tuple[int, ...]:
        """The weekdays of a (bi)weekly rule; the start date's weekday if none chosen."""
        return tuple(sorted(set(self.weekdays))) or (self.start.weekday(),)


def localize(naive: datetime) -> datetime:
    """Wall-clock time in Amsterdam → an aware moment, resolving DST gaps forward."""
    aware = naive.replace(tzinfo=AMSTERDAM, fold=0)
    return aware.astimezone(UTC).astimezone(AMSTERDAM)


def _rule(schedule: Schedule) -> rrule:
    start = datetime.combine(schedule.start, schedule.at)
    until = datetime.combine(schedule.until, time.max) if schedule.until else None
    f = schedule.frequency
    if f == Frequency.ONCE:
        return rrule(DAILY, dtstart=start, count=1)
    if f == Frequency.DAILY:
        return rrule(DAILY, dtstart=start, until=until)
    if f == Frequency.WEEKDAYS:
        return rrule(WEEKLY, dtstart=start, until=until, byweekday=weekdays[:5])
    if f in (Frequency.WEEKLY, Frequency.BIWEEKLY):
        interval = 2 if f == Frequency.BIWEEKLY else 1
        days = [weekdays[d] for d in schedule.days]
        return rrule(WEEKLY, dtstart=start, until=until, interval=interval, byweekday=days)
    if f == Frequency.MONTHLY:
        # Days 29-31 do not exist in every month: use the month's last day then.
        day = schedule.start.day if schedule.start.day <= 28 else -1
        return rrule(MONTHLY, dtstart=start, until=until, bymonthday=day)
    raise ValueError(f"unknown frequency {f!r}")


def occurrences(
    schedule: Schedule, window_start: datetime, window_end: datetime
) -> list[tuple[datetime, datetime]]:
    """(start, end) of every occurrence starting in [window_start, window_end), aware."""
    first = window_start.astimezone(AMSTERDAM).replace(tzinfo=None) - timedelta(days=1)
    last = window_end.astimezone(AMSTERDAM).replace(tzinfo=None) + timedelta(days=1)
    length = timedelta(minutes=schedule.duration_minutes)
    found = []
    for naive in _rule(schedule).between(first, last, inc=True):
        start = localize(naive)
        if window_start <= start < window_end:
            # Add real time, not wall-clock time: a night shift over the October
            # change lasts as long as agreed (and matches F("starts_at") + length).
            end = (start.astimezone(UTC) + length).astimezone(AMSTERDAM)
            found.append((start, end))
    return found


def times_per_week(schedule: Schedule) -> float:
    f = schedule.frequency
    return {
        Frequency.ONCE: 0.0,
        Frequency.DAILY: 7.0,
        Frequency.WEEKDAYS: 5.0,
        Frequency.WEEKLY: float(len(schedule.days)),
        Frequency.BIWEEKLY: len(schedule.days) / 2,
        Frequency.MONTHLY: 12 / 52,
    }[f]


def hours_per_week(schedule: Schedule) -> float:
    """Average hours a week this schedule asks of the person doing it."""
    return times_per_week(schedule) * schedule.duration_minutes / 60


def ical_rrule(schedule: Schedule) -> dict | None:
    """The RFC 5545 RRULE as the `icalendar` package wants it; None for one-off tasks."""
    f = schedule.frequency
    if f == Frequency.ONCE:
        return None
    rule: dict = {}
    if f == Frequency.DAILY:
        rule["FREQ"] = "DAILY"
    elif f == Frequency.WEEKDAYS:
        rule.update(FREQ="WEEKLY", BYDAY=list(_ICAL_DAYS[:5]))
    elif f in (Frequency.WEEKLY, Frequency.BIWEEKLY):
        rule.update(FREQ="WEEKLY", BYDAY=[_ICAL_DAYS[d] for d in schedule.days])
        if f == Frequency.BIWEEKLY:
            rule["INTERVAL"] = 2
    else:
        rule.update(
            FREQ="MONTHLY", BYMONTHDAY=schedule.start.day if schedule.start.day <= 28 else -1
        )
    if schedule.until:
        rule["UNTIL"] = localize(datetime.combine(schedule.until, time(23, 59))).astimezone(UTC)
    return rule


def describe(schedule: Schedule) -> tuple[str, dict[str, object]]:
    """A Dutch template and its values, e.g. 'Elke week op maandag, om 09:00'.

    `days` in the values holds weekday templates: translate each, then join.
    """
    f = schedule.frequency
    values: dict[str, object] = {"time": schedule.at.strftime("%H:%M")}
    if f == Frequency.ONCE:
        values["date"] = schedule.start
        return _("Eén keer, op {date} om {time}"), values
    if f in (Frequency.WEEKLY, Frequency.BIWEEKLY):
        values["days"] = [WEEKDAY_LABELS[d] for d in schedule.days]
        if f == Frequency.WEEKLY:
            return _("Elke week op {days}, om {time}"), values
        return _("Om de week op {days}, om {time}"), values
    if f == Frequency.MONTHLY:
        if schedule.start.day > 28:
            return _("Elke maand op de laatste dag, om {time}"), values
        values["day"] = schedule.start.day
        return _("Elke maand op dag {day}, om {time}"), values
    if f == Frequency.WEEKDAYS:
        return _("Elke werkdag, om {time}"), values
    return _("Elke dag, om {time}"), values
