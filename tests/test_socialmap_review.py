"""Found in review: odd input, what `?kring=` reveals, finding inactive entries."""

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from samenspel.socialmap import csv_io
from samenspel.socialmap.models import Offer
from tests import factories

pytestmark = pytest.mark.django_db


def make_offer(**kw):
    organisation = factories.OrganisationFactory(name="Buurthuis", kind="community")
    values = dict(
        organisation=organisation,
        name="Koffieochtend",
        description="Elke week koffie in de buurt",
        categories=["neighbourhood"],
        last_verified=dt.date.today(),
    )
    offer = Offer(**{**values, **kw})
    offer.save()
    return offer


@pytest.mark.parametrize("kring", ["²", "9" * 30, "-1", "abc"])
def test_odd_circle_ids_are_ignored(client, world, kring):
    client.force_login(world["users"]["carer"])
    assert client.get(reverse("socialmap:search"), {"kring": kring}).status_code == 200


def test_only_who_may_refer_gets_the_clients_wijk(client, world):
    circle = world["circle"]
    circle.wijk = "Geheimwijk"
    circle.save()
    make_offer()
    url = reverse("socialmap:search") + f"?kring={circle.pk}"
    client.force_login(world["users"]["volunteer"])  # agenda access only
    html = client.get(url).content.decode()
    assert "Geheimwijk" not in html and "Verwijs" not in html
    client.force_login(world["users"]["carer"])  # full access: may refer
    assert "Verwijs" in client.get(url).content.decode()


def test_kaartbeheer_finds_inactive_entries_by_name(client):
    make_offer(name="Oude soos", is_active=False)
    person = factories.person_with_login()
    person.user.user_permissions.add(Permission.objects.get(codename="manage_socialmap"))
    client.force_login(person.user)
    assert "Oude soos" in client.get(reverse("socialmap:manage"), {"q": "soos"}).content.decode()


def test_odd_ids_and_long_values_in_a_csv_are_line_errors():
    header = "id,organisatie,naam,omschrijving,categorieen,website,laatst_gecontroleerd\n"
    rows = (
        "²,Buurthuis,Koffie,Koffie in de buurt,neighbourhood,,2026-01-01\n"
        f",Buurthuis,Koffie,Koffie,neighbourhood,https://{'a' * 300}.nl,2026-01-01\n"
    )
    result = csv_io.import_offers(io.StringIO(header + rows), user=None)
    messages = " ".join(str(e) for e in result.errors)
    assert "Regel 2" in messages and "Regel 3" in messages
    assert not Offer.objects.exists()
