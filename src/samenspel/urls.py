from django.contrib import admin
from django.urls import include, path

from samenspel.circles import urls as circle_urls
from samenspel.pages.circle import circle_detail

# The circles namespace: the member pages of the circles app plus the circle page,
# which the composition layer assembles.
circle_patterns = [path("", circle_detail, name="detail"), *circle_urls.urlpatterns]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("", include("samenspel.accounts.urls")),
    path("", include("samenspel.invitations.urls")),
    path("kring/<int:circle_id>/mantelscan/", include("samenspel.mantelscan.urls")),
    path("kring/<int:circle_id>/belasting/", include("samenspel.burden.urls")),
    path("kring/<int:circle_id>/logboek/", include("samenspel.logbook.urls")),
    path("kring/<int:circle_id>/agenda/", include("samenspel.agenda.urls")),
    path("agenda/", include("samenspel.agenda.feed_urls")),
    path("kring/<int:circle_id>/verwijzingen/", include("samenspel.socialmap.referral_urls")),
    path("kring/<int:circle_id>/profielen/", include("samenspel.profiles.urls")),
    path("kring/<int:circle_id>/reflectie/", include("samenspel.reflection.urls")),
    path("kring/<int:circle_id>/vrijwilligershulp/", include("samenspel.helprequests.urls")),
    path("kring/<int:circle_id>/", include("samenspel.agreements.urls")),
    path("kring/<int:circle_id>/", include((circle_patterns, "circles"))),
    path("sociale-kaart/fhir/", include("samenspel.socialmap.fhir_urls")),
    path("sociale-kaart/", include("samenspel.socialmap.urls")),
    path("team/<int:team_id>/reflectie/", include("samenspel.reflection.team_urls")),
    path("team/", include("samenspel.teams.urls")),
    path("vrijwilligers/<int:organisation_id>/wifa/", include("samenspel.wifa.urls")),
    path(
        "vrijwilligers/<int:organisation_id>/hulpvragen/",
        include("samenspel.helprequests.coordinator_urls"),
    ),
    path("vrijwilligers/", include("samenspel.volunteers.urls")),
    path("mijn-vrijwilligerswerk/voorstellen/", include("samenspel.helprequests.volunteer_urls")),
    path("mijn-vrijwilligerswerk/", include("samenspel.volunteers.my_urls")),
    path("", include("samenspel.pages.urls")),
]

handler403 = "samenspel.pages.views.permission_denied"
handler404 = "samenspel.pages.views.page_not_found"
