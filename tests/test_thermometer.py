"""Team thermometer pages: membership, lead-only actions, privacy of answers."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.domain.instruments import score
from samenspel.questionnaires.services import RoundError
from samenspel.teams import services
from samenspel.teams.demo import add_demo_thermometer
from samenspel.teams.models import ThermometerResponse, ThermometerRound
from samenspel.teams.thermometer import instrument
from tests import factories

pytestmark = pytest.mark.django_db

VALUES = ["helemaal_oneens", "oneens", "neutraal", "eens", "helemaal_eens"]


def _all(value):
    return {it.id: value for it in instrument().items}


def _post_all(value, action="submit"):
    data = {f"q_{it.id}": value for it in instrument().items}
    data["action"] = action
    return data


@pytest.fixture
def crew(team, other_team):
    lead = factories.person_with_login(first_name="Lieke")
    factories.EmploymentFactory(person=lead, organisation=team, is_team_lead=True)
    members = []
    for name in ("Ahmed", "Bea", "Cor", "Dewi"):
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


def _open(crew, title="Ronde 1"):
    return services.open_round(crew["team"], crew["lead"], title)


def _submit(round_, person, value):
    resp, missing = services.save_response(round_, person, _all(value), submit=True)
    assert missing == ()
    return resp


def test_member_sees_page_and_view_is_audited(client, crew):
    client.force_login(crew["members"][0].user)
    url = reverse("teams:thermometer", kwargs={"team_id": crew["team"].pk})
    resp = client.get(url)
    assert resp.status_code == 200
    assert AuditEvent.objects.filter(
        object_type="team_thermometer", object_id=str(crew["team"].pk), action="view"
    ).exists()


def test_lead_gets_the_round_name_field_in_the_usual_form_markup(client, crew):
    client.force_login(crew["lead"].user)
    html = client.get(reverse("teams:thermometer", kwargs={"team_id": crew["team"].pk})).content
    form = re.search(r"<form[^>]*thermometer/ronde/.*?</form>", html.decode(), re.S)
    assert form is not None and 'class="stack"' in form.group(0)
    assert '<input type="text" name="title"' in form.group(0)


@pytest.mark.parametrize("who", ["outsider", "stranger"])
def test_non_members_get_403_everywhere(client, crew, who):
    round_ = _open(crew)
    client.force_login(crew[who].user)
    team_id = crew["team"].pk
    kw = {"team_id": team_id, "round_id": round_.pk}
    assert client.get(reverse("teams:thermometer", kwargs={"team_id": team_id})).status_code == 403
    assert client.get(reverse("teams:answer", kwargs=kw)).status_code == 403
    assert client.post(reverse("teams:answer", kwargs=kw), _post_all("eens")).status_code == 403
    assert client.post(reverse("teams:round_close", kwargs=kw)).status_code == 403
    assert (
        client.post(
            reverse("teams:round_open", kwargs={"team_id": team_id}), {"title": "X"}
        ).status_code
        == 403
    )
    assert ThermometerResponse.objects.count() == 0
    assert ThermometerRound.objects.get().closed_at is None


def test_anonymous_is_sent_to_login(client, crew):
    url = reverse("teams:thermometer", kwargs={"team_id": crew["team"].pk})
    resp = client.get(url)
    assert resp.status_code == 302


def test_other_kind_of_organisation_is_not_found(client, crew):
    org = factories.OrganisationFactory(name="Thuiszorg", kind="care_provider")
    factories.EmploymentFactory(person=crew["members"][0], organisation=org)
    client.force_login(crew["members"][0].user)
    assert client.get(reverse("teams:thermometer", kwargs={"team_id": org.pk})).status_code == 404


def test_only_lead_opens_and_closes(client, crew):
    team_id = crew["team"].pk
    client.force_login(crew["members"][0].user)
    assert (
        client.post(
            reverse("teams:round_open", kwargs={"team_id": team_id}), {"title": "R"}
        ).status_code
        == 403
    )
    assert ThermometerRound.objects.count() == 0

    client.force_login(crew["lead"].user)
    resp = client.post(reverse("teams:round_open", kwargs={"team_id": team_id}), {"title": "R"})
    assert resp.status_code == 302
    round_ = ThermometerRound.objects.get()
    assert round_.is_open and round_.opened_by == crew["lead"]
    # a second open round is refused
    client.post(reverse("teams:round_open", kwargs={"team_id": team_id}), {"title": "R2"})
    assert ThermometerRound.objects.count() == 1

    kw = {"team_id": team_id, "round_id": round_.pk}
    client.force_login(crew["members"][1].user)
    assert client.post(reverse("teams:round_close", kwargs=kw)).status_code == 403
    round_.refresh_from_db()
    assert round_.is_open

    client.force_login(crew["lead"].user)
    assert client.post(reverse("teams:round_close", kwargs=kw)).status_code == 302
    round_.refresh_from_db()
    assert not round_.is_open
    assert AuditEvent.objects.filter(object_type="thermometer_round", action="update").exists()
    assert AuditEvent.objects.filter(object_type="thermometer_round", action="create").exists()


def test_double_open_is_refused_by_the_database(crew):
    """Two POSTs at once both pass the check; the constraint stops the second."""
    _open(crew)
    with pytest.raises(IntegrityError), transaction.atomic():
        ThermometerRound.objects.create(
            team=crew["team"], title="Ook open", opened_by=crew["lead"], opened_at=timezone.now()
        )
    real_filter = ThermometerRound.objects.filter
    race = mock.patch.object(ThermometerRound.objects, "filter", lambda **kw: real_filter(pk=0))
    with race, pytest.raises(RoundError):  # the first check sees nothing
        _open(crew, "Tweede")
    assert ThermometerRound.objects.filter(closed_at__isnull=True).count() == 1
    ThermometerRound.objects.update(closed_at=timezone.now())
    assert _open(crew, "Nieuw").is_open  # a closed round does not block the next one


def test_round_actions_are_post_only(client, crew):
    round_ = _open(crew)
    client.force_login(crew["lead"].user)
    kw = {"team_id": crew["team"].pk, "round_id": round_.pk}
    assert client.get(reverse("teams:round_close", kwargs=kw)).status_code == 405


def test_draft_then_incomplete_submit_keeps_answers_and_lists_missing(client, crew):
    round_ = _open(crew)
    me = crew["members"][0]
    client.force_login(me.user)
    url = reverse("teams:answer", kwargs={"team_id": crew["team"].pk, "round_id": round_.pk})
    items = instrument().items
    data = {f"q_{items[0].id}": "eens", "action": "draft"}
    assert client.post(url, data).status_code == 302
    resp = ThermometerResponse.objects.get(person=me)
    assert resp.answers == {items[0].id: "eens"} and resp.submitted_at is None

    data = {f"q_{items[0].id}": "eens", f"q_{items[1].id}": "oneens", "action": "submit"}
    page = client.post(url, data)
    assert page.status_code == 200
    html = page.content.decode()
    assert "U hebt 16 uitspraken nog niet beantwoord." in html
    assert items[2].text in html
    # what was typed is kept, in the form and in the draft
    kept = re.search(rf'<input[^>]*name="q_{items[1].id}"[^>]*value="oneens"[^>]*>', html)
    assert kept and "checked" in kept.group(0)
    assert html.count("checked") == 2
    resp.refresh_from_db()
    assert resp.answers == {items[0].id: "eens", items[1].id: "oneens"}
    assert resp.submitted_at is None


def test_invalid_value_gives_dutch_error(client, crew):
    round_ = _open(crew)
    client.force_login(crew["members"][0].user)
    url = reverse("teams:answer", kwargs={"team_id": crew["team"].pk, "round_id": round_.pk})
    data = _post_all("eens")
    data[f"q_{instrument().items[0].id}"] = "heel_erg"
    page = client.post(url, data)
    # 400 since the shared answer page (issue 13), as the reflection always answered.
    assert page.status_code == 400
    assert "Kies een van de antwoorden." in page.content.decode()
    assert ThermometerResponse.objects.count() == 0


def test_submit_scores_and_locks(client, crew):
    round_ = _open(crew)
    me = crew["members"][0]
    client.force_login(me.user)
    url = reverse("teams:answer", kwargs={"team_id": crew["team"].pk, "round_id": round_.pk})
    assert client.post(url, _post_all("eens")).status_code == 302
    resp = ThermometerResponse.objects.get(person=me)
    assert resp.submitted_at is not None
    assert set(resp.factor_scores.values()) == {4.0}
    # a second post changes nothing
    client.post(url, _post_all("oneens"))
    resp.refresh_from_db()
    assert set(resp.factor_scores.values()) == {4.0}
    assert (
        AuditEvent.objects.filter(object_type="thermometer_response", action="update").count() == 1
    )


def test_closed_round_cannot_be_answered(client, crew):
    round_ = _open(crew)
    services.close_round(round_)
    client.force_login(crew["members"][0].user)
    url = reverse("teams:answer", kwargs={"team_id": crew["team"].pk, "round_id": round_.pk})
    client.post(url, _post_all("eens"))
    assert ThermometerResponse.objects.count() == 0


def test_round_of_other_team_is_not_found(client, crew, other_team):
    foreign = ThermometerRound.objects.create(
        team=other_team, title="Zuid", opened_at=timezone.now()
    )
    client.force_login(crew["members"][0].user)
    url = reverse("teams:answer", kwargs={"team_id": crew["team"].pk, "round_id": foreign.pk})
    assert client.get(url).status_code == 404


def test_results_hidden_at_two_and_shown_at_three(client, crew):
    round_ = _open(crew)
    _submit(round_, crew["members"][0], "helemaal_eens")
    _submit(round_, crew["members"][1], "oneens")
    client.force_login(crew["lead"].user)
    url = reverse("teams:thermometer", kwargs={"team_id": crew["team"].pk})
    html = client.get(url).content.decode()
    # While the round is open nothing shows: one more answer would give someone away.
    assert "De uitkomst komt als de teamleider de ronde sluit" in html
    assert "<meter" not in html
    closed = ThermometerRound.objects.filter(pk=round_.pk)
    closed.update(closed_at=timezone.now())
    html = client.get(url).content.decode()
    assert "Nog te weinig antwoorden (2 van 3)." in html
    assert "<meter" not in html

    closed.update(closed_at=None)
    _submit(round_, crew["members"][2], "oneens")
    closed.update(closed_at=timezone.now())
    html = client.get(url).content.decode()
    assert "Nog te weinig antwoorden" not in html
    assert html.count("<meter") == 9
    # mean (5+2+2)/3 = 3,0; with three no range and no sd, only the word
    assert "3,0" in html
    assert "van 2,0 tot 5,0" not in html and "sd " not in html
    assert "veel verschil" in html  # sd 1,4
    assert "3 antwoorden" in html and "n = " not in html  # plain words, no statistics
    assert "Hoe ver de antwoorden uit elkaar liggen, ziet u in cijfers vanaf 5 antwoorden." in html


def test_spread_in_numbers_from_five_respondents(client, crew):
    round_ = _open(crew)
    people = crew["members"] + [crew["lead"]]
    for person, value in zip(
        people[:4], ["helemaal_eens", "oneens", "oneens", "oneens"], strict=True
    ):
        _submit(round_, person, value)
    closed = ThermometerRound.objects.filter(pk=round_.pk)
    closed.update(closed_at=timezone.now())
    client.force_login(crew["lead"].user)
    url = reverse("teams:thermometer", kwargs={"team_id": crew["team"].pk})
    html = client.get(url).content.decode()
    assert "van 2,0 tot 5,0" not in html and "sd " not in html  # four: still words only
    assert "4 antwoorden" in html

    closed.update(closed_at=None)
    _submit(round_, people[4], "oneens")
    closed.update(closed_at=timezone.now())
    html = client.get(url).content.decode()
    # five: 5,2,2,2,2 -> mean 2,6, sd 1,2, range 2,0..5,0
    assert "antwoorden van 2,0 tot 5,0 (5 antwoorden)" in html
    assert "sd " not in html and "n = " not in html  # no statistics jargon
    assert "ziet u in cijfers vanaf" not in html


def _factor_tbody(html: str) -> str:
    """The result cards of the (only) round."""
    return re.search(r'<ul class="log-entries thermo-table.*?</ul>', html, re.S).group(0)


@pytest.mark.parametrize("one,other", [((1, 3, 5), (2, 2, 5)), ((2, 3, 4), (3, 3, 3))])
def test_three_answer_sets_with_same_mean_and_word_look_the_same(client, crew, one, other):
    """A colleague who knows their own answer cannot tell which set the others gave."""
    round_ = _open(crew)
    people = crew["members"][:3]
    factors = [s.id for s in instrument().subscales]
    responses = [
        ThermometerResponse.objects.create(
            round=round_, person=p, answers={}, factor_scores={}, submitted_at=timezone.now()
        )
        for p in people
    ]
    ThermometerRound.objects.filter(pk=round_.pk).update(closed_at=timezone.now())
    client.force_login(crew["lead"].user)
    url = reverse("teams:thermometer", kwargs={"team_id": crew["team"].pk})

    def page(values):
        for response, v in zip(responses, values, strict=True):
            response.factor_scores = {f: float(v) for f in factors}
            response.save()
        return _factor_tbody(client.get(url).content.decode())

    first, second = page(one), page(other)
    assert "3,0" in first
    assert first == second


def test_colleague_never_sees_individual_answers(client, crew):
    """Three distinct answer patterns: only aggregates appear, for anyone."""
    round_ = _open(crew)
    a, b, c, d = crew["members"]
    _submit(round_, a, "helemaal_eens")
    _submit(round_, b, "helemaal_eens")
    _submit(round_, c, "helemaal_oneens")
    services.save_response(round_, d, _all("neutraal"), submit=False)  # a draft
    ThermometerRound.objects.filter(pk=round_.pk).update(closed_at=timezone.now())
    url = reverse("teams:thermometer", kwargs={"team_id": crew["team"].pk})
    for viewer in (crew["lead"], a, d):
        client.force_login(viewer.user)
        html = client.get(url).content.decode()
        # mean 11/3 = 3,7; no single person's score (5,0 or 1,0 alone as mean) appears
        assert "3,7" in html
        for name in ("Ahmed", "Bea", "Cor", "Dewi"):
            assert name not in html or viewer.first_name == name
        for value in VALUES:
            assert f'value="{value}"' not in html
        # a colleague's answer page only ever shows the viewer's own response
        answer_url = reverse(
            "teams:answer", kwargs={"team_id": crew["team"].pk, "round_id": round_.pk}
        )
        page = client.get(answer_url).content.decode()
        if viewer == a:
            assert page.count("checked") == 18  # own submitted answers, read-only
        elif viewer == d:
            assert page.count("checked") == 18  # own draft
        else:
            assert page.count("checked") == 0  # the lead has not answered


def test_low_factor_suggestions_disagreement_and_trend(client, crew):
    lead = crew["lead"]
    people = crew["members"]
    add_demo_thermometer(crew["team"], people + [lead], lead, dt.date(2026, 11, 1))
    client.force_login(people[0].user)
    html = client.get(
        reverse("teams:thermometer", kwargs={"team_id": crew["team"].pk})
    ).content.decode()
    assert "Tips voor: Lastige keuzes (ethische dilemma&#x27;s)" in html
    assert "Tips voor: Vertrouwen" not in html
    assert "veel verschil" in html  # "belangen" is split on purpose
    assert "+1,0" in html  # trend on contact, ongelijkheid, evalueren
    assert "geen vergelijking" in html  # the first round has nothing to compare with


def test_demo_is_deterministic_with_enough_responses(crew):
    people = crew["members"] + [crew["lead"]]
    rounds = add_demo_thermometer(crew["team"], people, crew["lead"], dt.date(2026, 11, 1))
    assert len(rounds) == 2
    for r in rounds:
        assert not r.is_open
        assert r.responses.filter(submitted_at__isnull=False).count() == 5
    first = {r.person_id: r.factor_scores for r in rounds[0].responses.all()}
    inst = instrument()
    for r in rounds[0].responses.all():
        assert score(inst, r.answers).subscale_scores == first[r.person_id]


def test_query_count_does_not_grow_with_rounds(client, crew):
    url = reverse("teams:thermometer", kwargs={"team_id": crew["team"].pk})
    client.force_login(crew["members"][0].user)
    client.get(url)
    add_demo_thermometer(
        crew["team"], crew["members"] + [crew["lead"]], crew["lead"], dt.date(2026, 6, 1)
    )
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add_demo_thermometer(
        crew["team"], crew["members"] + [crew["lead"]], crew["lead"], dt.date(2026, 11, 1)
    )
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)
