from django.urls import path

from samenspel.helprequests import coordinator_views as views

app_name = "matching"

urlpatterns = [
    path("", views.open_requests, name="open"),
    path("verdelen/", views.batch, name="batch"),
    path("<int:request_id>/", views.shortlist, name="shortlist"),
    path("<int:request_id>/voorstellen/", views.propose, name="propose"),
    path("voorstel/<int:proposal_id>/", views.proposal_detail, name="proposal"),
    path("voorstel/<int:proposal_id>/stap/", views.proposal_step, name="proposal_step"),
]
