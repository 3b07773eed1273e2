"""Single-use, expiring invitations that link a circle member to an account.

Only hashes of the link token and the short code are stored: whoever reads
the database cannot use an open invitation.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Invitation(models.Model):
    class Status(models.TextChoices):
        INVITED = "invited", _("Uitgenodigd")
        ACTIVE = "active", _("Geaccepteerd")
        EXPIRED = "expired", _("Verlopen")
        REVOKED = "revoked", _("Ingetrokken")

    member = models.ForeignKey(
        "circles.Member", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("E-mailadres"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Invitation {self.pk} ({self.status})"

    @property
    def status(self) -> str:
        if self.revoked_at:
            return self.Status.REVOKED
        if self.accepted_at:
            return self.Status.ACTIVE
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.INVITED

    def get_status_display(self) -> str:
        return self.Status(self.status).label
