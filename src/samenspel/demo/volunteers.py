"""Volunteer work in the demo (issue 6): profiles and agreements at De Schakel,
help requests and proposals in every state, and WIFA follow-up. The volunteer
coordinator Wilma Kok logs in as ``coordinator``. Everything is idempotent."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from samenspel.accounts.models import Person
from samenspel.demo import names
from samenspel.helprequests.demo import add_demo_helprequests
from samenspel.organisations.models import Employment, Organisation
from samenspel.volunteers.demo import add_demo_volunteers
from samenspel.wifa.demo import add_demo_wifa

COORDINATOR_LOGIN = "coordinator"
VOLUNTEER_CENTRE = names.VOLUNTEER_CENTRE


def _coordinator_login(organisation: Organisation) -> None:
    """Give Wilma Kok a log-in when the demo predates it."""
    User = get_user_model()
    if User.objects.filter(username=COORDINATOR_LOGIN).exists():
        return
    employment = (
        Employment.objects.filter(
            organisation=organisation, discipline=Employment.Discipline.VOLUNTEER_COORDINATOR
        )
        .select_related("person")
        .first()
    )
    if employment is None or employment.person.user_id is not None:
        return
    person: Person = employment.person
    user = User(
        username=COORDINATOR_LOGIN,
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email or f"{COORDINATOR_LOGIN}@example.com",
    )
    user.set_password(names.DEMO_PASSWORD)
    user.save()
    person.user = user
    person.save(update_fields=["user"])


def add_volunteering(circles, *, seed: int, today) -> None:
    organisation = Organisation.objects.filter(
        kind=Organisation.Kind.VOLUNTEER_ORGANISATION, name=VOLUNTEER_CENTRE
    ).first()
    if organisation is None:
        return
    _coordinator_login(organisation)
    people = list(
        Person.objects.filter(memberships__kind="volunteer", memberships__organisation=organisation)
        .distinct()
        .order_by("pk")
    )
    add_demo_volunteers(organisation, people, today, seed=seed)
    add_demo_wifa(organisation, today, seed=seed)
    add_demo_helprequests(today, seed)
