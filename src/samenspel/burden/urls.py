from django.urls import path

from samenspel.burden import views

app_name = "burden"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("start/", views.start, name="start"),
    path("toestemming/", views.consent, name="consent"),
    path("geschiedenis/<int:member_id>/", views.history, name="history"),
    path(
        "fhir/Questionnaire/<str:instrument_id>/",
        views.fhir_questionnaire,
        name="fhir_questionnaire",
    ),
    path("<int:screening_id>/", views.answer, name="answer"),
    path("<int:screening_id>/bewaar/", views.autosave, name="autosave"),
    path("<int:screening_id>/uitslag/", views.result, name="result"),
    path("<int:screening_id>/delen/", views.share, name="share"),
    path("<int:screening_id>/fhir/", views.fhir_response, name="fhir_response"),
]
