"""Equality reflection in a real browser: a team round answered and closed, the
side-by-side results of a closed round with a gap, and a client's circle round;
axe on every page and the answer form and results on a 360 px screen."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samenspel.reflection.demo import add_demo_reflection
from samenspel.reflection.models import ReflectionResponse, ReflectionRound
from tests import factories
from tests.browser.test_care_circle_flow import _assert_accessible, _fits_phone, _login

STATEMENTS = 23  # items in reflection/instruments/reflection.json


def _user(first_name, username, **kwargs):
    person = factories.person_with_login(first_name=first_name, **kwargs)
    person.user.username = username
    person.user.save()
    return person


@pytest.fixture
def scene(transactional_db):
    team = factories.OrganisationFactory(name="Wijkteam Noord")
    for i, name in enumerate(("Lieke", "Ahmed", "Bea", "Cor")):
        factories.EmploymentFactory(
            person=_user(name, name.lower()), organisation=team, is_team_lead=i == 0
        )
    for _ in range(6):
        circle = factories.make_circle(team=team)
        factories.add_member(circle, "carer")
        factories.add_member(circle, "volunteer")
    demo = add_demo_reflection(team, timezone.localdate())
    client = _user("Greet", "greet", last_name="Bakker")
    circle = factories.make_circle(team=team, client=client)
    return {"team": team, "demo": demo, "circle": circle}


def _overhang(page) -> list[float]:
    """How far each table sticks out past its card's content box, in px (<= 0 fits)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('section.card table')].map(t => {
            const card = t.closest('.card'), cs = getComputedStyle(card);
            const inner = card.getBoundingClientRect().right
                - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth);
            return t.getBoundingClientRect().right - inner;
        })"""
    )


def _logout(page):
    page.get_by_role("button", name="Uitloggen").click()


def _answer(page, numbers, label="Mee eens"):
    for n in numbers:
        page.locator("fieldset.burden-item").nth(n).get_by_label(label, exact=True).check()


def test_team_round_answered_closed_and_results_side_by_side(page, live_server, scene):
    team, demo = scene["team"], scene["demo"]
    page.set_viewport_size({"width": 360, "height": 760})

    # The team lead starts a round; an empty name gets a Dutch error first.
    _login(page, live_server, "lieke")
    page.get_by_role("link", name="Reflectie op gelijkwaardigheid in Wijkteam Noord").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hoe gelijkwaardig werkt Wijkteam Noord samen?"
    )
    _assert_accessible(page)
    assert _fits_phone(page)
    page.get_by_role("button", name="Vragenlijst starten").click()
    expect(page.get_by_text("Geef de vragenlijst een naam").first).to_be_visible()
    name = page.get_by_label("Naam (bijvoorbeeld: voorjaar 2027)")
    expect(name).to_have_attribute("aria-invalid", "true")
    _assert_accessible(page)
    assert _fits_phone(page)
    name.fill("Najaar")
    page.get_by_role("button", name="Vragenlijst starten").click()
    expect(page.get_by_text("De ronde is geopend.")).to_be_visible()
    _logout(page)

    # A team member answers: first incomplete (the error lists what is missing).
    _login(page, live_server, "ahmed")
    page.get_by_role("link", name="Reflectie op gelijkwaardigheid in Wijkteam Noord").click()
    _assert_accessible(page)
    page.get_by_role("link", name="Vul in").click()
    expect(page.locator("fieldset.burden-item")).to_have_count(STATEMENTS)
    _assert_accessible(page)
    assert _fits_phone(page)
    _answer(page, range(0, 20))
    page.get_by_role("button", name="Insturen").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("U hebt 3 uitspraken nog niet beantwoord.")
    expect(summary.get_by_role("link")).to_have_count(3)
    missing = page.locator("fieldset.burden-item-error")
    expect(missing).to_have_count(3)
    expect(missing.first).to_have_attribute("aria-describedby", re.compile("^fout-"))
    # The 20 given answers are kept.
    expect(page.locator("input[type=radio]:checked")).to_have_count(20)
    _assert_accessible(page)
    assert _fits_phone(page)
    _answer(page, range(20, STATEMENTS), label="Helemaal mee eens")
    page.get_by_role("button", name="Insturen").click()
    expect(page.get_by_text("Dank u wel. Uw antwoorden zijn ingestuurd.")).to_be_visible()
    expect(page.get_by_text("U hebt uw antwoorden ingestuurd.")).to_be_visible()
    new_round = ReflectionRound.objects.get(team=team, title="Najaar")
    sent = ReflectionResponse.objects.get(round=new_round, submitted_at__isnull=False)
    assert len(sent.answers) == STATEMENTS
    _logout(page)

    # The lead closes it; with one answer nothing can be compared.
    _login(page, live_server, "lieke")
    page.goto(f"{live_server.url}/team/{team.pk}/reflectie/")
    page.get_by_role("button", name="Ronde sluiten en uitkomst tonen").click()
    expect(page.get_by_text("De ronde is gesloten.")).to_be_visible()
    expect(page.get_by_text("Er zijn nog niet genoeg antwoorden")).to_be_visible()
    expect(page.get_by_text("Te weinig antwoorden").first).to_be_visible()
    expect(
        page.get_by_text("Een groep met minder dan 3 antwoorden ziet u niet apart.")
    ).to_have_count(1)
    _assert_accessible(page)

    # The demo round (>= 3 answers per party, a gap): groups side by side, gap in words.
    page.goto(f"{live_server.url}/team/{team.pk}/reflectie/")
    page.get_by_role("link", name="Bekijk de uitkomst").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(demo.title)
    gaps = page.locator("section[aria-labelledby=verschillen-h]")
    expect(gaps.get_by_role("heading", name="Hier kijken de groepen verschillend")).to_be_visible()
    expect(gaps.get_by_role("link", name="Zeggenschap", exact=False)).to_be_visible()
    say = page.locator("#dim-zeggenschap")
    expect(say.locator(".badge-high")).to_have_text("groot verschil")
    for party in ("Professionals", "Mantelzorgers", "Vrijwilligers"):
        expect(say.get_by_role("rowheader", name=party)).to_be_visible()
    expect(say).to_contain_text(
        re.compile(r"Groot verschil: \d,\d punt\. Professionals zijn het meest positief")
    )
    expect(say).to_contain_text("mantelzorgers het minst")
    expect(say.get_by_role("heading", name="Om samen over te praten")).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)
    overhang = _overhang(page)
    assert overhang and max(overhang) <= 0.5, overhang  # every table inside its card


def test_client_opens_a_round_in_her_circle(page, live_server, scene):
    circle = scene["circle"]
    page.set_viewport_size({"width": 360, "height": 760})
    _login(page, live_server, "greet")
    page.goto(f"{live_server.url}/kring/{circle.pk}/")
    page.get_by_role("link", name="Reflectie op gelijkwaardigheid").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hoe gelijkwaardig werken we samen rond Greet Bakker?"
    )
    expect(page.get_by_text("Er is nog geen ronde geweest.")).to_be_visible()
    # The team's round is closed: a link to its outcome, no "doe mee".
    expect(page.get_by_role("link", name=re.compile("Doe mee"))).to_have_count(0)
    expect(
        page.get_by_role("link", name="Bekijk de uitkomst van de reflectie van het wijkteam.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Nieuwe vragenlijst starten")).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)
    name = page.get_by_label("Naam (bijvoorbeeld: voorjaar 2027)")
    # Full width like the other forms' fields, not a small browser default.
    card = page.locator("section.card", has=name)
    assert name.bounding_box()["width"] > card.bounding_box()["width"] * 0.8
    name.fill("Voorjaar")
    page.get_by_role("button", name="Vragenlijst starten").click()
    expect(page.get_by_text("De ronde is geopend.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Voorjaar"))).to_be_visible()
    assert ReflectionRound.objects.get(circle=circle).title == "Voorjaar"
    _assert_accessible(page)

    page.get_by_role("link", name="Vul in").click()
    expect(page.get_by_text("U hoort bij de groep:")).to_contain_text("Cliënt en vertegenwoordiger")
    _assert_accessible(page)
    assert _fits_phone(page)
