"""The care circle (zorgnetwerk) of one client and its members."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.common.choices import choices
from samenspel.domain import vocabulary as v


class Circle(models.Model):
    client = models.OneToOneField(
        "accounts.Person", on_delete=models.PROTECT, related_name="circle_as_client"
    )
    team = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="circles",
        limit_choices_to={"kind": "neighbourhood_team"},
        verbose_name=_("Wijkteam"),
    )
    # The client's consent for the professionals of their wijkteam to open the
    # circle without being a member of it. The client can withdraw it.
    team_consent = models.BooleanField(_("Wijkteam mag meekijken"), default=True)
    needed_domains = models.JSONField(_("Waar is hulp bij nodig?"), default=list, blank=True)
    # The client's neighbourhood: the sociale kaart suggests offers there.
    wijk = models.CharField(_("Wijk"), max_length=80, blank=True)
    # The member who keeps the agenda going (often the main mantelzorger); gets
    # the agenda signals on their start page, like the professionals.
    coordinator = models.ForeignKey(
        "circles.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Wie regelt de agenda?"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zorgnetwerk")
        verbose_name_plural = _("zorgnetwerken")

    def __str__(self) -> str:
        return str(self.client)


class Member(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Actief")
        REVOKED = "revoked", _("Ingetrokken")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "accounts.Person", on_delete=models.PROTECT, related_name="memberships"
    )
    kind = models.CharField(_("Rol"), max_length=20, choices=choices(v.MEMBER_KIND_LABELS))
    relation = models.CharField(
        _("Relatie met de cliënt"),
        max_length=20,
        blank=True,
        choices=choices(v.RELATION_LABELS),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("Organisatie"),
    )
    discipline = models.CharField(_("Vak"), max_length=60, blank=True)
    domains = models.JSONField(_("Helpt met"), default=list, blank=True)
    hours_per_week = models.DecimalField(
        _("Uren per week"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(168)],
    )
    contact_frequency = models.CharField(
        _("Hoe vaak contact"),
        max_length=20,
        blank=True,
        choices=choices(v.CONTACT_FREQUENCY_LABELS),
    )
    closeness = models.PositiveSmallIntegerField(
        _("Hoe dichtbij"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
    )
    motivation = models.TextField(_("Wat mij beweegt"), max_length=500, blank=True)
    sofa_roles = models.JSONField(_("Rol als mantelzorger"), default=list, blank=True)
    is_legal_representative = models.BooleanField(_("Wettelijk vertegenwoordiger"), default=False)
    # Facts the task-boundary rules need (domain/tasks.py).
    big_registered = models.BooleanField(_("BIG-geregistreerd"), default=False)
    trained_personal_care = models.BooleanField(
        _("Opgeleid voor persoonlijke verzorging"), default=False
    )
    access_level = models.CharField(
        _("Wat mag deze persoon zien?"),
        max_length=20,
        choices=choices(v.ACCESS_LEVEL_LABELS),
        default=v.AccessLevel.AGENDA,
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Optimistic locking: every edit raises the version; a stale form loses.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["closeness", "id"]
        constraints = [
            models.UniqueConstraint(fields=["circle", "person"], name="unique_circle_member"),
            models.CheckConstraint(
                condition=models.Q(closeness__gte=1, closeness__lte=3),
                name="member_closeness_1_3",
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=0), name="member_hours_not_negative"
            ),
        ]
        verbose_name = _("lid")
        verbose_name_plural = _("leden")

    def __str__(self) -> str:
        return f"{self.person} ({self.kind})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE
