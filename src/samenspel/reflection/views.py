"""Equality-reflection pages for a circle and for a wijkteam.

Thin: who takes part via `circle_view` / `selectors.team_party`, rules in
`policy`, reads via selectors, writes via services, aggregation in
`domain.reflection`. The same pages serve both scopes through a small `Scope`.
Individual answers are shown only to the person who gave them, on their own form.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles.access import circle_view
from samenspel.domain import reflection as rules
from samenspel.domain.access import Perm
from samenspel.questionnaires.answering import AnswerPage, answer_page
from samenspel.questionnaires.services import RoundError
from samenspel.reflection import policy, selectors, services
from samenspel.reflection.forms import RoundForm
from samenspel.reflection.instrument import instrument
from samenspel.reflection.models import ReflectionRound

Action = AuditEvent.Action
MAX_ID = 2**63 - 1


@dataclass
class Scope:
    """One circle or one team, and the viewer's place in it."""

    person: object
    party: rules.Party
    may_manage: bool
    circle: object = None
    team: object = None

    @property
    def namespace(self) -> str:
        return "reflection" if self.circle is not None else "reflection_team"

    @property
    def kwargs(self) -> dict:
        if self.circle is not None:
            return {"circle_id": self.circle.pk}
        return {"team_id": self.team.pk}

    def url(self, name: str, **kwargs) -> str:
        return reverse(f"{self.namespace}:{name}", kwargs={**self.kwargs, **kwargs})

    @property
    def url_overview(self) -> str:
        return self.url("overview")

    @property
    def name(self) -> str:
        return self.circle.client.full_name if self.circle is not None else self.team.name

    @property
    def object_id(self):
        return self.circle.pk if self.circle is not None else self.team.pk

    def rounds(self) -> list[ReflectionRound]:
        return selectors.rounds(circle=self.circle, team=self.team)

    def get_round(self, round_id: int) -> ReflectionRound:
        if round_id > MAX_ID:
            raise Http404
        scope = {"circle": self.circle} if self.circle is not None else {"team": self.team}
        return get_object_or_404(ReflectionRound, pk=round_id, **scope)


def _circle_scope(request) -> Scope:
    party = selectors.circle_party(request.access)
    if not policy.may_take_part(party):
        raise PermissionDenied
    return Scope(
        person=request.user.person,
        party=party,
        may_manage=policy.may_manage_circle(request.access.perms),
        circle=request.circle,
    )


def _team_scope(request, team_id: int) -> Scope:
    """The team and the viewer's party there; 403 for anyone not part of it."""
    team = selectors.team(team_id)
    person = getattr(request.user, "person", None)
    job, party = selectors.team_party(team, person)
    if not policy.may_take_part(party):
        raise PermissionDenied
    return Scope(person=person, party=party, may_manage=policy.may_manage_team(job), team=team)


def _number(value: float) -> str:
    """A score as people write it: 3,4."""
    return f"{value:.1f}".replace(".", ",")


def _party_label(party) -> str:
    return _(rules.PARTY_LABELS[rules.Party(party)])


def _team_link(scope: Scope) -> dict | None:
    """Members of a wijkteam's circle also answer the team's own round.

    While the team's round is open and the viewer has not sent in: "doe mee".
    Otherwise the outcome of the latest closed team round, if there is one.
    """
    circle = scope.circle
    if circle is None or circle.team_id is None:
        return None
    team_rounds = selectors.rounds(team=circle.team)
    if not team_rounds or not selectors.team_party(circle.team, scope.person)[1]:
        return None
    open_round = next((r for r in team_rounds if r.is_open), None)
    if open_round is not None:
        own = selectors.own_response(open_round, scope.person)
        if own is None or own.submitted_at is None:
            url_kwargs = {"team_id": circle.team_id, "round_id": open_round.pk}
            return {"open": True, "url": reverse("reflection_team:answer", kwargs=url_kwargs)}
    closed = [r for r in team_rounds if not r.is_open]
    if not closed:
        return None
    latest = closed[-1]
    url_kwargs = {"team_id": circle.team_id, "round_id": latest.pk}
    return {
        "open": False,
        "title": latest.title,
        "closed_at": latest.closed_at,
        "url": reverse("reflection_team:results", kwargs=url_kwargs),
    }


