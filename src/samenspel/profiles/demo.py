"""Demo collaboration profiles, for `core.demo` to call.

Deterministic for a given seed: everyone with a login in the first six
circles fills it in, plus some other members; most share their profile.
"""

import random

from django.db import transaction

from samenspel.circles.models import Member
from samenspel.domain import profiles as domain
from samenspel.profiles import services
from samenspel.profiles.models import ProfileAnswer

CIRCLES = 6


def _answers(rng: random.Random, leaning: str) -> dict[str, int]:
    """Answers that lean towards one profile, so the demo shows a varied mix."""
    answers = {}
    for statement in domain.STATEMENTS:
        if statement.profile == leaning:
            answers[statement.id] = rng.choice((4, 5, 5))
        else:
            answers[statement.id] = rng.choice((2, 3, 3, 4))
    return answers


@transaction.atomic
def add_demo_profiles(circles, seed: int) -> int:
    """Idempotent: does nothing when the demo circles already have profiles."""
    circles = sorted(circles, key=lambda c: c.pk)[:CIRCLES]
    if ProfileAnswer.objects.filter(member__circle__in=circles).exists():
        return 0
    rng = random.Random(seed + 707)
    members = (
        Member.objects.filter(circle__in=circles, status=Member.Status.ACTIVE)
        .select_related("person")
        .order_by("circle_id", "pk")
    )
    count = 0
    for member in members:
        has_login = member.person.user_id is not None
        if not has_login and rng.random() < 0.5:
            continue
        _row, gaps = services.save_answers(member, _answers(rng, rng.choice(domain.PROFILE_IDS)))
        assert not gaps
        if rng.random() < 0.8:
            services.set_shared(member, True)
        count += 1
    return count
