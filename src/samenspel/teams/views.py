"""Team thermometer pages. Thin: membership via `policy`, reads via selectors,
writes via services, aggregation in `domain.thermometer`. Individual answers
are shown only to the person who gave them, on their own form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.domain import teamplan
from samenspel.domain import thermometer as rules
from samenspel.questionnaires.answering import AnswerPage, answer_page
from samenspel.questionnaires.services import RoundError
from samenspel.teams import policy, selectors, services, suggestions
from samenspel.teams.forms import RoundForm, SessionForm
from samenspel.teams.models import ThermometerRound, WerkplanAction
from samenspel.teams.thermometer import instrument

Action = AuditEvent.Action
MAX_ID = 2**63 - 1


def _team_and_employment(request, team_id: int):
    """The team and the viewer's job there; 403 for anyone outside the team."""
    team = selectors.team(team_id)
    employment = selectors.employment(team, getattr(request.user, "person", None))
    if not policy.is_member(employment):
        raise PermissionDenied
    return team, employment


def _round(team, round_id: int) -> ThermometerRound:
    if round_id > MAX_ID:
        raise Http404
    return get_object_or_404(ThermometerRound, pk=round_id, team=team)


def _number(value: float) -> str:
    """A score as people write it: 3,4."""
    return f"{value:.1f}".replace(".", ",")


def _change(value: float | None) -> str:
    if value is None:
        return ""
    rounded = round(value, 1)
    if rounded == 0:
        return "0"
    return ("+" if rounded > 0 else "−") + _number(abs(rounded))


def _factor_rows(result: rules.RoundResult):
    labels = {s.id: s.label for s in instrument().subscales}
    return [
        {
            "id": f.factor,
            "label": labels[f.factor],
            # The domain has already rounded: the meter shows what the text says.
            "mean": f.mean,
            "mean_text": _number(f.mean),
            # Numbers for the spread only from MIN_RESPONDENTS_FOR_SPREAD answers;
            # below that the domain gives None and the page shows a word.
            "spread_shown": f.spread_shown,
            "low_text": _number(f.low) if f.spread_shown else "",
            "high_text": _number(f.high) if f.spread_shown else "",
            "n": f.n,
            "disagreement": f.disagreement,
            "is_low": f.is_low,
            "suggestions": suggestions.for_factor(f.factor) if f.is_low else (),
            "change": f.change,
            "change_text": _change(f.change),
        }
        for f in result.factors
    ]


@login_required
def thermometer(request, team_id):
    team, employment = _team_and_employment(request, team_id)
    rounds = selectors.rounds(team)
    results = selectors.round_results(rounds)
    own = selectors.own_responses(rounds, employment.person)
    rows = []
    for r in reversed(rounds):  # newest first
        result = results[r.pk]
        response = own.get(r.pk)
        rows.append(
            {
                "round": r,
                "result": result,
                # Only closed rounds: in an open one, comparing the page before
                # and after one colleague submits would give away their answers.
                "factors": _factor_rows(result) if result.enough and not r.is_open else [],
                "own_status": (
                    "submitted"
                    if response and response.submitted_at
                    else "draft"
                    if response
                    else "none"
                ),
            }
        )
    record(
        request,
        Action.VIEW,
        object_type="team_thermometer",
        object_id=team.pk,
        summary=f"Teamthermometer {team.name}",
    )
    return render(
        request,
        "teams/thermometer.html",
        {
            "team": team,
            "is_lead": policy.is_lead(employment),
            "rows": rows,
            "has_open": any(r.is_open for r in rounds),
            "round_form": RoundForm(),
            "min_respondents": rules.MIN_RESPONDENTS,
            "min_for_spread": rules.MIN_RESPONDENTS_FOR_SPREAD,
            "low_mean": _number(rules.LOW_MEAN),
            # For the <meter>'s low attribute: a plain number with a dot.
            "low_mean_value": f"{rules.LOW_MEAN:.1f}",
        },
    )


@login_required
@require_POST
def round_open(request, team_id):
    team, employment = _team_and_employment(request, team_id)
    if not policy.is_lead(employment):
        raise PermissionDenied
    form = RoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["title"][0])
        return redirect("teams:thermometer", team_id=team.pk)
    try:
        services.open_round(team, employment.person, form.cleaned_data["title"])
    except RoundError as error:
        messages.error(request, error.message)
        return redirect("teams:thermometer", team_id=team.pk)
    messages.success(request, _("De ronde is geopend. Uw teamleden kunnen nu invullen."))
    return redirect("teams:thermometer", team_id=team.pk)


