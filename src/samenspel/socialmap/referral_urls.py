"""Referrals of one circle, under kring/<circle_id>/verwijzingen/."""

from django.urls import path

from samenspel.socialmap import referral_views as views

app_name = "referrals"

urlpatterns = [
    path("", views.referral_list, name="list"),
    path("nieuw/", views.referral_add, name="add"),
    path("<int:referral_id>/", views.referral_detail, name="detail"),
    path("<int:referral_id>/status/", views.referral_update, name="update"),
]
