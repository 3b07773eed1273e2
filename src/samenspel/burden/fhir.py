"""FHIR R4 (R4B models) export of instruments and responses.

So a carer's answers can move to another system (a GP information system, a
research registry) in a standard form. Only the export lives here; nothing is
imported back.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from samenspel.domain.instruments import AnswerError, Instrument, validate_answers

BASE_URL = "https://samenspel.example/fhir"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
PUBLISHER = "Samenspel"


def canonical_url(instrument: Instrument) -> str:
    """The Questionnaire.url (without version); responses add ``|version``."""
    return f"{BASE_URL}/Questionnaire/{instrument.id}"


def canonical(instrument: Instrument) -> str:
    return f"{canonical_url(instrument)}|{instrument.version}"


def code_system(instrument: Instrument, scale_id: str) -> str:
    return f"{BASE_URL}/CodeSystem/{instrument.id}-{scale_id}"


def resource_id(instrument: Instrument) -> str:
    # FHIR ids allow [A-Za-z0-9-.] only: no underscores.
    return f"{instrument.id}-{instrument.version}".replace("_", "-")


def _computable_name(instrument: Instrument) -> str:
    # FHIR name: starts with a capital, letters/digits/underscore only.
    parts = [p for p in instrument.id.split("_") if p]
    return "".join(p[:1].upper() + p[1:] for p in parts) or "Instrument"


def _coding(instrument: Instrument, scale_id: str, value: str) -> dict:
    option = instrument.scales[scale_id].option(value)
    return {
        "system": code_system(instrument, scale_id),
        "code": option.value,
        "display": option.label,
    }


def questionnaire(instrument: Instrument) -> Questionnaire:
    """The instrument as a Questionnaire; 'draft' when item texts are not shipped."""
    items = []
    for item in instrument.items:
        scale = instrument.scales[item.scale]
        entry = {
            "linkId": item.id,
            "type": "choice",
            "required": True,
            "answerOption": [
                {
                    "valueCoding": _coding(instrument, scale.id, option.value),
                    "extension": [
                        {
                            "url": ORDINAL_VALUE,
                            "valueDecimal": (
                                scale.max_score + scale.min_score - option.score
                                if item.reverse
                                else option.score
                            ),
                        }
                    ],
                }
                for option in scale.options
            ],
        }
        if item.text is not None:
            entry["text"] = item.text  # omitted when the wording is not shipped
        items.append(entry)
    data = {
        "id": resource_id(instrument),
        "url": canonical_url(instrument),
        "version": instrument.version,
        "name": _computable_name(instrument),
        "title": instrument.name,
        "status": "active" if instrument.items_complete else "draft",
        "publisher": PUBLISHER,
        "description": instrument.description,
        "purpose": instrument.instructions,
        "copyright": instrument.licence,
        "subjectType": ["Person"],
        "item": items,
    }
    return Questionnaire.model_validate(data)


def questionnaire_response(
    instrument: Instrument,
    answers: Mapping[str, str],
    *,
    authored: datetime,
    subject_display: str | None = None,
    status: str = "completed",
) -> QuestionnaireResponse:
    """A response in the instrument's item order; unanswered items are left out.

    A "completed" response must answer every item (the same rule as scoring).
    """
    if status not in ("completed", "in-progress"):
        raise ValueError(f"status must be 'completed' or 'in-progress', not {status!r}")
    if authored.tzinfo is None:
        raise ValueError("authored must be timezone-aware")
    cleaned = validate_answers(instrument, answers)
    if status == "completed":
        missing = [it.id for it in instrument.items if it.id not in cleaned]
        if missing:
            raise AnswerError(
                f"{instrument.id}: a completed response misses items {missing}",
                code="incomplete",
            )
    items = []
    for item in instrument.items:
        if item.id not in cleaned:
            continue
        entry = {
            "linkId": item.id,
            "answer": [{"valueCoding": _coding(instrument, item.scale, cleaned[item.id])}],
        }
        if item.text is not None:
            entry["text"] = item.text
        items.append(entry)
    data = {
        "questionnaire": canonical(instrument),
        "status": status,
        "authored": authored.isoformat(),
        "item": items,
    }
    if subject_display:
        data["subject"] = {"display": subject_display}
    return QuestionnaireResponse.model_validate(data)
