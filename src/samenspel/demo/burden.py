"""Burden screenings for the demo: histories that show every band and a rising trend.

Every screening is answered and scored through `burden.services`, so the demo
scores are the instruments' real scores; only the dates are moved into the past.
Henk (the `mantelzorger` log-in) gets a rising CSI that crosses the cut-off and
shares it with his professionals; Anouk (`vrijwilliger`) has an EDIZ history for
her mother through all three bands; other main carers get a mix: shared, kept
private, or never screened (which gives the "ask how heavy it is" signal).
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from samenspel.burden import catalogue, services
from samenspel.burden.models import Screening
from samenspel.circles.models import Member
from samenspel.domain.vocabulary import AccessLevel, MemberKind


def _answers(instrument, target: int) -> dict[str, str]:
    """Answers that give `target` points: for count scoring the first items
    'positive', for sum scoring each item as high as needed, in item order."""
    answers = {}
    if instrument.scoring == "count_positive":
        for index, item in enumerate(instrument.items):
            scale = instrument.scale_of(item)
            positive = [o for o in scale.options if o.value in instrument.positive_values]
            negative = [o for o in scale.options if o.value not in instrument.positive_values]
            answers[item.id] = (positive[-1] if index < target else negative[0]).value
        return answers
    remaining = target
    items = list(instrument.items)
    for index, item in enumerate(items):
        options = sorted(instrument.scale_of(item).options, key=lambda o: o.score)
        left = len(items) - index - 1
        low, high = options[0].score, options[-1].score
        want = max(low, min(high, remaining - left * low))
        option = min(options, key=lambda o: abs(o.score - want))
        answers[item.id] = option.value
        remaining -= option.score
    return answers


def _screening(member, instrument_id, target, days_ago, *, team=False, now):
    instrument = catalogue.get(instrument_id)
    screening, _created = services.start_screening(member, instrument)
    services.save_answers(screening, _answers(instrument, target))
    services.complete(screening)
    when = now - timedelta(days=days_ago)
    Screening.objects.filter(pk=screening.pk).update(
        started_at=when - timedelta(minutes=6), completed_at=when, shared_with_team=team
    )
    return screening


def _by_login(members, username):
    return next((m for m in members if m.person.user and m.person.user.username == username), None)


@transaction.atomic
def add_screenings(circles, *, seed: int) -> int:
    """Idempotent: does nothing when the demo circles already have screenings."""
    if Screening.objects.filter(member__circle__in=circles).exists():
        return 0
    rng = random.Random(seed + 404)
    now = timezone.now()
    carers = list(
        Member.objects.filter(
            circle__in=circles,
            kind=MemberKind.CARER,
            status=Member.Status.ACTIVE,
            access_level__in=[AccessLevel.FULL, AccessLevel.AGENDA],
        )
        .select_related("person__user")
        .order_by("circle_id", "-hours_per_week", "pk")
    )
    count = 0
    henk = _by_login(carers, "mantelzorger")
    if henk is not None:
        # Rising: 3 → 5 → 6 → 8 on the CSI (cut-off 7), shared through standing consent.
        for target, days in ((3, 300), (5, 180), (6, 90), (8, 12)):
            _screening(henk, "csi", target, days, now=now)
            count += 1
        for target, days in ((6, 35), (8, 28), (9, 21), (11, 14), (12, 7)):
            _screening(henk, "checkin", target, days, now=now)
            count += 1
        services.set_standing_consent(henk, True)
    anouk = [m for m in carers if m.person.user and m.person.user.username == "vrijwilliger"]
    for member in anouk:
        # Through every EDIZ band: weinig (0-2), enige (3-5), veel (6-9); the last one shared.
        for target, days, team in ((1, 270, False), (4, 150, False), (7, 20, True)):
            _screening(member, "ediz", target, days, team=team, now=now)
            count += 1
    done = {henk.pk if henk else None, *(m.pk for m in anouk)}
    for member in carers:
        if member.pk in done or member.hours_per_week <= 8:
            continue
        roll = rng.random()
        if roll < 0.25:
            continue  # never screened: the professional is asked to invite them
        instrument = "csi" if roll < 0.65 else "ediz"
        top = 13 if instrument == "csi" else 9
        first = rng.randint(0, top // 2)
        second = max(0, min(top, first + rng.randint(-1, 4)))
        sharing = rng.random()
        _screening(member, instrument, first, rng.randint(150, 250), now=now)
        _screening(member, instrument, second, rng.randint(5, 60), team=sharing < 0.4, now=now)
        count += 2
        if 0.4 <= sharing < 0.7:
            services.set_standing_consent(member, True)
    return count
