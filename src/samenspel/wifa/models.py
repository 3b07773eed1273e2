"""The WIFA log: what a coordinator did for a volunteer, and when (seed 003).

One row per moment: a thank-you, information shared, a facility arranged, a
conversation. Last contact, facilities in place and pair afstemming are all
derived from it (see ``domain/wifa.py``), so there is one truth to keep.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.domain import wifa as rules


class WifaEntry(models.Model):
    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile",
        on_delete=models.CASCADE,
        related_name="wifa_entries",
        verbose_name=_("Vrijwilliger"),
    )
    # Stored next to the kind so the overview can filter by aspect in the
    # database; the service always derives it from the kind.
    aspect = models.CharField(
        _("Onderdeel"), max_length=20, choices=[(a.id, a.label) for a in rules.ASPECTS]
    )
    kind = models.CharField(
        _("Wat is er gebeurd?"), max_length=30, choices=[(k.id, k.label) for k in rules.KINDS]
    )
    happened_on = models.DateField(_("Datum"))
    note = models.TextField(_("Notitie"), max_length=1000, blank=True)
    # The professional involved, for contact and afstemming per pair.
    professional = models.ForeignKey(
        "accounts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wifa_entries_as_professional",
        verbose_name=_("Professional"),
    )
    recorded_by = models.ForeignKey(
        "accounts.Person",
        null=True,
        on_delete=models.SET_NULL,
        related_name="wifa_entries_recorded",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [models.Index(fields=["volunteer", "-happened_on"], name="wifa_volunteer_date")]
        verbose_name = _("WIFA-moment")
        verbose_name_plural = _("WIFA-momenten")

    def __str__(self) -> str:
        return f"{self.happened_on} {self.kind}"
