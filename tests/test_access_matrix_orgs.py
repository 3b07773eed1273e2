"""Every team and volunteer-organisation URL × every kind of user → allowed or denied.

The circle URLs have their matrix in test_access_matrix.py. These pages hang off a
wijkteam or a volunteer organisation instead. A new URL under ``team/``,
``vrijwilligers/`` or ``mijn-vrijwilligerswerk/`` fails
`test_every_org_url_is_in_the_matrix` until it gets a row here.

"Allowed" means the permission layer let the request through (a form error is
fine); "denied" is 403, or 404 where the object belongs to someone else.
"""

import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from samenspel.helprequests.services import propose
from samenspel.organisations.models import Organisation
from samenspel.reflection import services as reflection_services
from samenspel.teams import services as team_services
from samenspel.teams.models import WerkplanAction
from samenspel.volunteers.models import VolunteerAgreement
from tests import factories, helprequests_support

USERS = [
    "anonymous",
    "outsider",
    "team_member",
    "team_lead",
    "coordinator",
    "coordinator_other",
    "volunteer",
    "volunteer_other",
]
TEAM = {"team_member", "team_lead"}
LOGGED_IN = set(USERS) - {"anonymous"}

# url name → (HTTP method, users allowed)
MATRIX = {
    "teams:thermometer": ("get", TEAM),
    "teams:round_open": ("post", {"team_lead"}),
    "teams:round_close": ("post", {"team_lead"}),
    "teams:answer": ("get", TEAM),
    "teams:session_new": ("get", {"team_lead"}),
    "teams:werkplan": ("get", TEAM),
    "teams:action_status": ("post", {"team_lead"}),  # the lead owns the action
    "reflection_team:overview": ("get", TEAM),
    "reflection_team:round_open": ("post", {"team_lead"}),
    "reflection_team:round_close": ("post", {"team_lead"}),
    "reflection_team:answer": ("get", TEAM),
    "reflection_team:results": ("get", TEAM),
    "volunteers:index": (
        "get",
        {"coordinator", "coordinator_other", "volunteer", "volunteer_other"},
    ),
    "volunteers:list": ("get", {"coordinator"}),
    "volunteers:intake": ("get", {"coordinator"}),
    "volunteers:detail": ("get", {"coordinator", "volunteer"}),
    "volunteers:edit": ("get", {"coordinator"}),
    "volunteers:agreement_new": ("get", {"coordinator"}),
    "volunteers:agreement": ("get", {"coordinator", "volunteer"}),
    "volunteers:agreement_edit": ("get", {"coordinator"}),
    "my_volunteering:home": ("get", LOGGED_IN),  # shows only the viewer's own data
    "wifa:overview": ("get", {"coordinator"}),
    "wifa:volunteer": ("get", {"coordinator"}),
    "wifa:thanks": ("post", {"coordinator"}),
    "matching:open": ("get", {"coordinator"}),
    "matching:batch": ("get", {"coordinator"}),
    "matching:shortlist": ("get", {"coordinator"}),
    "matching:propose": ("post", {"coordinator"}),
    "matching:proposal": ("get", {"coordinator"}),
    "matching:proposal_step": ("post", {"coordinator"}),
    "my_proposals:list": ("get", LOGGED_IN),  # shows only the viewer's own proposals
    "my_proposals:detail": ("get", {"volunteer"}),
    "my_proposals:answer": ("post", {"volunteer"}),
}

ORG_PREFIXES = ("team/", "vrijwilligers/", "mijn-vrijwilligerswerk/")


def _org_url_names():
    names = set()

    def walk(patterns, namespace, prefix):
        for p in patterns:
            path = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace, path)
            elif isinstance(p, URLPattern) and p.name and path.startswith(ORG_PREFIXES):
                names.add(f"{namespace}:{p.name}")

    walk(get_resolver().url_patterns, None, "")
    return names


def test_every_org_url_is_in_the_matrix():
    assert _org_url_names() == set(MATRIX)


