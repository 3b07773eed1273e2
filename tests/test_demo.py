"""The demo data command: complete, idempotent, realistic, and every log-in works."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from samenspel.accounts.models import Person, User
from samenspel.circles import selectors
from samenspel.circles.models import Circle, Member
from samenspel.core import demo
from samenspel.invitations.models import Invitation
from samenspel.organisations.models import Employment, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo_data(django_db_setup, django_db_blocker):
    """Load the demo once for this module and roll it back afterwards.

    The tests run inside this outer transaction (their own atomic blocks become
    savepoints), so nothing leaks into other test modules.
    """
    out = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("samenspel", "demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def reports():
    return [
        (c, selectors.report_for(c, selectors.active_members(c)))
        for c in Circle.objects.select_related("client")
    ]


def test_counts_and_organisations(demo_data):
    assert "Netwerken:      48" in demo_data
    assert Circle.objects.count() >= 40
    Kind = Organisation.Kind
    gemeente = Organisation.objects.get(kind=Kind.MUNICIPALITY, name="Gemeente Lindeveen")
    teams = Organisation.objects.filter(kind=Kind.NEIGHBOURHOOD_TEAM)
    assert {t.name for t in teams} == {"Wijkteam Lindeveen-Noord", "Wijkteam Lindeveen-Zuid"}
    assert all(t.parent == gemeente for t in teams)
    for kind in Kind.values:
        assert Organisation.objects.filter(kind=kind).exists(), kind
    schakel = Organisation.objects.get(name="Vrijwilligerscentrale De Schakel")
    assert schakel.allows_personal_care is False
    for team in teams:
        assert Employment.objects.filter(organisation=team, is_team_lead=True).count() == 1
        assert team.circles.count() >= 20  # both teams carry a real caseload
    # Every circle has the client as a member and says what help is needed.
    for circle in Circle.objects.all():
        assert circle.members.filter(kind="client", person=circle.client_id).exists()
        assert circle.needed_domains


def test_second_run_adds_nothing():
    before = [m.objects.count() for m in (Organisation, Person, User, Circle, Member, Invitation)]
    out = StringIO()
    call_command("samenspel", stdout=out)  # the subcommand defaults to "demo"
    assert "Demodata staat er al." in out.getvalue()
    after = [m.objects.count() for m in (Organisation, Person, User, Circle, Member, Invitation)]
    assert after == before


@pytest.mark.parametrize("username", [u for u, _role in demo.DEMO_LOGINS])
def test_every_demo_login_works(username):
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": username, "password": demo.DEMO_PASSWORD}
    )
    assert response.status_code == 302, username
    page = client.get("/")
    assert page.status_code == 200
    user = User.objects.get(username=username)
    person = getattr(user, "person", None)
    if username == "beheerder":
        assert user.is_superuser and user.is_staff and person is None
        assert reverse("admin:index") in page.content.decode()
    else:
        assert person.first_name in page.content.decode()


def test_demo_personas():
    greet = Person.objects.get(user__username="client")
    henk = Member.objects.get(person__user__username="mantelzorger")
    assert greet.full_name == "Greet Bakker"
    assert greet.memberships.get().kind == "client"
    assert henk.circle.client == greet
    assert (henk.relation, henk.access_level) == ("partner", "full")
    assert henk.hours_per_week >= 30
    assert set(henk.sofa_roles) == {"partner", "help_seeker"}

    pro = Person.objects.get(user__username="professional")
    assert pro.employments.get().discipline == "social_worker"
    assert pro.employments.get().organisation.name == "Wijkteam Lindeveen-Noord"
    assert pro.memberships.filter(kind="professional", access_level="full").count() >= 3
    teams = selectors.team_ids(pro.employments.select_related("organisation"))
    assert len(selectors.professional_caseload(pro, teams)) >= 20

    nurse = Person.objects.get(user__username="professional2").employments.get()
    assert (nurse.discipline, nurse.organisation.name) == (
        "district_nurse",
        "Wijkteam Lindeveen-Zuid",
    )
    lead = Person.objects.get(user__username="teamleider").employments.get()
    assert lead.is_team_lead and lead.organisation.name == "Wijkteam Lindeveen-Noord"


def test_volunteer_has_several_roles():
    roles = Member.objects.filter(person__user__username="vrijwilliger")
    volunteering = roles.filter(kind="volunteer")
    assert volunteering.count() == 2
    assert all(m.organisation.name == "Vrijwilligerscentrale De Schakel" for m in volunteering)
    assert roles.filter(kind="carer", relation="child").count() == 1


def test_mix_of_circles_is_realistic():
    results = reports()
    isolated = [c for c, r in results if r.isolated]
    heavy = [c for c, r in results if any(s.code == "carer_heavy_hours" for s in r.signals)]
    calm = [c for c, r in results if r.highest_severity != "high"]
    strong = [c for c, r in results if r.informal_count >= 4]
    assert 3 <= len(isolated) <= 8
    assert len(heavy) >= len(results) // 5  # roughly a quarter has an overloaded carer
    assert len(calm) >= 5
    assert len(strong) >= 5


def test_members_are_filled_in_sensibly():
    members = Member.objects.exclude(kind="client")
    assert not members.filter(motivation="").exists()
    assert members.filter(status="revoked").exists()
    for m in members.filter(kind="professional"):
        assert m.access_level == "full"
        assert m.discipline in Employment.Discipline.values
        assert m.organisation_id is not None
    for m in members.filter(kind="volunteer"):
        assert 2 <= m.hours_per_week <= 4
        assert m.organisation.kind == "volunteer_organisation"
    carers = members.filter(kind="carer")
    assert all(m.sofa_roles and m.relation for m in carers)
    assert not carers.filter(relation__in=["partner", "child"], hours_per_week__gte=4).exclude(
        closeness=1
    )
    assert carers.filter(access_level="map_only").exists()
    statuses = {i.status for i in Invitation.objects.all()}
    assert {"invited", "active", "expired", "revoked"} <= statuses
