"""The volunteer coordinator's pages: open requests, the shortlist per request,
the batch proposal, and the steps after both sides said yes.

Only coordinators of the addressed organisation (403 for anyone else). They
see the request's facts only, never the circle (need to know); each request
they open is written to the circle's audit log.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenspel.accounts.models import Person
from samenspel.audit import context as audit_context
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record, record_object_views
from samenspel.domain import helprequests as hr
from samenspel.helprequests import coordinator_steps as steps
from samenspel.helprequests import forms, policy, presenters, selectors, services
from samenspel.helprequests.views import ERRORS
from samenspel.volunteers import selectors as volunteer_selectors
from samenspel.volunteers.models import VolunteerProfile
from samenspel.volunteers.policy import COORDINATOR_ROLE

Action = AuditEvent.Action
# The same role code as the volunteers and WIFA pages of the coordinator.
ROLE = COORDINATOR_ROLE
# The split of who asks for help is shown over the last year (product choice).
SPLIT_DAYS = 365


def _organisation(request, organisation_id: int):
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return None, redirect_to_login(request.get_full_path())
    organisation = volunteer_selectors.volunteer_organisation(organisation_id)
    person = getattr(request.user, "person", None)
    employment = volunteer_selectors.employment(organisation, person)
    if not policy.may_coordinate(employment, organisation):
        raise PermissionDenied
    audit_context.set_role(ROLE)  # what the services record, they record as coordinator
    return organisation, None


def _audit(request, action, obj_type, obj_id, circle, summary=""):
    record(
        request,
        action,
        object_type=obj_type,
        object_id=obj_id,
        summary=summary,
        circle=circle,
        role=ROLE,
    )


@require_http_methods(["GET", "HEAD"])
def open_requests(request, organisation_id):
    organisation, login = _organisation(request, organisation_id)
    if login:
        return login
    requests = selectors.open_requests(organisation)
    rows = [
        {
            "request": r,
            "facts": presenters.request_facts(r),
            "active": next(
                (p for p in r.proposals.all() if p.status in hr.ACTIVE_PROPOSAL_STATUSES), None
            ),
        }
        for r in requests
    ]
    running = selectors.running_proposals(organisation)
    today = timezone.localdate()
    since = today - dt.timedelta(days=SPLIT_DAYS)
    split = hr.source_split(selectors.source_counts(organisation, since))
    record_object_views(
        request,
        [(r.circle, ROLE, r.pk) for r in requests],
        object_type="help_request",
    )
    return render(
        request,
        "helprequests/coordinator_list.html",
        {
            "organisation": organisation,
            "rows": rows,
            "running": [{"proposal": p, "status": presenters.proposal_status(p)} for p in running],
            "today": today,
            "split": [
                {"label": _(hr.SOURCE_LABELS[share.source]), "share": share} for share in split
            ],
            "split_total": sum(share.count for share in split),
            "split_since": since,
        },
    )


@require_http_methods(["GET", "HEAD"])
def shortlist(request, organisation_id, request_id):
    organisation, login = _organisation(request, organisation_id)
    if login:
        return login
    help_request = selectors.request_of_organisation(organisation, request_id)
    candidates, excluded = selectors.shortlist(help_request, timezone.localdate())
    _audit(request, Action.VIEW, "help_request", help_request.pk, help_request.circle)
    active = [p for p in help_request.proposals.all() if p.status in hr.ACTIVE_PROPOSAL_STATUSES]
    return render(
        request,
        "helprequests/shortlist.html",
        {
            "organisation": organisation,
            "help_request": help_request,
            "facts": presenters.request_facts(help_request),
            "may_propose": help_request.status == hr.RequestStatus.OPEN,
            "active": active,
            "declined": [
                p for p in help_request.proposals.all() if p.status == hr.ProposalStatus.DECLINED
            ],
            "candidates": [
                {
                    "row": c,
                    "volunteer": presenters.volunteer_facts(c.profile),
                    "reasons": presenters.reasons(c.reasons),
                    "score": round(c.score),
                }
                for c in candidates
            ],
            "excluded": [{"row": e, "reasons": presenters.reasons(e.reasons)} for e in excluded],
        },
    )


@require_POST
def propose(request, organisation_id, request_id):
    organisation, login = _organisation(request, organisation_id)
    if login:
        return login
    help_request = selectors.request_of_organisation(organisation, request_id)
    volunteer_id = str(request.POST.get("volunteer") or "")
    profile = None
    if volunteer_id.isascii() and volunteer_id.isdigit() and len(volunteer_id) < 19:
        profile = (
            VolunteerProfile.objects.filter(pk=int(volunteer_id), organisation=organisation)
            .select_related("person")
            .first()
        )
    if profile is None:
        messages.error(request, _("Kies een vrijwilliger uit de lijst."))
        return redirect(
            "matching:shortlist", organisation_id=organisation.pk, request_id=help_request.pk
        )
    try:
        proposal = services.propose(help_request, profile, by=getattr(request.user, "person", None))
    except services.WorkflowError as error:
        if error.code == services.NOT_A_MATCH:
            reasons = " ".join(presenters.reasons(error.detail))
            messages.error(
                request,
                _("%(name)s kan deze hulpvraag niet doen. %(reasons)s")
                % {"name": profile.person.full_name, "reasons": reasons},
            )
        else:
            messages.error(
                request,
                _("Voor deze hulpvraag is al iemand voorgesteld, of hij is niet meer open."),
            )
        return redirect(
            "matching:shortlist", organisation_id=organisation.pk, request_id=help_request.pk
        )
    _audit(
        request,
        Action.CREATE,
        "proposal",
        proposal.pk,
        help_request.circle,
        summary=f"request={help_request.pk} volunteer={profile.pk}",
    )
    messages.success(
        request,
        _("%(name)s is voorgesteld. Nu zeggen de vrijwilliger en de cliënt ja of nee.")
        % {"name": profile.person.full_name},
    )
    return redirect("matching:proposal", organisation_id=organisation.pk, proposal_id=proposal.pk)


@require_http_methods(["GET", "HEAD", "POST"])
def batch(request, organisation_id):
    organisation, login = _organisation(request, organisation_id)
    if login:
        return login
    today = timezone.localdate()
    if request.method == "POST":
        return _confirm_batch(request, organisation, today)
    result = selectors.batch(organisation, today)
    rows = []
    for rid, req in result.requests.items():
        vid = result.optimal.pairs.get(rid)
        gid = result.greedy.pairs.get(rid)
        rows.append(
            {
                "request": req,
                "facts": presenters.request_facts(req),
                "volunteer": result.profiles.get(vid) if vid else None,
                "score": round(result.scores.get((rid, vid), 0)) if vid else None,
                "greedy_volunteer": result.profiles.get(gid) if gid else None,
                "greedy_score": round(result.scores.get((rid, gid), 0)) if gid else None,
            }
        )
    record_object_views(
        request,
        [(r.circle, ROLE, r.pk) for r in result.requests.values()],
        object_type="help_request",
    )
    optimal, greedy = result.optimal.total_score, result.greedy.total_score
    return render(
        request,
        "helprequests/batch.html",
        {
            "organisation": organisation,
            "rows": rows,
            **presenters.batch_totals(optimal, greedy),
            "optimal_count": len(result.optimal.pairs),
            "greedy_count": len(result.greedy.pairs),
            "proposable": sum(1 for r in rows if r["volunteer"]),
            "pairs": [f"{rid}:{vid}" for rid, vid in result.optimal.pairs.items()],
        },
    )


def _posted_pairs(request) -> tuple[dict[int, int], int]:
    """The pairs the coordinator saw ("request:volunteer"); malformed ones and
    a second pair for the same request are counted as skipped."""
    pairs: dict[int, int] = {}
    bad = 0
    for value in request.POST.getlist("pair"):
        rid, _sep, vid = str(value).partition(":")
        ok = all(part.isascii() and part.isdigit() and len(part) < 19 for part in (rid, vid))
        if not ok or int(rid) in pairs:
            bad += 1
            continue
        pairs[int(rid)] = int(vid)
    return pairs, bad


def _confirm_batch(request, organisation, today):
    """Make exactly the proposals the coordinator saw, nothing recomputed:
    `services.propose` checks each pair again under a lock and skips what
    changed meanwhile. Every proposal goes into its client's audit log."""
    pairs, skipped = _posted_pairs(request)
    if not pairs and not skipped:
        messages.error(request, _("Vink minstens één voorstel aan."))
        return redirect("matching:batch", organisation_id=organisation.pk)
    by = getattr(request.user, "person", None)
    made, not_made = services.propose_batch(organisation, pairs, by=by, today=today)
    skipped += not_made
    record_object_views(
        request,
        (
            (
                p.help_request.circle_id,
                ROLE,
                p.pk,
                f"request={p.help_request_id} volunteer={p.volunteer_id} batch",
            )
            for p in made
        ),
        object_type="proposal",
        action=Action.CREATE,
    )
    record(
        request,
        Action.CREATE,
        object_type="proposal_batch",
        object_id=organisation.pk,
        summary=f"made={len(made)} skipped={skipped}",
        role=ROLE,
    )
    if made:
        messages.success(request, _("%(n)s voorstellen gemaakt.") % {"n": len(made)})
    if skipped:
        messages.warning(
            request,
            _(
                "%(n)s voorstellen zijn niet gemaakt: de hulpvraag of de vrijwilliger "
                "is intussen veranderd."
            )
            % {"n": skipped},
        )
    return redirect("matching:open", organisation_id=organisation.pk)


