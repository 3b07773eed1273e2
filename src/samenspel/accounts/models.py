"""Log-in accounts and the people on a care map.

A `Person` is anyone who appears in a circle; most never log in, so the
account (`User`) is optional and linked when an invitation is accepted.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Custom from day one so we can extend it without a painful migration."""


class Person(models.Model):
    first_name = models.CharField(_("Voornaam"), max_length=80)
    last_name = models.CharField(_("Achternaam"), max_length=80, blank=True)
    email = models.EmailField(_("E-mailadres"), blank=True)
    phone = models.CharField(_("Telefoonnummer"), max_length=30, blank=True)
    user = models.OneToOneField(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
