"""Test data builders. Keep them small: tests state what matters to them."""

import factory

from samenspel.accounts.models import Person, User
from samenspel.circles import services
from samenspel.circles.models import Member
from samenspel.organisations.models import Employment, Organisation

PASSWORD = "test-wachtwoord-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Voornaam{n}")
    last_name = "Jansen"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Wijkteam {n}")
    kind = Organisation.Kind.NEIGHBOURHOOD_TEAM


class EmploymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employment

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    discipline = Employment.Discipline.SOCIAL_WORKER


def person_with_login(**kwargs) -> Person:
    return PersonFactory(user=UserFactory(), **kwargs)


def make_circle(team=None, client=None, **kwargs):
    client = client or PersonFactory()
    return services.create_circle(client, team=team, **kwargs)


def add_member(circle, kind="carer", person=None, **kwargs) -> Member:
    defaults = {
        "carer": {"relation": "child", "access_level": "full"},
        "volunteer": {"access_level": "agenda"},
        "professional": {"access_level": "full", "discipline": "district_nurse"},
    }[kind]
    values = {**defaults, **kwargs}
    if kind in ("volunteer", "professional") and "organisation" not in values:
        values["organisation"] = OrganisationFactory(
            kind="volunteer_organisation" if kind == "volunteer" else "care_provider"
        )
    return Member.objects.create(
        circle=circle, person=person or PersonFactory(), kind=kind, **values
    )


def care_task(name: str):
    """A task from the catalogue the migration loads (e.g. "Insuline spuiten")."""
    from samenspel.agreements.models import CareTask

    if not CareTask.objects.exists():
        # A transactional test (live server, browser) flushed the data the
        # migration loaded: put the catalogue back.
        import importlib

        from django.apps import apps

        catalogue = importlib.import_module("samenspel.agreements.migrations.0002_catalogue")
        catalogue.add_catalogue(apps, None)
    return CareTask.objects.get(name=name)


def make_agreement(circle, task_name="Boodschappen doen", *, by=None, **values):
    """An agreement saved through the service (rules checked, occurrences planned).

    Defaults: weekly on Monday at 10:00 for an hour, starting today.
    """
    import datetime as dt

    from django.utils import timezone

    from samenspel.agreements.services import save_agreement

    data = {
        "task": care_task(task_name),
        "frequency": "weekly",
        "weekdays": [0],
        "start_date": timezone.localdate(),
        "start_time": dt.time(10, 0),
        "duration_minutes": 60,
        **values,
    }
    agreement, _warnings = save_agreement(circle, data, by=by or circle.client)
    return agreement
