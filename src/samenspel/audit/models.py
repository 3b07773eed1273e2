"""Append-only log of every read and change of a circle's personal data.

NEN 7513 asks who looked at or changed which client's data, when and in
which role. Rows can only be added: updates and deletes raise.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The audit log is append-only.")

    def delete(self):
        raise AppendOnlyError("The audit log is append-only.")


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", _("bekeken")
        CREATE = "create", _("toegevoegd")
        UPDATE = "update", _("gewijzigd")
        REVOKE = "revoke", _("toegang ingetrokken")
        INVITE = "invite", _("uitgenodigd")
        ACCEPT = "accept", _("uitnodiging geaccepteerd")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=170)  # kept if the account goes away
    actor_role = models.CharField(max_length=40)
    action = models.CharField(max_length=10, choices=Action.choices)
    circle = models.ForeignKey(
        "circles.Circle", null=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40, blank=True)
    summary = models.CharField(max_length=200, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["circle", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The audit log is append-only.")
