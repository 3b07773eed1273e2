"""The issue's end-to-end story in a real browser, with axe on the key pages."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests import factories

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def _assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def _fits_phone(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(factories.PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


@pytest.fixture
def scene(transactional_db):
    team = factories.OrganisationFactory(name="Wijkteam Noord")
    pro = factories.person_with_login(first_name="Pieter", last_name="Smit")
    pro.user.username = "pieter"
    pro.user.save()
    factories.EmploymentFactory(person=pro, organisation=team)
    client = factories.person_with_login(first_name="Greet", last_name="Bakker")
    client.user.username = "greet"
    client.user.save()
    circle = factories.make_circle(team=team, client=client, needed_domains=["household"])
    neighbour = factories.person_with_login(first_name="Bram", last_name="Visser")
    neighbour.user.username = "bram"
    neighbour.user.save()
    factories.add_member(circle, "carer", person=neighbour, relation="neighbour")
    return {"circle": circle}


def test_professional_maps_network_and_client_revokes_a_member(page, live_server, scene):
    circle = scene["circle"]
    page.set_viewport_size({"width": 360, "height": 760})

    page.goto(f"{live_server.url}/inloggen/")
    _assert_accessible(page)
    assert _fits_phone(page)

    # The professional opens the client from the start page.
    _login(page, live_server, "pieter")
    expect(page.get_by_role("heading", name="Mijn cliënten")).to_be_visible()
    page.get_by_role("link", name="Greet Bakker").click()
    expect(page.get_by_role("heading", name="Netwerk van Greet Bakker")).to_be_visible()

    # Adds a mantelzorger who carries a lot, by keyboard-friendly form controls.
    page.get_by_role("link", name="Iemand toevoegen").first.click()
    page.get_by_label("Voornaam").fill("Henk")
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("Rol in het netwerk").select_option("carer")
    page.get_by_label("Relatie met de cliënt").select_option("partner")
    page.get_by_label("Huishouden").check()
    page.get_by_label("Uren per week").fill("35")
    page.get_by_label("Heel dichtbij (ring 1)").check()
    page.get_by_label("Partner in de zorg").check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text("Henk Bakker staat nu in het netwerk.")).to_be_visible()
    ecogram = page.locator("figure.ecogram svg[role=img]")
    expect(ecogram).to_be_visible()
    expect(ecogram.locator("text", has_text="Henk")).to_have_count(1)
    expect(page.locator(".signal-high").first).to_be_visible()
    expect(page.locator(".signals")).to_contain_text(re.compile("Henk"))
    assert _fits_phone(page)
    _assert_accessible(page)

    page.get_by_role("button", name="Uitloggen").click()

    # The neighbour can look in, until the client revokes them.
    _login(page, live_server, "bram")
    page.goto(f"{live_server.url}/kring/{circle.pk}/")
    expect(page.get_by_role("heading", name="Netwerk van Greet Bakker")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    _login(page, live_server, "greet")
    page.get_by_role("link", name="Wie ziet wat").first.click()
    page.get_by_role("button", name="Toegang intrekken Bram Visser").click()
    expect(page.get_by_text("Bram Visser heeft vanaf nu geen toegang meer.")).to_be_visible()
    _assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    _login(page, live_server, "bram")
    response = page.goto(f"{live_server.url}/kring/{circle.pk}/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="Geen toegang")).to_be_visible()


def test_keyboard_only_login_and_navigation(page, live_server, scene):
    page.goto(f"{live_server.url}/inloggen/")
    # The username field has autofocus; type, tab, type, Enter: no mouse needed.
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    page.keyboard.type("pieter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Wachtwoord")).to_be_focused()
    page.keyboard.type(factories.PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mijn cliënten")).to_be_visible()

    # The skip link is the first stop and moves focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Tab on to the client's link and open it with Enter.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Greet Bakker":
            break
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Netwerk van Greet Bakker")).to_be_visible()
    outline = page.evaluate(
        """() => { const a = document.querySelector('.circle-nav a'); a.focus();
                   return getComputedStyle(a).outlineStyle; }"""
    )
    assert outline != "none"  # focus is visible
