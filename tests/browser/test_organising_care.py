"""Issue 3 in a real browser: agreements with warnings, claiming open tasks,
the block on a voorbehouden handeling, and axe on the agreements and agenda pages."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.test_care_circle_flow import _assert_accessible, _fits_phone, _login


def _user(person, username):
    person.user.username = username
    person.user.save()
    return person


@pytest.fixture
def scene(transactional_db):
    team = factories.OrganisationFactory(name="Wijkteam Noord")
    client = _user(factories.person_with_login(first_name="Greet", last_name="Bakker"), "greet")
    circle = factories.make_circle(team=team, client=client)
    henk = factories.add_member(
        circle,
        "carer",
        person=_user(factories.person_with_login(first_name="Henk", last_name="Bakker"), "henk"),
        relation="partner",
    )
    vera = factories.add_member(
        circle,
        "volunteer",
        person=_user(factories.person_with_login(first_name="Vera", last_name="Smit"), "vera"),
    )
    nurse = factories.add_member(circle, "professional", big_registered=True)
    circle.coordinator = henk
    circle.save()
    return {"circle": circle, "henk": henk, "vera": vera, "nurse": nurse}


def test_mantelzorger_makes_an_agreement_and_confirms_the_warning(page, live_server, scene):
    circle = scene["circle"]
    factories.make_agreement(
        circle,
        "Insuline spuiten",
        performer=scene["nurse"],
        authority=scene["nurse"],
        frequency="daily",
        backup=None,
    )
    page.set_viewport_size({"width": 360, "height": 760})
    _login(page, live_server, "henk")
    page.goto(f"{live_server.url}/kring/{circle.pk}/afspraken/")
    expect(page.get_by_role("heading", name="Afspraken rond Greet Bakker")).to_be_visible()
    expect(page.get_by_text("Professionele verantwoordelijkheid")).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)

    page.get_by_role("link", name="Nieuwe afspraak").click()
    page.get_by_label("Welke taak?").select_option(label="Boodschappen doen")
    page.get_by_label("Wie doet het?").select_option(label="Henk Bakker (mantelzorger)")
    page.get_by_label("Hoe vaak?").select_option("weekly")
    for day in ("maandag", "dinsdag", "woensdag", "vrijdag", "zaterdag", "zondag"):
        page.get_by_label(day, exact=True).uncheck()
    page.get_by_label("donderdag", exact=True).check()
    page.get_by_label("Hoe laat?").fill("10:30")
    _assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()

    # The warning comes first; saving again means "we talked about it".
    expect(page.get_by_role("heading", name="Let op, voordat u opslaat")).to_be_visible()
    expect(page.get_by_text("niemand die kan invallen")).to_be_visible()
    _assert_accessible(page)
    page.get_by_role("button", name="Toch opslaan").click()
    expect(page.get_by_text("De afspraak is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Elke week op donderdag, om 10:30")).to_be_visible()
    _assert_accessible(page)

    page.goto(f"{live_server.url}/kring/{circle.pk}/werkplan/")
    expect(page.get_by_role("heading", name="Werkplan rond Greet Bakker")).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)


def test_mantelzorger_claims_an_open_task_and_a_volunteer_is_blocked(page, live_server, scene):
    from samenspel.agenda.models import Occurrence

    circle = scene["circle"]
    factories.make_agreement(circle, "Boodschappen doen", frequency="weekly", weekdays=[0, 3])
    factories.make_agreement(
        circle, "Insuline spuiten", authority=scene["nurse"], frequency="daily"
    )
    page.set_viewport_size({"width": 360, "height": 760})

    # The mantelzorger finds an open shopping task in the agenda and takes it.
    _login(page, live_server, "henk")
    page.goto(f"{live_server.url}/kring/{circle.pk}/")
    page.get_by_role("link", name="Agenda", exact=True).click()
    for view in ("week", "maand", "lijst"):
        page.goto(f"{live_server.url}/kring/{circle.pk}/agenda/?weergave={view}")
        _assert_accessible(page)
        assert _fits_phone(page), view
    page.get_by_role("link", name="Boodschappen doen").first.click()
    page.get_by_role("button", name="Ik doe het").click()
    expect(page.get_by_text("Dank u wel! U doet nu: Boodschappen doen")).to_be_visible()
    _assert_accessible(page)
    taken = Occurrence.objects.filter(agreement__task__name="Boodschappen doen")
    assert taken.filter(assignee=scene["henk"]).count() == 1

    # The volunteer tries to take an insulin injection: blocked, with the reason.
    page.context.clear_cookies()
    _login(page, live_server, "vera")
    insulin = Occurrence.objects.filter(agreement__task__name="Insuline spuiten").first()
    page.goto(f"{live_server.url}/kring/{circle.pk}/agenda/{insulin.pk}/")
    page.get_by_role("button", name="Ik doe het").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Dit mag u niet doen")
    expect(alert).to_contain_text("voorbehouden handeling (Wet BIG)")
    expect(alert).to_contain_text("warme overdracht")
    _assert_accessible(page)
    insulin.refresh_from_db()
    assert insulin.assignee is None
