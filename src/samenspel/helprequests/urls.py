from django.urls import path

from samenspel.helprequests import views

app_name = "helprequests"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("nieuw/", views.request_new, name="new"),
    path("<int:request_id>/", views.request_detail, name="detail"),
    path("<int:request_id>/intrekken/", views.request_withdraw, name="withdraw"),
    path("voorstel/<int:proposal_id>/antwoord/", views.proposal_answer, name="answer"),
]
