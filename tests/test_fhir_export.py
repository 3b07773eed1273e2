"""FHIR R4 (R4B models) export of instruments and responses."""

import json
from datetime import UTC, datetime

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from samenspel.burden import catalogue, fhir
from samenspel.domain.instruments import AnswerError

INSTRUMENTS = catalogue.latest()
WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def first_answers(inst):
    return {item.id: inst.scale_of(item).values[0] for item in inst.items}


@pytest.mark.parametrize("inst", INSTRUMENTS, ids=lambda i: i.id)
def test_questionnaire_validates_and_round_trips(inst):
    q = fhir.questionnaire(inst)
    text = q.model_dump_json()
    again = Questionnaire.model_validate_json(text)
    assert again.model_dump_json() == text
    assert q.url == f"https://samenspel.example/fhir/Questionnaire/{inst.id}"
    assert q.version == inst.version
    assert q.copyright == inst.licence
    assert q.status == ("active" if inst.items_complete else "draft")
    assert "_" not in q.id
    assert [i.linkId for i in q.item] == [i.id for i in inst.items]
    for fhir_item, item in zip(q.item, inst.items, strict=True):
        assert fhir_item.type == "choice"
        assert [o.valueCoding.code for o in fhir_item.answerOption] == list(
            inst.scale_of(item).values
        )
        assert fhir_item.text == item.text  # None stays absent, never a placeholder


def test_questionnaire_without_texts_omits_text():
    q = fhir.questionnaire(catalogue.get("ediz_plus"))
    assert q.status == "draft"
    assert all(item.text is None for item in q.item)
    exported = json.loads(q.model_dump_json())
    assert all("text" not in item for item in exported["item"])


def test_answer_options_carry_the_item_score():
    q = fhir.questionnaire(catalogue.get("csi"))
    ja = q.item[0].answerOption[0]
    assert ja.valueCoding.code == "ja" and ja.valueCoding.display == "Ja"
    assert ja.extension[0].url == fhir.ORDINAL_VALUE
    assert float(ja.extension[0].valueDecimal) == 1


@pytest.mark.parametrize("inst", INSTRUMENTS, ids=lambda i: i.id)
def test_completed_response_validates_and_round_trips(inst):
    r = fhir.questionnaire_response(
        inst, first_answers(inst), authored=WHEN, subject_display="Mantelzorger"
    )
    text = r.model_dump_json()
    assert QuestionnaireResponse.model_validate_json(text).model_dump_json() == text
    assert r.questionnaire == f"https://samenspel.example/fhir/Questionnaire/{inst.id}|1.0"
    assert r.status == "completed"
    assert r.subject.display == "Mantelzorger"
    assert [i.linkId for i in r.item] == [i.id for i in inst.items]
    coding = r.item[0].answer[0].valueCoding
    first = inst.items[0]
    assert coding.code == inst.scale_of(first).values[0]
    assert coding.system == fhir.code_system(inst, first.scale)


def test_in_progress_response_leaves_out_unanswered_items():
    csi = catalogue.get("csi")
    r = fhir.questionnaire_response(
        csi, {"q2": "ja", "q5": "", "q7": "nee"}, authored=WHEN, status="in-progress"
    )
    assert [i.linkId for i in r.item] == ["q2", "q7"]
    assert r.subject is None


def test_a_completed_response_needs_every_answer():
    with pytest.raises(AnswerError) as exc:
        fhir.questionnaire_response(catalogue.get("csi"), {"q1": "ja"}, authored=WHEN)
    assert exc.value.code == "incomplete"


def test_wrong_values_and_naive_times_are_refused():
    csi = catalogue.get("csi")
    with pytest.raises(AnswerError):
        fhir.questionnaire_response(csi, {"q1": "misschien"}, authored=WHEN, status="in-progress")
    with pytest.raises(ValueError, match="timezone"):
        fhir.questionnaire_response(csi, first_answers(csi), authored=datetime(2026, 3, 1))
    with pytest.raises(ValueError, match="status"):
        fhir.questionnaire_response(csi, first_answers(csi), authored=WHEN, status="amended")
