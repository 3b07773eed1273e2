"""Organisations around the client and who works for which one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Gemeente")
        NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("Wijkteam")
        CARE_PROVIDER = "care_provider", _("Zorgaanbieder")
        VOLUNTEER_ORGANISATION = "volunteer_organisation", _("Vrijwilligersorganisatie")
        CARER_SUPPORT = "carer_support", _("Steunpunt mantelzorg")
        COMMUNITY = "community", _("Maatschappelijke organisatie")

    name = models.CharField(_("Naam"), max_length=120)
    kind = models.CharField(_("Soort"), max_length=30, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("Hoort bij"),
    )
    # Volunteer organisations decide whether trained volunteers may give
    # personal care (seed 001: "welzijn mag wel, formele zorg niet").
    allows_personal_care = models.BooleanField(_("Vrijwilligers mogen verzorgen"), default=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="unique_organisation_name")
        ]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class Employment(models.Model):
    """A professional working for an organisation; team leads lead a wijkteam."""

    class Discipline(models.TextChoices):
        DISTRICT_NURSE = "district_nurse", _("Wijkverpleegkundige")
        SOCIAL_WORKER = "social_worker", _("Maatschappelijk werker")
        WMO_CONSULTANT = "wmo_consultant", _("Wmo-consulent")
        COMMUNITY_WORKER = "community_worker", _("Opbouwwerker")
        SOCIAL_BROKER = "social_broker", _("Sociaal makelaar")
        YOUTH_CARE = "youth_care", _("Jeugdhulpverlener")
        VOLUNTEER_COORDINATOR = "volunteer_coordinator", _("Vrijwilligerscoördinator")
        CARER_OFFICER = "carer_officer", _("Consulent mantelzorg")
        HOME_CARE = "home_care", _("Verzorgende thuiszorg")
        CARE_MANAGER = "care_manager", _("Zorgmanager")
        OTHER = "other", _("Anders")

    person = models.ForeignKey(
        "accounts.Person", on_delete=models.CASCADE, related_name="employments"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="employments"
    )
    discipline = models.CharField(_("Vak"), max_length=30, choices=Discipline.choices)
    is_team_lead = models.BooleanField(_("Teamleider"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="unique_employment")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.organisation})"
