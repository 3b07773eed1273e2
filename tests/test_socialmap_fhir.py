"""FHIR R4 export of the sociale kaart: valid resources and the read endpoints."""

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.healthcareservice import HealthcareService
from fhir.resources.R4B.organization import Organization

from samenspel.organisations.models import Organisation
from samenspel.socialmap import fhir
from samenspel.socialmap.models import Offer
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs():
    gemeente = Organisation.objects.create(
        name="Gemeente Lindeveen", kind=Organisation.Kind.MUNICIPALITY
    )
    team = Organisation.objects.create(
        name="Wijkteam Lindeveen-Noord",
        kind=Organisation.Kind.NEIGHBOURHOOD_TEAM,
        parent=gemeente,
    )
    logeerhuis = Organisation.objects.create(
        name="Logeerhuis De Lindenhof", kind=Organisation.Kind.CARE_PROVIDER
    )
    return gemeente, team, logeerhuis


@pytest.fixture
def offer(orgs):
    offer = Offer(
        organisation=orgs[2],
        name="Logeren in De Lindenhof",
        description="Uw naaste logeert een weekend. U heeft even vrij.",
        categories=["respite", "carer_support"],
        wmo_fields=[4, 6],
        target_groups=["dementia", "carers"],
        wijken=["Lindeveen-Noord", "Oude Dorp"],
        postcode_ranges="8310-8312",
        address="Hofstraat 4, Lindeveen",
        contact_name="Marja Tuinstra",
        contact_phone="0399 20 10 10",
        contact_email="marja@lindenhof.example",
        website="https://www.lindenhof.example/",
        opening_hours="Het hele jaar, dag en nacht",
        cost="indication",
        accessibility="Gelijkvloers",
        last_verified=date(2026, 2, 1),
    )
    offer.save()
    return offer


def test_healthcare_service_carries_the_offer(offer):
    resource = fhir.healthcare_service(offer)
    data = json.loads(resource.model_dump_json())
    HealthcareService.model_validate(data)  # valid FHIR R4

    assert data["resourceType"] == "HealthcareService"
    assert data["id"] == str(offer.pk) and data["active"] is True
    assert data["providedBy"] == {
        "reference": f"Organization/{offer.organisation_id}",
        "display": "Logeerhuis De Lindenhof",
    }
    assert data["name"] == "Logeren in De Lindenhof"
    assert data["comment"].startswith("Uw naaste logeert")
    codings = [c["coding"][0] for c in data["category"]]
    assert {(c["system"], c["code"]) for c in codings} == {
        (fhir.CATEGORY_SYSTEM, "respite"),
        (fhir.CATEGORY_SYSTEM, "carer_support"),
    }
    assert codings[0]["display"] == "Respijtzorg (even vrij van de zorg)"
    assert [p["coding"][0]["code"] for p in data["program"]] == ["4", "6"]
    assert data["program"][0]["coding"][0]["system"] == fhir.WMO_SYSTEM
    assert [e["code"]["coding"][0]["code"] for e in data["eligibility"]] == ["dementia", "carers"]
    assert data["characteristic"][0]["coding"][0]["code"] == "indication"
    assert {(t["system"], t["value"]) for t in data["telecom"]} == {
        ("phone", "0399 20 10 10"),
        ("email", "marja@lindenhof.example"),
        ("url", "https://www.lindenhof.example/"),
    }
    assert [a["display"] for a in data["coverageArea"]] == [
        "Wijk Lindeveen-Noord",
        "Wijk Oude Dorp",
        "Postcodes 8310-8312",
    ]
    assert data["availabilityExceptions"] == "Het hele jaar, dag en nacht"
    assert "Contactpersoon: Marja Tuinstra" in data["extraDetails"]
    assert "Toegankelijkheid: Gelijkvloers" in data["extraDetails"]
    assert data["extension"] == [{"url": fhir.LAST_VERIFIED, "valueDate": "2026-02-01"}]


