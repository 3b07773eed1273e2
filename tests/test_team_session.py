"""Team session → werkplan: lead-only session, members read the werkplan,
owner or lead change status, empty action rows ignored, input kept on errors."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.domain.teamplan import overdue
from samenspel.teams import services
from samenspel.teams.demo import add_demo_session, add_demo_thermometer
from samenspel.teams.models import TeamSession, WerkplanAction
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def crew(team, other_team):
    lead = factories.person_with_login(first_name="Lieke")
    factories.EmploymentFactory(person=lead, organisation=team, is_team_lead=True)
    members = []
    for name in ("Ahmed", "Bea"):
        p = factories.person_with_login(first_name=name)
        factories.EmploymentFactory(person=p, organisation=team)
        members.append(p)
    outsider = factories.person_with_login(first_name="Olga")
    factories.EmploymentFactory(person=outsider, organisation=other_team)
    stranger = factories.person_with_login(first_name="Sam")
    return {
        "team": team,
        "lead": lead,
        "members": members,
        "outsider": outsider,
        "stranger": stranger,
    }


def _url(name, crew, **kw):
    return reverse(f"teams:{name}", kwargs={"team_id": crew["team"].pk, **kw})


def _action(crew, owner, *, due=None, status="open", text="Steunpunt uitnodigen"):
    session = services.create_session(
        crew["team"],
        crew["lead"],
        dt.date(2026, 3, 1),
        {},
        [
            {
                "spearhead": "omgeving_context",
                "text": text,
                "owner": owner,
                "due": due or dt.date(2026, 4, 1),
                "layer": "samenspel",
            }
        ],
    )
    action = session.actions.get()
    if status != "open":
        action.status = status
        action.save()
    return action


def _session_data(**extra):
    data = {"held_on": "2026-03-01"}
    data.update(extra)
    return data


def test_lead_creates_session_with_actions_and_empty_rows_are_ignored(client, crew):
    ahmed = crew["members"][0]
    client.force_login(crew["lead"].user)
    resp = client.post(
        _url("session_new", crew),
        _session_data(
            kennis_visie_now="We weten weinig over mantelzorgers.",
            kennis_visie_important="Samen leren.",
            kennis_visie_a1_text="Scholing plannen",
            kennis_visie_a1_owner=str(ahmed.pk),
            kennis_visie_a1_due="2026-06-01",
            kennis_visie_a1_layer="verandering",
            # Row 2 of kennis_visie and all other rows empty; a layer alone is ignored.
            instrumenten_a2_layer="samenwerken",
        ),
    )
    assert resp.status_code == 302
    assert resp["Location"] == _url("werkplan", crew)
    session = TeamSession.objects.get(team=crew["team"])
    assert session.created_by == crew["lead"]
    assert session.held_on == dt.date(2026, 3, 1)
    assert session.notes["kennis_visie"] == {
        "now": "We weten weinig over mantelzorgers.",
        "important": "Samen leren.",
    }
    assert session.notes["instrumenten"] == {"now": "", "important": ""}
    action = WerkplanAction.objects.get()
    assert (action.spearhead, action.text, action.owner, action.layer, action.status) == (
        "kennis_visie",
        "Scholing plannen",
        ahmed,
        "verandering",
        "open",
    )
    assert action.due == dt.date(2026, 6, 1)
    assert AuditEvent.objects.filter(
        object_type="team_session", object_id=str(session.pk), action="create"
    ).exists()


def test_member_cannot_create_session(client, crew):
    client.force_login(crew["members"][0].user)
    assert client.get(_url("session_new", crew)).status_code == 403
    assert client.post(_url("session_new", crew), _session_data()).status_code == 403
    assert not TeamSession.objects.exists()


def test_lead_get_form_is_audited_and_lists_only_team_members(client, crew):
    client.force_login(crew["lead"].user)
    resp = client.get(_url("session_new", crew))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Hoe staat het nu?" in html
    assert "Kennis en visie" in html
    assert "Ahmed" in html
    assert "Olga" not in html
    assert AuditEvent.objects.filter(object_type="team_session", action="view").exists()


def test_errors_keep_input_and_save_nothing(client, crew):
    client.force_login(crew["lead"].user)
    resp = client.post(
        _url("session_new", crew),
        _session_data(
            rol_professional_now="Wij wachten vaak af.",
            rol_professional_a1_text="Huisbezoeken bij nieuwe cliënten",
            # owner and due missing
        ),
    )
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "Kies wie dit doet." in html
    assert "Vul in wanneer het klaar moet zijn." in html
    assert "Wij wachten vaak af." in html
    assert 'value="Huisbezoeken bij nieuwe cliënten"' in html
    assert not TeamSession.objects.exists()
    assert not WerkplanAction.objects.exists()


def test_owner_must_be_team_member(client, crew):
    client.force_login(crew["lead"].user)
    resp = client.post(
        _url("session_new", crew),
        _session_data(
            kennis_visie_a1_text="Iets doen",
            kennis_visie_a1_owner=str(crew["outsider"].pk),
            kennis_visie_a1_due="2026-06-01",
        ),
    )
    assert resp.status_code == 400
    assert "Kies een teamlid uit de lijst." in resp.content.decode()
    assert not WerkplanAction.objects.exists()


def test_missing_date_gives_dutch_error(client, crew):
    client.force_login(crew["lead"].user)
    resp = client.post(_url("session_new", crew), {"held_on": ""})
    assert resp.status_code == 400
    assert "Vul de datum van de sessie in." in resp.content.decode()


def test_member_sees_werkplan_with_overdue_marked(client, crew):
    bea = crew["members"][1]
    today = timezone.localdate()
    late = _action(crew, bea, due=today - dt.timedelta(days=3), text="Te laat ding")
    _action(crew, bea, due=today - dt.timedelta(days=3), status="klaar", text="Klaar ding")
    client.force_login(crew["members"][0].user)
    resp = client.get(_url("werkplan", crew))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Te laat ding" in html and "Klaar ding" in html
    assert html.count("werkplan-overdue") == 1
    assert "Omgeving en context" in html
    # A member who is neither owner nor lead gets no status form.
    assert (
        reverse("teams:action_status", kwargs={"team_id": crew["team"].pk, "action_id": late.pk})
        not in html
    )
    assert AuditEvent.objects.filter(
        object_type="werkplan", object_id=str(crew["team"].pk), action="view"
    ).exists()


@pytest.mark.parametrize("who", ["outsider", "stranger"])
def test_non_members_get_403(client, crew, who):
    action = _action(crew, crew["members"][0])
    client.force_login(crew[who].user)
    assert client.get(_url("werkplan", crew)).status_code == 403
    assert client.get(_url("session_new", crew)).status_code == 403
    resp = client.post(
        _url("action_status", crew, action_id=action.pk), {"status": "klaar", "version": "1"}
    )
    assert resp.status_code == 403
    action.refresh_from_db()
    assert action.status == "open"


@pytest.mark.parametrize("who", ["owner", "lead"])
def test_owner_and_lead_change_status(client, crew, who):
    owner = crew["members"][0]
    action = _action(crew, owner)
    client.force_login((owner if who == "owner" else crew["lead"]).user)
    resp = client.post(
        _url("action_status", crew, action_id=action.pk), {"status": "bezig", "version": "1"}
    )
    assert resp.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.version) == ("bezig", 2)
    assert AuditEvent.objects.filter(
        object_type="werkplan_action", object_id=str(action.pk), action="update"
    ).exists()


def test_other_member_cannot_change_status(client, crew):
    action = _action(crew, crew["members"][0])
    client.force_login(crew["members"][1].user)
    resp = client.post(
        _url("action_status", crew, action_id=action.pk), {"status": "klaar", "version": "1"}
    )
    assert resp.status_code == 403
    action.refresh_from_db()
    assert (action.status, action.version) == ("open", 1)


def test_stale_version_is_refused(client, crew):
    owner = crew["members"][0]
    action = _action(crew, owner)
    services.set_action_status(action, "bezig", 1)
    client.force_login(owner.user)
    resp = client.post(
        _url("action_status", crew, action_id=action.pk),
        {"status": "klaar", "version": "1"},
        follow=True,
    )
    assert "net gewijzigd" in resp.content.decode()
    action.refresh_from_db()
    assert (action.status, action.version) == ("bezig", 2)


def test_bad_status_is_refused(client, crew):
    owner = crew["members"][0]
    action = _action(crew, owner)
    client.force_login(owner.user)
    client.post(_url("action_status", crew, action_id=action.pk), {"status": "weg", "version": "1"})
    action.refresh_from_db()
    assert (action.status, action.version) == ("open", 1)


def test_action_of_other_team_is_404(client, crew, other_team):
    action = _action(crew, crew["members"][0])
    lead_other = factories.person_with_login(first_name="Lotte")
    factories.EmploymentFactory(person=lead_other, organisation=other_team, is_team_lead=True)
    client.force_login(lead_other.user)
    url = reverse("teams:action_status", kwargs={"team_id": other_team.pk, "action_id": action.pk})
    assert client.post(url, {"status": "klaar", "version": "1"}).status_code == 404


def test_session_page_reminds_of_low_thermometer_factors(client, crew):
    people = [factories.person_with_login(first_name=f"P{i}") for i in range(5)]
    for p in people:
        factories.EmploymentFactory(person=p, organisation=crew["team"])
    add_demo_thermometer(crew["team"], people, crew["lead"], dt.date(2026, 11, 1))
    client.force_login(crew["lead"].user)
    html = client.get(_url("session_new", crew)).content.decode()
    assert "Uit de laatste teamthermometer" in html
    assert "session-reminder" in html


def test_no_reminder_without_closed_round(client, crew):
    client.force_login(crew["lead"].user)
    html = client.get(_url("session_new", crew)).content.decode()
    assert "session-reminder" not in html


def test_demo_session_has_all_statuses_and_one_overdue(crew):
    today = dt.date(2026, 11, 1)
    session = add_demo_session(crew["team"], crew["members"], crew["lead"], today)
    actions = list(session.actions.all())
    assert {a.status for a in actions} == {"open", "bezig", "klaar"}
    assert {a.spearhead for a in actions} == {
        "kennis_visie",
        "rol_professional",
        "instrumenten",
        "omgeving_context",
    }
    assert sum(overdue(a.due, a.status, today) for a in actions) == 1


def test_session_date_is_prefilled_in_the_format_a_date_field_reads(client, crew):
    """Bug fix: under the Dutch locale the date was rendered as 24-05-2026, which a
    browser's date field cannot read; it showed empty and the lead got an error."""
    client.force_login(crew["lead"].user)
    html = client.get(_url("session_new", crew)).content.decode()
    today = timezone.localdate().isoformat()
    assert re.search(rf'<input type="date" name="held_on" value="{today}"', html)


def test_werkplan_shows_each_action_as_a_card_with_its_status_control(client, crew):
    """No table: on a phone the status control must not end up off-screen."""
    owner = crew["members"][0]
    today = timezone.localdate()
    action = _action(crew, owner, due=today - dt.timedelta(days=1), text="Steunpunt bellen")
    client.force_login(owner.user)
    html = client.get(_url("werkplan", crew)).content.decode()
    assert "<table" not in html
    card = re.search(r'<li class="log-entry werkplan-action[^"]*">.*?</li>\s*</ul>', html, re.S)
    card = card.group(0)
    assert "werkplan-overdue" in card and "te laat" in card
    assert "<h3>Steunpunt bellen</h3>" in card
    assert str(owner) in card
    assert "Gaat vooral over" in card and "Samenspel (verantwoordelijkheid" in card
    assert ">Laag<" not in html
    assert f'<label for="status-{action.pk}">Nieuwe status' in card
    assert f'id="status-{action.pk}"' in card
    assert re.search(r'<form[^>]*class="stack no-print"', card)
