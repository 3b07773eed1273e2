from django.urls import path

from samenspel.circles import views

app_name = "circles"

# The circle page itself ("circles:detail") gathers many apps; the root URLconf adds it
# to this namespace from samenspel.pages.circle.

urlpatterns = [
    path("hulpvragen/", views.needed_domains, name="needed_domains"),
    path("leden/nieuw/", views.member_add, name="member_add"),
    path("leden/<int:member_id>/", views.member_edit, name="member_edit"),
    path("leden/<int:member_id>/intrekken/", views.member_revoke, name="member_revoke"),
    path("leden/<int:member_id>/herstellen/", views.member_restore, name="member_restore"),
    path("toegang/", views.access_settings, name="access"),
    path("inzage/", views.audit_log, name="audit"),
]
