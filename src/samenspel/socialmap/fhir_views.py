"""FHIR R4 read endpoints of the sociale kaart (JSON, for other systems).

The map holds no client data, so any logged-in user may read it, like the
search pages; there is nothing to audit per read.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET

from samenspel.organisations.models import Organisation
from samenspel.socialmap import fhir
from samenspel.socialmap.models import Offer

FHIR_JSON = "application/fhir+json"


def _fhir(resource) -> HttpResponse:
    return HttpResponse(resource.model_dump_json(), content_type=FHIR_JSON)


@require_GET
@login_required
def healthcare_services(request):
    """All active offers as a searchset Bundle, with their organisations."""
    offers = Offer.objects.filter(is_active=True).select_related("organisation__parent")
    # The FHIR base: the address of this list without "HealthcareService/".
    here = reverse("socialmap_fhir:healthcare_services")
    base_url = request.build_absolute_uri(here.removesuffix("HealthcareService/"))
    return _fhir(fhir.searchset(offers.order_by("pk"), base_url=base_url))


@require_GET
@login_required
def healthcare_service(request, offer_id):
    # Like the HTML page: an entry taken off the map is not shown (kaartbeheer aside).
    offers = Offer.objects.select_related("organisation")
    if not request.user.has_perm("socialmap.manage_socialmap"):
        offers = offers.filter(is_active=True)
    offer = get_object_or_404(offers, pk=offer_id)
    return _fhir(fhir.healthcare_service(offer))


@require_GET
@login_required
def organization(request, organisation_id):
    org = get_object_or_404(Organisation.objects.select_related("parent"), pk=organisation_id)
    return _fhir(fhir.organization(org))
