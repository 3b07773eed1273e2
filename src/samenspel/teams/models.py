"""Team thermometer rounds and each member's own response.

A response belongs to one person; only aggregates ever leave the app (see
domain.thermometer and selectors.round_results).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.questionnaires.models import AbstractResponse, AbstractRound


class ThermometerRound(AbstractRound):
    AUDIT_TYPE = "thermometer_round"

    team = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="thermometer_rounds"
    )

    class Meta(AbstractRound.Meta):
        constraints = [
            # One open round per team: the service checks first; this catches a double POST.
            models.UniqueConstraint(
                fields=["team"],
                condition=models.Q(closed_at__isnull=True),
                name="thermometer_one_open_round_per_team",
            )
        ]
        verbose_name = _("thermometerronde")
        verbose_name_plural = _("thermometerrondes")


class ThermometerResponse(AbstractResponse):
    SCORES_FIELD = "factor_scores"
    AUDIT_TYPE = "thermometer_response"

    round = models.ForeignKey(ThermometerRound, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey(
        "accounts.Person", on_delete=models.CASCADE, related_name="thermometer_responses"
    )
    # Scores per factor, stored at submit so results need no re-scoring.
    factor_scores = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="unique_thermometer_response")
        ]


class TeamSession(models.Model):
    """One team session on the four spearheads; notes per spearhead as
    {spearhead: {"now": str, "important": str}}."""

    team = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="team_sessions"
    )
    held_on = models.DateField(_("Datum van de sessie"))
    created_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    notes = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("teamsessie")
        verbose_name_plural = _("teamsessies")

    def __str__(self) -> str:
        return f"{self.team} {self.held_on}"


class WerkplanAction(models.Model):
    """An action in the team's werkplan. ``version`` guards against two people
    changing the status at the same time."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        BUSY = "bezig", _("Bezig")
        DONE = "klaar", _("Klaar")

    team = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="werkplan_actions"
    )
    session = models.ForeignKey(
        TeamSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    spearhead = models.CharField(max_length=30)
    text = models.CharField(_("Actie"), max_length=300)
    owner = models.ForeignKey(
        "accounts.Person", on_delete=models.PROTECT, related_name="werkplan_actions"
    )
    due = models.DateField(_("Klaar op"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    layer = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due", "id"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return self.text[:60]
