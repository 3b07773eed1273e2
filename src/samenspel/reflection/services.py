"""Writes for the equality reflection. Views check the policy; the round rules (one
open round per circle or team, a submitted response is final) are the shared ones of
``samenspel.questionnaires.services``; the party is the person's current one."""

from __future__ import annotations

from samenspel.questionnaires import services as rounds
from samenspel.reflection.instrument import instrument
from samenspel.reflection.models import ReflectionResponse, ReflectionRound


def open_round(person, title: str, *, circle=None, team=None, now=None) -> ReflectionRound:
    if (circle is None) == (team is None):
        raise ValueError("a round belongs to exactly one circle or one team")
    scope = {"circle": circle} if circle is not None else {"team": team}
    return rounds.open_round(ReflectionRound, title=title, person=person, now=now, **scope)


def close_round(round_: ReflectionRound, *, now=None) -> ReflectionRound:
    return rounds.close_round(round_, now=now)


def save_response(
    round_: ReflectionRound, person, party, answers: dict, *, submit: bool, now=None
) -> tuple[ReflectionResponse, tuple[str, ...]]:
    """The person's own answers, counted for their current party."""
    return rounds.save_response(
        round_,
        ReflectionResponse,
        person,
        answers,
        instrument=instrument(),
        submit=submit,
        also={"party": str(party)},
        now=now,
    )
