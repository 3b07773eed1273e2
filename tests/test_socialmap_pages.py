"""Pages of the sociale kaart: search, one offer, kaartbeheer (add, edit, verify)."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.organisations.models import Organisation
from samenspel.socialmap import services
from samenspel.socialmap.models import Offer
from tests import factories

pytestmark = pytest.mark.django_db

SEARCH = reverse("socialmap:search")
MANAGE = reverse("socialmap:manage")
ADD = reverse("socialmap:offer_add")


def make_offer(name="Wandelclub De Stap", description="Elke dinsdag wandelen.", **values):
    org, _ = Organisation.objects.get_or_create(
        name=values.pop("org", "Buurtwerk"), kind=Organisation.Kind.COMMUNITY
    )
    values.setdefault("categories", ["sport"])
    offer = services.save_offer(
        {"organisation": org, "name": name, "description": description, **values}
    )
    if "last_verified" in values:
        Offer.objects.filter(pk=offer.pk).update(last_verified=values["last_verified"])
        offer.refresh_from_db()
    return offer


def user(manager=False):
    u = factories.person_with_login(first_name="Karin").user
    if manager:
        u.user_permissions.add(Permission.objects.get(codename="manage_socialmap"))
    return u


@pytest.fixture
def manager(client):
    u = user(manager=True)
    client.force_login(u)
    return u


def form_data(org, **overrides):
    data = {
        "organisation": org.pk,
        "new_organisation": "",
        "name": "Maatjesproject Oost",
        "description": "Een vrijwilliger komt elke week op bezoek.",
        "categories": ["buddy"],
        "target_groups": ["older_people"],
        "wmo_fields": ["1", "4"],
        "wijken": "Oost, Haven",
        "postcode_ranges": "1311-1315, 1320",
        "contact_name": "Fatima Yilmaz",
        "contact_phone": "036 123 45 67",
        "contact_email": "fatima@example.org",
        "website": "www.example.org",
        "cost": "free",
        "is_active": "on",
        "version": "",
    }
    data.update(overrides)
    return data


# --- Search page ------------------------------------------------------------


def test_search_needs_login(client):
    response = client.get(SEARCH)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_search_page_shows_results_with_filters(client):
    client.force_login(user())
    make_offer("Wandelclub De Stap", wijken=["Noord"], contact_name="Jan de Vries")
    make_offer("Wandelgroep Zuid", wijken=["Zuid"])
    make_offer("Schaakclub", "Denksport", categories=["culture"])
    response = client.get(SEARCH, {"q": "wandelen", "wijk": "Noord"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wandelclub De Stap" in html
    assert "Jan de Vries" in html
    assert "Wandelgroep Zuid" not in html
    assert "Schaakclub" not in html
    assert 'value="Noord" selected' in html  # the filter is kept
    # An unknown wijk drops only that filter, not the words.
    html = client.get(SEARCH, {"q": "wandelen", "wijk": "Onbekend"}).content.decode()
    assert "Wandelgroep Zuid" in html and "Schaakclub" not in html


def test_search_flags_entries_not_checked_for_a_year(client):
    client.force_login(user())
    old = timezone.localdate() - timedelta(days=400)
    make_offer("Oud aanbod", last_verified=old)
    make_offer("Nieuw aanbod")
    html = client.get(SEARCH).content.decode()
    assert html.count("Niet meer gecontroleerd sinds") == 1


def test_search_pages_by_twenty(client):
    client.force_login(user())
    for i in range(25):
        make_offer(f"Aanbod {i:02d}")
    first = client.get(SEARCH).content.decode()
    second = client.get(SEARCH, {"pagina": 2}).content.decode()
    assert "Aanbod 19" in first and "Aanbod 20" not in first
    assert "Aanbod 20" in second and "Aanbod 24" in second


def test_circle_param_defaults_the_wijk_and_offers_a_referral_link(client, world):
    circle = world["circle"]
    circle.wijk = "Noord"
    circle.save()
    make_offer("Wandelclub Noord", wijken=["Noord"])
    make_offer("Wandelclub Zuid", wijken=["Zuid"])
    client.force_login(world["users"]["pro_team"])
    html = client.get(SEARCH, {"kring": circle.pk}).content.decode()
    assert "Wandelclub Noord" in html and "Wandelclub Zuid" not in html
    refer = reverse("referrals:add", kwargs={"circle_id": circle.pk})
    assert refer in html
    # Choosing "Alle wijken" undoes the default.
    html = client.get(SEARCH, {"kring": circle.pk, "wijk": ""}).content.decode()
    assert "Wandelclub Zuid" in html


def test_circle_param_is_ignored_for_someone_outside_the_circle(client, world):
    circle = world["circle"]
    circle.wijk = "Noord"
    circle.save()
    make_offer("Wandelclub Zuid", wijken=["Zuid"])
    client.force_login(world["users"]["pro_other"])
    html = client.get(SEARCH, {"kring": circle.pk}).content.decode()
    assert "Wandelclub Zuid" in html
    assert reverse("referrals:add", kwargs={"circle_id": circle.pk}) not in html
    assert circle.client.full_name not in html


def _queries(client, params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(SEARCH, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_search_page_query_count_does_not_grow_with_results(client):
    client.force_login(user())
    for i in range(5):
        make_offer(f"Wandelclub {i}", org=f"Organisatie {i}")
    few = _queries(client, {"q": "wandelclub"})
    for i in range(5, 50):
        make_offer(f"Wandelclub {i}", org=f"Organisatie {i}")
    many = _queries(client, {"q": "wandelclub"})
    assert few == many


# --- Offer page -----------------------------------------------------------------


def test_offer_page_shows_details_and_edit_link_only_for_managers(client):
    offer = make_offer(address="Kerkstraat 1", opening_hours="Dinsdag 10 uur")
    url = reverse("socialmap:offer", kwargs={"offer_id": offer.pk})
    client.force_login(user())
    html = client.get(url).content.decode()
    assert "Kerkstraat 1" in html and "Dinsdag 10 uur" in html
    edit = reverse("socialmap:offer_edit", kwargs={"offer_id": offer.pk})
    assert edit not in html
    client.force_login(user(manager=True))
    assert edit in client.get(url).content.decode()


def test_inactive_offer_is_gone_for_normal_users(client):
    offer = make_offer(is_active=False)
    url = reverse("socialmap:offer", kwargs={"offer_id": offer.pk})
    client.force_login(user())
    assert client.get(url).status_code == 404
    client.force_login(user(manager=True))
    assert client.get(url).status_code == 200


# --- Kaartbeheer ------------------------------------------------------------------


@pytest.mark.parametrize(
    "method,name",
    [
        ("get", "socialmap:manage"),
        ("get", "socialmap:offer_add"),
        ("get", "socialmap:offer_edit"),
        ("post", "socialmap:offer_verify"),
    ],
)
def test_manage_pages_need_the_permission(client, method, name):
    offer = make_offer()
    kwargs = {} if name in ("socialmap:manage", "socialmap:offer_add") else {"offer_id": offer.pk}
    url = reverse(name, kwargs=kwargs)
    client.force_login(user())
    assert getattr(client, method)(url).status_code == 403
    client.force_login(user(manager=True))
    assert getattr(client, method)(url).status_code in (200, 302)


def test_manage_filters_due_and_mine(client, manager):
    old = timezone.localdate() - timedelta(days=400)
    make_offer("Oud en van mij", last_verified=old, maintainer=manager)
    make_offer("Oud van niemand", last_verified=old)
    make_offer("Nieuw en van mij", maintainer=manager)
    html = client.get(MANAGE, {"te_controleren": "1"}).content.decode()
    assert "Oud en van mij" in html and "Oud van niemand" in html
    assert "Nieuw en van mij" not in html
    html = client.get(MANAGE, {"te_controleren": "1", "mijn": "1"}).content.decode()
    assert "Oud en van mij" in html and "Oud van niemand" not in html
    assert "U beheert 1 aanbod" in html


def test_due_filter_agrees_with_the_domain_rule(client, manager):
    today = timezone.localdate()
    from dateutil.relativedelta import relativedelta

    make_offer("Precies een jaar", last_verified=today - relativedelta(months=12))
    make_offer("Een dag minder", last_verified=today - relativedelta(months=12) + timedelta(1))
    html = client.get(MANAGE, {"te_controleren": "1"}).content.decode()
    assert "Precies een jaar" in html and "Een dag minder" not in html


def test_add_offer_saves_and_audits(client, manager):
    org = Organisation.objects.create(name="Humanitas", kind=Organisation.Kind.COMMUNITY)
    response = client.post(ADD, form_data(org))
    offer = Offer.objects.get(name="Maatjesproject Oost")
    assert response.status_code == 302
    assert response["Location"] == reverse("socialmap:offer", kwargs={"offer_id": offer.pk})
    assert offer.wijken == ["Oost", "Haven"]
    assert offer.wmo_fields == [1, 4]
    assert offer.website == "https://www.example.org"
    assert offer.last_verified == timezone.localdate()
    event = AuditEvent.objects.get(object_type="offer", object_id=str(offer.pk))
    assert event.action == AuditEvent.Action.CREATE
    assert event.actor == manager
    assert event.circle is None


def test_add_offer_with_a_new_organisation(client, manager):
    data = form_data(Organisation(pk=""), new_organisation="Wandelclub Almere")
    data["organisation"] = ""
    assert client.post(ADD, data).status_code == 302
    assert Offer.objects.get().organisation.name == "Wandelclub Almere"


def test_add_offer_errors_are_dutch_and_keep_input(client, manager):
    org = Organisation.objects.create(name="Humanitas", kind=Organisation.Kind.COMMUNITY)
    data = form_data(
        org,
        categories=[],
        contact_email="geen-adres",
        postcode_ranges="13AB",
        name="Mijn invoer blijft",
    )
    response = client.post(ADD, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies minstens één soort hulp." in html
    assert "Vul een goed e-mailadres in" in html
    assert "Schrijf postcodes als vier cijfers" in html
    assert 'value="Mijn invoer blijft"' in html
    assert not Offer.objects.exists()
    data = form_data(org)
    data["organisation"] = ""
    html = client.post(ADD, data).content.decode()
    assert "Kies een organisatie, of vul de naam van een nieuwe in." in html


def test_edit_offer_and_conflict_keeps_input(client, manager):
    offer = make_offer()
    url = reverse("socialmap:offer_edit", kwargs={"offer_id": offer.pk})
    form_version = offer.version
    # Someone else saves first.
    services.save_offer(
        {"name": "Wandelclub (nieuwe naam)"}, offer=offer, expected_version=form_version
    )
    data = form_data(offer.organisation, name="Mijn versie", version=form_version)
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Iemand anders heeft dit aanbod net ook gewijzigd" in html
    assert "Wandelclub (nieuwe naam)" in html  # what is saved now
    assert 'value="Mijn versie"' in html  # what I typed
    offer.refresh_from_db()
    assert offer.name == "Wandelclub (nieuwe naam)"
    # Saving again (with the new version in the form) wins.
    data["version"] = offer.version
    assert client.post(url, data).status_code == 302
    offer.refresh_from_db()
    assert offer.name == "Mijn versie"
    assert offer.version == form_version + 2
    # Rows written by the pages (the setup's offers are logged as the system, actor None).
    by_pages = AuditEvent.objects.filter(object_type="offer", actor__isnull=False)
    actions = by_pages.values_list("action", flat=True)
    assert list(actions) == [AuditEvent.Action.UPDATE]


def test_edit_form_shows_current_values(client, manager):
    offer = make_offer(wijken=["Noord", "Haven"], wmo_fields=[4])
    url = reverse("socialmap:offer_edit", kwargs={"offer_id": offer.pk})
    html = client.get(url).content.decode()
    assert 'value="Noord, Haven"' in html
    assert f'name="version" value="{offer.version}"' in html


def test_verify_sets_today_and_audits(client, manager):
    offer = make_offer(last_verified=date(2024, 1, 1))
    version = offer.version
    url = reverse("socialmap:offer_verify", kwargs={"offer_id": offer.pk})
    assert client.get(url).status_code == 405
    response = client.post(url, {"next": "manage"})
    assert response["Location"] == MANAGE
    offer.refresh_from_db()
    assert offer.last_verified == timezone.localdate()
    assert offer.version == version  # an open edit form does not conflict
    event = AuditEvent.objects.get(object_type="offer", actor__isnull=False)  # not the setup's
    assert event.action == AuditEvent.Action.UPDATE and event.object_id == str(offer.pk)


@pytest.mark.django_db
def test_the_maintainer_sees_entries_to_verify_on_the_start_page(client):
    import datetime as dt

    from django.contrib.auth.models import Permission

    from samenspel.socialmap.models import Offer
    from tests import factories

    person = factories.person_with_login(first_name="Ingrid")
    person.user.user_permissions.add(Permission.objects.get(codename="manage_socialmap"))
    organisation = factories.OrganisationFactory(name="Wandelclub", kind="community")
    Offer.objects.create(
        organisation=organisation,
        name="Wandelen op dinsdag",
        description="Samen wandelen",
        categories=["sport"],
        last_verified=dt.date.today() - dt.timedelta(days=400),
        maintainer=person.user,
    )
    client.force_login(person.user)
    html = client.get("/").content.decode()
    assert "1 vermelding van u is langer dan een jaar niet gecontroleerd." in html
