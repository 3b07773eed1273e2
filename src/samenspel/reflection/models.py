"""Equality-reflection rounds and each person's own response.

A round belongs to one circle or to one wijkteam, never both. A response
belongs to one person; only aggregates per party ever leave the app (see
domain.reflection and selectors.round_result).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.common.choices import choices
from samenspel.domain.reflection import PARTY_LABELS


class ReflectionRound(models.Model):
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
    title = models.CharField(_("Naam van de ronde"), max_length=120)
    opened_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["opened_at", "id"]
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

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ReflectionResponse(models.Model):
    round = models.ForeignKey(ReflectionRound, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey(
        "accounts.Person", on_delete=models.CASCADE, related_name="reflection_responses"
    )
    # The party the person answers for, set on every save from their current role.
    party = models.CharField(max_length=20, choices=choices(PARTY_LABELS))
    answers = models.JSONField(default=dict)
    # Scores per dimension, stored at submit so results need no re-scoring.
    dimension_scores = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="unique_reflection_response")
        ]

    def __str__(self) -> str:
        return f"{self.round} #{self.pk}"