# --- the pages, shared by both scopes ------------------------------------------


def _overview(request, scope: Scope, round_form=None, status=200):
    rounds = scope.rounds()
    own = selectors.own_responses(rounds, scope.person)
    rows = []
    circle = scope.circle
    for r in reversed(rounds):  # newest first
        response = own.get(r.pk)
        rows.append(
            {
                "round": r,
                "answer_url": scope.url("answer", round_id=r.pk),
                "results_url": scope.url("results", round_id=r.pk),
                "close_url": scope.url("round_close", round_id=r.pk),
                "own_status": (
                    "submitted"
                    if response and response.submitted_at
                    else "draft"
                    if response
                    else "none"
                ),
            }
        )
    team_link = _team_link(scope)
    record(
        request,
        Action.VIEW,
        object_type="reflection_rounds",
        object_id=scope.object_id,
        summary=f"Reflectie gelijkwaardigheid, {scope.name}",
    )
    return render(
        request,
        "reflection/overview.html",
        {
            "scope": scope,
            "circle": circle,
            "team": scope.team,
            "party_label": _party_label(scope.party),
            "rows": rows,
            "has_open": any(r.is_open for r in rounds),
            "round_form": round_form or RoundForm(),
            "open_url": scope.url("round_open"),
            "team_link": team_link,
            "min_respondents": rules.MIN_RESPONDENTS,
        },
        status=status,
    )


def _open(request, scope: Scope):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not scope.may_manage:
        raise PermissionDenied
    form = RoundForm(request.POST)
    if not form.is_valid():
        return _overview(request, scope, round_form=form, status=400)
    try:
        services.open_round(
            scope.person, form.cleaned_data["title"], circle=scope.circle, team=scope.team
        )
    except RoundError as error:
        messages.error(request, error.message)
        return redirect(scope.url("overview"))
    messages.success(request, _("De ronde is geopend. Iedereen kan nu invullen."))
    return redirect(scope.url("overview"))


