"""Equality reflection pages: who takes part, privacy of answers, results per party."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.audit.models import AuditEvent
from samenspel.domain.reflection import Party
from samenspel.questionnaires.services import RoundError
from samenspel.reflection import selectors, services
from samenspel.reflection.demo import add_demo_reflection
from samenspel.reflection.instrument import instrument
from samenspel.reflection.models import ReflectionResponse, ReflectionRound
from tests import factories

pytestmark = pytest.mark.django_db

USERS = ["client", "carer", "volunteer", "map_only", "pro_team", "pro_other", "revoked"]
TAKES_PART = {"client", "carer", "volunteer", "pro_team"}


def _all(value):
    return {it.id: value for it in instrument().items}


def _post_all(value, action="submit"):
    data = {f"q_{it.id}": value for it in instrument().items}
    data["action"] = action
    return data


def _checked(html: str) -> list[str]:
    """Values of the checked radio buttons on a page."""
    return re.findall(r'<input[^>]*value="([a-z_]+)"[^>]*checked', html)


def _circle_url(world, name, **kw):
    return reverse(f"reflection:{name}", kwargs={"circle_id": world["circle"].pk, **kw})


def _team_url(team, name, **kw):
    return reverse(f"reflection_team:{name}", kwargs={"team_id": team.pk, **kw})


def _submit(round_, person, party, value):
    resp, missing = services.save_response(round_, person, party, _all(value), submit=True)
    assert missing == ()
    return resp


@pytest.fixture
def circle_round(world):
    return services.open_round(world["circle"].client, "Voorjaar", circle=world["circle"])


@pytest.fixture
def lead(team):
    person = factories.person_with_login(first_name="Lieke")
    factories.EmploymentFactory(person=person, organisation=team, is_team_lead=True)
    return person


# --- circle scope: who may do what ------------------------------------------------


@pytest.mark.parametrize("who", USERS)
def test_circle_overview_and_answer_only_for_those_who_take_part(client, world, circle_round, who):
    client.force_login(world["users"][who])
    overview = client.get(_circle_url(world, "overview"))
    answer = client.get(_circle_url(world, "answer", round_id=circle_round.pk))
    expected = 200 if who in TAKES_PART else 403
    assert overview.status_code == expected
    assert answer.status_code == expected


def test_anonymous_goes_to_login(client, world, circle_round):
    resp = client.get(_circle_url(world, "overview"))
    assert resp.status_code == 302
    assert resp["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", USERS)
def test_only_client_side_and_professionals_open_a_circle_round(client, world, who):
    client.force_login(world["users"][who])
    resp = client.post(_circle_url(world, "round_open"), {"title": "Najaar"})
    if who in ("client", "pro_team"):
        assert resp.status_code == 302
        assert ReflectionRound.objects.get().circle == world["circle"]
    else:
        assert resp.status_code == 403
        assert not ReflectionRound.objects.exists()


@pytest.mark.parametrize("who", ["carer", "volunteer", "map_only", "pro_other"])
def test_others_cannot_close_a_circle_round(client, world, circle_round, who):
    client.force_login(world["users"][who])
    resp = client.post(_circle_url(world, "round_close", round_id=circle_round.pk))
    assert resp.status_code == 403
    circle_round.refresh_from_db()
    assert circle_round.is_open


def test_revoked_and_map_only_members_cannot_post_answers(client, world, circle_round):
    for who in ("revoked", "map_only"):
        client.force_login(world["users"][who])
        resp = client.post(
            _circle_url(world, "answer", round_id=circle_round.pk), _post_all("eens")
        )
        assert resp.status_code == 403
    assert not ReflectionResponse.objects.exists()


def test_round_of_another_circle_is_not_found(client, world, team):
    other = factories.make_circle(team=team)
    round_ = services.open_round(other.client, "Elders", circle=other)
    client.force_login(world["users"]["carer"])
    resp = client.get(_circle_url(world, "answer", round_id=round_.pk))
    assert resp.status_code == 404


def test_open_with_empty_title_keeps_page_with_error(client, world):
    client.force_login(world["users"]["client"])
    resp = client.post(_circle_url(world, "round_open"), {"title": "  "})
    assert resp.status_code == 400
    assert "Geef de vragenlijst een naam" in resp.content.decode()
    assert not ReflectionRound.objects.exists()


def test_second_open_round_is_refused(client, world, circle_round):
    client.force_login(world["users"]["pro_team"])
    client.post(_circle_url(world, "round_open"), {"title": "Nog een"})
    assert ReflectionRound.objects.count() == 1


# --- answering ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who,party",
    [
        ("client", Party.CLIENT_SIDE),
        ("carer", Party.CARER),
        ("volunteer", Party.VOLUNTEER),
        ("pro_team", Party.PROFESSIONAL),
    ],
)
def test_each_answers_for_their_own_party(client, world, circle_round, who, party):
    client.force_login(world["users"][who])
    resp = client.post(_circle_url(world, "answer", round_id=circle_round.pk), _post_all("eens"))
    assert resp.status_code == 302
    response = ReflectionResponse.objects.get()
    assert response.person.user == world["users"][who]
    assert response.party == party
    assert response.submitted_at is not None
    assert set(response.dimension_scores) == {s.id for s in instrument().subscales}
    assert AuditEvent.objects.filter(
        object_type="reflection_response", object_id=str(response.pk), action="update"
    ).exists()


def test_legal_representative_answers_for_the_client_side(client, world, circle_round):
    carer = world["members"]["carer"]
    carer.is_legal_representative = True
    carer.save()
    client.force_login(world["users"]["carer"])
    client.post(_circle_url(world, "answer", round_id=circle_round.pk), _post_all("eens"))
    assert ReflectionResponse.objects.get().party == Party.CLIENT_SIDE


def test_nobody_sees_another_persons_answers(client, world, circle_round):
    """A's answers are on A's own form only; B's form of the same round is empty."""
    carer = world["members"]["carer"].person
    services.save_response(circle_round, carer, Party.CARER, _all("helemaal_oneens"), submit=True)
    url = _circle_url(world, "answer", round_id=circle_round.pk)

    client.force_login(world["users"]["carer"])
    own = client.get(url).content.decode()
    assert _checked(own) == ["helemaal_oneens"] * len(instrument().items)

    for who in ("volunteer", "client", "pro_team"):
        client.force_login(world["users"][who])
        page = client.get(url).content.decode()
        assert _checked(page) == [], who
        assert "helemaal_oneens" not in re.findall(r'checked[^>]*value="([a-z_]+)"', page)


