"""Writes for the collaboration profiles. Scoring lives in `domain.profiles`."""

from django.db import transaction
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.circles.models import Member
from samenspel.domain import profiles as domain
from samenspel.profiles.models import ProfileAnswer

Action = AuditEvent.Action
OBJECT_TYPE = "collaboration_profile"


@transaction.atomic
def save_answers(member: Member, raw_answers) -> tuple[ProfileAnswer, tuple[str, ...]]:
    """Keep every valid answer; complete (and score) only when all are given.

    Returns the row and the statements still missing, so that a half-filled
    form is never lost.
    """
    answers = domain.clean(raw_answers)
    row, created = ProfileAnswer.objects.select_for_update().get_or_create(member=member)
    row.answers = answers
    gaps = domain.missing(answers)
    if gaps:
        # Changed back to incomplete: no result until every statement is answered.
        row.best_fit = []
        row.completed_at = None
    else:
        row.best_fit = list(domain.best_fit(domain.score(answers)))
        row.completed_at = timezone.now()
    row.save()
    summary = "own answers" + ("" if gaps else ", completed")
    _log(Action.CREATE if created else Action.UPDATE, row, member, summary)
    return row, gaps


def _log(action, row: ProfileAnswer, member: Member, summary: str) -> None:
    circle = member.circle_id
    log(action, object_type=OBJECT_TYPE, object_id=row.pk, summary=summary, circle=circle)


@transaction.atomic
def set_shared(member: Member, shared: bool) -> ProfileAnswer | None:
    """Only a completed result can be shared; returns None when there is none."""
    row = ProfileAnswer.objects.select_for_update().filter(member=member).first()
    if row is None or not row.is_completed:
        return None
    row.shared = shared
    row.save(update_fields=["shared", "updated_at"])
    _log(Action.UPDATE, row, member, "shared with circle" if shared else "no longer shared")
    return row
