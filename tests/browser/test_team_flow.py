"""Issue 7 end to end in a real browser: three team members fill in the
thermometer, the lead closes the round, runs a team session and keeps the
werkplan going. Axe runs on every page visited; the key forms must fit 360 px."""

import datetime as dt
import re

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation
from playwright.sync_api import expect

from samenspel.teams import services
from samenspel.teams.models import ThermometerResponse, WerkplanAction
from samenspel.teams.thermometer import instrument
from tests import factories
from tests.browser.test_care_circle_flow import _assert_accessible, _fits_phone, _login

TEAM = "Wijkteam Noord"
NEUTRAL = "Niet eens en niet oneens"

# What each member answers. Every statement of a factor gets the same answer;
# factors not named here get NEUTRAL. Scores: helemaal eens 5, eens 4, oneens 2.
ANSWERS = {
    "ahmed": {"taakverdeling": "Helemaal mee eens", "evalueren": "Mee oneens"},
    "bea": {"taakverdeling": "Mee eens", "evalueren": "Mee oneens"},
    "cor": {"taakverdeling": "Mee oneens", "evalueren": "Mee oneens"},
}
# Taken verdelen: 5, 4, 2 -> mean 3.67, population sd 1.25 ("veel verschil"); with
# three answers the page shows no range, only the word and the number of answers.
# Samenwerking evalueren: 2, 2, 2 -> mean 2.0, which is "laag" (<= 2.5).


def _due(days: int) -> dt.date:
    """A due date this many days from today (computed when used, not at import)."""
    return timezone.localdate() + dt.timedelta(days=days)


ACTIONS = [
    # (spearhead label, row, text, owner username, due in days, layer value, layer label)
    (
        "Kennis en visie",
        1,
        "Training mantelzorg plannen",
        "ahmed",
        30,
        "samenwerken",
        "Samenwerken (praktische en wettelijke zaken)",
    ),
    (
        "Rol als professional",
        1,
        "Casus bespreken met steunpunt",
        "bea",
        60,
        "samenspel",
        "Samenspel (verantwoordelijkheid, grenzen, omgang)",
    ),
    (
        "Omgeving en context",
        1,
        "Evaluatie met mantelzorgers",
        "lieke",
        14,
        "verandering",
        "Omgaan met verandering (wat betekent dit voor mij?)",
    ),
]


@pytest.fixture
def scene(transactional_db):
    team = factories.OrganisationFactory(name=TEAM)
    people = {}
    for name in ("Lieke", "Ahmed", "Bea", "Cor"):
        person = factories.person_with_login(first_name=name, last_name="de Vries")
        person.user.username = name.lower()
        person.user.save()
        factories.EmploymentFactory(person=person, organisation=team, is_team_lead=name == "Lieke")
        people[name.lower()] = person
    # An earlier round that only two people answered: never shown, never compared.
    past = timezone.now() - dt.timedelta(days=180)
    earlier = services.open_round(team, people["lieke"], "Najaar", now=past)
    everything = {item.id: "helemaal_eens" for item in instrument().items}
    for name in ("ahmed", "bea"):
        services.save_response(earlier, people[name], everything, submit=True, now=past)
    services.close_round(earlier, now=past + dt.timedelta(days=14))
    return {"team": team, "people": people}


def _as(page, live_server, username):
    page.context.clear_cookies()
    _login(page, live_server, username)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")


def _dutch_date(day):
    with translation.override("nl"):
        return date_filter(day, "j F Y")


def _fill_thermometer(page, answers):
    for item in instrument().items:
        label = answers.get(item.subscale, NEUTRAL)
        page.locator(f"#vraag-{item.id}").get_by_label(label, exact=True).check()


def _round_section(page, title):
    return page.locator("section.thermo-round").filter(
        has=page.get_by_role("heading", name=re.compile(title))
    )


def _status_post(page, url):
    """POST a status change with the page's own CSRF token, as a crafted request."""
    return page.evaluate(
        """async (url) => {
            const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
            const body = new URLSearchParams(
                {csrfmiddlewaretoken: token, status: "klaar", version: "1"});
            const response = await fetch(url, {method: "POST", body: body});
            return response.status;
        }""",
        url,
    )


