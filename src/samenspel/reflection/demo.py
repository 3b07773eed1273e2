"""Demo data: one closed equality reflection for a wijkteam, with a visible gap.

Call from the demo seeding command: ``add_demo_reflection(team, today)`` with a
wijkteam (Organisation of kind neighbourhood_team) whose circles already have
mantelzorgers and volunteers. Deterministic and idempotent: nothing happens when
the team already has a reflection round.

The answers follow seed 000's central finding: professionals see the
collaboration as equal and think the informal carers have plenty to say, while
mantelzorgers feel their say and their experiential knowledge count for less.
Two clients answer too, so the page also shows "te weinig antwoorden".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from samenspel.circles.models import Member
from samenspel.domain import reflection as rules
from samenspel.domain.instruments import score
from samenspel.domain.vocabulary import MemberKind
from samenspel.organisations.models import Employment
from samenspel.reflection import selectors
from samenspel.reflection.instrument import instrument
from samenspel.reflection.models import ReflectionResponse, ReflectionRound

P = rules.Party
# Per party and dimension the score (1..5) most of its people give; 4 where not
# named. The gap is on experiential knowledge and say (seed 000, section 5.4).
_TARGETS = {
    P.PROFESSIONAL: {"kennis": 5, "zeggenschap": 5},
    P.CARER: {"kennis": 2, "zeggenschap": 2, "gelijkwaardigheid": 3.5},
    P.VOLUNTEER: {"kennis": 3},
    P.CLIENT_SIDE: {},  # only two answer: their figures are never shown
}
_OFFSETS = (0, 1, 0, -1, 0)  # small, balanced differences between people
_COUNTS = {P.PROFESSIONAL: 5, P.CARER: 6, P.VOLUNTEER: 4, P.CLIENT_SIDE: 2}
_VALUES = {1: "helemaal_oneens", 2: "oneens", 3: "neutraal", 4: "eens", 5: "helemaal_eens"}


def _answers(party: rules.Party, index: int) -> dict[str, str]:
    inst = instrument()
    answers = {}
    for n, item in enumerate(inst.items):
        target = _TARGETS[party].get(item.subscale, 4)
        value = max(1, min(5, round(target + _OFFSETS[(index + n) % len(_OFFSETS)])))
        if item.reverse:
            value = 6 - value
        answers[item.id] = _VALUES[value]
    return answers


def _informal_people(team) -> dict[rules.Party, list]:
    """People in the team's circles by the party they answer for (team rule)."""
    staff = set(Employment.objects.filter(organisation=team).values_list("person_id", flat=True))
    parties = defaultdict(list)
    people = {}
    members = (
        Member.objects.filter(circle__team=team, status=Member.Status.ACTIVE)
        .exclude(kind=MemberKind.PROFESSIONAL)
        .exclude(person_id__in=staff)
        .select_related("person")
        .order_by("id")
    )
    for m in members:
        if selectors.may_open_circle(m):
            parties[m.person_id].append(
                rules.party_of_member(m.kind, legal_representative=m.is_legal_representative)
            )
            people[m.person_id] = m.person
    by_party = defaultdict(list)
    # People with a login first, so that demo users meet their own answers.
    for person_id in sorted(people, key=lambda pid: (people[pid].user_id is None, pid)):
        by_party[rules.strongest(parties[person_id])].append(people[person_id])
    return by_party


def add_demo_reflection(team, today: dt.date) -> ReflectionRound | None:
    """One closed team round, opened about six weeks before ``today``."""
    if ReflectionRound.objects.filter(team=team).exists():
        return None
    staff = [
        e.person
        for e in Employment.objects.filter(organisation=team)
        .select_related("person")
        .order_by("-is_team_lead", "id")
    ]
    lead = staff[0] if staff else None
    people = _informal_people(team)
    people[P.PROFESSIONAL] = staff
    inst = instrument()
    tz = timezone.get_current_timezone()
    opened = dt.datetime.combine(today - dt.timedelta(days=42), dt.time(9, 0), tzinfo=tz)
    with transaction.atomic():
        round_ = ReflectionRound.objects.create(
            team=team,
            title="Hoe gelijkwaardig werken we samen?",
            opened_by=lead,
            opened_at=opened,
            closed_at=opened + dt.timedelta(days=21),
        )
        responses = []
        for party in rules.PARTIES:
            for index, person in enumerate(people.get(party, [])[: _COUNTS[party]]):
                answers = _answers(party, index)
                responses.append(
                    ReflectionResponse(
                        round=round_,
                        person=person,
                        party=party,
                        answers=answers,
                        dimension_scores=score(inst, answers).subscale_scores,
                        submitted_at=opened + dt.timedelta(days=1 + index, hours=len(responses)),
                    )
                )
        ReflectionResponse.objects.bulk_create(responses)
    return round_
