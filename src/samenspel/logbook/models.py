"""The logbook (overdracht): short notes between the people around the client."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LogEntry(models.Model):
    class Audience(models.TextChoices):
        CIRCLE = "circle", _("Iedereen in het netwerk")
        PROFESSIONALS = "professionals", _("Alleen de professionals")
        CHOSEN = "chosen", _("Alleen de mensen die ik kies")

    circle = models.ForeignKey(
        "circles.Circle", on_delete=models.CASCADE, related_name="log_entries"
    )
    author = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="log_entries"
    )
    author_name = models.CharField(max_length=170)
    author_role = models.CharField(max_length=30)  # role_name() at the time of writing
    text = models.TextField(_("Bericht"), max_length=2000)
    audience = models.CharField(
        _("Wie mag dit lezen?"), max_length=15, choices=Audience.choices, default=Audience.CIRCLE
    )
    recipients = models.ManyToManyField(
        "circles.Member", blank=True, related_name="+", verbose_name=_("Voor wie?")
    )
    # A carer or volunteer can flag a worry for the professional (seed 001).
    is_signal = models.BooleanField(_("Dit is een signaal voor de professional"), default=False)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["circle", "-created_at"])]
        verbose_name = _("logboekbericht")
        verbose_name_plural = _("logboek")

    def __str__(self) -> str:
        return f"{self.author_name} {self.created_at:%Y-%m-%d}"
