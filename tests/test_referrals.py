"""Referrals from a circle to the sociale kaart: status flow, conflicts, access,
reminders on the start page, counts per offer, and offers that answer signals."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.socialmap.models import Offer, Referral, ReferralUpdate
from samenspel.socialmap.referral_selectors import referral_counts
from samenspel.socialmap.referral_services import create_referral
from tests import factories

pytestmark = pytest.mark.django_db


def make_offer(name, categories, wijken=(), *, active=True, organisation=None):
    return Offer.objects.create(
        organisation=organisation or factories.OrganisationFactory(name=f"Stichting {name}"),
        name=name,
        description=f"{name}: hulp in de buurt.",
        categories=list(categories),
        wijken=list(wijken),
        last_verified=dt.date(2026, 1, 15),
        is_active=active,
    )


@pytest.fixture
def offer():
    return make_offer("Logeerhuis De Linde", ["respite"], ["Noord"])


def _client_member(circle):
    return circle.members.get(kind="client")


def _refer(world, offer, *, by="carer", member=None):
    circle = world["circle"]
    person = world["users"][by].person
    return create_referral(
        circle,
        member=member or _client_member(circle),
        offer=offer,
        reason="Ans kan wel een weekend rust gebruiken.",
        by=person,
    )


def _urls(circle, referral):
    return {
        "list": reverse("referrals:list", args=[circle.pk]),
        "add": reverse("referrals:add", args=[circle.pk]),
        "detail": reverse("referrals:detail", args=[circle.pk, referral.pk]),
        "update": reverse("referrals:update", args=[circle.pk, referral.pk]),
    }


def _age(referral, days):
    """Pretend nothing happened with this referral for `days` days."""
    then = timezone.now() - dt.timedelta(days=days)
    ReferralUpdate.objects.filter(referral=referral).update(at=then)
    Referral.objects.filter(pk=referral.pk).update(created_at=then, status_changed_at=then)


# --- Making a referral ----------------------------------------------------------


def test_carer_refers_the_client_and_the_history_starts(client, world, offer):
    circle = world["circle"]
    client.force_login(world["users"]["carer"])
    add = reverse("referrals:add", args=[circle.pk])
    page = client.get(add, {"aanbod": offer.pk})
    assert page.status_code == 200
    assert "Logeerhuis De Linde" in page.content.decode()
    response = client.post(
        add,
        {"member": _client_member(circle).pk, "offer": offer.pk, "reason": "Even rust voor Ans."},
    )
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("referrals:detail", args=[circle.pk, referral.pk])
    assert referral.status == "proposed"
    assert referral.created_by == world["users"]["carer"].person
    assert list(referral.updates.values_list("status", "by_name")) == [
        ("proposed", world["users"]["carer"].person.full_name)
    ]
    assert AuditEvent.objects.filter(
        action="create", object_type="referral", object_id=str(referral.pk), circle=circle
    ).exists()


def test_add_without_offer_points_to_the_search(client, world):
    client.force_login(world["users"]["carer"])
    page = client.get(reverse("referrals:add", args=[world["circle"].pk]))
    assert page.status_code == 200
    assert "Kies eerst een aanbod" in page.content.decode()


def test_bad_referral_input_gives_dutch_errors_and_keeps_the_text(client, world, offer):
    circle = world["circle"]
    client.force_login(world["users"]["carer"])
    add = reverse("referrals:add", args=[circle.pk])
    response = client.post(add, {"member": world["members"]["carer"].pk, "offer": offer.pk})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Schrijf kort waarom u verwijst." in body
    assert f'value="{world["members"]["carer"].pk}" selected' in body

    # Volunteers are not referred here; nor is someone of another circle.
    other = factories.add_member(factories.make_circle(), "carer")
    for member in (world["members"]["volunteer"], world["members"]["revoked"], other):
        response = client.post(
            add, {"member": member.pk, "offer": offer.pk, "reason": "Mijn eigen tekst"}
        )
        body = response.content.decode()
        assert "Kies de cliënt of een mantelzorger uit dit netwerk." in body
        assert "Mijn eigen tekst" in body

    # An offer that is no longer on the map cannot be chosen.
    gone = make_offer("Oud aanbod", ["respite"], active=False)
    response = client.post(
        add, {"member": _client_member(circle).pk, "offer": gone.pk, "reason": "Waarom niet"}
    )
    assert "Dit aanbod staat niet (meer) op de sociale kaart." in response.content.decode()
    assert not Referral.objects.exists()


# --- Status flow ----------------------------------------------------------------


def _post_status(client, urls, version, status="", note="", outcome=""):
    return client.post(
        urls["update"], {"status": status, "note": note, "outcome": outcome, "version": version}
    )


def test_status_flow_through_the_views(client, world, offer):
    circle = world["circle"]
    referral = _refer(world, offer)
    urls = _urls(circle, referral)
    client.force_login(world["users"]["pro_team"])

    response = _post_status(client, urls, 1, "registered", note="Aangemeld bij De Linde.")
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.version) == ("registered", 2)
    assert referral.updates.first().note == "Aangemeld bij De Linde."

    # Back to an earlier step: the domain says no, in Dutch, and nothing changes.
    response = _post_status(client, urls, 2, "proposed")
    assert response.status_code == 200
    assert "Deze stap kan niet na &#x27;Aangemeld&#x27;" in response.content.decode()
    referral.refresh_from_db()
    assert (referral.status, referral.version) == ("registered", 2)

    # A note alone is fine; the status stays.
    assert _post_status(client, urls, 2, note="Wacht op een intake.").status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.version) == ("registered", 3)

    # Closing asks how it went.
    response = _post_status(client, urls, 3, "completed")
    assert "Schrijf kort hoe het ging." in response.content.decode()
    response = _post_status(client, urls, 3, "completed", outcome="Ans gaat eens per maand.")
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "completed"
    assert referral.outcome == "Ans gaat eens per maand."
    assert referral.updates.count() == 4

    # Closed stays closed.
    response = _post_status(client, urls, 4, "failed", note="Toch niet")
    assert response.status_code == 200
    assert "Deze verwijzing is afgesloten." in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == "completed"
    assert referral.updates.count() == 4

    detail = client.get(urls["detail"]).content.decode()
    assert "Ans gaat eens per maand." in detail
    assert "Wacht op een intake." in detail
    assert AuditEvent.objects.filter(action="update", object_type="referral").count() == 3


def test_a_concurrent_change_gives_a_conflict_and_keeps_the_text(client, world, offer):
    circle = world["circle"]
    referral = _refer(world, offer)
    urls = _urls(circle, referral)
    client.force_login(world["users"]["carer"])
    assert _post_status(client, urls, 1, "registered").status_code == 302
    # A second person still had the page with version 1 open.
    response = _post_status(client, urls, 1, "in_contact", note="Gebeld met de coördinator")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft deze verwijzing net bijgewerkt." in body
    assert "Gebeld met de coördinator" in body
    assert 'name="version" value="2"' in body
    referral.refresh_from_db()
    assert (referral.status, referral.version) == ("registered", 2)
    assert referral.updates.count() == 2


def test_another_circles_referral_is_not_found(client, world, offer):
    other_circle = factories.make_circle(team=world["circle"].team)
    other = create_referral(
        other_circle,
        member=_client_member(other_circle),
        offer=offer,
        reason="Andere cliënt",
        by=None,
    )
    client.force_login(world["users"]["carer"])
    circle = world["circle"]
    assert client.get(reverse("referrals:detail", args=[circle.pk, other.pk])).status_code == 404
    response = client.post(
        reverse("referrals:update", args=[circle.pk, other.pk]),
        {"status": "registered", "version": 1},
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == "proposed"


# --- Who may do what ------------------------------------------------------------

# list/detail: VIEW_DETAILS; add/update: MANAGE_AGREEMENTS.
ACCESS = {
    "client": (200, 200),
    "carer": (200, 200),
    "volunteer": (403, 403),
    "map_only": (403, 403),
    "revoked": (403, 403),
    "pro_team": (200, 200),
    "pro_other": (403, 403),
}


@pytest.mark.parametrize("who", sorted(ACCESS))
def test_who_may_list_add_and_update(client, world, offer, who):
    circle = world["circle"]
    referral = _refer(world, offer)
    urls = _urls(circle, referral)
    can_see, can_refer = ACCESS[who]
    client.force_login(world["users"][who])
    assert client.get(urls["list"]).status_code == can_see
    assert client.get(urls["detail"]).status_code == can_see
    assert client.get(urls["add"], {"aanbod": offer.pk}).status_code == can_refer
    response = _post_status(client, urls, 1, "registered")
    assert response.status_code == (302 if can_refer == 200 else 403)
    referral.refresh_from_db()
    assert referral.status == ("registered" if can_refer == 200 else "proposed")


def test_a_volunteer_with_full_access_sees_but_does_not_refer(client, world, offer):
    circle = world["circle"]
    volunteer = world["members"]["volunteer"]
    volunteer.access_level = "full"
    volunteer.save()
    referral = _refer(world, offer)
    urls = _urls(circle, referral)
    client.force_login(world["users"]["volunteer"])
    detail = client.get(urls["detail"])
    assert detail.status_code == 200
    assert 'action="{}"'.format(urls["update"]) not in detail.content.decode()
    assert client.get(urls["add"]).status_code == 403
    assert _post_status(client, urls, 1, "registered").status_code == 403


def test_anonymous_goes_to_login(client, world, offer):
    urls = _urls(world["circle"], _refer(world, offer))
    response = client.get(urls["list"])
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_list_shows_counts_and_is_audited(client, world, offer):
    circle = world["circle"]
    _refer(world, offer)
    second = _refer(world, make_offer("Mantelzorgcafé", ["carer_support"]))
    Referral.objects.filter(pk=second.pk).update(status="started")
    client.force_login(world["users"]["client"])
    response = client.get(reverse("referrals:list", args=[circle.pk]))
    counts = {status: n for status, _label, n in response.context["counts"]}
    assert counts["proposed"] == 1
    assert counts["started"] == 1
    assert counts["failed"] == 0
    body = response.content.decode()
    assert "Logeerhuis De Linde" in body and "Mantelzorgcafé" in body
    assert AuditEvent.objects.filter(action="view", object_type="referral_list").exists()


# --- Counts per offer -------------------------------------------------------------


def test_referral_counts_per_offer_in_one_query(world, offer):
    cafe = make_offer("Mantelzorgcafé", ["carer_support"])
    unused = make_offer("Wandelclub", ["sport"])
    for status in ("started", "started", "failed", "proposed"):
        r = _refer(world, offer)
        Referral.objects.filter(pk=r.pk).update(status=status)
    _refer(world, cafe)
    with CaptureQueriesContext(connection) as ctx:
        counts = referral_counts([offer.pk, cafe.pk, unused.pk])
    assert len(ctx.captured_queries) == 1
    assert counts == {
        offer.pk: {"started": 2, "failed": 1, "proposed": 1},
        cafe.pk: {"proposed": 1},
    }


def test_detail_shows_how_often_the_offer_was_used(client, world, offer):
    circle = world["circle"]
    referral = _refer(world, offer)
    for status in ("started", "started", "failed"):
        r = _refer(world, offer)
        Referral.objects.filter(pk=r.pk).update(status=status)
    client.force_login(world["users"]["carer"])
    body = client.get(_urls(circle, referral)["detail"]).content.decode()
    assert (
        "Via Samenspel 4 keer naar dit aanbod verwezen: 1 voorgesteld, 2 gestart, 1 niet gelukt."
        in body
    )


# --- Reminders on the start page ----------------------------------------------------


def _home(client, user):
    client.force_login(user)
    return client.get(reverse("pages:home"))


def test_stale_referral_reminds_its_maker_and_the_professionals(client, world, offer):
    stale = _refer(world, offer)
    _age(stale, 22)
    fresh = _refer(world, make_offer("Buurtkamer", ["neighbourhood"]))
    _age(fresh, 10)
    closed = _refer(world, make_offer("Zorgboerderij", ["day_activities"]))
    _age(closed, 40)
    Referral.objects.filter(pk=closed.pk).update(status="failed")

    link = reverse("referrals:detail", args=[world["circle"].pk, stale.pk])
    for who in ("carer", "pro_team"):
        response = _home(client, world["users"][who])
        body = response.content.decode()
        assert "Hoe gaat het met de verwijzing naar Logeerhuis De Linde?" in body, who
        assert link in body
        assert "Buurtkamer" not in body and "Zorgboerderij" not in body
        assert [item.days for item in response.context["care"].stale_referrals] == [22]
    # Not for others in the circle, nor for a professional of another team.
    for who in ("volunteer", "client", "pro_other"):
        body = _home(client, world["users"][who]).content.decode()
        assert "Logeerhuis De Linde" not in body, who

    # An update makes the reminder go away.
    client.force_login(world["users"]["carer"])
    _post_status(client, _urls(world["circle"], stale), 1, note="Nog geen reactie, ik bel morgen.")
    assert "Logeerhuis De Linde" not in _home(client, world["users"]["carer"]).content.decode()


def test_no_reminder_for_a_maker_who_lost_access(client, world, offer):
    stale = _refer(world, offer)
    _age(stale, 30)
    carer = world["members"]["carer"]
    carer.status = "revoked"
    carer.revoked_at = timezone.now()
    carer.save()
    assert "Logeerhuis De Linde" not in _home(client, world["users"]["carer"]).content.decode()


# --- Signals → offers in the wijk --------------------------------------------------------


def test_help_nearby_offers_respite_for_an_overloaded_carer(client, world):
    circle = world["circle"]
    circle.wijk = "Noord"
    circle.save()
    respite = make_offer("Logeerhuis De Linde", ["respite"], ["Noord"])
    support = make_offer("Steunpunt Mantelzorg", ["carer_support"])  # whole gemeente
    make_offer("Respijthuis Zuid", ["respite"], ["Zuid"])
    make_offer("Gesloten logeerhuis", ["respite"], ["Noord"], active=False)
    make_offer("Maatjes Noord", ["buddy"], ["Noord"])
    client.force_login(world["users"]["carer"])
    response = client.get(reverse("circles:detail", args=[circle.pk]))
    body = response.content.decode()
    assert "Hulp in de wijk" in body
    assert "Logeerhuis De Linde" in body and "Steunpunt Mantelzorg" in body
    assert "Respijthuis Zuid" not in body
    assert "Gesloten logeerhuis" not in body
    assert "Maatjes Noord" not in body  # the client is not isolated here
    groups = {g.category: [o.name for o in g.offers] for g in response.context["help_nearby"]}
    assert groups == {"respite": [respite.name], "carer_support": [support.name]}
    add = reverse("referrals:add", args=[circle.pk])
    assert f"{add}?aanbod={respite.pk}" in body


def test_help_nearby_offers_buddies_for_an_isolated_client(client, team):
    user = factories.person_with_login(first_name="Henk")
    circle = factories.make_circle(team=team, client=user)
    circle.wijk = "Centrum"
    circle.save()
    for i in range(5):
        make_offer(f"Maatje {i}", ["buddy"], ["Centrum"])
    make_offer("Buurtkamer Centrum", ["neighbourhood"], ["centrum"])
    make_offer("Logeerhuis", ["respite"])
    client.force_login(user.user)
    response = client.get(reverse("circles:detail", args=[circle.pk]))
    groups = {g.category: [o.name for o in g.offers] for g in response.context["help_nearby"]}
    assert groups == {
        "buddy": ["Maatje 0", "Maatje 1", "Maatje 2"],  # at most three per kind of help
        "neighbourhood": ["Buurtkamer Centrum"],
    }
    assert "Maatje 0" in response.content.decode()


def test_help_nearby_is_not_shown_without_details(client, world):
    make_offer("Logeerhuis De Linde", ["respite"])
    client.force_login(world["users"]["volunteer"])
    response = client.get(reverse("circles:detail", args=[world["circle"].pk]))
    assert response.status_code == 200
    assert "Hulp in de wijk" not in response.content.decode()


def test_the_offer_page_counts_referrals_and_outcomes(client, world):
    from samenspel.socialmap.models import Offer
    from samenspel.socialmap.referral_services import create_referral
    from tests.factories import OrganisationFactory

    offer = Offer(
        organisation=OrganisationFactory(name="Maatjes", kind="community"),
        name="Maatjesproject Noord",
        description="Een maatje om mee op pad te gaan",
        categories=["buddy"],
        last_verified="2026-10-01",
    )
    offer.save()
    circle = world["circle"]
    for _ in range(2):
        create_referral(
            circle,
            member=world["members"]["carer"],
            offer=offer,
            reason="Samen op pad",
            by=circle.client,
        )
    client.force_login(world["users"]["volunteer"])
    html = client.get(reverse("socialmap:offer", args=[offer.pk])).content.decode()
    assert "Via Samenspel 2 keer naar dit aanbod verwezen: 2 voorgesteld." in html
    assert "Ans" not in html  # numbers only, never who
