"""A MantelScan: a guided, dated look at the care network with the client.

The five steps edit the circle itself; the scan keeps the conversation notes
and, when finished, a frozen snapshot so two scans can be compared later.
"""

from django.conf import settings
from django.db import models


class Scan(models.Model):
    STEPS = 5

    circle = models.ForeignKey("circles.Circle", on_delete=models.CASCADE, related_name="scans")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    current_step = models.PositiveSmallIntegerField(default=1)
    notes = models.JSONField(default=dict, blank=True)
    snapshot = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"MantelScan {self.pk}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None
