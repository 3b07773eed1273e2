"""Recurrence in Dutch local time: wall-clock times hold across daylight saving.

Europe/Amsterdam switches to summer time on 2026-03-29 (02:00 → 03:00) and back
on 2026-10-25 (03:00 → 02:00).
"""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from icalendar import vRecur

from samenspel.domain.recurrence import (
    AMSTERDAM,
    Frequency,
    Schedule,
    ical_rrule,
    localize,
    occurrences,
)

HOUR = timedelta(hours=1)
TWO_HOURS = timedelta(hours=2)


def window(first: date, last: date):
    """Aware bounds from `first` 00:00 up to the day after `last`, local time."""
    return (
        localize(datetime.combine(first, time())),
        localize(datetime.combine(last + timedelta(days=1), time())),
    )


def starts(schedule: Schedule, first: date, last: date) -> list[datetime]:
    return [s for s, _end in occurrences(schedule, *window(first, last))]


def test_weekly_0900_stays_0900_over_spring_forward():
    monday_0900 = Schedule(Frequency.WEEKLY, date(2026, 3, 16), time(9), weekdays=(0,))
    found = starts(monday_0900, date(2026, 3, 16), date(2026, 4, 6))
    assert [s.date() for s in found] == [
        date(2026, 3, 16),
        date(2026, 3, 23),
        date(2026, 3, 30),
        date(2026, 4, 6),
    ]
    assert {s.astimezone(AMSTERDAM).time() for s in found} == {time(9)}
    before, after = found[1], found[2]
    assert before.utcoffset() == HOUR and after.utcoffset() == TWO_HOURS
    assert before.astimezone(UTC).time() == time(8)
    assert after.astimezone(UTC).time() == time(7)
    # A week apart on the wall clock is one hour less than 7 x 24 hours in real time.
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(days=7) - HOUR


def test_weekly_0900_stays_0900_over_fall_back():
    found = starts(
        Schedule(Frequency.WEEKLY, date(2026, 10, 1), time(9), weekdays=(0,)),
        date(2026, 10, 19),
        date(2026, 10, 26),
    )
    assert [s.date() for s in found] == [date(2026, 10, 19), date(2026, 10, 26)]
    assert [s.utcoffset() for s in found] == [TWO_HOURS, HOUR]
    assert [s.astimezone(UTC).time() for s in found] == [time(7), time(8)]
    assert found[1].astimezone(UTC) - found[0].astimezone(UTC) == timedelta(days=7) + HOUR


def test_time_in_the_spring_gap_moves_forward_to_0330():
    daily_0230 = Schedule(Frequency.DAILY, date(2026, 3, 27), time(2, 30), duration_minutes=60)
    found = occurrences(daily_0230, *window(date(2026, 3, 28), date(2026, 3, 30)))
    local = [(s.astimezone(AMSTERDAM).replace(tzinfo=None), s.utcoffset()) for s, _ in found]
    assert local == [
        (datetime(2026, 3, 28, 2, 30), HOUR),
        (datetime(2026, 3, 29, 3, 30), TWO_HOURS),  # 02:30 does not exist that night
        (datetime(2026, 3, 30, 2, 30), TWO_HOURS),
    ]
    gap_start, gap_end = found[1]
    assert gap_end.astimezone(UTC) - gap_start.astimezone(UTC) == HOUR  # real time


def test_ambiguous_time_in_the_autumn_takes_the_summer_time_moment():
    found = starts(
        Schedule(Frequency.ONCE, date(2026, 10, 25), time(2, 30)),
        date(2026, 10, 25),
        date(2026, 10, 25),
    )
    assert len(found) == 1
    assert found[0].utcoffset() == TWO_HOURS
    assert found[0].astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_biweekly_on_two_days_skips_every_other_week_across_dst():
    schedule = Schedule(Frequency.BIWEEKLY, date(2026, 3, 17), time(14), weekdays=(1, 3))
    found = starts(schedule, date(2026, 3, 16), date(2026, 4, 19))
    assert [s.date() for s in found] == [
        date(2026, 3, 17),
        date(2026, 3, 19),
        date(2026, 3, 31),
        date(2026, 4, 2),
        date(2026, 4, 14),
        date(2026, 4, 16),
    ]
    assert {s.astimezone(AMSTERDAM).time() for s in found} == {time(14)}


def test_biweekly_without_chosen_days_uses_the_start_day():
    schedule = Schedule(Frequency.BIWEEKLY, date(2026, 3, 18), time(10))
    found = starts(schedule, date(2026, 3, 1), date(2026, 4, 30))
    assert [s.date() for s in found] == [
        date(2026, 3, 18),
        date(2026, 4, 1),
        date(2026, 4, 15),
        date(2026, 4, 29),
    ]