def _proposal_context(organisation, proposal, forms_by_step=None):
    forms_by_step = forms_by_step or {}
    help_request = proposal.help_request
    state = proposal.state
    can = {step: hr.allowed(state, step, hr.Side.COORDINATOR) for step in hr.Step}
    # Who may join is circle data: only looked up when a kennismaking can be planned.
    professionals = (
        Person.objects.filter(
            pk__in=[p.pk for p in selectors.introduction_professionals(help_request)]
        )
        if can[hr.Step.PLAN_INTRODUCTION]
        else Person.objects.none()
    )
    version = {"version": proposal.version}
    intro_initial = {**version}
    if proposal.introduction_at:
        local = timezone.localtime(proposal.introduction_at)
        intro_initial.update(
            date=local.date(), time=local.time(), professional=proposal.introduction_with_id
        )
    elif (
        help_request.created_by_id and professionals.filter(pk=help_request.created_by_id).exists()
    ):
        intro_initial["professional"] = help_request.created_by_id
    return {
        "organisation": organisation,
        "proposal": proposal,
        "status": presenters.proposal_status(proposal),
        "facts": presenters.request_facts(help_request),
        "volunteer": presenters.volunteer_facts(proposal.volunteer),
        "reasons": presenters.reasons(proposal.reasons),
        "can": {str(k): v for k, v in can.items()},
        "intro_form": forms_by_step.get("plan_introduction")
        or forms.IntroductionForm(
            initial=intro_initial, professionals=professionals, prefix="intro"
        ),
        "start_form": forms_by_step.get("start")
        or forms.VersionForm(initial=version, prefix="start"),
        "evaluation_form": forms_by_step.get("evaluate")
        or forms.EvaluationForm(initial={**version, "date": timezone.localdate()}, prefix="eval"),
        "end_form": forms_by_step.get("end") or forms.EndForm(initial=version, prefix="end"),
        "decline_form": forms_by_step.get("decline")
        or forms.DeclineForm(initial=version, prefix="decline"),
        "professionals": professionals,
    }


