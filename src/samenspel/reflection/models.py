"""Equality-reflection rounds and each person's own response.

A round belongs to one circle or to one wijkteam, never both. A response
belongs to one person; only aggregates per party ever leave the app (see
domain.reflection and selectors.round_result).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.common.choices import choices
from samenspel.domain.reflection import PARTY_LABELS
from samenspel.questionnaires.models import AbstractResponse, AbstractRound


class ReflectionRound(AbstractRound):
    AUDIT_TYPE = "reflection_round"

    circle = models.ForeignKey(
        "circles.Circle",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reflection_rounds",
    )
    team = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reflection_rounds",
        limit_choices_to={"kind": "neighbourhood_team"},
    )

    class Meta(AbstractRound.Meta):
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(circle__isnull=False, team__isnull=True)
                    | models.Q(circle__isnull=True, team__isnull=False)
                ),
                name="reflection_round_one_scope",
            ),
            # One open round per circle and per team: two at once would split the
            # answers. The service checks first; these catch a double POST.
            models.UniqueConstraint(
                fields=["circle"],
                condition=models.Q(closed_at__isnull=True, circle__isnull=False),
                name="reflection_one_open_round_per_circle",
            ),
            models.UniqueConstraint(
                fields=["team"],
                condition=models.Q(closed_at__isnull=True, team__isnull=False),
                name="reflection_one_open_round_per_team",
            ),
        ]
        verbose_name = _("reflectieronde")
        verbose_name_plural = _("reflectierondes")


class ReflectionResponse(AbstractResponse):
    SCORES_FIELD = "dimension_scores"
    AUDIT_TYPE = "reflection_response"

    round = models.ForeignKey(ReflectionRound, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey(
        "accounts.Person", on_delete=models.CASCADE, related_name="reflection_responses"
    )
    # The party the person answers for, set on every save from their current role.
    party = models.CharField(max_length=20, choices=choices(PARTY_LABELS))
    # Scores per dimension, stored at submit so results need no re-scoring.
    dimension_scores = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="unique_reflection_response")
        ]