def test_a_bare_offer_is_still_valid(orgs):
    offer = Offer(
        organisation=orgs[0],
        name="Wmo-loket",
        description="Vragen over hulp thuis.",
        categories=["information"],
        last_verified=date(2026, 1, 1),
        is_active=False,
    )
    offer.save()
    data = json.loads(fhir.healthcare_service(offer).model_dump_json())
    HealthcareService.model_validate(data)
    assert data["active"] is False
    for absent in ("telecom", "coverageArea", "program", "eligibility", "availabilityExceptions"):
        assert absent not in data, absent


def test_organization_points_to_its_parent(orgs):
    gemeente, team, _logeerhuis = orgs
    data = json.loads(fhir.organization(team).model_dump_json())
    Organization.model_validate(data)
    assert data["name"] == "Wijkteam Lindeveen-Noord"
    assert data["type"][0]["coding"][0] == {
        "system": fhir.ORGANISATION_KIND_SYSTEM,
        "code": "neighbourhood_team",
        "display": "Wijkteam",
    }
    assert data["partOf"]["reference"] == f"Organization/{gemeente.pk}"
    assert "partOf" not in json.loads(fhir.organization(gemeente).model_dump_json())


def logged_in():
    client = Client()
    client.force_login(factories.UserFactory())
    return client


def test_bundle_endpoint_lists_active_offers_with_their_organisations(offer, orgs):
    hidden = Offer(
        organisation=orgs[0],
        name="Oud aanbod",
        description="Bestaat niet meer.",
        categories=["information"],
        last_verified=date(2024, 1, 1),
        is_active=False,
    )
    hidden.save()
    response = logged_in().get(reverse("socialmap_fhir:healthcare_services"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    data = json.loads(response.content)
    Bundle.model_validate(data)
    assert data["type"] == "searchset" and data["total"] == 1
    matches = [e for e in data["entry"] if e["search"]["mode"] == "match"]
    includes = [e for e in data["entry"] if e["search"]["mode"] == "include"]
    assert [e["resource"]["name"] for e in matches] == ["Logeren in De Lindenhof"]
    assert matches[0]["fullUrl"] == (
        f"http://testserver/sociale-kaart/fhir/HealthcareService/{offer.pk}/"
    )
    assert [e["resource"]["resourceType"] for e in includes] == ["Organization"]
    assert includes[0]["fullUrl"].endswith(f"/sociale-kaart/fhir/Organization/{orgs[2].pk}/")


def test_empty_bundle_is_valid():
    data = json.loads(logged_in().get("/sociale-kaart/fhir/HealthcareService/").content)
    Bundle.model_validate(data)
    assert data["total"] == 0 and "entry" not in data


def test_single_resources_and_not_found(offer, orgs):
    client = logged_in()
    url = reverse("socialmap_fhir:healthcare_service", kwargs={"offer_id": offer.pk})
    data = json.loads(client.get(url).content)
    assert data["resourceType"] == "HealthcareService" and data["id"] == str(offer.pk)
    url = reverse("socialmap_fhir:organization", kwargs={"organisation_id": orgs[1].pk})
    response = client.get(url)
    assert response["Content-Type"] == "application/fhir+json"
    assert json.loads(response.content)["name"] == "Wijkteam Lindeveen-Noord"
    missing = reverse("socialmap_fhir:healthcare_service", kwargs={"offer_id": offer.pk + 99})
    assert client.get(missing).status_code == 404
    missing = reverse("socialmap_fhir:organization", kwargs={"organisation_id": 99999})
    assert client.get(missing).status_code == 404
    assert client.post(url).status_code == 405


@pytest.mark.parametrize(
    "name,kwargs",
    [
        ("healthcare_services", {}),
        ("healthcare_service", {"offer_id": 1}),
        ("organization", {"organisation_id": 1}),
    ],
)
def test_endpoints_need_a_login(name, kwargs):
    response = Client().get(reverse(f"socialmap_fhir:{name}", kwargs=kwargs))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
