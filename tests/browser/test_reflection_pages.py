"""Issue 7 so far in a real browser: axe on the thermometer and the profile pages."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from samenspel.teams.demo import add_demo_thermometer
from tests import factories
from tests.browser.test_care_circle_flow import _assert_accessible, _fits_phone, _login


@pytest.fixture
def scene(transactional_db):
    team = factories.OrganisationFactory(name="Wijkteam Noord")
    people = []
    for i, name in enumerate(("Lieke", "Ahmed", "Bea", "Cor", "Dewi")):
        person = factories.person_with_login(first_name=name)
        person.user.username = name.lower()
        person.user.save()
        factories.EmploymentFactory(person=person, organisation=team, is_team_lead=i == 0)
        people.append(person)
    add_demo_thermometer(team, people, people[0], dt.date.today())
    client = factories.person_with_login(first_name="Greet")
    client.user.username = "greet"
    client.user.save()
    circle = factories.make_circle(team=team, client=client)
    return {"team": team, "circle": circle}


def test_thermometer_and_profiles_are_accessible(page, live_server, scene):
    page.set_viewport_size({"width": 360, "height": 760})
    _login(page, live_server, "lieke")
    page.get_by_role("link", name="Teamthermometer van Wijkteam Noord").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("meter").first).to_be_visible()
    # The demo rounds have five answers: the spread in numbers is shown.
    results = page.locator(".thermo-factors").first
    expect(results).to_contain_text(
        re.compile(r"antwoorden van \d,\d tot \d,\d \(\d+ antwoorden\)")
    )
    expect(results).not_to_contain_text("sd ")
    expect(page.locator("table")).to_have_count(0)
    _assert_accessible(page)
    assert _fits_phone(page)

    page.context.clear_cookies()
    _login(page, live_server, "greet")
    page.goto(f"{live_server.url}/kring/{scene['circle'].pk}/profielen/")
    _assert_accessible(page)
    page.goto(f"{live_server.url}/kring/{scene['circle'].pk}/profielen/invullen/")
    _assert_accessible(page)
    assert _fits_phone(page)
