"""Coordinator pages, mounted at ``vrijwilligers/``.

Every pattern starts with an explicit integer or word so that the help-request
(``<id>/hulpvragen/``) and WIFA (``<id>/wifa/``) apps can live under the same prefix.
"""

from django.urls import path

from samenspel.volunteers import views

app_name = "volunteers"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:organisation_id>/", views.volunteer_list, name="list"),
    path("<int:organisation_id>/nieuw/", views.intake, name="intake"),
    path("<int:organisation_id>/<int:profile_id>/", views.detail, name="detail"),
    path("<int:organisation_id>/<int:profile_id>/wijzigen/", views.edit, name="edit"),
    path(
        "<int:organisation_id>/<int:profile_id>/afspraak/nieuw/",
        views.agreement_new,
        name="agreement_new",
    ),
    path(
        "<int:organisation_id>/<int:profile_id>/afspraak/<int:agreement_id>/",
        views.agreement,
        name="agreement",
    ),
    path(
        "<int:organisation_id>/<int:profile_id>/afspraak/<int:agreement_id>/wijzigen/",
        views.agreement_edit,
        name="agreement_edit",
    ),
]
