"""Demo data: two closed thermometer rounds for a team, deterministic.

Call from the demo seeding command: ``add_demo_thermometer(team, members, lead, today)``
with at least five members (Person rows with an Employment at the team).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from samenspel.domain.instruments import score
from samenspel.teams.models import (
    TeamSession,
    ThermometerResponse,
    ThermometerRound,
    WerkplanAction,
)
from samenspel.teams.thermometer import instrument

# Per factor a base score (1..5) in round 1 and the change in round 2; chosen so the
# demo shows a low factor, a factor with much disagreement and an upward trend.
_BASE = {
    "taakverdeling": (4, 0),
    "elkaar_nodig": (4, 0),
    "contact": (3, 1),
    "ongelijkheid": (2, 1),
    "vertrouwen": (4, 0),
    "verplaatsen": (3, 0),
    "belangen": (3, 0),
    "dilemmas": (2, 0),
    "evalueren": (2, 1),
}
_VALUES = {1: "helemaal_oneens", 2: "oneens", 3: "neutraal", 4: "eens", 5: "helemaal_eens"}
# Person offsets per response: "belangen" gets a wide spread on purpose.
_OFFSETS = (0, 1, -1, 0, 1, -1, 0)


def _answers(round_no: int, index: int) -> dict[str, str]:
    inst = instrument()
    answers = {}
    for item in inst.items:
        base, change = _BASE[item.subscale]
        value = base + (change if round_no == 2 else 0) + _OFFSETS[index % len(_OFFSETS)]
        if item.subscale == "belangen":
            value = 1 if index % 2 else 5
        answers[item.id] = _VALUES[max(1, min(5, value))]
    return answers


def add_demo_thermometer(team, members, lead, today: dt.date) -> list[ThermometerRound]:
    """Create two closed rounds (about six and one month before ``today``)."""
    if len(members) < 5:
        raise ValueError("the demo thermometer needs at least five team members")
    inst = instrument()
    tz = timezone.get_current_timezone()
    rounds = []
    for round_no, (title, months_ago) in enumerate(
        (("Voorjaarsronde", 6), ("Najaarsronde", 1)), start=1
    ):
        opened = dt.datetime.combine(
            today - dt.timedelta(days=30 * months_ago), dt.time(9, 0), tzinfo=tz
        )
        round_ = ThermometerRound.objects.create(
            team=team,
            title=title,
            opened_by=lead,
            opened_at=opened,
            closed_at=opened + dt.timedelta(days=14),
        )
        for index, person in enumerate(members):
            answers = _answers(round_no, index)
            ThermometerResponse.objects.create(
                round=round_,
                person=person,
                answers=answers,
                factor_scores=score(inst, answers).subscale_scores,
                submitted_at=opened + dt.timedelta(days=1 + index),
            )
        rounds.append(round_)
    return rounds


def add_demo_session(team, members, lead, today: dt.date) -> TeamSession:
    """One team session about three weeks before ``today`` with a werkplan that
    shows every status, a layer on most actions and one overdue action."""
    if len(members) < 2:
        raise ValueError("the demo werkplan needs at least two team members")
    a, b = members[0], members[1]
    notes = {
        "kennis_visie": {
            "now": "We weten niet goed wie in de wijk voor een ander zorgt.",
            "important": "Mantelzorgers vroeg zien en serieus nemen.",
        },
        "rol_professional": {
            "now": "We wachten vaak tot mensen zelf aan de bel trekken.",
            "important": "Zelf op mensen afgaan en samen leren van lastige situaties.",
        },
        "instrumenten": {
            "now": "De mantelscan gebruiken we nog weinig.",
            "important": "Bij elke nieuwe cliënt het netwerk in kaart brengen.",
        },
        "omgeving_context": {
            "now": "Het steunpunt mantelzorg kennen we nauwelijks.",
            "important": "Korte lijnen met het steunpunt en de vrijwilligerscentrale.",
        },
    }
    day = dt.timedelta(days=1)
    actions = [
        (
            "kennis_visie",
            "Scholing over mantelzorg plannen voor het hele team",
            a,
            30,
            "open",
            "verandering",
        ),
        (
            "rol_professional",
            "Bij elke intake vragen wie er nog meer helpt",
            lead,
            -5,
            "bezig",
            "samenspel",
        ),
        (
            "instrumenten",
            "Mantelscan gebruiken bij drie nieuwe cliënten",
            b,
            45,
            "open",
            "samenwerken",
        ),
        (
            "omgeving_context",
            "Steunpunt mantelzorg uitnodigen voor het teamoverleg",
            a,
            -10,
            "klaar",
            "",
        ),
    ]
    with transaction.atomic():
        session = TeamSession.objects.create(
            team=team, held_on=today - 21 * day, created_by=lead, notes=notes
        )
        WerkplanAction.objects.bulk_create(
            WerkplanAction(
                team=team,
                session=session,
                spearhead=spearhead,
                text=text,
                owner=owner,
                due=today + days * day,
                status=status,
                layer=layer,
            )
            for spearhead, text, owner, days, status, layer in actions
        )
    return session