def test_draft_then_submit_and_submitted_is_final(client, world, circle_round):
    client.force_login(world["users"]["carer"])
    url = _circle_url(world, "answer", round_id=circle_round.pk)
    client.post(url, _post_all("neutraal", action="draft"))
    response = ReflectionResponse.objects.get()
    assert response.submitted_at is None
    assert _checked(client.get(url).content.decode()).count("neutraal") == len(instrument().items)
    client.post(url, _post_all("eens"))
    response.refresh_from_db()
    assert response.submitted_at is not None
    client.post(url, _post_all("oneens"))
    response.refresh_from_db()
    assert set(response.answers.values()) == {"eens"}


def test_incomplete_submit_keeps_answers_and_names_the_missing(client, world, circle_round):
    client.force_login(world["users"]["volunteer"])
    items = instrument().items
    data = {f"q_{it.id}": "eens" for it in items[:-2]}
    data["action"] = "submit"
    resp = client.post(_circle_url(world, "answer", round_id=circle_round.pk), data)
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "U hebt 2 uitspraken nog niet beantwoord." in html
    assert _checked(html) == ["eens"] * (len(items) - 2)
    response = ReflectionResponse.objects.get()
    assert response.submitted_at is None
    assert len(response.answers) == len(items) - 2


def test_bad_value_keeps_other_answers_and_saves_nothing(client, world, circle_round):
    client.force_login(world["users"]["carer"])
    items = instrument().items
    data = _post_all("eens")
    data[f"q_{items[0].id}"] = "heel_misschien"
    resp = client.post(_circle_url(world, "answer", round_id=circle_round.pk), data)
    html = resp.content.decode()
    assert resp.status_code == 400
    assert "Kies een van de antwoorden." in html
    assert f'aria-describedby="fout-{items[0].id}"' in html
    assert _checked(html) == ["eens"] * (len(items) - 1)
    assert not ReflectionResponse.objects.exists()


