from django.urls import path

from samenspel.invitations import views

app_name = "invitations"

urlpatterns = [
    path("uitnodiging/", views.enter_code, name="code"),
    path("uitnodiging/accepteren/", views.accept, name="accept"),
    path("uitnodiging/<str:token>/", views.open_link, name="open"),
    path("kring/<int:circle_id>/uitnodigingen/", views.circle_invitations, name="circle"),
    path(
        "kring/<int:circle_id>/uitnodigingen/<int:invitation_id>/intrekken/",
        views.revoke_invitation,
        name="revoke",
    ),
]
