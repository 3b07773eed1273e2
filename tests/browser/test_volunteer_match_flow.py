"""Issue 6 in a real browser: a help request finds a volunteer, both sides say
yes, and the volunteer then sees the client's circle with limited access."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samenspel.volunteers.models import VolunteerProfile
from tests import factories
from tests.browser.test_care_circle_flow import _assert_accessible, _fits_phone, _login
from tests.helprequests_support import volunteer_org


def _user(first, last, username):
    person = factories.person_with_login(first_name=first, last_name=last)
    person.user.username = username
    person.user.save()
    return person


@pytest.fixture
def scene(transactional_db):
    factories.care_task("Op bezoek gaan")  # the flush removed the catalogue
    team = factories.OrganisationFactory(name="Wijkteam Noord")
    pro = _user("Pieter", "Smit", "pieter")
    factories.EmploymentFactory(person=pro, organisation=team)
    client = _user("Greet", "Bakker", "greet")
    circle = factories.make_circle(team=team, client=client)
    circle.wijk = "Noord"
    circle.save()
    org = volunteer_org("Vrijwilligerscentrale De Schakel")
    coordinator = _user("Wilma", "Kok", "wilma")
    factories.EmploymentFactory(
        person=coordinator, organisation=org, discipline="volunteer_coordinator"
    )
    common = {
        "organisation": org,
        "motives": ["social_contact"],
        "availability": ["0-morning", "3-afternoon"],
        "wijk": "Noord",
        "vog_status": "valid",
        "vog_date": timezone.localdate() - dt.timedelta(days=200),
    }
    VolunteerProfile.objects.create(
        person=_user("Anouk", "Peters", "anouk"),
        skills=["company", "walking"],
        languages=["nl"],
        **common,
    )
    VolunteerProfile.objects.create(
        person=_user("Bram", "Visser", "bram"), skills=["odd_jobs"], languages=["nl"], **common
    )
    return {"circle": circle, "org": org}


def _logout(page):
    page.get_by_role("button", name="Uitloggen").click()


def test_request_shortlist_proposal_accept_start_limited_access(page, live_server, scene):
    circle, org = scene["circle"], scene["org"]
    base = live_server.url
    page.set_viewport_size({"width": 360, "height": 760})

    # 1. The professional files a help request in the circle.
    _login(page, live_server, "pieter")
    page.goto(f"{base}/kring/{circle.pk}/vrijwilligershulp/nieuw/")
    expect(page.get_by_role("heading", name="Nieuwe hulpvraag")).to_be_visible()
    assert _fits_phone(page)
    _assert_accessible(page)
    task = page.get_by_label("Waar is hulp bij nodig?")
    expect(task.locator("option", has_text="Insuline spuiten")).to_have_count(0)
    task.select_option(label="Op bezoek gaan")
    page.get_by_label("Wat precies?").fill("Een kop koffie en een praatje, samen de krant lezen.")
    page.get_by_label("maandagochtend").check()
    page.get_by_label("Hoe lang per keer (minuten)?").fill("90")
    page.get_by_label("Gezelschap en een praatje").check()
    expect(page.get_by_label("Nederlands")).to_be_checked()  # ticked for a new request
    page.get_by_label("De cliënt is een oudere").check()
    page.get_by_role("button", name="Hulpvraag versturen").click()
    expect(page.get_by_text("De hulpvraag is verstuurd.")).to_be_visible()
    expect(page.get_by_role("heading", name="Hulpvraag: Op bezoek gaan")).to_be_visible()
    _assert_accessible(page)
    page.goto(f"{base}/kring/{circle.pk}/vrijwilligershulp/")
    _assert_accessible(page)
    _logout(page)

    # 2. The coordinator opens the shortlist and proposes the top volunteer.
    _login(page, live_server, "wilma")
    page.goto(f"{base}/vrijwilligers/{org.pk}/hulpvragen/")
    _assert_accessible(page)
    page.get_by_role("link", name="Op bezoek gaan").click()
    expect(page.get_by_role("heading", name="Wie past het best?")).to_be_visible()
    expect(page.get_by_text("Greet Bakker")).to_have_count(0)  # need to know
    first = page.locator("ol.shortlist > li").first
    expect(first.get_by_role("heading")).to_contain_text("Anouk Peters")
    assert _fits_phone(page)
    _assert_accessible(page)
    page.goto(f"{base}/vrijwilligers/{org.pk}/hulpvragen/verdelen/")
    expect(page.get_by_role("checkbox", name="Anouk Peters")).to_be_checked()
    page.get_by_text("Vergelijking met de snelle verdeling").click()
    assert _fits_phone(page)
    _assert_accessible(page)
    page.go_back()
    page.get_by_role("button", name="Stel Anouk Peters voor").click()
    expect(page.get_by_text("Anouk Peters is voorgesteld.")).to_be_visible()
    _assert_accessible(page)
    _logout(page)

    # 3. The volunteer accepts.
    _login(page, live_server, "anouk")
    page.goto(f"{base}/mijn-vrijwilligerswerk/voorstellen/")
    expect(page.get_by_role("heading", name="Wacht op uw antwoord")).to_be_visible()
    expect(page.get_by_text("Greet Bakker")).to_have_count(0)
    page.get_by_text("Waarom past dit bij u?").first.click()
    expect(page.get_by_text("U kunt helpen met: gezelschap en een praatje")).to_be_visible()
    assert _fits_phone(page)
    _assert_accessible(page)
    page.get_by_role("button", name="Ja, dit wil ik doen").click()
    expect(page.get_by_text("Fijn dat u ja zegt!")).to_be_visible()
    _assert_accessible(page)
    assert _fits_phone(page)
    _logout(page)

    # 4. The client accepts.
    _login(page, live_server, "greet")
    page.goto(f"{base}/kring/{circle.pk}/vrijwilligershulp/")
    page.get_by_role("link", name="Op bezoek gaan").click()
    page.get_by_role("button", name="Ja, Anouk Peters is welkom").click()
    expect(page.get_by_text("U zegt ja tegen deze vrijwilliger.")).to_be_visible()
    _logout(page)

    # 5. The coordinator plans the introduction and starts.
    _login(page, live_server, "wilma")
    page.goto(f"{base}/vrijwilligers/{org.pk}/hulpvragen/")
    page.get_by_role("link", name="Anouk Peters: Op bezoek gaan").click()
    _assert_accessible(page)
    when = timezone.localdate() + dt.timedelta(days=3)
    page.get_by_label("Datum van de kennismaking").fill(when.isoformat())
    page.get_by_label("Hoe laat?").fill("10:30")
    page.get_by_label("Met welke professional?").select_option(label="Pieter Smit")
    page.get_by_role("button", name="Kennismaking opslaan").click()
    expect(page.get_by_text("De kennismaking is gepland.")).to_be_visible()
    page.get_by_role("button", name="De vrijwilliger start").click()
    expect(page.get_by_text("Anouk Peters is gestart")).to_be_visible()
    _assert_accessible(page)
    _logout(page)

    # 6. The volunteer sees the circle with limited access (need to know).
    _login(page, live_server, "anouk")
    page.goto(f"{base}/mijn-vrijwilligerswerk/voorstellen/")
    page.get_by_role("link", name="Naar het netwerk van Greet Bakker").first.click()
    expect(page.get_by_role("heading", name="Netwerk van Greet Bakker")).to_be_visible()
    nav = page.locator("nav.circle-nav")
    expect(nav.get_by_role("link", name="Agenda")).to_be_visible()
    for hidden in ("Hoe zwaar is de zorg?", "Wie heeft mijn gegevens bekeken", "MantelScan"):
        expect(nav.get_by_role("link", name=hidden)).to_have_count(0)
    page.get_by_role("link", name="Agenda").first.click()
    expect(page).to_have_url(f"{base}/kring/{circle.pk}/agenda/")
    for path in ("belasting/", "inzage/", "mantelscan/", "verwijzingen/", "vrijwilligershulp/"):
        response = page.goto(f"{base}/kring/{circle.pk}/{path}")
        assert response.status == 403, path
