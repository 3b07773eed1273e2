from django.urls import path

from samenspel.socialmap import fhir_views

app_name = "socialmap_fhir"

urlpatterns = [
    path("HealthcareService/", fhir_views.healthcare_services, name="healthcare_services"),
    path(
        "HealthcareService/<int:offer_id>/",
        fhir_views.healthcare_service,
        name="healthcare_service",
    ),
    path("Organization/<int:organisation_id>/", fhir_views.organization, name="organization"),
]
