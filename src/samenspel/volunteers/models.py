"""Volunteers of an organisation: who they are, what they can and want to do.

A volunteer is a `Person` with a profile at one volunteer organisation. They
join a client's circle (as a member of kind "volunteer") only when a match
starts (see the workflow models added later in this app).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VolunteerProfile(models.Model):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("Gewone vrijwilliger")
        REINTEGRATION = "reintegration", _("Via re-integratie")
        SCHOOL_INTERNSHIP = "school_internship", _("Maatschappelijke stage")
        EMPLOYER = "employer", _("Via de werkgever")

    class VogStatus(models.TextChoices):
        NONE = "none", _("Geen VOG")
        REQUESTED = "requested", _("VOG aangevraagd")
        VALID = "valid", _("VOG in orde")

    person = models.OneToOneField(
        "accounts.Person", on_delete=models.PROTECT, related_name="volunteer_profile"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="volunteer_profiles",
        verbose_name=_("Organisatie"),
    )
    # The named contact point at the organisation (usually the coordinator).
    contact_person = models.ForeignKey(
        "accounts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteers_in_contact",
        verbose_name=_("Vast aanspreekpunt"),
    )
    kind = models.CharField(
        _("Soort vrijwilliger"), max_length=20, choices=Kind.choices, default=Kind.REGULAR
    )
    # Re-integration, school internships and employer volunteering need a
    # named supervisor (begeleider) outside the organisation.
    supervisor = models.CharField(_("Begeleider"), max_length=120, blank=True)
    skills = models.JSONField(_("Wat kan de vrijwilliger?"), default=list, blank=True)
    motives = models.JSONField(_("Waarom doet de vrijwilliger dit?"), default=list, blank=True)
    # Motives shift over time (seed 001): the coordinator asks again.
    motives_asked_on = models.DateField(_("Motieven gevraagd op"), null=True, blank=True)
    languages = models.JSONField(_("Talen"), default=list, blank=True)
    # Weekly pattern as slot codes "<weekday 0-6>-<part>", e.g. "0-morning".
    availability = models.JSONField(_("Wanneer beschikbaar?"), default=list, blank=True)
    wijk = models.CharField(_("Wijk"), max_length=80, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    max_distance_km = models.PositiveSmallIntegerField(
        _("Hoe ver wil de vrijwilliger reizen?"), default=5
    )
    preferences = models.JSONField(_("Voorkeuren"), default=list, blank=True)
    training = models.JSONField(_("Gevolgde trainingen"), default=list, blank=True)
    vog_status = models.CharField(
        _("VOG"), max_length=10, choices=VogStatus.choices, default=VogStatus.NONE
    )
    vog_date = models.DateField(_("Datum van de VOG"), null=True, blank=True)
    is_active = models.BooleanField(_("Actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["person__first_name", "person__last_name"]
        verbose_name = _("vrijwilliger")
        verbose_name_plural = _("vrijwilligers")

    def __str__(self) -> str:
        return str(self.person)
