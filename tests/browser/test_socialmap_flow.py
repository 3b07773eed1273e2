"""Issue 5 in a real browser: search the sociale kaart, refer, update the status; axe."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from samenspel.socialmap.models import Offer, Referral
from tests import factories
from tests.browser.test_care_circle_flow import _assert_accessible, _fits_phone, _login


@pytest.fixture
def scene(transactional_db):
    team = factories.OrganisationFactory(name="Wijkteam Noord")
    pro = factories.person_with_login(first_name="Pieter", last_name="Smit")
    pro.user.username = "pieter"
    pro.user.save()
    factories.EmploymentFactory(person=pro, organisation=team)
    client = factories.person_with_login(first_name="Greet", last_name="Bakker")
    circle = factories.make_circle(team=team, client=client)
    circle.wijk = "Lindeveen-Noord"
    circle.save()
    henk = factories.add_member(circle, "carer", hours_per_week=35, relation="partner")
    support = factories.OrganisationFactory(name="Steunpunt Mantelzorg", kind="carer_support")
    offer = Offer(
        organisation=support,
        name="Mantelzorgcafé Noord",
        description="Elke maand praten met andere mantelzorg-gevers, met koffie.",
        categories=["carer_support"],
        wijken=["Lindeveen-Noord"],
        contact_name="Joke de Wit",
        last_verified=dt.date.today(),
    )
    offer.save()
    return {"circle": circle, "henk": henk, "offer": offer}


def test_professional_searches_refers_and_updates_the_status(page, live_server, scene):
    circle, henk = scene["circle"], scene["henk"]
    page.set_viewport_size({"width": 360, "height": 760})
    _login(page, live_server, "pieter")

    page.goto(f"{live_server.url}/sociale-kaart/?kring={circle.pk}")
    page.get_by_label("Zoek op woorden").fill("mantelzorgers")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Mantelzorgcafé Noord", exact=True)).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)

    page.get_by_role("link", name="Verwijs naar Mantelzorgcafé Noord").click()
    page.get_by_label("Voor wie is de verwijzing?").select_option(str(henk.pk))
    page.get_by_label("Waarom verwijst u naar dit aanbod?").fill(
        "Henk zorgt bijna alleen voor Greet en wil andere mantelzorgers spreken."
    )
    _assert_accessible(page)
    page.get_by_role("button", name="Verwijzing opslaan").click()

    referral = Referral.objects.get()
    assert referral.member == henk and referral.status == "proposed"
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mantelzorgcafé Noord")
    _assert_accessible(page)
    assert _fits_phone(page)

    page.get_by_role("radio", name="Aangemeld").check()
    page.get_by_role("textbox", name="Notitie").fill(
        "Aangemeld bij Joke, eerste keer op 3 december."
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Aangemeld bij Joke, eerste keer op 3 december.")).to_be_visible()
    referral.refresh_from_db()
    assert referral.status == "registered"
    _assert_accessible(page)
