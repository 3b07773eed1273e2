import os
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.clock_at import check_process_clock


def pytest_configure(config):
    """Under ``bin/test-at`` refuse to run when the clock did not move (no false green)."""
    expected = os.environ.get("SAMENSPEL_EXPECTED_NOW")
    if expected and (problem := check_process_clock(expected)):
        raise pytest.UsageError(f"bin/test-at: the clock did not move as asked: {problem}")


def pytest_report_header(config):
    now = datetime.now(UTC).astimezone(ZoneInfo("Europe/Amsterdam"))
    return f"clock: {now:%A %Y-%m-%d %H:%M %Z} (Europe/Amsterdam)"


@pytest.fixture
def frozen_now(time_machine):
    """Stop the clock for one test at the instant it starts, and return that instant.

    For tests that compare a date the product stored with "today": a run that crosses
    midnight would otherwise see two days. The instant is the process clock's, so the
    clock runs of ``bin/test-at`` still test the product at midnight, on a daylight
    saving night or on a leap day.
    """
    now = datetime.now(UTC)
    time_machine.move_to(now, tick=False)
    return now


@pytest.fixture
def today(frozen_now):
    """Today in Amsterdam, with the clock stopped so it stays today."""
    return frozen_now.astimezone(ZoneInfo("Europe/Amsterdam")).date()


# Factories import Django models: load them inside fixtures so that the plain
# domain tests (tests/domain) also run without Django.


@pytest.fixture
def team():
    from tests import factories

    return factories.OrganisationFactory(name="Wijkteam Noord")


@pytest.fixture
def other_team():
    from tests import factories

    return factories.OrganisationFactory(name="Wijkteam Zuid")


@pytest.fixture
def world(team, other_team):
    """One circle with every kind of user around it (see the authorization matrix)."""
    from tests import factories

    client = factories.person_with_login(first_name="Greet", last_name="Bakker")
    circle = factories.make_circle(team=team, client=client, needed_domains=["household"])
    carer = factories.add_member(
        circle,
        "carer",
        person=factories.person_with_login(first_name="Ans"),
        hours_per_week=30,
        contact_frequency="daily",
        domains=["household", "personal_care"],
        sofa_roles=["partner", "help_seeker"],
    )
    volunteer = factories.add_member(
        circle,
        "volunteer",
        person=factories.person_with_login(first_name="Vera"),
        hours_per_week=2,
        domains=["company"],
    )
    revoked = factories.add_member(
        circle,
        "carer",
        person=factories.person_with_login(first_name="Rob"),
        status="revoked",
        revoked_at="2026-11-01T09:00:00+01:00",
    )
    map_only = factories.add_member(
        circle,
        "carer",
        person=factories.person_with_login(first_name="Mia"),
        access_level="map_only",
        relation="neighbour",
    )
    pro_team = factories.person_with_login(first_name="Pieter")
    factories.EmploymentFactory(person=pro_team, organisation=team)
    pro_other = factories.person_with_login(first_name="Olga")
    factories.EmploymentFactory(person=pro_other, organisation=other_team)
    return {
        "circle": circle,
        "users": {
            "client": client.user,
            "carer": carer.person.user,
            "volunteer": volunteer.person.user,
            "revoked": revoked.person.user,
            "map_only": map_only.person.user,
            "pro_team": pro_team.user,
            "pro_other": pro_other.user,
        },
        "members": {
            "carer": carer,
            "volunteer": volunteer,
            "revoked": revoked,
            "map_only": map_only,
        },
    }


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttling counters live in the cache; no test inherits another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