def test_thermometer_session_and_werkplan(page, live_server, scene):
    team = scene["team"]
    people = scene["people"]
    page.set_viewport_size({"width": 360, "height": 760})

    # --- The lead opens a round ------------------------------------------
    _as(page, live_server, "lieke")
    page.get_by_role("link", name=f"Teamthermometer van {TEAM}").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Teamthermometer")
    earlier = _round_section(page, "Najaar")
    expect(earlier).to_contain_text("Nog te weinig antwoorden (2 van 3).")
    expect(earlier.locator(".thermo-factor")).to_have_count(0)
    _assert_accessible(page)
    assert _fits_phone(page)

    page.get_by_role("button", name="Ronde starten").click()  # no name: refused
    expect(page.get_by_text("Geef de ronde een naam")).to_be_visible()
    page.get_by_label("Naam van de ronde").fill("Voorjaar")
    page.get_by_role("button", name="Ronde starten").click()
    expect(page.get_by_text("De ronde is geopend.")).to_be_visible()
    expect(page.get_by_role("button", name="Ronde starten")).to_have_count(0)
    _assert_accessible(page)

    # --- Three members fill in every statement through the form -----------
    for count, name in enumerate(("ahmed", "bea", "cor"), 1):
        _as(page, live_server, name)
        page.get_by_role("link", name=f"Teamthermometer van {TEAM}").click()
        _assert_accessible(page)
        _round_section(page, "Voorjaar").get_by_role("link", name="Vul in").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Voorjaar")
        # Nobody's earlier choices are on a colleague's form.
        expect(page.locator("input[type=radio]:checked")).to_have_count(0)
        _assert_accessible(page)
        assert _fits_phone(page)

        if name == "ahmed":
            # Sending a half-filled form keeps what was chosen and names the rest.
            page.locator("#vraag-taakverdeling_1").get_by_label(
                "Helemaal mee eens", exact=True
            ).check()
            page.get_by_role("button", name="Insturen").click()
            expect(page.get_by_text("U hebt 17 uitspraken nog niet beantwoord.")).to_be_visible()
            expect(
                page.locator("#vraag-taakverdeling_1").get_by_label("Helemaal mee eens", exact=True)
            ).to_be_checked()
            _assert_accessible(page)
            assert _fits_phone(page)

        _fill_thermometer(page, ANSWERS[name])
        page.get_by_role("button", name="Insturen").click()
        expect(page.get_by_text("Dank u wel. Uw antwoorden zijn ingestuurd.")).to_be_visible()
        current = _round_section(page, "Voorjaar")
        expect(current).to_contain_text("U hebt uw antwoorden ingestuurd.")
        # While the round is open only the count shows, never a result.
        expect(current).to_contain_text(f"{count} ingevuld. De uitkomst komt")
        expect(current.locator(".thermo-factor")).to_have_count(0)

        if name == "bea":
            # Bea's own (locked) form shows her choices, not Ahmed's.
            round_id = ThermometerResponse.objects.get(
                person=people["bea"], round__title="Voorjaar"
            ).round_id
            page.goto(f"{live_server.url}/team/{team.pk}/thermometer/{round_id}/invullen/")
            expect(page.get_by_text("U hebt uw antwoorden al ingestuurd.")).to_be_visible()
            first = page.locator("#vraag-taakverdeling_1")
            expect(first.get_by_label("Mee eens", exact=True)).to_be_checked()
            expect(first.get_by_label("Helemaal mee eens", exact=True)).not_to_be_checked()
            expect(page.locator("input[type=radio]:checked")).to_have_count(18)
            _assert_accessible(page)

    # --- The lead: nothing before closing, then the figures ----------------
    _as(page, live_server, "lieke")
    page.get_by_role("link", name=f"Teamthermometer van {TEAM}").click()
    current = _round_section(page, "Voorjaar")
    expect(current).to_contain_text("3 ingevuld. De uitkomst komt als de teamleider")
    expect(current.locator(".thermo-factor")).to_have_count(0)
    current.get_by_role("button", name="Ronde sluiten").click()
    expect(page.get_by_text("De ronde is gesloten.")).to_be_visible()

    current = _round_section(page, "Voorjaar")
    # Cards, not a table: nothing is cut off on a phone.
    results = current.get_by_role("list", name="Uitkomst per onderwerp")
    expect(results).to_be_visible()
    expect(current.locator("table")).to_have_count(0)

    def card(label):
        return results.get_by_role("listitem").filter(
            has=page.get_by_role("heading", name=re.compile("^" + label))
        )

    row = card("Taken verdelen").locator("dd")
    expect(row.nth(0)).to_have_text("3,7")
    expect(row.nth(1)).to_have_text(re.compile(r"^\s*veel verschil\s*3 antwoorden\s*$"))
    # The earlier round had too few answers, so there is nothing to compare with.
    expect(row.nth(2)).to_have_text("geen vergelijking")
    low = card("Samenwerking evalueren")
    expect(low.locator("dd").nth(0)).to_have_text("2,0")
    expect(low).to_contain_text("laag")
    expect(low.locator("dd").nth(1)).to_have_text(
        re.compile(r"^\s*weinig verschil\s*3 antwoorden\s*$")
    )
    expect(results).not_to_contain_text("van 2,0 tot")
    expect(results).not_to_contain_text("sd ")
    expect(results).not_to_contain_text("n = ")
    expect(card("Vertrouwen").locator("dd").nth(0)).to_have_text("3,0")
    expect(current.get_by_role("heading", name="Tips voor: Samenwerking evalueren")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Tips voor: Taken"))).to_have_count(0)
    _assert_accessible(page)
    assert _fits_phone(page)

    # --- The lead runs a team session --------------------------------------
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name=f"Werkplan van {TEAM}").click()
    expect(page.get_by_text("Er staan nog geen acties in het werkplan.")).to_be_visible()
    _assert_accessible(page)
    page.get_by_role("link", name="Nieuwe teamsessie").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Teamsessie")
    reminder = page.get_by_role("region", name="Uit de laatste teamthermometer")
    expect(reminder).to_contain_text("Samenwerking evalueren")
    expect(reminder).not_to_contain_text("Taken verdelen")
    # Today's date is filled in, in the form a date field can read.
    expect(page.get_by_label("Datum van de sessie")).to_have_value(timezone.localdate().isoformat())
    _assert_accessible(page)
    assert _fits_phone(page)

    for label in ("Kennis en visie", "Rol als professional", "Instrumenten", "Omgeving en context"):
        group = page.get_by_role("group", name=re.compile("^" + label))
        group.get_by_label("Hoe staat het nu?").fill(f"Nu bij {label}: we beginnen pas.")
        group.get_by_label("Wat vinden we belangrijk?").fill(f"Belangrijk bij {label}: samen.")
    for spearhead, number, text, owner, due, layer, _label in ACTIONS:
        row = page.get_by_role("group", name=f"Actie {number} bij {spearhead}", exact=True)
        row.get_by_label("Actie", exact=True).fill(text)
        if owner != "bea":  # Bea's row is left half-filled on purpose, see below
            row.get_by_label("Wie doet het?").select_option(label=str(people[owner]))
        row.get_by_label("Klaar op").fill(_due(due).isoformat())
        row.get_by_label("Gaat vooral over").select_option(layer)
    page.get_by_role("button", name="Sessie bewaren").click()

    # A half-filled action is refused with a Dutch error; nothing typed is lost.
    bea_row = page.get_by_role("group", name="Actie 1 bij Rol als professional", exact=True)
    expect(bea_row.get_by_text("Kies wie dit doet.")).to_be_visible()
    expect(bea_row.get_by_label("Actie", exact=True)).to_have_value(ACTIONS[1][2])
    expect(
        page.get_by_role("group", name=re.compile("^Kennis en visie")).get_by_label(
            "Hoe staat het nu?"
        )
    ).to_have_value("Nu bij Kennis en visie: we beginnen pas.")
    assert not WerkplanAction.objects.exists()
    _assert_accessible(page)
    assert _fits_phone(page)
    bea_row.get_by_label("Wie doet het?").select_option(label=str(people["bea"]))
    page.get_by_role("button", name="Sessie bewaren").click()

    # --- The werkplan ------------------------------------------------------
    expect(
        page.get_by_text("De sessie is bewaard. De acties staan in het werkplan.")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Werkplan")
    for spearhead, _n, text, owner, due, _layer, layer_label in ACTIONS:
        table = page.get_by_role("list", name=f"Acties bij {spearhead}")
        row = table.get_by_role("listitem").filter(has_text=text)
        expect(row).to_contain_text(str(people[owner]))
        expect(row).to_contain_text(_dutch_date(_due(due)))
        expect(row).to_contain_text(layer_label)
        expect(row.locator(".werkplan-status")).to_have_text("Open")
    expect(page.get_by_role("list", name=re.compile("Acties bij Instrumenten"))).to_have_count(0)
    expect(page.locator("table")).to_have_count(0)
    _assert_accessible(page)
    assert _fits_phone(page)
    # Every status control and its button lies fully on the 360 px screen.
    controls = page.locator(".werkplan-action select, .werkplan-action button")
    expect(controls).to_have_count(6)
    for i in range(controls.count()):
        box = controls.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box

    # The lead moves Ahmed's action on.
    ahmed_row = page.get_by_role("listitem").filter(has_text=ACTIONS[0][2])
    ahmed_row.get_by_label(f"Nieuwe status voor: {ACTIONS[0][2]}").select_option("bezig")
    ahmed_row.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De status is bijgewerkt.")).to_be_visible()
    expect(
        page.get_by_role("listitem").filter(has_text=ACTIONS[0][2]).locator(".werkplan-status")
    ).to_have_text("Bezig")
    _assert_accessible(page)

    # Printing leaves out the buttons and status controls.
    page.emulate_media(media="print")
    expect(page.get_by_role("listitem").filter(has_text=ACTIONS[0][2])).to_be_visible()
    expect(page.get_by_role("link", name="Nieuwe teamsessie")).to_be_hidden()
    expect(page.get_by_label(f"Nieuwe status voor: {ACTIONS[0][2]}")).to_be_hidden()
    _assert_accessible(page)
    page.emulate_media(media="screen")

    # --- Ahmed, the owner, finishes his action; he can only change his own --
    _as(page, live_server, "ahmed")
    page.get_by_role("link", name=f"Werkplan van {TEAM}").click()
    expect(page.get_by_role("combobox")).to_have_count(1)
    expect(page.get_by_label(f"Nieuwe status voor: {ACTIONS[1][2]}")).to_have_count(0)
    own = page.get_by_role("listitem").filter(has_text=ACTIONS[0][2])
    own.get_by_label(f"Nieuwe status voor: {ACTIONS[0][2]}").select_option("klaar")
    own.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De status is bijgewerkt.")).to_be_visible()
    expect(
        page.get_by_role("listitem").filter(has_text=ACTIONS[0][2]).locator(".werkplan-status")
    ).to_have_text("Klaar")
    expect(page.get_by_role("heading", name=re.compile("Open acties"))).to_have_count(0)
    _assert_accessible(page)

    # --- Cor owns nothing and is not the lead: no control, and a POST is refused
    _as(page, live_server, "cor")
    page.get_by_role("link", name=f"Werkplan van {TEAM}").click()
    expect(page.get_by_role("listitem").filter(has_text=ACTIONS[1][2])).to_be_visible()
    expect(page.get_by_role("combobox")).to_have_count(0)
    expect(page.get_by_role("button", name="Opslaan")).to_have_count(0)
    _assert_accessible(page)
    bea_action = WerkplanAction.objects.get(text=ACTIONS[1][2])
    url = f"{live_server.url}/team/{team.pk}/werkplan/{bea_action.pk}/status/"
    assert _status_post(page, url) == 403
    bea_action.refresh_from_db()
    assert bea_action.status == WerkplanAction.Status.OPEN

    # --- The lead's start page lists the open actions, soonest first --------
    _as(page, live_server, "lieke")
    section = page.get_by_role("region", name=f"Open acties in het werkplan van {TEAM}")
    items = section.get_by_role("listitem")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text(ACTIONS[2][2])
    expect(items.nth(0)).to_contain_text(_dutch_date(_due(ACTIONS[2][4])))
    expect(items.nth(1)).to_contain_text(ACTIONS[1][2])
    expect(items.nth(1)).to_contain_text(str(people["bea"]))
    expect(section).not_to_contain_text(ACTIONS[0][2])  # done
    _assert_accessible(page)
    assert _fits_phone(page)
