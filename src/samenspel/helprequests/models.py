"""Help requests of a circle and the proposals that bring a volunteer to them.

A request holds only what a volunteer coordinator needs to find someone (task,
when, where, preferences, language): the coordinator never opens the circle
(need to know). A proposal walks the steps in `domain.helprequests`.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.common.choices import choices, gettext_lazy
from samenspel.domain import helprequests as hr


class HelpRequest(models.Model):
    circle = models.ForeignKey(
        "circles.Circle", on_delete=models.CASCADE, related_name="help_requests"
    )
    task = models.ForeignKey(
        "agreements.CareTask",
        on_delete=models.PROTECT,
        related_name="help_requests",
        verbose_name=_("Waar is hulp bij nodig?"),
    )
    details = models.TextField(_("Wat precies?"), max_length=500)
    slots = models.JSONField(_("Wanneer?"), default=list, blank=True)
    start_date = models.DateField(_("Vanaf wanneer?"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("Hoe lang per keer (minuten)?"),
        default=60,
        validators=[MinValueValidator(15), MaxValueValidator(hr.MAX_DURATION_MINUTES)],
    )
    frequency = models.CharField(
        _("Hoe vaak?"),
        max_length=20,
        choices=choices(hr.FREQUENCY_LABELS),
        default=hr.Frequency.WEEKLY,
    )
    wijk = models.CharField(_("Wijk"), max_length=80, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    wanted_skills = models.JSONField(
        _("Wat moet de vrijwilliger kunnen?"), default=list, blank=True
    )
    languages = models.JSONField(_("Welke talen spreekt de cliënt?"), default=list, blank=True)
    preferences = models.JSONField(_("Goed om te weten"), default=list, blank=True)
    urgency = models.PositiveSmallIntegerField(
        _("Hoe snel is hulp nodig?"),
        choices=[(k, gettext_lazy(v)) for k, v in hr.URGENCY_LABELS.items()],
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
    )
    source = models.CharField(_("Wie vroeg?"), max_length=20, choices=choices(hr.SOURCE_LABELS))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="help_requests",
        limit_choices_to={"kind": "volunteer_organisation"},
        verbose_name=_("Aan welke vrijwilligersorganisatie?"),
    )
    status = models.CharField(
        max_length=20, choices=choices(hr.REQUEST_STATUS_LABELS), default=hr.RequestStatus.OPEN
    )
    created_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-urgency", "created_at", "id"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(urgency__gte=1, urgency__lte=3), name="helprequest_urgency_1_3"
            )
        ]
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")

    def __str__(self) -> str:
        return f"{self.task} ({self.status})"


class Proposal(models.Model):
    help_request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, related_name="proposals"
    )
    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile", on_delete=models.PROTECT, related_name="proposals"
    )
    status = models.CharField(
        max_length=20,
        choices=choices(hr.PROPOSAL_STATUS_LABELS),
        default=hr.ProposalStatus.PROPOSED,
    )
    # The match as the coordinator saw it when proposing.
    score = models.FloatField(default=0)
    reasons = models.JSONField(default=list, blank=True)
    volunteer_accepted_at = models.DateTimeField(null=True, blank=True)
    client_accepted_at = models.DateTimeField(null=True, blank=True)
    client_accepted_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    introduction_at = models.DateTimeField(_("Kennismaking op"), null=True, blank=True)
    introduction_with = models.ForeignKey(
        "accounts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Met welke professional?"),
    )
    started_on = models.DateField(null=True, blank=True)
    # The circle member the start made (None before the start).
    member = models.ForeignKey(
        "circles.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member_created = models.BooleanField(default=False)
    # When this proposal's end revoked the member row: the `revoked_at` the
    # end wrote. A revoked row whose `revoked_at` equals it was closed by the
    # match, not by the client, so a new match may open it again.
    member_revoked_at = models.DateTimeField(null=True, blank=True)
    evaluation_due = models.DateField(null=True, blank=True)
    evaluated_on = models.DateField(null=True, blank=True)
    evaluation_note = models.TextField(max_length=1000, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_note = models.TextField(max_length=1000, blank=True)
    declined_by = models.CharField(max_length=20, choices=choices(hr.SIDE_LABELS), blank=True)
    decline_reason = models.TextField(max_length=1000, blank=True)
    created_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-status_changed_at", "-id"]
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")

    def __str__(self) -> str:
        return f"{self.volunteer_id} → {self.help_request_id} ({self.status})"

    @property
    def state(self) -> hr.ProposalState:
        return hr.ProposalState(
            hr.ProposalStatus(self.status),
            volunteer_accepted=self.volunteer_accepted_at is not None,
            client_accepted=self.client_accepted_at is not None,
        )
