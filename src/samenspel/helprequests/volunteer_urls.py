from django.urls import path

from samenspel.helprequests import volunteer_views as views

app_name = "my_proposals"

urlpatterns = [
    path("", views.my_proposals, name="list"),
    path("<int:proposal_id>/", views.my_proposal, name="detail"),
    path("<int:proposal_id>/antwoord/", views.my_answer, name="answer"),
]
