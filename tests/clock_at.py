"""Turn a wall-clock instant in Europe/Amsterdam into the instant libfaketime reads.

Used by ``bin/test-at``: ``python -m tests.clock_at "2026-03-29 02:30"`` prints
``1774747800``, seconds since the epoch (01:30 UTC). Not a date string: libfaketime reads
one in the local time zone of each process, and Django sets TZ, so pytest-xdist workers
would land an hour off. Kept beside the tests because only the clock runs need it.
"""

import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# How far the process clock may be past the instant asked for when the check runs:
# the clock keeps ticking while pytest and its workers start.
STARTUP_SLACK = timedelta(minutes=10)


def to_utc(text: str) -> datetime:
    """Read ``YYYY-MM-DD HH:MM[:SS][+HH:MM]``; without an offset it is Amsterdam time.

    A time that does not exist (the spring gap) keeps the offset from before the change,
    as ``zoneinfo`` does with fold=0; a repeated time (autumn) is its first occurrence
    unless an offset says otherwise.
    """
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment.astimezone(UTC)


def check_process_clock(expected_epoch: str, now: datetime | None = None) -> str | None:
    """Return a problem when this process does not see the moved clock, else None."""
    try:
        expected = datetime.fromtimestamp(int(expected_epoch), UTC)
    except (ValueError, OverflowError):
        return f"SAMENSPEL_EXPECTED_NOW={expected_epoch!r} is not seconds since the epoch"
    now = now or datetime.now(UTC)
    if not expected <= now <= expected + STARTUP_SLACK:
        stamp = "%Y-%m-%d %H:%M:%S UTC"
        return f"the process clock says {now:{stamp}}, expected {expected:{stamp}}"
    return None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m tests.clock_at 'YYYY-MM-DD HH:MM[+HH:MM]'", file=sys.stderr)
        return 2
    try:
        print(int(to_utc(argv[1]).timestamp()))
    except ValueError as error:
        print(f"not an instant: {argv[1]!r} ({error})", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
