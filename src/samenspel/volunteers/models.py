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


class VolunteerAgreement(models.Model):
    """What a volunteer agrees with their organisation (vrijwilligersovereenkomst).

    A new agreement gets a new start date; older ones stay as history. The one
    that counts is the latest that has started (`domain.volunteering.current_start`).
    """

    profile = models.ForeignKey(
        VolunteerProfile, on_delete=models.CASCADE, related_name="agreements"
    )
    tasks = models.ManyToManyField(
        "agreements.CareTask",
        blank=True,
        related_name="volunteer_agreements",
        verbose_name=_("Wat mag de vrijwilliger doen?"),
    )
    not_allowed_notes = models.TextField(
        _("Wat de vrijwilliger verder niet doet"), max_length=1000, blank=True
    )
    expenses = models.CharField(_("Onkostenvergoeding"), max_length=200, blank=True)
    insured = models.BooleanField(_("Verzekerd via de organisatie"), default=True)
    insurance_notes = models.CharField(_("Over de verzekering"), max_length=300, blank=True)
    contact_person = models.ForeignKey(
        "accounts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteer_agreements_in_contact",
        verbose_name=_("Vast aanspreekpunt"),
    )
    start_date = models.DateField(_("Gaat in op"))
    evaluation_date = models.DateField(_("Evaluatie op"), null=True, blank=True)
    made_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "start_date"], name="one_volunteer_agreement_per_start"
            )
        ]
        verbose_name = _("vrijwilligersafspraak")
        verbose_name_plural = _("vrijwilligersafspraken")

    def __str__(self) -> str:
        return f"{self.profile} ({self.start_date})"