@pytest.fixture
def scene(db):
    users = {}

    def login(name, **kwargs):
        person = factories.person_with_login(first_name=name.replace("_", "").title(), **kwargs)
        users[name] = person.user
        return person

    team = factories.OrganisationFactory(name="Wijkteam Oost")
    member = login("team_member")
    lead = login("team_lead")
    factories.EmploymentFactory(person=member, organisation=team)
    factories.EmploymentFactory(person=lead, organisation=team, is_team_lead=True)
    login("outsider")

    org = helprequests_support.volunteer_org("De Brug")
    other_org = helprequests_support.volunteer_org("Het Anker")
    factories.EmploymentFactory(person=login("coordinator"), organisation=org)
    factories.EmploymentFactory(person=login("coordinator_other"), organisation=other_org)
    profile = helprequests_support.volunteer(org, "Vera")
    users["volunteer"] = profile.person.user
    users["volunteer_other"] = helprequests_support.volunteer(org, "Otto").person.user

    closed = team_services.open_round(team, lead, "Voorjaar")
    team_services.close_round(closed)
    open_round = team_services.open_round(team, lead, "Najaar")
    action = WerkplanAction.objects.create(
        team=team, spearhead="kennis", text="Mantelzorgcafé bezoeken", owner=lead, due="2027-01-01"
    )
    reflection_closed = reflection_services.open_round(lead, "Voorjaar", team=team)
    reflection_services.close_round(reflection_closed)
    reflection_open = reflection_services.open_round(lead, "Najaar", team=team)

    agreement = VolunteerAgreement.objects.create(profile=profile, start_date=dt.date(2026, 1, 1))
    circle = factories.make_circle(team=team)
    help_request = helprequests_support.make_request(circle, org)
    proposal = propose(help_request, profile, by=None)
    return {
        "users": users,
        "team": team,
        "org": org,
        "profile": profile,
        "agreement": agreement,
        "round_open": open_round,
        "round_closed": closed,
        "action": action,
        "reflection_open": reflection_open,
        "reflection_closed": reflection_closed,
        "help_request": help_request,
        "proposal": proposal,
    }


def _kwargs(name, scene):
    app = name.split(":")[0]
    kwargs = {}
    if app in ("teams", "reflection_team"):
        kwargs["team_id"] = scene["team"].pk
    if app in ("volunteers", "wifa", "matching") and name != "volunteers:index":
        kwargs["organisation_id"] = scene["org"].pk
    if name in ("teams:round_close", "teams:answer"):
        kwargs["round_id"] = scene["round_open"].pk
    if name == "teams:action_status":
        kwargs["action_id"] = scene["action"].pk
    if name in ("reflection_team:round_close", "reflection_team:answer"):
        kwargs["round_id"] = scene["reflection_open"].pk
    if name == "reflection_team:results":
        kwargs["round_id"] = scene["reflection_closed"].pk
    if name.startswith("volunteers:") and name not in (
        "volunteers:index",
        "volunteers:list",
        "volunteers:intake",
    ):
        kwargs["profile_id"] = scene["profile"].pk
    if name in ("volunteers:agreement", "volunteers:agreement_edit"):
        kwargs["agreement_id"] = scene["agreement"].pk
    if name in ("wifa:volunteer", "wifa:thanks"):
        kwargs["volunteer_id"] = scene["profile"].pk
    if name in ("matching:shortlist", "matching:propose"):
        kwargs["request_id"] = scene["help_request"].pk
    if name in (
        "matching:proposal",
        "matching:proposal_step",
        "my_proposals:detail",
        "my_proposals:answer",
    ):
        kwargs["proposal_id"] = scene["proposal"].pk
    return kwargs


POST_DATA = {
    "teams:round_open": {"title": "Winter"},
    "teams:action_status": {"status": "bezig", "version": "1"},
    "reflection_team:round_open": {"title": "Winter"},
    "wifa:thanks": {},
    "matching:propose": {},
    "matching:proposal_step": {"step": "start"},
    "my_proposals:answer": {"answer": "accept", "version": "1"},
}


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("who", USERS)
def test_org_matrix(client, scene, name, who):
    method, allowed = MATRIX[name]
    url = reverse(name, kwargs=_kwargs(name, scene))
    if who != "anonymous":
        client.force_login(scene["users"][who])
    response = getattr(client, method)(url, POST_DATA.get(name, {}))
    login_url = reverse("accounts:login")
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(login_url)
    elif who in allowed:
        # Through the permission layer; a refused form (400) still counts.
        assert response.status_code in (200, 204, 302, 400), response.status_code
        if response.status_code == 302:
            assert not response["Location"].startswith(login_url)
    else:
        assert response.status_code in (403, 404), response.status_code


@pytest.mark.django_db
def test_team_pages_of_a_non_team_organisation_are_not_found(client):
    org = factories.OrganisationFactory(kind=Organisation.Kind.CARE_PROVIDER)
    person = factories.person_with_login()
    factories.EmploymentFactory(person=person, organisation=org)
    client.force_login(person.user)
    assert client.get(reverse("teams:thermometer", args=[org.pk])).status_code == 404
    assert client.get(reverse("volunteers:list", args=[org.pk])).status_code == 404
