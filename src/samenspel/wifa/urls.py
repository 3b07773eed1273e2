from django.urls import path

from samenspel.wifa import views

app_name = "wifa"

# Mounted under vrijwilligers/<int:organisation_id>/wifa/
urlpatterns = [
    path("", views.overview, name="overview"),
    path("<int:volunteer_id>/", views.volunteer, name="volunteer"),
    path("<int:volunteer_id>/bedankt/", views.thanks, name="thanks"),
]
