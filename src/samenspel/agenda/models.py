"""The shared agenda: occurrences of agreements, swaps, and private calendar feeds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Occurrence(models.Model):
    """One moment an agreed task happens. Open while nobody is assigned."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Gepland")
        CANCELLED = "cancelled", _("Gaat niet door")

    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.CASCADE, related_name="occurrences"
    )
    circle = models.ForeignKey(
        "circles.Circle", on_delete=models.CASCADE, related_name="occurrences"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    assignee = models.ForeignKey(
        "circles.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="occurrences",
    )
    # True while the assignee simply follows the agreement's performer; a claim,
    # release or swap makes it a personal arrangement that edits leave alone.
    follows_agreement = models.BooleanField(default=True)
    released_by = models.ForeignKey(
        "circles.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "starts_at"], name="unique_occurrence_per_start"
            ),
        ]
        indexes = [models.Index(fields=["circle", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.agreement.task} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.assignee_id is None and self.status == self.Status.SCHEDULED


class SwapRequest(models.Model):
    """A member asks one named member to take over an occurrence."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Gevraagd")
        ACCEPTED = "accepted", _("Overgenomen")
        DECLINED = "declined", _("Kan niet")
        WITHDRAWN = "withdrawn", _("Ingetrokken")

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="swaps")
    requested_by = models.ForeignKey(
        "circles.Member", on_delete=models.CASCADE, related_name="swaps_requested"
    )
    requested_to = models.ForeignKey(
        "circles.Member", on_delete=models.CASCADE, related_name="swaps_received"
    )
    message = models.CharField(_("Bericht"), max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.occurrence} → {self.requested_to}"


class CalendarFeed(models.Model):
    """A member's private iCal address. Only a hash of the token is stored."""

    member = models.ForeignKey(
        "circles.Member", on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"feed {self.member}"
