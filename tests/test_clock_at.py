"""bin/test-at's reading of an instant, and its refusal to run when the clock did not move."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.clock_at import check_process_clock, main, to_utc


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2026-12-04 23:30", "2026-12-04 22:30"),  # winter: +01:00
        ("2026-07-01 12:00", "2026-07-01 10:00"),  # summer: +02:00
        ("2027-03-28 02:30", "2027-03-28 01:30"),  # spring gap: offset from before
        ("2026-10-25 02:30", "2026-10-25 00:30"),  # repeated hour: the first 02:30
        ("2026-10-25 02:30+01:00", "2026-10-25 01:30"),  # ...or the second, by offset
        ("2028-02-29 12:00", "2028-02-29 11:00"),
    ],
)
def test_wall_clock_in_amsterdam_becomes_utc(text, utc):
    assert to_utc(text) == datetime.fromisoformat(utc).replace(tzinfo=UTC)


def test_prints_seconds_since_the_epoch(capsys):
    assert main(["clock_at", "2026-03-29 02:30"]) == 0
    assert capsys.readouterr().out.strip() == "1774747800"
    assert main(["clock_at", "vrijdag"]) == 2


def test_a_clock_that_did_not_move_is_a_problem():
    asked = to_utc("2026-12-04 23:30")
    epoch = str(int(asked.timestamp()))
    assert check_process_clock(epoch, now=asked + timedelta(seconds=30)) is None
    assert "expected 2026-12-04 22:30:00 UTC" in check_process_clock(
        epoch, now=asked - timedelta(hours=1)
    )
    assert check_process_clock(epoch, now=asked + timedelta(days=3)) is not None


def test_a_wrong_expected_instant_is_a_problem_not_a_crash():
    assert "not seconds since the epoch" in check_process_clock("vrijdag")


def test_frozen_now_stops_the_clock_and_today_is_the_amsterdam_date(frozen_now, today):
    import time
    from zoneinfo import ZoneInfo

    time.sleep(0.01)
    assert datetime.now(UTC) == frozen_now  # the clock stands still within the test
    assert today == frozen_now.astimezone(ZoneInfo("Europe/Amsterdam")).date()