def test_closed_round_cannot_be_answered(client, world, circle_round):
    services.close_round(circle_round)
    client.force_login(world["users"]["carer"])
    resp = client.post(_circle_url(world, "answer", round_id=circle_round.pk), _post_all("eens"))
    assert resp.status_code == 302
    assert not ReflectionResponse.objects.exists()


# --- results --------------------------------------------------------------------------


def _people(circle, kind, n):
    return [
        factories.add_member(circle, kind, person=factories.person_with_login()).person
        for _ in range(n)
    ]


def test_results_only_after_close(client, world, circle_round):
    client.force_login(world["users"]["client"])
    resp = client.get(_circle_url(world, "results", round_id=circle_round.pk))
    assert resp.status_code == 302
    assert resp["Location"] == _circle_url(world, "overview")
    assert not AuditEvent.objects.filter(object_type="reflection_results").exists()


def test_results_side_by_side_with_gap_and_too_few(client, world, circle_round):
    circle = world["circle"]
    pros = _people(circle, "professional", 3)
    carers = [world["members"]["carer"].person] + _people(circle, "carer", 2)
    for p in pros:
        _submit(circle_round, p, Party.PROFESSIONAL, "helemaal_eens")
    for p in carers:
        _submit(circle_round, p, Party.CARER, "oneens")
    # Two volunteers: never shown, not even their mean.
    volunteers = [world["members"]["volunteer"].person] + _people(circle, "volunteer", 1)
    for p in volunteers:
        _submit(circle_round, p, Party.VOLUNTEER, "neutraal")
    client.force_login(world["users"]["client"])
    client.post(_circle_url(world, "round_close", round_id=circle_round.pk))

    resp = client.get(_circle_url(world, "results", round_id=circle_round.pk))
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Hier kijken de groepen verschillend" in html
    assert "groot verschil" in html
    assert "Om samen over te praten" in html
    assert "Bepaalt wie betaalt?" in html  # the zeggenschap prompt
    assert "Te weinig antwoorden" in html
    note = (
        "Een groep met minder dan 3 antwoorden ziet u niet apart. Zo blijft ieders antwoord geheim."  # noqa: E501
    )
    assert html.count(note) == 1  # once per page, not per table
    # "Agree with everything" gives the pros 5,0 (2,3 on afhankelijkheid, which has
    # reverse statements); the carers' "oneens" gives 2,0 (3,3 there).
    assert "<strong>5,0</strong>" in html
    assert "<strong>2,0</strong>" in html
    assert "<strong>3,0</strong>" not in html  # the volunteers' mean stays hidden
    assert AuditEvent.objects.filter(
        object_type="reflection_results", object_id=str(circle_round.pk), action="view"
    ).exists()


def test_exactly_two_versus_three_in_a_party_on_the_page(client, world, circle_round):
    circle = world["circle"]
    pros = _people(circle, "professional", 3)
    for p in pros:
        _submit(circle_round, p, Party.PROFESSIONAL, "eens")
    carers = _people(circle, "carer", 3)
    for p in carers[:2]:
        _submit(circle_round, p, Party.CARER, "helemaal_oneens")
    services.close_round(circle_round)
    client.force_login(world["users"]["pro_team"])
    url = _circle_url(world, "results", round_id=circle_round.pk)
    html = client.get(url).content.decode()
    assert "<strong>1,0</strong>" not in html
    assert "Hier kijken de groepen verschillend" not in html

    ReflectionResponse.objects.create(
        round=circle_round,
        person=carers[2],
        party=Party.CARER,
        answers=_all("helemaal_oneens"),
        dimension_scores={s.id: 1.0 for s in instrument().subscales},
        submitted_at=circle_round.closed_at,
    )
    html = client.get(url).content.decode()
    assert "<strong>1,0</strong>" in html
    assert "Hier kijken de groepen verschillend" in html


