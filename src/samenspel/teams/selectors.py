"""Reads for the thermometer pages. Results are computed from submitted factor
scores only; individual answers never leave this module."""

from __future__ import annotations

from collections import defaultdict

from django.shortcuts import get_object_or_404

from samenspel.domain import thermometer as rules
from samenspel.organisations.models import Employment, Organisation
from samenspel.teams.models import ThermometerResponse, ThermometerRound, WerkplanAction
from samenspel.teams.thermometer import instrument


def team(team_id: int) -> Organisation:
    return get_object_or_404(Organisation, pk=team_id, kind=Organisation.Kind.NEIGHBOURHOOD_TEAM)


def employment(team: Organisation, person) -> Employment | None:
    if person is None:
        return None
    return Employment.objects.filter(organisation=team, person=person).first()


def rounds(team: Organisation) -> list[ThermometerRound]:
    return list(ThermometerRound.objects.filter(team=team).order_by("opened_at", "id"))


def round_results(rounds_: list[ThermometerRound]) -> dict[int, rules.RoundResult]:
    """Aggregate per round (with trend), in one query over submitted responses."""
    factor_ids = [s.id for s in instrument().subscales]
    scores = defaultdict(list)
    rows = ThermometerResponse.objects.filter(
        round__in=rounds_, submitted_at__isnull=False
    ).values_list("round_id", "factor_scores")
    for round_id, factor_scores in rows:
        scores[round_id].append(factor_scores)
    results = rules.series(factor_ids, [scores[r.pk] for r in rounds_])
    return {r.pk: res for r, res in zip(rounds_, results, strict=True)}


def own_responses(rounds_: list[ThermometerRound], person) -> dict[int, ThermometerResponse]:
    return {
        r.round_id: r for r in ThermometerResponse.objects.filter(round__in=rounds_, person=person)
    }


def own_response(round_: ThermometerRound, person) -> ThermometerResponse | None:
    return ThermometerResponse.objects.filter(round=round_, person=person).first()


def team_members(team: Organisation) -> list:
    """People working in the team, for the owner choice."""
    return [
        e.person
        for e in Employment.objects.filter(organisation=team)
        .select_related("person")
        .order_by("person__first_name", "person__last_name", "person_id")
    ]


def werkplan_actions(team: Organisation) -> list[WerkplanAction]:
    return list(
        WerkplanAction.objects.filter(team=team).select_related("owner").order_by("due", "id")
    )


def open_actions(team: Organisation) -> list[WerkplanAction]:
    """Not yet done; for the team lead's start page."""
    return list(
        WerkplanAction.objects.filter(team=team)
        .exclude(status=WerkplanAction.Status.DONE)
        .select_related("owner")
        .order_by("due", "id")
    )


def latest_low_factors(team: Organisation) -> list[str]:
    """Labels of low factors in the latest closed round with enough answers."""
    closed = [r for r in rounds(team) if not r.is_open]
    if not closed:
        return []
    result = round_results(closed)[closed[-1].pk]
    if not result.enough:
        return []
    labels = {s.id: s.label for s in instrument().subscales}
    return [labels[f.factor] for f in result.factors if f.is_low]
