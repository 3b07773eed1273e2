"""Help requests inside a circle. Thin: access via `circle_view`, writes via
`services`, reads via `selectors`.

Everything here needs `Perm.MANAGE_AGREEMENTS` (see `policy`): the client,
carers with full access and the circle's professionals file requests and
answer proposals on the client's behalf. Volunteers and map-only members do not.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samenspel.agreements.models import CareTask
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles.access import circle_view
from samenspel.domain import helprequests as hr
from samenspel.helprequests import answers, forms, presenters, selectors, services
from samenspel.helprequests.policy import CIRCLE_SIDE_PERM

Action = AuditEvent.Action

ERRORS = {
    services.NOT_ALLOWED: gettext_lazy("Dit kan nu niet meer. Kijk hieronder hoe het nu staat."),
    services.CONFLICT: gettext_lazy(
        "Iemand anders heeft dit net veranderd. Kijk hieronder hoe het nu staat."
    ),
    services.NO_REASON: gettext_lazy("Schrijf kort waarom het niet past."),
    # The circle side and the volunteer see no reasons about the other person.
    services.NOT_A_MATCH: gettext_lazy(
        "Deze vrijwilliger kan deze hulp nu niet doen. De coördinator kijkt wat er kan."
    ),
    services.ACCESS_REVOKED: gettext_lazy(
        "De cliënt heeft de toegang van deze persoon tot het netwerk ingetrokken. "
        "Alleen de cliënt kan die toegang teruggeven."
    ),
    services.MAP_ONLY: gettext_lazy(
        "De cliënt moet deze persoon eerst toegang geven tot het netwerk."
    ),
    services.OTHER_ROLE: gettext_lazy(
        "Deze persoon hoort al bij het netwerk, bijvoorbeeld als familie. "
        "Daarom kan hij of zij hier geen vrijwilliger zijn."
    ),
}


def _person(request):
    return getattr(request.user, "person", None)


def _source(request) -> hr.Source:
    rel = request.access.relationship
    return hr.source_for(
        str(rel.member_kind) if rel.member_kind else None,
        legal_representative=rel.legal_representative,
    )


def _proposal_rows(help_request, decline_form=None, decline_for=None):
    rows = []
    for p in help_request.proposals.all():
        rows.append(
            {
                "proposal": p,
                "status": presenters.proposal_status(p),
                "volunteer": presenters.volunteer_facts(p.volunteer),
                "reasons": presenters.reasons(p.reasons),
                "may_answer": hr.allowed(p.state, hr.Step.ACCEPT, hr.Side.CLIENT),
                "may_decline": hr.allowed(p.state, hr.Step.DECLINE, hr.Side.CLIENT),
                "decline_form": decline_form
                if decline_for == p.pk
                else forms.DeclineForm(initial={"version": p.version}, prefix=f"p{p.pk}"),
            }
        )
    return rows


@circle_view(CIRCLE_SIDE_PERM)
def request_list(request, circle_id):
    circle = request.circle
    requests = selectors.circle_requests(circle)
    rows = [
        {
            "request": r,
            "facts": presenters.request_facts(r),
            "active": [p for p in r.proposals.all() if p.status in hr.ACTIVE_PROPOSAL_STATUSES],
        }
        for r in requests
    ]
    record(request, Action.VIEW, object_type="help_request_list", object_id=circle.pk)
    return render(request, "helprequests/list.html", {"circle": circle, "rows": rows})


@circle_view(CIRCLE_SIDE_PERM)
def request_new(request, circle_id):
    circle = request.circle
    tasks = CareTask.objects.filter(is_active=True).order_by("category", "order", "name")
    organisations = selectors.volunteer_organisations()
    for_client = _source(request) == hr.Source.CLIENT  # the form speaks to the client
    if request.method == "POST":
        form = forms.HelpRequestForm(
            request.POST, tasks=tasks, organisations=organisations, for_client=for_client
        )
        if form.is_valid():
            try:
                help_request = services.file_request(
                    circle, form.cleaned_data, by=_person(request), source=_source(request)
                )
            except services.WorkflowError:  # the form checked it already
                form.add_error("task", _(forms.NOT_FOR_A_VOLUNTEER))
            else:
                record(
                    request,
                    Action.CREATE,
                    object_type="help_request",
                    object_id=help_request.pk,
                    summary=f"task={help_request.task_id} org={help_request.organisation_id} "
                    f"source={help_request.source}",
                )
                messages.success(
                    request,
                    _("De hulpvraag is verstuurd. De vrijwilligerscoördinator zoekt iemand."),
                )
                return redirect(
                    "helprequests:detail", circle_id=circle.pk, request_id=help_request.pk
                )
    else:
        initial = {"wijk": circle.wijk}
        if organisations.count() == 1:
            initial["organisation"] = organisations.first()
        form = forms.HelpRequestForm(
            initial=initial, tasks=tasks, organisations=organisations, for_client=for_client
        )
    return render(request, "helprequests/form.html", {"circle": circle, "form": form})


def _detail(request, help_request, *, decline_form=None, decline_for=None, status=200):
    record(request, Action.VIEW, object_type="help_request", object_id=help_request.pk)
    return render(
        request,
        "helprequests/detail.html",
        {
            "circle": request.circle,
            "help_request": help_request,
            "facts": presenters.request_facts(help_request),
            "rows": _proposal_rows(help_request, decline_form, decline_for),
            "may_withdraw": help_request.status in hr.WITHDRAWABLE_REQUEST_STATUSES,
        },
        status=status,
    )


def _request(request, request_id):
    return selectors.request_of_circle(request.circle, request_id)


@circle_view(CIRCLE_SIDE_PERM)
def request_detail(request, circle_id, request_id):
    return _detail(request, _request(request, request_id))


@require_POST
@circle_view(CIRCLE_SIDE_PERM)
def request_withdraw(request, circle_id, request_id):
    help_request = _request(request, request_id)
    form = forms.VersionForm(request.POST)
    version = form.cleaned_data.get("version") if form.is_valid() else None
    try:
        services.withdraw_request(help_request, expected_version=version or 0, by=_person(request))
    except services.WorkflowError as error:
        messages.error(request, ERRORS[error.code])
    else:
        record(
            request,
            Action.UPDATE,
            object_type="help_request",
            object_id=help_request.pk,
            summary="withdrawn",
        )
        messages.success(request, _("De hulpvraag is ingetrokken."))
    return redirect("helprequests:detail", circle_id=circle_id, request_id=help_request.pk)


@require_POST
@circle_view(CIRCLE_SIDE_PERM)
def proposal_answer(request, circle_id, proposal_id):
    """The client side says yes or no to a proposed volunteer."""
    proposal = selectors.proposal_of_circle(request.circle, proposal_id)

    def show_decline_form(form):
        help_request = _request(request, proposal.help_request_id)
        return _detail(
            request, help_request, decline_form=form, decline_for=proposal.pk, status=400
        )

    refused = answers.answer(
        request,
        proposal,
        hr.Side.CLIENT,
        by=_person(request),
        said_yes=_("U zegt ja tegen deze vrijwilliger. De coördinator plant de kennismaking."),
        said_no=_("U zegt nee tegen deze vrijwilliger. De coördinator zoekt verder."),
        show_decline_form=show_decline_form,
        errors=ERRORS,
    )
    if refused is not None:
        return refused
    return redirect("helprequests:detail", circle_id=circle_id, request_id=proposal.help_request_id)