def test_monthly_on_day_31_uses_the_last_day_of_short_months():
    schedule = Schedule(Frequency.MONTHLY, date(2026, 1, 31), time(11))
    found = starts(schedule, date(2026, 1, 1), date(2026, 6, 30))
    assert [s.date() for s in found] == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
        date(2026, 5, 31),
        date(2026, 6, 30),
    ]
    assert [s.utcoffset() for s in found[2:4]] == [TWO_HOURS, TWO_HOURS]
    assert found[1].utcoffset() == HOUR


def test_monthly_on_day_15():
    found = starts(
        Schedule(Frequency.MONTHLY, date(2026, 2, 15), time(9)), date(2026, 1, 1), date(2026, 4, 30)
    )
    assert [s.date() for s in found] == [date(2026, 2, 15), date(2026, 3, 15), date(2026, 4, 15)]


def test_weekdays_skip_the_weekend_and_end_date_is_inclusive():
    schedule = Schedule(Frequency.WEEKDAYS, date(2026, 3, 26), time(8), until=date(2026, 3, 31))
    found = starts(schedule, date(2026, 3, 1), date(2026, 4, 30))
    assert [s.date() for s in found] == [
        date(2026, 3, 26),
        date(2026, 3, 27),
        date(2026, 3, 30),
        date(2026, 3, 31),
    ]


def test_window_includes_its_start_and_excludes_its_end():
    schedule = Schedule(Frequency.DAILY, date(2026, 5, 1), time(9))
    first = localize(datetime(2026, 5, 2, 9))
    found = occurrences(schedule, first, localize(datetime(2026, 5, 4, 9)))
    assert [s for s, _ in found] == [first, localize(datetime(2026, 5, 3, 9))]


def test_once_happens_once():
    schedule = Schedule(Frequency.ONCE, date(2026, 6, 1), time(10))
    assert len(starts(schedule, date(2026, 1, 1), date(2026, 12, 31))) == 1
    assert ical_rrule(schedule) is None


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (
            Schedule(Frequency.DAILY, date(2026, 3, 1), time(9)),
            {"FREQ": "DAILY"},
        ),
        (
            Schedule(Frequency.WEEKDAYS, date(2026, 3, 1), time(9)),
            {"FREQ": "WEEKLY", "BYDAY": ["MO", "TU", "WE", "TH", "FR"]},
        ),
        (
            Schedule(Frequency.WEEKLY, date(2026, 3, 2), time(9), weekdays=(4, 0)),
            {"FREQ": "WEEKLY", "BYDAY": ["MO", "FR"]},
        ),
        (
            Schedule(Frequency.BIWEEKLY, date(2026, 3, 3), time(9)),
            {"FREQ": "WEEKLY", "BYDAY": ["TU"], "INTERVAL": 2},
        ),
        (
            Schedule(Frequency.MONTHLY, date(2026, 1, 31), time(9)),
            {"FREQ": "MONTHLY", "BYMONTHDAY": -1},
        ),
        (
            Schedule(Frequency.MONTHLY, date(2026, 1, 12), time(9)),
            {"FREQ": "MONTHLY", "BYMONTHDAY": 12},
        ),
    ],
)
def test_ical_rrule(schedule, expected):
    assert ical_rrule(schedule) == expected


def test_ical_rrule_until_is_the_end_of_the_last_local_day_in_utc():
    rule = ical_rrule(
        Schedule(Frequency.WEEKLY, date(2026, 3, 2), time(9), weekdays=(0,), until=date(2026, 4, 6))
    )
    # 23:59 summer time in Amsterdam is 21:59 UTC.
    assert rule["UNTIL"] == datetime(2026, 4, 6, 21, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    "schedule",
    [
        Schedule(
            Frequency.WEEKLY, date(2026, 3, 2), time(9), weekdays=(0, 3), until=date(2026, 5, 4)
        ),
        Schedule(Frequency.BIWEEKLY, date(2026, 10, 6), time(2, 30), weekdays=(6,)),
        Schedule(Frequency.MONTHLY, date(2026, 1, 31), time(18)),
        Schedule(Frequency.WEEKDAYS, date(2026, 3, 20), time(7, 45)),
    ],
)
def test_ical_rrule_gives_a_calendar_app_the_same_days_as_our_agenda(schedule):
    """A phone expanding our RRULE from the first start finds the same local moments."""
    text = vRecur(ical_rrule(schedule)).to_ical().decode()
    dtstart = localize(datetime.combine(schedule.start, schedule.at))
    first, last = window(date(2026, 1, 1), date(2026, 12, 31))
    theirs = [
        localize(d.replace(tzinfo=None))
        for d in rrulestr(text, dtstart=dtstart.replace(tzinfo=AMSTERDAM))
        if first <= d < last
    ]
    ours = [s for s, _ in occurrences(schedule, first, last)]
    assert ours
    assert [s.astimezone(AMSTERDAM).date() for s in theirs] == [
        s.astimezone(AMSTERDAM).date() for s in ours
    ]