def _closed_round_with_scores(world, scores_by_party):
    """A closed round with given dimension scores (same on every dimension) per party."""
    circle = world["circle"]
    round_ = services.open_round(circle.client, "Cijfers", circle=circle)
    kinds = {Party.PROFESSIONAL: "professional", Party.CARER: "carer"}
    responses = []
    for party, values in scores_by_party.items():
        for person, value in zip(_people(circle, kinds[party], len(values)), values, strict=True):
            responses.append(
                ReflectionResponse.objects.create(
                    round=round_,
                    person=person,
                    party=party,
                    answers={},
                    dimension_scores={s.id: float(value) for s in instrument().subscales},
                    submitted_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                )
            )
    services.close_round(round_)
    return round_, responses


def _section(html: str, dimension: str) -> str:
    return re.search(rf'<section class="card"[^>]*id="dim-{dimension}">.*?</section>', html, re.S)[
        0
    ]


def test_three_in_a_party_show_no_spread_numbers_five_do(client, world):
    round_, _ = _closed_round_with_scores(
        world, {Party.PROFESSIONAL: (1, 3, 5), Party.CARER: (1, 1, 5, 5, 3)}
    )
    client.force_login(world["users"]["carer"])
    html = client.get(_circle_url(world, "results", round_id=round_.pk)).content.decode()
    section = _section(html, "omgang")
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>\s*<td>(.*?)</td>', section, re.S))
    pros, carers = rows["Professionals"], rows["Mantelzorgers"]
    # Three professionals: mean and a word, no spread number (it was 1,6).
    assert "3,0" in pros and "veel verschil in de groep" in pros
    assert "spreiding" not in pros and "1,6" not in pros
    assert "3 antwoorden" in pros
    # Five carers: the spread in numbers, sqrt(3.2) = 1,8.
    assert "antwoorden van 1,0 tot 5,0 (5 antwoorden)" in carers
    assert "spreiding" not in carers and "1,8" not in carers  # no SD, a plain range
    assert "veel verschil in de groep" in carers
    assert (
        "Hoe ver de antwoorden uit elkaar liggen, ziet u in cijfers vanaf 5 antwoorden. "
        "Zo kan niemand terugrekenen wat een ander antwoordde." in html
    )
    assert 'value="3.0"' in section  # meter rounded like the text


@pytest.mark.parametrize("one,other", [((1, 3, 5), (2, 2, 5)), ((2, 3, 4), (3, 3, 3))])
def test_three_answer_sets_with_same_mean_and_word_look_the_same(client, world, one, other):
    """Someone who knows their own answer cannot tell which set the other two gave."""
    round_, responses = _closed_round_with_scores(
        world, {Party.PROFESSIONAL: one, Party.CARER: (4, 4, 4)}
    )
    client.force_login(world["users"]["carer"])
    url = _circle_url(world, "results", round_id=round_.pk)
    first = client.get(url).content.decode()
    for response, value in zip(responses[:3], other, strict=True):
        response.dimension_scores = {s.id: float(value) for s in instrument().subscales}
        response.save()
    second = client.get(url).content.decode()
    assert "<strong>3,0</strong>" in first
    for dim in (s.id for s in instrument().subscales):
        assert _section(first, dim) == _section(second, dim)


def test_a_gap_shown_as_one_point_is_a_large_gap(client, world):
    """35/36 of a point is shown as 1,0, so it is "groot verschil", not "klein"."""
    round_, _ = _closed_round_with_scores(
        world, {Party.PROFESSIONAL: (3, 3, 3), Party.CARER: (3 + 35 / 36,) * 3}
    )
    client.force_login(world["users"]["carer"])
    html = client.get(_circle_url(world, "results", round_id=round_.pk)).content.decode()
    section = _section(html, "omgang")
    assert "Groot verschil: 1,0 punt." in section
    assert "Klein verschil" not in html


