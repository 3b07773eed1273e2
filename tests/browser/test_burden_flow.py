"""A mantelzorger fills in the Caregiver Strain Index on a phone: the draft
survives leaving the page (autosave), the result is explained, axe is clean."""

import re

import pytest
from playwright.sync_api import expect

from samenspel.burden import catalogue
from samenspel.burden.models import Screening
from samenspel.organisations.models import Organisation
from tests import factories
from tests.browser.test_care_circle_flow import _assert_accessible, _fits_phone, _login


@pytest.fixture
def scene(transactional_db):
    team = factories.OrganisationFactory(name="Wijkteam Noord")
    Organisation.objects.create(name="Steunpunt Mantelzorg Noord", kind="carer_support")
    client = factories.person_with_login(first_name="Greet", last_name="Bakker")
    circle = factories.make_circle(team=team, client=client)
    henk = factories.person_with_login(first_name="Henk", last_name="Bakker")
    henk.user.username = "henk"
    henk.user.save()
    member = factories.add_member(circle, "carer", person=henk, relation="partner")
    return {"circle": circle, "member": member}


def _answer(page, item_id, label):
    """Choose an answer and wait until the autosave request has stored it."""
    with page.expect_response(lambda r: "/bewaar/" in r.url and r.status == 204):
        page.locator(f"#vraag-{item_id}").get_by_label(label, exact=True).check()


def test_carer_fills_in_the_csi_on_a_phone_and_the_draft_survives(page, live_server, scene):
    circle = scene["circle"]
    items = [it.id for it in catalogue.get("csi").items]
    page.set_viewport_size({"width": 360, "height": 760})
    _login(page, live_server, "henk")

    page.goto(f"{live_server.url}/kring/{circle.pk}/belasting/")
    expect(page.get_by_role("heading", name="Hoe zwaar is de zorg?")).to_be_visible()
    assert _fits_phone(page)
    _assert_accessible(page)
    page.locator("#lijst-csi").get_by_role("button", name=re.compile("Beginnen")).click()

    expect(page.get_by_role("heading", name="Caregiver Strain Index")).to_be_visible()
    assert _fits_phone(page)
    _assert_accessible(page)
    for item in items[:4]:
        _answer(page, item, "Ja")
    _answer(page, items[4], "Nee")
    expect(page.get_by_role("status").filter(has_text="Uw antwoord is bewaard.")).to_be_visible()

    # Reload, then come back through the overview as if the page had been closed.
    page.reload()
    page.goto(f"{live_server.url}/kring/{circle.pk}/belasting/")
    page.get_by_role("link", name=re.compile("Verder invullen")).click()
    for item in items[:4]:
        expect(page.locator(f"#vraag-{item}").get_by_label("Ja", exact=True)).to_be_checked()
    expect(page.locator(f"#vraag-{items[4]}").get_by_label("Nee", exact=True)).to_be_checked()
    expect(page.locator(f"#vraag-{items[5]}").get_by_label("Ja", exact=True)).not_to_be_checked()
    expect(page.locator(f"#vraag-{items[5]}").get_by_label("Nee", exact=True)).not_to_be_checked()

    # "Klaar" too early lists what is still open, in Dutch.
    page.get_by_role("button", name="Klaar").click()
    expect(page.get_by_role("alert")).to_contain_text("U hebt 8 vragen nog niet beantwoord.")
    assert _fits_phone(page)
    _assert_accessible(page)
    expect(page.locator(f"#vraag-{items[0]}").get_by_label("Ja", exact=True)).to_be_checked()

    for item in items[5:]:
        _answer(page, item, "Nee")
    page.get_by_role("button", name="Klaar").click()

    expect(page.get_by_role("heading", name="Uw uitslag: CSI")).to_be_visible()
    expect(page.get_by_role("heading", name="Geen hoge belasting")).to_be_visible()
    expect(page.get_by_text("Score: 4 van de 13")).to_be_visible()
    expect(page.get_by_text("Steunpunt Mantelzorg Noord")).to_be_visible()
    assert _fits_phone(page)
    _assert_accessible(page)
    screening = Screening.objects.get(member=scene["member"])
    assert screening.status == "completed"
    assert float(screening.total) == 4.0

    page.get_by_role("link", name="Bekijk de scores door de tijd").click()
    expect(page.locator("svg[role=img]")).to_have_count(1)
    assert _fits_phone(page)
    _assert_accessible(page)