@login_required
@require_POST
def round_close(request, team_id, round_id):
    team, employment = _team_and_employment(request, team_id)
    if not policy.is_lead(employment):
        raise PermissionDenied
    round_ = _round(team, round_id)
    try:
        services.close_round(round_)
    except RoundError as error:
        messages.error(request, error.message)
        return redirect("teams:thermometer", team_id=team.pk)
    messages.success(request, _("De ronde is gesloten."))
    return redirect("teams:thermometer", team_id=team.pk)


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, team_id, round_id):
    """The viewer's own response: draft or submit. Nobody else's is ever loaded."""
    team, employment = _team_and_employment(request, team_id)
    round_ = _round(team, round_id)
    person = employment.person
    page = AnswerPage(
        round=round_,
        response=selectors.own_response(round_, person),
        may_answer=policy.may_answer(employment, round_),
        instrument=instrument(),
        save=lambda answers, submit: services.save_response(round_, person, answers, submit=submit),
        audit_type="thermometer_response",
        back_url=reverse("teams:thermometer", kwargs={"team_id": team.pk}),
        template="teams/answer.html",
        context={"team": team},
    )
    return answer_page(request, page)


# --- Team session → werkplan -------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request, team_id):
    """Lead-only: notes per spearhead and actions; saved together."""
    team, employment = _team_and_employment(request, team_id)
    if not policy.is_lead(employment):
        raise PermissionDenied
    members = selectors.team_members(team)
    if request.method == "POST":
        form = SessionForm(request.POST, members=members)
        if form.is_valid():
            actions = form.actions()
            services.create_session(
                team, employment.person, form.cleaned_data["held_on"], form.notes(), actions
            )
            messages.success(request, _("De sessie is bewaard. De acties staan in het werkplan."))
            return redirect("teams:werkplan", team_id=team.pk)
    else:
        form = SessionForm(initial={"held_on": timezone.localdate()}, members=members)
        record(
            request,
            Action.VIEW,
            object_type="team_session",
            object_id="",
            summary=f"Nieuwe teamsessie {team.name}",
        )
    groups = [
        {
            "spearhead": sp,
            "label": _(sp.label),
            "explanation": _(sp.explanation),
            "questions": [_(q) for q in sp.questions],
            "now": form[f"{sp.id}_now"],
            "important": form[f"{sp.id}_important"],
            "rows": [
                {
                    "number": i,
                    "fields": [form[p + n] for n in ("text", "owner", "due", "layer")],
                }
                for i, p in rows
            ],
        }
        for sp, rows in form.groups
    ]
    return render(
        request,
        "teams/session_new.html",
        {
            "team": team,
            "form": form,
            "groups": groups,
            "low_factors": selectors.latest_low_factors(team),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def werkplan(request, team_id):
    team, employment = _team_and_employment(request, team_id)
    person = employment.person
    is_lead = policy.is_lead(employment)
    today = timezone.localdate()
    actions = selectors.werkplan_actions(team)
    layers = {k: _(v) for k, v in teamplan.LAYERS}
    groups = []
    for sp in teamplan.SPEARHEADS:
        rows = [
            {
                "action": a,
                "layer": layers.get(a.layer, ""),
                "overdue": teamplan.overdue(a.due, a.status, today),
                "may_change": policy.may_change_action(employment, a),
            }
            for a in actions
            if a.spearhead == sp.id
        ]
        groups.append({"spearhead": sp, "label": _(sp.label), "rows": rows})
    record(
        request,
        Action.VIEW,
        object_type="werkplan",
        object_id=team.pk,
        summary=f"Werkplan {team.name}, {len(actions)} acties",
    )
    return render(
        request,
        "teams/werkplan.html",
        {
            "team": team,
            "is_lead": is_lead,
            "person": person,
            "groups": groups,
            "has_actions": bool(actions),
            "statuses": WerkplanAction.Status.choices,
        },
    )


@login_required
@require_POST
def action_status(request, team_id, action_id):
    team, employment = _team_and_employment(request, team_id)
    if action_id > MAX_ID:
        raise Http404
    action = get_object_or_404(WerkplanAction, pk=action_id, team=team)
    if not policy.may_change_action(employment, action):
        raise PermissionDenied
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        services.set_action_status(action, request.POST.get("status", ""), version)
    except services.WerkplanError as exc:
        messages.error(request, exc.message)
        return redirect("teams:werkplan", team_id=team.pk)
    messages.success(request, _("De status is bijgewerkt."))
    return redirect("teams:werkplan", team_id=team.pk)
