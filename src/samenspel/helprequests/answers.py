"""One side's yes or no on a proposal.

The client side (on the request page) and the volunteer (on their own page)
answer the same way; they differ only in the side, the wording and where a
refused decline form is shown again. Runs the service step, writes the audit
row and the message; returns a response only when the decline form needs to
be shown again.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpResponse

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.domain import helprequests as hr
from samenspel.helprequests import forms, services


def answer(
    request,
    proposal,
    side: hr.Side,
    *,
    by,
    said_yes: str,
    said_no: str,
    show_decline_form: Callable[[forms.DeclineForm], HttpResponse],
    errors: dict,
    **audit,
) -> HttpResponse | None:
    choice = request.POST.get("answer")
    if choice == "accept":
        form = forms.VersionForm(request.POST)
        form.is_valid()

        def step():
            services.accept(
                proposal, side, by=by, expected_version=form.cleaned_data.get("version")
            )

    elif choice == "decline":
        form = forms.DeclineForm(request.POST, prefix=f"p{proposal.pk}")
        if not form.is_valid():
            return show_decline_form(form)

        def step():
            services.decline(
                proposal,
                side,
                form.cleaned_data["reason"],
                by=by,
                expected_version=form.cleaned_data.get("version"),
            )

    else:
        raise Http404
    try:
        step()
    except services.WorkflowError as error:
        messages.error(request, errors[error.code])
        return None
    done = "accepted" if choice == "accept" else "declined"
    record(
        request,
        AuditEvent.Action.UPDATE,
        object_type="proposal",
        object_id=proposal.pk,
        summary=f"{side.value} {done}",
        **audit,
    )
    messages.success(request, said_yes if choice == "accept" else said_no)
    return None
