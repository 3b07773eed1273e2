"""The page where one person answers a round: draft, submit, or see it locked.

The thermometer and the reflection share it; each app says what differs (its round,
who answers, where to go back to) in an ``AnswerPage``. Nobody else's response is
ever loaded: the app passes the viewer's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.domain.instruments import AnswerError, Instrument
from samenspel.questionnaires.forms import QuestionnaireForm, field_name
from samenspel.questionnaires.models import AbstractResponse, AbstractRound
from samenspel.questionnaires.services import RoundError

Action = AuditEvent.Action
# save(answers, submit) -> (response, ids of items still missing)
Save = Callable[[dict, bool], tuple[AbstractResponse, tuple[str, ...]]]


@dataclass(frozen=True)
class AnswerPage:
    round: AbstractRound
    response: AbstractResponse | None  # the viewer's own, or None
    may_answer: bool
    instrument: Instrument
    save: Save
    audit_type: str  # e.g. "thermometer_response"
    back_url: str  # the round's overview
    template: str
    context: dict = field(default_factory=dict)

    @property
    def locked(self) -> bool:
        submitted = self.response is not None and self.response.submitted_at is not None
        return not self.may_answer or submitted


def answer_page(request, page: AnswerPage):
    missing: tuple[str, ...] = ()
    status = 200
    if request.method == "POST" and page.locked:
        messages.error(request, _("U kunt deze ronde niet meer aanpassen."))
        return redirect(page.back_url)
    if request.method == "POST":
        form = QuestionnaireForm(request.POST, instrument=page.instrument)
        if not form.is_valid():
            status = 400
        else:
            try:
                response, missing = page.save(
                    form.answers(), request.POST.get("action") == "submit"
                )
            except (RoundError, AnswerError):
                messages.error(request, _("Uw antwoorden konden niet worden bewaard."))
                return redirect(page.back_url)
            if response.submitted_at is not None:  # the service recorded the change
                messages.success(request, _("Dank u wel. Uw antwoorden zijn ingestuurd."))
                return redirect(page.back_url)
            if not missing:
                messages.success(request, _("Uw antwoorden zijn bewaard. U kunt later verder."))
                return redirect(request.path)
    else:
        answers = page.response.answers if page.response else {}
        initial = {field_name(item): value for item, value in answers.items()}
        form = QuestionnaireForm(initial=initial, instrument=page.instrument)
        own_id = page.response.pk if page.response else ""
        summary = f"Eigen antwoorden, ronde {page.round.title}"
        record(request, Action.VIEW, object_type=page.audit_type, object_id=own_id, summary=summary)
    missing_ids = set(missing)
    context = {
        **page.context,
        "round": page.round,
        "instrument": page.instrument,
        "form": form,
        "locked": page.locked,
        "missing_rows": [(n, f) for n, f in form.questions() if f.field.item_id in missing_ids],
        "missing_ids": missing_ids,
    }
    return render(request, page.template, context, status=status)