def _close(request, scope: Scope, round_id: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not scope.may_manage:
        raise PermissionDenied
    round_ = scope.get_round(round_id)
    try:
        services.close_round(round_)
    except RoundError as error:
        messages.error(request, error.message)
        return redirect(scope.url("overview"))
    messages.success(request, _("De ronde is gesloten. De uitkomst is nu te zien."))
    return redirect(scope.url("results", round_id=round_.pk))


def _answer(request, scope: Scope, round_id: int):
    """The viewer's own response: draft or submit. Nobody else's is ever loaded."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    round_ = scope.get_round(round_id)
    page = AnswerPage(
        round=round_,
        response=selectors.own_response(round_, scope.person),
        may_answer=policy.may_answer(scope.party, round_),
        instrument=instrument(),
        save=lambda answers, submit: services.save_response(
            round_, scope.person, scope.party, answers, submit=submit
        ),
        audit_type="reflection_response",
        back_url=scope.url("overview"),
        template="reflection/answer.html",
        context={
            "scope": scope,
            "circle": scope.circle,
            "party_label": _party_label(scope.party),
            "min_respondents": rules.MIN_RESPONDENTS,
        },
    )
    return answer_page(request, page)


def _dimension_rows(result: rules.ReflectionResult) -> list[dict]:
    labels = {s.id: s.label for s in instrument().subscales}
    rows = []
    for d in result.dimensions:
        rows.append(
            {
                "id": d.dimension,
                "label": labels[d.dimension],
                "highlighted": d.highlighted,
                "divergence": d.divergence,
                "divergence_text": _number(d.divergence) if d.divergence is not None else "",
                "highest": _party_label(d.highest) if d.highest else "",
                "highest_text": _number(d.party(d.highest).mean) if d.highest else "",
                "lowest": _party_label(d.lowest) if d.lowest else "",
                "lowest_text": _number(d.party(d.lowest).mean) if d.lowest else "",
                "prompt": _(rules.PROMPTS[d.dimension]) if d.dimension in rules.PROMPTS else "",
                "parties": [
                    {
                        "label": _party_label(f.party),
                        "enough": f.enough,
                        # Already rounded by the domain: the meter shows what the text says.
                        "mean": f.mean,
                        "mean_text": _number(f.mean) if f.enough else "",
                        # A number for the spread only from MIN_RESPONDENTS_FOR_SPREAD
                        # answers (the domain gives None below); a word from MIN_RESPONDENTS.
                        "spread_shown": f.spread_shown,
                        "low_text": _number(f.low) if f.spread_shown else "",
                        "high_text": _number(f.high) if f.spread_shown else "",
                        "disagreement": f.disagreement,
                        "n": f.n if f.enough else None,
                    }
                    for f in d.parties
                ],
            }
        )
    return rows


def _results(request, scope: Scope, round_id: int):
    round_ = scope.get_round(round_id)
    if not policy.may_see_results(scope.party, round_):
        messages.info(
            request,
            _(
                "De uitkomst komt als de ronde gesloten is. "
                "Zo kan niemand afleiden wat één persoon antwoordde."
            ),
        )
        return redirect(scope.url("overview"))
    result = selectors.round_result(round_)
    record(
        request,
        Action.VIEW,
        object_type="reflection_results",
        object_id=round_.pk,
        summary=f"Uitkomst reflectie, ronde {round_.title}",
    )
    dimensions = _dimension_rows(result)
    return render(
        request,
        "reflection/results.html",
        {
            "scope": scope,
            "circle": scope.circle,
            "round": round_,
            "total": result.total,
            "dimensions": dimensions,
            "highlighted": [d for d in dimensions if d["highlighted"]],
            "shown_parties": [_party_label(p) for p in result.shown_parties],
            # Each note once per page, only where the page needs it.
            "any_hidden": any(not f.enough for d in result.dimensions for f in d.parties),
            "any_spread_hidden": any(
                f.enough and not f.spread_shown for d in result.dimensions for f in d.parties
            ),
            "min_respondents": rules.MIN_RESPONDENTS,
            "min_for_spread": rules.MIN_RESPONDENTS_FOR_SPREAD,
            "threshold_text": _number(rules.DIVERGENCE_THRESHOLD),
        },
    )


# --- circle scope -----------------------------------------------------------------


@circle_view(Perm.VIEW_CIRCLE)
def circle_overview(request, circle_id):
    return _overview(request, _circle_scope(request))


@circle_view(*policy.CIRCLE_MANAGE_PERMS)
def circle_round_open(request, circle_id):
    return _open(request, _circle_scope(request))


@circle_view(*policy.CIRCLE_MANAGE_PERMS)
def circle_round_close(request, circle_id, round_id):
    return _close(request, _circle_scope(request), round_id)


@circle_view(Perm.VIEW_CIRCLE)
def circle_answer(request, circle_id, round_id):
    return _answer(request, _circle_scope(request), round_id)


@circle_view(Perm.VIEW_CIRCLE)
def circle_results(request, circle_id, round_id):
    return _results(request, _circle_scope(request), round_id)


# --- team scope -------------------------------------------------------------------


@login_required
def team_overview(request, team_id):
    return _overview(request, _team_scope(request, team_id))


@login_required
def team_round_open(request, team_id):
    return _open(request, _team_scope(request, team_id))


@login_required
def team_round_close(request, team_id, round_id):
    return _close(request, _team_scope(request, team_id), round_id)


@login_required
def team_answer(request, team_id, round_id):
    return _answer(request, _team_scope(request, team_id), round_id)


@login_required
def team_results(request, team_id, round_id):
    return _results(request, _team_scope(request, team_id), round_id)