def test_double_open_is_refused_by_the_database(world, team):
    """Two POSTs at once both pass the check; the constraints stop the second."""
    circle = world["circle"]
    services.open_round(circle.client, "Eerste", circle=circle)
    services.open_round(None, "Team", team=team)
    base = {"title": "Ook open", "opened_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}
    for scope in ({"circle": circle}, {"team": team}):
        with pytest.raises(IntegrityError), transaction.atomic():
            ReflectionRound.objects.create(**base, **scope)
    real_filter = ReflectionRound.objects.filter
    with mock.patch.object(ReflectionRound.objects, "filter", lambda **kw: real_filter(pk__in=[])):
        # the first check sees nothing, as in a race
        with pytest.raises(RoundError):
            services.open_round(circle.client, "Tweede", circle=circle)
        with pytest.raises(RoundError):
            services.open_round(None, "Tweede", team=team)
    assert ReflectionRound.objects.filter(closed_at__isnull=True).count() == 2
    ReflectionRound.objects.update(closed_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    assert services.open_round(circle.client, "Nieuw", circle=circle).is_open


def test_results_page_queries_do_not_grow_with_responses(client, world):
    circle = world["circle"]

    def measure(n):
        round_ = services.open_round(circle.client, f"Ronde {n}", circle=circle)
        for party, kind in ((Party.PROFESSIONAL, "professional"), (Party.CARER, "carer")):
            for p in _people(circle, kind, n):
                _submit(round_, p, party, "eens")
        services.close_round(round_)
        client.force_login(world["users"]["carer"])
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_circle_url(world, "results", round_id=round_.pk)).status_code == 200
        return len(ctx)

    assert measure(3) == measure(9)


# --- team scope -----------------------------------------------------------------------


def test_team_round_lead_opens_members_and_circle_people_answer(client, world, team, lead):
    client.force_login(lead.user)
    resp = client.post(_team_url(team, "round_open"), {"title": "Teamronde"})
    assert resp.status_code == 302
    round_ = ReflectionRound.objects.get()
    assert round_.team == team and round_.circle is None

    for who, party in (
        ("pro_team", Party.PROFESSIONAL),
        ("carer", Party.CARER),
        ("volunteer", Party.VOLUNTEER),
        ("client", Party.CLIENT_SIDE),
    ):
        client.force_login(world["users"][who])
        assert client.get(_team_url(team, "overview")).status_code == 200
        client.post(_team_url(team, "answer", round_id=round_.pk), _post_all("eens"))
        assert ReflectionResponse.objects.get(person__user=world["users"][who]).party == party


@pytest.mark.parametrize("who", ["pro_other", "map_only", "revoked"])
def test_team_round_refuses_outsiders(client, world, team, lead, who):
    round_ = services.open_round(lead, "Teamronde", team=team)
    client.force_login(world["users"][who])
    for name, kw in (("overview", {}), ("answer", {"round_id": round_.pk})):
        assert client.get(_team_url(team, name, **kw)).status_code == 403
    assert (
        client.post(_team_url(team, "answer", round_id=round_.pk), _post_all("eens")).status_code
        == 403
    )
    assert client.get(_team_url(team, "results", round_id=round_.pk)).status_code == 403
    assert not ReflectionResponse.objects.exists()


def test_stranger_and_anonymous_on_team_round(client, team, lead):
    round_ = services.open_round(lead, "Teamronde", team=team)
    assert client.get(_team_url(team, "overview")).status_code == 302
    client.force_login(factories.person_with_login().user)
    assert client.get(_team_url(team, "answer", round_id=round_.pk)).status_code == 403


def test_only_the_lead_opens_and_closes_team_rounds(client, world, team, lead):
    round_ = services.open_round(lead, "Teamronde", team=team)
    for who in ("pro_team", "carer", "client"):
        client.force_login(world["users"][who])
        assert client.post(_team_url(team, "round_close", round_id=round_.pk)).status_code == 403
        assert client.post(_team_url(team, "round_open"), {"title": "X"}).status_code == 403
    round_.refresh_from_db()
    assert round_.is_open
    client.force_login(lead.user)
    assert client.post(_team_url(team, "round_close", round_id=round_.pk)).status_code == 302
    round_.refresh_from_db()
    assert not round_.is_open


def test_circle_page_links_to_the_team_round(client, world, team, lead):
    """'Doe mee' only while the team round is open and not yet sent in; then the outcome."""
    client.force_login(world["users"]["carer"])
    carer = world["members"]["carer"].person
    doe_mee = "Doe mee met de reflectie van het wijkteam"
    html = client.get(_circle_url(world, "overview")).content.decode()
    assert "/team/" not in html and doe_mee not in html
    round_ = services.open_round(lead, "Teamronde", team=team)
    html = client.get(_circle_url(world, "overview")).content.decode()
    assert doe_mee in html
    assert _team_url(team, "answer", round_id=round_.pk) in html
    _submit(round_, carer, Party.CARER, "eens")
    html = client.get(_circle_url(world, "overview")).content.decode()
    assert doe_mee not in html and "/team/" not in html  # sent in, nothing to see yet
    services.close_round(round_)
    html = client.get(_circle_url(world, "overview")).content.decode()
    assert doe_mee not in html
    assert "Bekijk de uitkomst van de reflectie van het wijkteam." in html
    assert '"Teamronde", gesloten op' in html
    assert _team_url(team, "results", round_id=round_.pk) in html


def test_closed_team_round_not_answered_links_to_the_outcome(client, world, team, lead):
    round_ = services.open_round(lead, "Najaar team", team=team)
    services.close_round(round_)
    client.force_login(world["users"]["client"])
    html = client.get(_circle_url(world, "overview")).content.decode()
    assert "Doe mee" not in html
    assert _team_url(team, "answer", round_id=round_.pk) not in html
    assert _team_url(team, "results", round_id=round_.pk) in html


def test_circle_round_form_is_for_a_client_in_plain_words(client, world):
    client.force_login(world["users"]["client"])
    html = client.get(_circle_url(world, "overview")).content.decode()
    assert "Nieuwe vragenlijst starten" in html
    assert "Naam (bijvoorbeeld: voorjaar 2027)" in html
    assert "Nieuwe ronde starten" not in html and "Naam van de ronde" not in html
    # The same form markup as the other forms: full-width field.
    assert re.search(r'<form[^>]*class="stack"[^>]*>', html)


def test_employee_who_is_also_a_carer_answers_as_professional(team, lead, world):
    circle = world["circle"]
    factories.add_member(circle, "carer", person=lead)
    job, party = selectors.team_party(team, lead)
    assert party == Party.PROFESSIONAL


def test_volunteer_elsewhere_and_carer_here_answers_as_volunteer(team):
    person = factories.person_with_login()
    factories.add_member(factories.make_circle(team=team), "carer", person=person)
    factories.add_member(factories.make_circle(team=team), "volunteer", person=person)
    assert selectors.team_party(team, person) == (None, Party.VOLUNTEER)


def test_open_rounds_to_answer_for_start_page(world, team, lead, circle_round):
    carer = world["members"]["carer"].person
    team_round = services.open_round(lead, "Teamronde", team=team)
    assert set(selectors.open_rounds_to_answer(carer)) == {circle_round, team_round}
    _submit(circle_round, carer, Party.CARER, "eens")
    assert selectors.open_rounds_to_answer(carer) == [team_round]
    assert selectors.open_rounds_to_answer(world["members"]["map_only"].person) == []
    assert selectors.open_rounds_to_answer(lead) == [team_round]


# --- data rules and demo --------------------------------------------------------------


def test_a_round_has_exactly_one_scope(world, team):
    base = {"title": "X", "opened_at": "2026-01-01T09:00:00Z"}
    with pytest.raises(IntegrityError), transaction.atomic():
        ReflectionRound.objects.create(circle=world["circle"], team=team, **base)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReflectionRound.objects.create(**base)
    with pytest.raises(ValueError):
        services.open_round(None, "X")


def _demo_team(team):
    for i in range(4):
        factories.EmploymentFactory(organisation=team, is_team_lead=i == 0)
    for _ in range(6):
        circle = factories.make_circle(team=team)
        factories.add_member(circle, "carer")
        factories.add_member(circle, "volunteer")
    return team


def test_demo_reflection_shows_a_gap_and_is_idempotent(team):
    _demo_team(team)
    round_ = add_demo_reflection(team, dt.date(2026, 11, 1))
    assert not round_.is_open
    result = selectors.round_result(round_)
    assert result.counts[Party.PROFESSIONAL] >= 3
    assert result.counts[Party.CARER] >= 3
    assert result.counts[Party.VOLUNTEER] >= 3
    highlighted = {d.dimension for d in result.highlighted}
    assert {"zeggenschap", "kennis"} <= highlighted
    z = result.dimension("zeggenschap")
    assert z.highest == Party.PROFESSIONAL and z.lowest == Party.CARER
    assert add_demo_reflection(team, dt.date(2026, 11, 1)) is None
    assert ReflectionRound.objects.count() == 1
