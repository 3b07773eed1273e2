"""Volunteer coordinator pages in a real browser: intake with the weekly grid,
profile, volunteer agreement and its printable page, the volunteer's own page,
and WIFA (overview, one volunteer, an entry, the quick thank-you, the start
page block). axe on every page, also in the error state; 360 px screens."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samenspel.accounts.models import Person
from samenspel.volunteers.models import VolunteerProfile
from samenspel.wifa.models import WifaEntry
from tests import factories
from tests.browser.test_care_circle_flow import _assert_accessible, _fits_phone, _login
from tests.helprequests_support import volunteer_org


def _user(first, last, username, **kwargs):
    person = factories.person_with_login(first_name=first, last_name=last, **kwargs)
    person.user.username = username
    person.user.save()
    return person


def _grid_fits(page):
    """The weekly grid shows all three parts of the day without sideways scrolling."""
    scroll, width = page.evaluate(
        """() => { const box = document.querySelector('table.availability').parentElement;
                   return [box.scrollWidth, box.clientWidth]; }"""
    )
    return scroll <= width


def _within_phone_width(locator, width=360):
    """Not cut off at the right: the whole element lies inside a 360 px screen."""
    box = locator.bounding_box()
    return box["x"] >= 0 and box["x"] + box["width"] <= width


def _logout(page):
    page.get_by_role("button", name="Uitloggen").click()


@pytest.fixture
def scene(transactional_db):
    factories.care_task("Op bezoek gaan")  # the flush removed the catalogue
    org = volunteer_org("Vrijwilligerscentrale De Schakel")
    coordinator = _user("Wilma", "Kok", "wilma")
    factories.EmploymentFactory(
        person=coordinator, organisation=org, discipline="volunteer_coordinator"
    )
    # Someone already on record without an account or any other role: the intake
    # links to them by e-mail (someone with ties would get a new record instead).
    factories.PersonFactory(first_name="Vera", last_name="Vos", email="vera@example.nl")
    # A volunteer who started half a year ago and has had no attention since,
    # working with a professional in one client's circle.
    anouk = VolunteerProfile.objects.create(
        person=_user("Anouk", "Peters", "anouk"), organisation=org, skills=["company"]
    )
    VolunteerProfile.objects.filter(pk=anouk.pk).update(
        created_at=timezone.now() - dt.timedelta(days=200)
    )
    circle = factories.make_circle()
    factories.add_member(circle, "volunteer", person=anouk.person, organisation=org)
    factories.add_member(circle, "professional", person=factories.PersonFactory(first_name="Petra"))
    return {"org": org, "anouk": anouk}


def test_intake_profile_agreement_and_my_volunteering(page, live_server, scene):
    org = scene["org"]
    page.set_viewport_size({"width": 360, "height": 760})

    _login(page, live_server, "wilma")
    page.get_by_role("link", name="1 actieve vrijwilliger").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vrijwilligers van Vrijwilligerscentrale De Schakel"
    )
    # A card per volunteer: name, the "Let op" flags and the agreement all on screen.
    card = page.locator("ul.volunteer-cards > li", has_text="Anouk Peters")
    expect(card.get_by_role("link", name="Anouk Peters")).to_be_visible()
    for text in ("Let op:", "VOG ontbreekt of verlopen", "Afspraak:"):
        expect(card.get_by_text(text)).to_be_visible()
        assert _within_phone_width(card.get_by_text(text)), text
    _assert_accessible(page)
    assert _fits_phone(page)

    # Intake: a re-integration volunteer, first without the supervisor.
    page.get_by_role("link", name="Nieuwe vrijwilliger (intake)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe vrijwilliger (intake)")
    _assert_accessible(page)
    assert _fits_phone(page)
    assert _grid_fits(page)
    page.get_by_label("Voornaam").fill("Vera")
    page.get_by_label("Achternaam").fill("Vos")
    page.get_by_label("E-mailadres").fill("vera@example.nl")
    page.get_by_label("Via re-integratie").check()
    page.get_by_label("maandag ochtend").check()
    page.get_by_label("donderdag middag").check()
    page.get_by_label("Wijk").fill("Noord")
    page.get_by_role("button", name="Opslaan").click()

    error = "Vul de naam van de begeleider in. Bij deze soort vrijwilliger is een begeleider"
    expect(page.get_by_text(error).first).to_be_visible()
    supervisor = page.get_by_label("Begeleider:", exact=True)
    expect(supervisor).to_have_attribute("aria-invalid", "true")
    described = supervisor.get_attribute("aria-describedby") or ""
    assert any(error in (page.locator(f"#{i}").text_content() or "") for i in described.split()), (
        described
    )
    # Everything typed is kept, the grid too.
    expect(page.get_by_label("Voornaam")).to_have_value("Vera")
    expect(page.get_by_label("E-mailadres")).to_have_value("vera@example.nl")
    expect(page.get_by_label("Via re-integratie")).to_be_checked()
    expect(page.get_by_label("maandag ochtend")).to_be_checked()
    expect(page.get_by_label("donderdag middag")).to_be_checked()
    expect(page.get_by_label("dinsdag avond")).not_to_be_checked()
    expect(page.get_by_label("Wijk")).to_have_value("Noord")
    _assert_accessible(page)
    assert _fits_phone(page)
    assert _grid_fits(page)

    supervisor.fill("Sanne de Wit, UWV")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het profiel is aan die persoon gekoppeld.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vera Vos")
    profile = VolunteerProfile.objects.get(person__email="vera@example.nl")
    assert Person.objects.filter(email="vera@example.nl").count() == 1
    assert sorted(profile.availability) == ["0-morning", "3-afternoon"]
    assert profile.supervisor == "Sanne de Wit, UWV"
    _assert_accessible(page)
    assert _fits_phone(page)
    assert _grid_fits(page)

    # Volunteer agreement: a nursing task is not offered.
    page.get_by_role("link", name="Afspraak maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vera Vos: nieuwe afspraak")
    tasks = page.locator("fieldset[aria-describedby^=tasks_help]")
    expect(tasks.get_by_label("Op bezoek gaan")).to_be_visible()
    expect(tasks.get_by_label("Insuline spuiten")).to_have_count(0)
    # Each checkbox sits on the line of its own task name, not above it.
    box = tasks.get_by_label("Op bezoek gaan").bounding_box()
    text = tasks.locator("label", has_text="Op bezoek gaan").bounding_box()
    assert text["y"] <= box["y"] and box["y"] + box["height"] <= text["y"] + text["height"]
    page.get_by_text("Welke taken uit de takenlijst zijn dat?").click()
    expect(page.locator("details").get_by_text("Insuline spuiten")).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)
    tasks.get_by_label("Op bezoek gaan").check()
    page.get_by_label("Onkostenvergoeding").fill("€ 0,23 per km")
    page.get_by_role("button", name="Opslaan").click()

    # The printable agreement.
    expect(page.get_by_text("De afspraak is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vrijwilligersafspraak van Vera Vos")
    may = page.locator("section[aria-labelledby=may-title]")
    expect(may.get_by_text("Op bezoek gaan")).to_be_visible()
    expect(page.locator("section[aria-labelledby=maynot-title]")).to_contain_text("Insuline")
    expect(page.get_by_text("Sanne de Wit, UWV")).to_be_visible()
    expect(page.get_by_role("heading", name="Voor akkoord")).to_be_visible()
    expect(page.get_by_text("Dus ook niet:")).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)
    # Phones have no print button of their own: the page has one.
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("() => window.printed") == 1
    _logout(page)

    # Vera accepts an invitation (she gets a login) and sees her own page.
    profile.person.user = factories.UserFactory(username="vera")
    profile.person.save()
    _login(page, live_server, "vera")
    page.get_by_role("link", name=f"Mijn gegevens en afspraken bij {org.name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn vrijwilligerswerk")
    expect(page.get_by_role("heading", name="Mijn afspraak met de organisatie")).to_be_visible()
    expect(page.locator("section[aria-labelledby=agreement-title]")).to_contain_text(
        "Op bezoek gaan"
    )
    # Her own page speaks to her, and leads to her proposals.
    expect(page.get_by_role("heading", name="Wat kunt en wilt u doen?")).to_be_visible()
    expect(page.get_by_role("link", name="Mijn voorstellen")).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)
    assert _grid_fits(page)
    page.get_by_role("link", name="Afspraak bekijken en printen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vrijwilligersafspraak van Vera Vos")
    _assert_accessible(page)


def test_wifa_overview_entry_and_thank_you(page, live_server, scene):
    anouk = scene["anouk"]
    page.set_viewport_size({"width": 360, "height": 760})

    # The start page shows who needs attention.
    _login(page, live_server, "wilma")
    block = page.locator("section[aria-labelledby=wifa-home-h]")
    expect(
        block.get_by_role("heading", name="Vrijwilligers die aandacht nodig hebben")
    ).to_be_visible()
    expect(block.get_by_role("link", name=re.compile("Anouk Peters")).first).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)

    # The overview.
    page.get_by_role("link", name=re.compile("^Aandacht voor vrijwilligers")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aandacht voor vrijwilligers")
    expect(page.get_by_role("heading", name="De vier onderdelen van WIFA")).to_be_visible()
    # The four aspects are cards: nothing to scroll sideways on a phone.
    aspects = page.locator("ul.wifa-aspects")
    expect(aspects.get_by_role("heading", level=3)).to_have_count(4)
    assert aspects.evaluate("el => el.scrollWidth <= el.clientWidth")
    expect(page.get_by_text("Anouk Peters is lang niet bedankt")).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)

    # One volunteer: an entry dated in the future is refused, input kept.
    page.locator("ul.wifa-volunteers").get_by_role("link", name="Anouk Peters").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Anouk Peters")
    # The professional she works with: a card, nothing cut off on a phone.
    pair = page.locator("ul.wifa-pairs > li")
    expect(pair.get_by_role("heading", level=3)).to_contain_text("Petra")
    expect(pair.get_by_text("Laatste afstemming")).to_be_visible()
    assert pair.evaluate("el => el.scrollWidth <= el.clientWidth")
    expect(page.get_by_role("button", name=re.compile("vandaag bedankt"))).to_have_count(1)
    _assert_accessible(page)
    assert _fits_phone(page)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    page.get_by_label("Wat is er gebeurd?").select_option(label="Gesprek met de vrijwilliger")
    page.get_by_label("Datum").fill(tomorrow.isoformat())
    page.get_by_label("Notitie (mag leeg blijven)").fill("Gaat goed, wil graag zo doorgaan.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("De datum kan niet in de toekomst liggen.").first).to_be_visible()
    date = page.get_by_label("Datum")
    expect(date).to_have_attribute("aria-invalid", "true")
    expect(date).to_have_value(tomorrow.isoformat())
    expect(page.get_by_label("Wat is er gebeurd?")).to_have_value("gesprek")
    expect(page.get_by_label("Notitie (mag leeg blijven)")).to_have_value(
        "Gaat goed, wil graag zo doorgaan."
    )
    assert not WifaEntry.objects.exists()
    _assert_accessible(page)
    assert _fits_phone(page)

    date.fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("Het is vastgelegd.")).to_be_visible()
    log = page.locator("section[aria-labelledby=wifa-log-h]")
    expect(log.get_by_text("Gaat goed, wil graag zo doorgaan.")).to_be_visible()
    _assert_accessible(page)

    # The quick thank-you.
    page.get_by_role("button", name="Ik heb Anouk vandaag bedankt").click()
    expect(page.get_by_text("Het bedankje voor Anouk Peters is vastgelegd.")).to_be_visible()
    assert WifaEntry.objects.filter(volunteer=anouk, kind="bedankje").count() == 1
    expect(page.get_by_text("Anouk Peters is lang niet bedankt")).to_have_count(0)
    _assert_accessible(page)
    assert _fits_phone(page)
