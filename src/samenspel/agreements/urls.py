from django.urls import path

from samenspel.agreements import views

app_name = "agreements"

urlpatterns = [
    path("afspraken/", views.agreement_list, name="list"),
    path("afspraken/nieuw/", views.agreement_add, name="add"),
    path("afspraken/<int:agreement_id>/", views.agreement_detail, name="detail"),
    path("afspraken/<int:agreement_id>/wijzigen/", views.agreement_edit, name="edit"),
    path("afspraken/<int:agreement_id>/stoppen/", views.agreement_end, name="end"),
    path("afspraken/coordinator/", views.set_coordinator, name="coordinator"),
    path("werkplan/", views.workplan, name="workplan"),
    path("veranderingen/", views.change_list, name="changes"),
    path("veranderingen/nieuw/", views.change_add, name="change_add"),
    path("veranderingen/<int:change_id>/besproken/", views.change_handled, name="change_handled"),
]
