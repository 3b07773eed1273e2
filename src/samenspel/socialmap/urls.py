"""The sociale kaart, under sociale-kaart/ (referrals live under kring/<id>/verwijzingen/)."""

from django.urls import path

from samenspel.socialmap import views

app_name = "socialmap"

urlpatterns = [
    path("", views.search, name="search"),
    path("beheer/", views.manage, name="manage"),
    path("nieuw/", views.offer_add, name="offer_add"),
    path("<int:offer_id>/", views.offer_detail, name="offer"),
    path("<int:offer_id>/wijzigen/", views.offer_edit, name="offer_edit"),
    path("<int:offer_id>/gecontroleerd/", views.offer_verify, name="offer_verify"),
]
