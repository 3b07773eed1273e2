"""Samenwerkingsafspraken: the task catalogue, agreements, their decision log and change events."""

from datetime import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.common.choices import choices
from samenspel.domain import recurrence as r
from samenspel.domain import tasks as dt


class CareTask(models.Model):
    """One kind of care task in the catalogue. Data: an administrator keeps it."""

    name = models.CharField(_("Naam"), max_length=120, unique=True)
    category = models.CharField(
        _("Soort taak"), max_length=20, choices=choices(dt.TASK_CATEGORY_LABELS)
    )
    reserved_act = models.BooleanField(
        _("Voorbehouden handeling (Wet BIG)"),
        default=False,
        help_text=_("Alleen een professional met BIG-registratie mag dit doen."),
    )
    is_core = models.BooleanField(
        _("Kerntaak"),
        default=False,
        help_text=_("Kerntaken bepalen wie de verantwoordelijkheid draagt in het netwerk."),
    )
    description = models.TextField(_("Uitleg"), max_length=500, blank=True)
    is_active = models.BooleanField(_("In gebruik"), default=True)
    order = models.PositiveSmallIntegerField(_("Volgorde"), default=0)

    class Meta:
        ordering = ["category", "order", "name"]
        verbose_name = _("taak")
        verbose_name_plural = _("takenlijst")

    def __str__(self) -> str:
        return self.name


class Agreement(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Loopt")
        TO_REVIEW = "to_review", _("Te herzien")
        ENDED = "ended", _("Gestopt")

    circle = models.ForeignKey(
        "circles.Circle", on_delete=models.CASCADE, related_name="agreements"
    )
    task = models.ForeignKey(
        CareTask, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("Taak")
    )
    details = models.TextField(_("Wat precies?"), max_length=500, blank=True)
    performer = models.ForeignKey(
        "circles.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements_performed",
        verbose_name=_("Wie doet het?"),
    )
    backup = models.ForeignKey(
        "circles.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements_backed_up",
        verbose_name=_("Wie valt in?"),
    )
    responsible = models.ForeignKey(
        "circles.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements_responsible",
        verbose_name=_("Wie zorgt dat het gebeurt?"),
    )
    authority = models.ForeignKey(
        "circles.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements_decided",
        verbose_name=_("Wie mag erover beslissen?"),
    )
    final_responsible = models.ForeignKey(
        "circles.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements_final",
        verbose_name=_("Wie is eindverantwoordelijk?"),
    )
    frequency = models.CharField(_("Hoe vaak?"), max_length=10, choices=choices(r.FREQUENCY_LABELS))
    weekdays = models.JSONField(_("Op welke dagen?"), default=list, blank=True)
    start_date = models.DateField(_("Vanaf"))
    start_time = models.TimeField(_("Hoe laat?"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("Hoe lang (minuten)?"),
        default=60,
        validators=[MinValueValidator(5), MaxValueValidator(720)],
    )
    end_date = models.DateField(_("Tot en met"), null=True, blank=True)
    review_date = models.DateField(_("Opnieuw bespreken op"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    made_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Occurrences exist in the database up to this day; the agenda extends it.
    generated_until = models.DateField(null=True, blank=True)
    # Optimistic locking: every edit raises the version; a stale form loses.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["task__category", "task__name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="agreement_ends_after_start",
            ),
        ]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")

    def __str__(self) -> str:
        return f"{self.task} ({self.circle})"

    @property
    def is_current(self) -> bool:
        return self.status != self.Status.ENDED

    def schedule(self) -> r.Schedule:
        return r.Schedule(
            frequency=r.Frequency(self.frequency),
            start=self.start_date,
            at=self.start_time,
            duration_minutes=self.duration_minutes,
            weekdays=tuple(int(d) for d in self.weekdays or ()),
            until=self.end_date,
        )


class AgreementDecision(models.Model):
    """The decision log: who made or changed an agreement, and who took part."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="decisions")
    decided_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by_name = models.CharField(max_length=170)
    participants = models.ManyToManyField(
        "circles.Member", blank=True, related_name="+", verbose_name=_("Wie waren erbij?")
    )
    changes = models.JSONField(default=list)  # field names that changed; ["created"] first
    note = models.TextField(_("Wat is er besproken?"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.agreement} {self.decided_at:%Y-%m-%d}"


class ChangeEvent(models.Model):
    """Something changed in the client's life; agreements need renewing (seed 004)."""

    class Kind(models.TextChoices):
        MOVED_TO_INSTITUTION = "moved", _("Cliënt verhuist naar een zorginstelling")
        STAFF_CHANGE = "staff", _("Andere medewerkers bij de zorgaanbieder")
        CARER_CAPACITY = "carer", _("Mantelzorger kan meer of minder (gezondheid, werk)")
        CARE_NEED = "need", _("Cliënt heeft meer of minder zorg nodig")
        OTHER = "other", _("Iets anders")

    class Status(models.TextChoices):
        OPEN = "open", _("Nog bespreken")
        HANDLED = "handled", _("Besproken")

    circle = models.ForeignKey(
        "circles.Circle", on_delete=models.CASCADE, related_name="change_events"
    )
    kind = models.CharField(_("Wat is er veranderd?"), max_length=10, choices=Kind.choices)
    description = models.TextField(_("Vertel kort wat er gebeurt"), max_length=1000, blank=True)
    occurred_on = models.DateField(_("Sinds wanneer?"))
    meeting_on = models.DateField(_("Voorstel afstemmingsmoment"))
    agreements = models.ManyToManyField(
        Agreement, blank=True, related_name="change_events", verbose_name=_("Welke afspraken?")
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    recorded_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("verandering")
        verbose_name_plural = _("veranderingen")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.occurred_on})"


def local_datetime(day, at) -> datetime:
    return r.localize(datetime.combine(day, at))
