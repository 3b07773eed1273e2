"""Abstract rounds and responses: a group answers one instrument in a round.

A response belongs to one person; only aggregates ever leave the app that owns the
round. Concrete models add the scope (a team, a circle) and the person link, and name
the field that keeps the scores per subscale (``SCORES_FIELD``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AbstractRound(models.Model):
    AUDIT_TYPE = "round"  # the object type of its rows in the audit log
    title = models.CharField(_("Naam van de ronde"), max_length=120)
    opened_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["opened_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class AbstractResponse(models.Model):
    SCORES_FIELD = "scores"  # the concrete model's JSON field with scores per subscale
    AUDIT_TYPE = "response"

    answers = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.round} #{self.pk}"
