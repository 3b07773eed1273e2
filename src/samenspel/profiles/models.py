"""One collaboration-profile self-assessment per circle member.

The answers are the member's own: only they ever see them. Others see the
result only when the member chose to share it with the circle.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProfileAnswer(models.Model):
    member = models.OneToOneField(
        "circles.Member", on_delete=models.CASCADE, related_name="profile_answer"
    )
    answers = models.JSONField(default=dict, blank=True)  # statement id -> 1..5
    best_fit = models.JSONField(default=list, blank=True)  # profile ids, ties kept
    completed_at = models.DateTimeField(null=True, blank=True)
    shared = models.BooleanField(_("Gedeeld met de kring"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("samenwerkingsprofiel")
        verbose_name_plural = _("samenwerkingsprofielen")

    def __str__(self) -> str:
        return f"profile answer of member {self.member_id}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None
