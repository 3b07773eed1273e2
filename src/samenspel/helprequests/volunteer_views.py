"""A volunteer's own proposals: answer yes or no. Until the start they see
only the request's facts; after the start, a link to the client's circle."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record, record_object_views
from samenspel.domain import helprequests as hr
from samenspel.helprequests import answers, forms, policy, presenters, selectors
from samenspel.helprequests.views import ERRORS

Action = AuditEvent.Action
ROLE = "volunteer"


def _profile(request):
    return selectors.own_profile(getattr(request.user, "person", None))


def _row(proposal, decline_form=None):
    return {
        "proposal": proposal,
        "status": presenters.proposal_status(proposal),
        "facts": presenters.request_facts(proposal.help_request),
        "reasons": presenters.reasons(proposal.reasons),
        "may_accept": hr.allowed(proposal.state, hr.Step.ACCEPT, hr.Side.VOLUNTEER),
        "may_decline": hr.allowed(proposal.state, hr.Step.DECLINE, hr.Side.VOLUNTEER),
        "circle": proposal.help_request.circle if policy.may_open_circle(proposal) else None,
        "decline_form": decline_form
        or forms.DeclineForm(initial={"version": proposal.version}, prefix=f"p{proposal.pk}"),
    }


@login_required
@require_http_methods(["GET", "HEAD"])
def my_proposals(request):
    profile = _profile(request)
    proposals = selectors.volunteer_proposals(profile) if profile else []
    # The request's facts are the client's data, also before the start.
    record_object_views(
        request,
        [(p.help_request.circle, ROLE, p.pk) for p in proposals],
        object_type="proposal",
    )
    return render(
        request,
        "helprequests/my_proposals.html",
        {
            "profile": profile,
            "waiting": [_row(p) for p in proposals if p.status == hr.ProposalStatus.PROPOSED],
            "others": [_row(p) for p in proposals if p.status != hr.ProposalStatus.PROPOSED],
        },
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def my_proposal(request, proposal_id):
    profile = _profile(request)
    if profile is None:
        raise Http404
    proposal = selectors.proposal_of_volunteer(profile, proposal_id)
    # Also before the start: the request's facts are the client's data.
    record(
        request,
        Action.VIEW,
        object_type="proposal",
        object_id=proposal.pk,
        circle=proposal.help_request.circle,
        role=ROLE,
    )
    return render(request, "helprequests/my_proposal.html", {"row": _row(proposal)})


@login_required
@require_POST
def my_answer(request, proposal_id):
    profile = _profile(request)
    if profile is None:
        raise Http404
    proposal = selectors.proposal_of_volunteer(profile, proposal_id)
    refused = answers.answer(
        request,
        proposal,
        hr.Side.VOLUNTEER,
        by=profile.person,
        said_yes=_("Fijn dat u ja zegt! De coördinator neemt contact op."),
        said_no=_("U zegt nee. Dank voor uw antwoord."),
        show_decline_form=lambda form: render(
            request,
            "helprequests/my_proposal.html",
            {"row": _row(proposal, decline_form=form)},
            status=400,
        ),
        errors=ERRORS,
        circle=proposal.help_request.circle,
        role=ROLE,
    )
    if refused is not None:
        return refused
    return redirect("my_proposals:detail", proposal_id=proposal.pk)
