"""A mantelzorger's burden screenings and their consent for professionals.

The instruments themselves are data files (`burden.catalogue`); a screening
keeps the id and version it was answered with, so a later version of an
instrument never changes an old result.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Screening(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Nog niet klaar")
        COMPLETED = "completed", _("Klaar")

    member = models.ForeignKey(
        "circles.Member", on_delete=models.CASCADE, related_name="screenings"
    )
    instrument_id = models.CharField(max_length=40)
    instrument_version = models.CharField(max_length=20)
    answers = models.JSONField(default=dict, blank=True)  # {item_id: option value}
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Stored when completed, so lists and signals need no re-scoring.
    total = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    band_id = models.CharField(max_length=40, blank=True)
    subscale_scores = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # The carer's consent for this one measurement (issue 4: per measurement).
    shared_with_team = models.BooleanField(_("De professionals mogen dit zien"), default=False)
    shared_with_client = models.BooleanField(_("De cliënt mag dit zien"), default=False)
    # Optimistic locking: every save of answers raises the version.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-completed_at", "-started_at", "-id"]
        indexes = [models.Index(fields=["member", "status", "-completed_at"])]
        constraints = [
            # One open draft per carer and instrument: "start" continues it.
            models.UniqueConstraint(
                fields=["member", "instrument_id"],
                condition=models.Q(status="draft"),
                name="burden_one_draft_per_instrument",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(completed_at__isnull=False),
                name="burden_completed_has_date",
            ),
        ]
        verbose_name = _("vragenlijst over de zorg")
        verbose_name_plural = _("vragenlijsten over de zorg")

    def __str__(self) -> str:
        return f"{self.instrument_id} v{self.instrument_version} ({self.status})"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED


class StandingConsent(models.Model):
    """The carer lets the circle's professionals see all their results, until
    they withdraw it. Withdrawn consent is kept (with its date), not deleted."""

    member = models.OneToOneField(
        "circles.Member", on_delete=models.CASCADE, related_name="burden_consent"
    )
    given_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("toestemming voor de professionals")
        verbose_name_plural = _("toestemmingen voor de professionals")

    def __str__(self) -> str:
        return f"{self.member_id}: {'active' if self.is_active else 'withdrawn'}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class ScreeningReminder(models.Model):
    """An e-mail inviting a carer to their next screening (sent by the cron command)."""

    member = models.ForeignKey(
        "circles.Member", on_delete=models.CASCADE, related_name="screening_reminders"
    )
    sent_at = models.DateTimeField()
    email = models.EmailField()

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["member", "-sent_at"])]

    def __str__(self) -> str:
        return f"{self.member_id} {self.sent_at:%Y-%m-%d}"