@require_http_methods(["GET", "HEAD"])
def proposal_detail(request, organisation_id, proposal_id):
    organisation, login = _organisation(request, organisation_id)
    if login:
        return login
    proposal = selectors.proposal_of_organisation(organisation, proposal_id)
    _audit(request, Action.VIEW, "proposal", proposal.pk, proposal.help_request.circle)
    return render(
        request, "helprequests/coordinator_proposal.html", _proposal_context(organisation, proposal)
    )


@require_POST
def proposal_step(request, organisation_id, proposal_id):
    """The coordinator takes the next step of a match (see ``coordinator_steps``)."""
    organisation, login = _organisation(request, organisation_id)
    if login:
        return login
    proposal = selectors.proposal_of_organisation(organisation, proposal_id)
    step = request.POST.get("step", "")
    take = steps.STEPS.get(step)
    if take is None:
        raise Http404
    context = _proposal_context(organisation, proposal)
    back = redirect("matching:proposal", organisation_id=organisation.pk, proposal_id=proposal.pk)
    try:
        form, done = take(request, proposal, context["professionals"])
    except services.WorkflowError as error:
        messages.error(request, _workflow_message(error, proposal))
        return back
    if done is None:
        context = _proposal_context(organisation, proposal, {step: form})
        context["error_step"] = step
        return render(request, "helprequests/coordinator_proposal.html", context, status=400)
    circle = proposal.help_request.circle
    _audit(request, Action.UPDATE, "proposal", proposal.pk, circle, summary=f"step={step}")
    messages.success(request, done)
    return back


def _workflow_message(error, proposal) -> str:
    if error.code != services.NOT_A_MATCH:
        return ERRORS[error.code]
    return _("%(name)s kan deze hulpvraag niet (meer) doen. %(reasons)s") % {
        "name": proposal.volunteer.person.full_name,
        "reasons": " ".join(presenters.reasons(error.detail)),
    }
