"""Burden screenings (draagkracht en draaglast): the carer's flow from start to
result, autosave, history chart, FHIR export and query counts."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.burden import catalogue, chart, selectors, services
from samenspel.burden.models import Screening
from samenspel.organisations.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, circle, *args):
    return reverse(f"burden:{name}", args=[circle.pk, *args])


def csi():
    return catalogue.get("csi")


def completed(member, answers_value="ja", instrument_id="csi", when=None, **flags):
    """A completed screening with every item answered `answers_value`
    (or a dict item_id -> value)."""
    instrument = catalogue.get(instrument_id)
    screening, _ = services.start_screening(member, instrument)
    if isinstance(answers_value, dict):
        answers = answers_value
    else:
        answers = {it.id: answers_value for it in instrument.items}
    services.save_answers(screening, answers)
    services.complete(screening)
    changes = dict(flags)
    if when is not None:
        changes["completed_at"] = when
    if changes:
        Screening.objects.filter(pk=screening.pk).update(**changes)
        screening.refresh_from_db()
    return screening


def csi_answers(yes: int) -> dict[str, str]:
    """The first `yes` CSI items answered ja, the rest nee."""
    items = [it.id for it in csi().items]
    return {item: ("ja" if n < yes else "nee") for n, item in enumerate(items)}


@pytest.fixture
def carer(world):
    return world["members"]["carer"]


@pytest.fixture
def as_carer(client, world):
    client.force_login(world["users"]["carer"])
    return client


def test_start_creates_a_draft_and_starting_again_continues_it(as_carer, world, carer):
    circle = world["circle"]
    response = as_carer.post(url("start", circle), {"instrument": "csi"})
    screening = Screening.objects.get(member=carer)
    assert response.status_code == 302
    assert response["Location"] == url("answer", circle, screening.pk)
    assert screening.status == "draft"
    assert screening.instrument_version == csi().version

    again = as_carer.post(url("start", circle), {"instrument": "csi"})
    assert again["Location"] == url("answer", circle, screening.pk)
    assert Screening.objects.filter(member=carer).count() == 1
    assert AuditEvent.objects.filter(action="create", object_type="screening").count() == 1


def test_autosave_twice_on_the_same_question_keeps_the_last_answer(as_carer, world, carer):
    circle = world["circle"]
    screening, _ = services.start_screening(carer, csi())
    first = csi().items[0].id
    for value in ("ja", "nee", "nee"):
        response = as_carer.post(
            url("autosave", circle, screening.pk), {"item": first, "value": value}
        )
        assert response.status_code == 204
    screening.refresh_from_db()
    assert screening.answers == {first: "nee"}
    assert screening.status == "draft"


def test_autosave_accepts_json_and_the_form_field_name(as_carer, world, carer):
    circle = world["circle"]
    screening, _ = services.start_screening(carer, csi())
    second = csi().items[1].id
    response = as_carer.post(
        url("autosave", circle, screening.pk),
        data=json.dumps({"item": f"q_{second}", "value": "ja"}),
        content_type="application/json",
    )
    assert response.status_code == 204
    screening.refresh_from_db()
    assert screening.answers == {second: "ja"}


@pytest.mark.parametrize(
    "payload",
    [{"item": "q99", "value": "ja"}, {"item": "q1", "value": "misschien"}, {"item": "q1"}, {}],
)
def test_autosave_refuses_answers_that_do_not_fit(as_carer, world, carer, payload):
    screening, _ = services.start_screening(carer, csi())
    response = as_carer.post(url("autosave", world["circle"], screening.pk), payload)
    assert response.status_code == 400
    screening.refresh_from_db()
    assert screening.answers == {}


def test_autosave_refuses_get_and_a_completed_screening(as_carer, world, carer):
    screening = completed(carer)
    endpoint = url("autosave", world["circle"], screening.pk)
    assert as_carer.get(endpoint).status_code == 405
    response = as_carer.post(endpoint, {"item": csi().items[0].id, "value": "nee"})
    assert response.status_code == 409
    screening.refresh_from_db()
    assert screening.answers[csi().items[0].id] == "ja"


def test_draft_resumes_with_the_saved_answers_checked(as_carer, world, carer):
    circle = world["circle"]
    screening, _ = services.start_screening(carer, csi())
    items = [it.id for it in csi().items]
    services.save_answers(screening, {items[0]: "ja", items[2]: "nee"})

    overview = as_carer.get(url("overview", circle)).content.decode()
    assert "Verder invullen" in overview
    assert url("answer", circle, screening.pk) in overview

    page = as_carer.get(url("answer", circle, screening.pk)).content.decode()
    assert f'name="q_{items[0]}" value="ja" id="id_q_{items[0]}_0" checked' in page
    assert f'name="q_{items[2]}" value="nee" id="id_q_{items[2]}_1" checked' in page
    assert page.count(" checked") == 2
    assert "js/burden-autosave.js" in page
    assert 'data-autosave-url="' + url("autosave", circle, screening.pk) in page


def test_save_later_keeps_the_draft(as_carer, world, carer):
    circle = world["circle"]
    screening, _ = services.start_screening(carer, csi())
    first = csi().items[0].id
    response = as_carer.post(
        url("answer", circle, screening.pk), {f"q_{first}": "ja", "action": "later"}, follow=True
    )
    assert "Uw antwoorden zijn bewaard" in response.content.decode()
    screening.refresh_from_db()
    assert screening.status == "draft"
    assert screening.answers == {first: "ja"}


def test_done_with_missing_answers_lists_them_in_dutch_and_keeps_the_input(as_carer, world, carer):
    circle = world["circle"]
    screening, _ = services.start_screening(carer, csi())
    items = csi().items
    services.save_answers(screening, {items[0].id: "ja"})  # saved earlier by autosave
    posted = {f"q_{it.id}": "nee" for it in items[1:11]}  # 2 of 13 still open
    response = as_carer.post(url("answer", circle, screening.pk), {**posted, "action": "done"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "U hebt 2 vragen nog niet beantwoord." in page
    assert f'href="#vraag-{items[11].id}">Vraag 12:' in page
    assert f'href="#vraag-{items[12].id}">Vraag 13:' in page
    assert "Vraag 5:" not in page
    # What was chosen is still chosen, on the page and in the draft.
    assert f'name="q_{items[0].id}" value="ja" id="id_q_{items[0].id}_0" checked' in page
    assert f'name="q_{items[5].id}" value="nee" id="id_q_{items[5].id}_1" checked' in page
    screening.refresh_from_db()
    assert screening.status == "draft"
    assert len(screening.answers) == 11


def test_a_tampered_answer_gives_a_form_error_and_keeps_the_rest(as_carer, world, carer):
    circle = world["circle"]
    screening, _ = services.start_screening(carer, csi())
    items = csi().items
    response = as_carer.post(
        url("answer", circle, screening.pk),
        {f"q_{items[0].id}": "ja", f"q_{items[1].id}": "weet-niet", "action": "later"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kies een van de antwoorden." in page
    assert f'value="ja" id="id_q_{items[0].id}_0" checked' in page
    screening.refresh_from_db()
    assert screening.answers == {}


def test_done_scores_and_shows_the_result_with_next_steps(as_carer, world, carer):
    circle = world["circle"]
    Organisation.objects.create(name="Steunpunt Mantelzorg Noord", kind="carer_support")
    nurse = factories.add_member(
        circle, "professional", person=factories.PersonFactory(first_name="Noor", last_name="Kok")
    )
    screening, _ = services.start_screening(carer, csi())
    posted = {f"q_{it.id}": v for it, v in zip(csi().items, csi_answers(7).values(), strict=True)}
    response = as_carer.post(url("answer", circle, screening.pk), {**posted, "action": "done"})
    assert response.status_code == 302
    assert response["Location"] == url("result", circle, screening.pk)
    screening.refresh_from_db()
    assert screening.status == "completed"
    assert float(screening.total) == 7.0  # exactly at the cut-off: high strain
    assert screening.band_id == "hoog"

    page = as_carer.get(response["Location"]).content.decode()
    band = csi().band_for(7)
    assert band.label in page
    assert band.meaning.replace("'", "&#x27;") in page
    assert "Score: 7 van de 13" in page
    assert "respijtzorg" in page
    assert "Steunpunt Mantelzorg Noord" in page
    assert nurse.person.full_name in page
    assert reverse("logbook:list", args=[circle.pk]) in page
    assert "Deel met de professionals" in page
    assert AuditEvent.objects.filter(
        action="view", object_type="screening_result", object_id=str(screening.pk)
    ).exists()
    assert AuditEvent.objects.filter(
        action="update", object_type="screening", summary__startswith="completed"
    ).exists()


def test_result_compares_with_the_previous_measurement(as_carer, world, carer):
    now = timezone.now()
    completed(carer, csi_answers(4), when=now - timedelta(days=90))
    latest = completed(carer, csi_answers(9), when=now)
    page = as_carer.get(url("result", world["circle"], latest.pk)).content.decode()
    assert "was de score 4." in page
    assert "Nu is die 5 hoger." in page


def test_check_in_is_labelled_as_not_an_official_questionnaire(as_carer, world, carer):
    circle = world["circle"]
    overview = as_carer.get(url("overview", circle)).content.decode()
    assert "Geen officiële vragenlijst" in overview
    response = as_carer.post(url("start", circle), {"instrument": "checkin"})
    page = as_carer.get(response["Location"]).content.decode()
    assert "Geen officiële vragenlijst" in page


def test_instruments_without_item_texts_cannot_be_started(as_carer, world, carer):
    circle = world["circle"]
    unavailable = [i for i in catalogue.latest() if not i.items_complete]
    assert unavailable  # EDIZ-plus and CRA-D ship without their statements
    overview = as_carer.get(url("overview", circle)).content.decode()
    assert "Niet beschikbaar: de vragen zijn niet meegeleverd." in overview
    for instrument in unavailable:
        response = as_carer.post(url("start", circle), {"instrument": instrument.id}, follow=True)
        assert "de vragen zijn niet meegeleverd" in response.content.decode()
    response = as_carer.post(url("start", circle), {"instrument": "bestaat-niet"}, follow=True)
    assert "Deze vragenlijst bestaat niet." in response.content.decode()
    assert not Screening.objects.filter(member=carer).exists()


def test_history_shows_an_svg_chart_with_a_table_alternative(as_carer, world, carer):
    now = timezone.now()
    for days, yes in ((180, 3), (90, 6), (0, 9)):
        completed(carer, csi_answers(yes), when=now - timedelta(days=days))
    completed(carer, "nee", instrument_id="ediz", when=now - timedelta(days=30))
    response = as_carer.get(url("history", world["circle"], carer.pk))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('role="img"') == 2  # one chart per instrument
    assert "<title id=" in page and "<desc id=" in page
    assert 'fill="url(#grafiek-0-cross)"' in page  # hatch, not only colour
    assert "<polyline" in page
    assert "<table" in page and "<caption" in page
    for label in ("Geen hoge belasting", "Hoge belasting"):
        assert label in page
    assert page.count('<th scope="row">') == 4
    assert AuditEvent.objects.filter(
        action="view", object_type="screening_history", object_id=str(carer.pk)
    ).exists()


def test_chart_places_points_and_bands_inside_the_plot():
    instrument = csi()
    now = timezone.now()
    c = chart.build(
        key="k",
        title="t",
        description="d",
        min_score=instrument.min_score,
        max_score=instrument.max_score,
        bands=instrument.bands,
        measurements=[(now - timedelta(days=10), 0.0, "a"), (now, 13.0, "b")],
        cutoff=instrument.cutoff,
    )
    low, high = c.points
    assert low.y == c.plot_bottom and high.y == c.plot_top
    assert low.x < high.x
    assert [b.pattern for b in c.bands] == ["k-dots", "k-cross"]
    assert sum(b.height for b in c.bands) == pytest.approx(c.plot_bottom - c.plot_top, abs=0.2)
    assert [t.label for t in c.ticks] == ["0", "7", "13"]


def test_fhir_questionnaire_and_response(as_carer, world, carer):
    circle = world["circle"]
    response = as_carer.get(url("fhir_questionnaire", circle, "csi"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    data = json.loads(response.content)
    assert data["resourceType"] == "Questionnaire"
    assert len(data["item"]) == len(csi().items)
    assert as_carer.get(url("fhir_questionnaire", circle, "nope")).status_code == 404

    screening = completed(carer)
    response = as_carer.get(url("fhir_response", circle, screening.pk))
    assert response["Content-Type"] == "application/fhir+json"
    data = json.loads(response.content)
    assert data["resourceType"] == "QuestionnaireResponse"
    assert data["status"] == "completed"
    assert len(data["item"]) == len(csi().items)

    draft, _ = services.start_screening(carer, catalogue.get("ediz"))
    data = json.loads(as_carer.get(url("fhir_response", circle, draft.pk)).content)
    assert data["status"] == "in-progress"


def test_standing_consent_can_be_given_and_withdrawn(as_carer, world, carer):
    circle = world["circle"]
    as_carer.post(url("consent", circle), {"on": "on"})
    assert selectors.has_standing_consent(carer.pk)
    page = as_carer.get(url("overview", circle)).content.decode()
    assert "Stop: de professionals mogen niet meer meekijken" in page
    as_carer.post(url("consent", circle), {"on": ""})
    assert not selectors.has_standing_consent(carer.pk)
    carer.burden_consent.refresh_from_db()
    assert carer.burden_consent.withdrawn_at is not None
    assert AuditEvent.objects.filter(object_type="screening_consent").count() == 2


def test_share_toggles_one_result(as_carer, world, carer):
    circle = world["circle"]
    screening = completed(carer)
    as_carer.post(url("share", circle, screening.pk), {"audience": "team", "on": "on"})
    screening.refresh_from_db()
    assert screening.shared_with_team and not screening.shared_with_client
    as_carer.post(url("share", circle, screening.pk), {"audience": "client", "on": "on"})
    as_carer.post(url("share", circle, screening.pk), {"audience": "team", "on": ""})
    screening.refresh_from_db()
    assert not screening.shared_with_team and screening.shared_with_client
    response = as_carer.post(url("share", circle, screening.pk), {"audience": "iedereen"})
    assert response.status_code == 302
    screening.refresh_from_db()
    assert screening.shared_with_client  # bad input changes nothing


def test_selectors_latest_by_member_and_last_completed_at(world, carer):
    now = timezone.now()
    other = factories.add_member(world["circle"], "carer")
    first = completed(carer, csi_answers(2), when=now - timedelta(days=60))
    second = completed(carer, csi_answers(5), when=now - timedelta(days=30))
    third = completed(carer, csi_answers(8), when=now)
    ediz = completed(carer, "nee", instrument_id="ediz", when=now - timedelta(days=10))
    services.start_screening(other, csi())  # a draft counts for nothing

    latest = selectors.latest_by_member([carer.pk, other.pk])
    assert [s.pk for s in latest[carer.pk]] == [third.pk, ediz.pk, second.pk]
    assert first.pk not in [s.pk for s in latest[carer.pk]]
    assert other.pk not in latest
    last = selectors.last_completed_at([carer.pk, other.pk])
    assert last == {carer.pk: third.completed_at}


def _queries(client, path):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("who", ["carer", "pro_team"])
def test_overview_and_history_queries_do_not_grow_with_screenings(client, world, carer, who):
    circle = world["circle"]
    services.set_standing_consent(carer, True)
    other = factories.add_member(circle, "carer")
    services.set_standing_consent(other, True)
    completed(carer)
    completed(other, "nee")
    client.force_login(world["users"][who])
    paths = [url("overview", circle), url("history", circle, carer.pk)]
    before = [_queries(client, p) for p in paths]
    now = timezone.now()
    for n in range(5):
        completed(carer, csi_answers(n), when=now - timedelta(days=10 * (n + 1)))
        completed(other, csi_answers(n), when=now - timedelta(days=10 * (n + 1)))
    services.start_screening(carer, catalogue.get("ediz"))
    after = [_queries(client, p) for p in paths]
    assert after == before
