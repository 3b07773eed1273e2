"""Builders shared by the help-request tests."""

import datetime as dt

from django.utils import timezone

from samenspel.domain import helprequests as hr
from samenspel.helprequests import services
from samenspel.organisations.models import Employment, Organisation
from samenspel.volunteers.models import VolunteerProfile
from tests import factories


def volunteer_org(name="De Schakel", **kwargs) -> Organisation:
    return factories.OrganisationFactory(
        name=name, kind=Organisation.Kind.VOLUNTEER_ORGANISATION, **kwargs
    )


def coordinator(org, first_name="Wilma"):
    person = factories.person_with_login(first_name=first_name, last_name="Kok")
    factories.EmploymentFactory(
        person=person, organisation=org, discipline=Employment.Discipline.VOLUNTEER_COORDINATOR
    )
    return person


def volunteer(org, first_name="Vera", *, login=True, **values) -> VolunteerProfile:
    person = (
        factories.person_with_login(first_name=first_name, last_name="Vos")
        if login
        else factories.PersonFactory(first_name=first_name, last_name="Vos")
    )
    defaults = {
        "skills": ["company", "walking"],
        "motives": ["social_contact"],
        "languages": ["nl"],
        "availability": ["0-morning", "2-afternoon"],
        "wijk": "Noord",
        "vog_status": "valid",
        "vog_date": timezone.localdate() - dt.timedelta(days=100),
    }
    return VolunteerProfile.objects.create(
        person=person, organisation=org, **{**defaults, **values}
    )


def request_data(org, task_name="Op bezoek gaan", **values) -> dict:
    return {
        "task": factories.care_task(task_name),
        "details": "Een kop koffie en een praatje.",
        "slots": ["0-morning"],
        "duration_minutes": 60,
        "frequency": hr.Frequency.WEEKLY,
        "wanted_skills": ["company"],
        "languages": ["nl"],
        "preferences": [],
        "urgency": 2,
        "organisation": org,
        **values,
    }


def make_request(circle, org, task_name="Op bezoek gaan", *, by=None, **values):
    if not circle.wijk:
        circle.wijk = "Noord"
        circle.save(update_fields=["wijk"])
    return services.file_request(
        circle,
        request_data(org, task_name, **values),
        by=by or circle.client,
        source=hr.Source.PROFESSIONAL,
    )
