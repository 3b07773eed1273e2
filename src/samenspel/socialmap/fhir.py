"""FHIR R4 (R4B models) export of the sociale kaart: Organization and HealthcareService.

So another system (a municipality's website, a regional social-map platform,
a GP information system) can take over the map in a standard form. Our own
vocabularies (categories, Wmo prestatievelden, target groups, cost) get their
own code systems under BASE_URL; nothing is imported back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.healthcareservice import HealthcareService
from fhir.resources.R4B.organization import Organization

from samenspel.domain import socialmap as sm
from samenspel.organisations.models import Organisation
from samenspel.socialmap.models import Offer

BASE_URL = "https://samenspel.example/fhir"
CATEGORY_SYSTEM = f"{BASE_URL}/CodeSystem/socialmap-category"
WMO_SYSTEM = f"{BASE_URL}/CodeSystem/wmo-prestatieveld"
TARGET_GROUP_SYSTEM = f"{BASE_URL}/CodeSystem/socialmap-target-group"
COST_SYSTEM = f"{BASE_URL}/CodeSystem/socialmap-cost"
ORGANISATION_KIND_SYSTEM = f"{BASE_URL}/CodeSystem/organisation-kind"
LAST_VERIFIED = f"{BASE_URL}/StructureDefinition/last-verified"
IDENTIFIER_SYSTEM = f"{BASE_URL}/sid/socialmap-offer"


def _coding(system: str, code, display: str) -> dict:
    return {"system": system, "code": str(code), "display": str(display)}


def _concept(system: str, labels: dict, code) -> dict:
    label = labels.get(code, str(code))  # StrEnum keys match their plain values
    return {"coding": [_coding(system, code, label)], "text": str(label)}


def _reference(org: Organisation) -> dict:
    return {"reference": f"Organization/{org.pk}", "display": org.name}


def organization(org: Organisation) -> Organization:
    """An organisation with its kind; a wijkteam points to its municipality."""
    data = {
        "id": str(org.pk),
        "active": True,
        "name": org.name,
        "type": [
            {
                "coding": [
                    _coding(ORGANISATION_KIND_SYSTEM, org.kind, org.get_kind_display()),
                ],
                "text": str(org.get_kind_display()),
            }
        ],
    }
    if org.parent_id:
        data["partOf"] = _reference(org.parent)
    return Organization.model_validate(data)


def _telecom(offer: Offer) -> list[dict]:
    telecom = []
    if offer.contact_phone:
        telecom.append({"system": "phone", "value": offer.contact_phone, "use": "work"})
    if offer.contact_email:
        telecom.append({"system": "email", "value": offer.contact_email, "use": "work"})
    if offer.website:
        telecom.append({"system": "url", "value": offer.website})
    return telecom


def _extra_details(offer: Offer) -> str:
    """Details without their own FHIR R4 element, as short Markdown lines."""
    lines = []
    if offer.contact_name:
        lines.append(f"Contactpersoon: {offer.contact_name}")
    if offer.address:
        lines.append(f"Adres: {offer.address}")
    if offer.accessibility:
        lines.append(f"Toegankelijkheid: {offer.accessibility}")
    lines.append(f"Kosten: {sm.COST_LABELS.get(offer.cost, offer.cost)}")
    return "\n\n".join(lines)


def healthcare_service(offer: Offer) -> HealthcareService:
    """One offer. Categories are `category`, Wmo prestatievelden `program`,
    target groups `eligibility`, cost a `characteristic`, wijken and postcode
    ranges the `coverageArea` (as text: there are no Location resources)."""
    data: dict = {
        "id": str(offer.pk),
        "meta": {"lastUpdated": offer.updated_at.isoformat()},
        "identifier": [{"system": IDENTIFIER_SYSTEM, "value": str(offer.pk)}],
        "active": offer.is_active,
        "providedBy": _reference(offer.organisation),
        "name": offer.name,
        "comment": offer.description,
        "extraDetails": _extra_details(offer),
        "category": [_concept(CATEGORY_SYSTEM, sm.CATEGORY_LABELS, c) for c in offer.categories],
        "program": [_concept(WMO_SYSTEM, sm.WMO_FIELDS, int(f)) for f in offer.wmo_fields],
        "eligibility": [
            {"code": _concept(TARGET_GROUP_SYSTEM, sm.TARGET_GROUP_LABELS, g)}
            for g in offer.target_groups
        ],
        "characteristic": [_concept(COST_SYSTEM, sm.COST_LABELS, offer.cost)],
        "telecom": _telecom(offer),
        "extension": [{"url": LAST_VERIFIED, "valueDate": offer.last_verified.isoformat()}],
    }
    areas = [{"display": f"Wijk {w}"} for w in offer.wijken]
    if offer.postcode_ranges:
        areas.append({"display": f"Postcodes {offer.postcode_ranges}"})
    if areas:
        data["coverageArea"] = areas
    if offer.opening_hours:
        data["availabilityExceptions"] = offer.opening_hours
    # FHIR forbids empty lists and strings.
    data = {k: v for k, v in data.items() if v not in ([], "")}
    return HealthcareService.model_validate(data)


def searchset(offers: Iterable[Offer], *, base_url: str, now: datetime | None = None) -> Bundle:
    """A searchset Bundle: every offer a match, each organisation once as include."""
    entries = []
    organisations: dict[int, Organisation] = {}
    for offer in offers:
        organisations.setdefault(offer.organisation_id, offer.organisation)
        entries.append(
            {
                "fullUrl": f"{base_url}HealthcareService/{offer.pk}/",
                "resource": healthcare_service(offer),
                "search": {"mode": "match"},
            }
        )
    total = len(entries)
    for org in sorted(organisations.values(), key=lambda o: o.pk):
        entries.append(
            {
                "fullUrl": f"{base_url}Organization/{org.pk}/",
                "resource": organization(org),
                "search": {"mode": "include"},
            }
        )
    data = {
        "type": "searchset",
        "timestamp": (now or timezone.now()).isoformat(),
        "total": total,
        "link": [{"relation": "self", "url": f"{base_url}HealthcareService/"}],
    }
    if entries:
        data["entry"] = entries
    return Bundle.model_validate(data)
