"""Forms for agreements and change events. Errors are Dutch and the input is kept."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samenspel.agreements.models import Agreement, CareTask, ChangeEvent
from samenspel.common.choices import choices, label
from samenspel.domain import recurrence as r
from samenspel.domain import tasks as dt
from samenspel.domain import thresholds as t
from samenspel.domain import vocabulary as v

WEEKLY_KINDS = (r.Frequency.WEEKLY, r.Frequency.BIWEEKLY)
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE_ERRORS = {"invalid": _("Vul een datum in, bijvoorbeeld 24-11-2026.")}
ROLE_FIELDS = ("performer", "backup", "responsible", "authority", "final_responsible")


WEEKDAY_CHOICES = [(i, _(day)) for i, day in enumerate(r.WEEKDAY_LABELS)]


def member_label(member) -> str:
    return f"{member.person.full_name} ({label(v.MEMBER_KIND_LABELS, member.kind).lower()})"


def task_choices():
    """The catalogue grouped by kind of task; reserved acts say so in their name."""
    groups: dict[str, list] = {}
    for task in CareTask.objects.filter(is_active=True):
        name = task.name
        if task.reserved_act:
            name = gettext("%(name)s (voorbehouden handeling)") % {"name": name}
        groups.setdefault(task.category, []).append((str(task.pk), name))
    return [("", _("Kies een taak"))] + [
        (label(dt.TASK_CATEGORY_LABELS, category), items) for category, items in groups.items()
    ]


class AgreementForm(forms.Form):
    task = forms.ChoiceField(label=_("Welke taak?"))
    details = forms.CharField(
        label=_("Wat precies?"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: wat er nodig is, waar de sleutel ligt."),
    )
    performer = forms.ChoiceField(
        label=_("Wie doet het?"),
        required=False,
        help_text=_(
            "Weet u het nog niet? Laat dit open. Dan kan iemand de taak in de agenda nemen."
        ),
    )
    backup = forms.ChoiceField(label=_("Wie valt in als het niet lukt?"), required=False)
    responsible = forms.ChoiceField(
        label=_("Wie zorgt dat het gebeurt?"),
        required=False,
        help_text=_("Deze persoon houdt in de gaten of het goed gaat."),
    )
    authority = forms.ChoiceField(
        label=_("Wie mag erover beslissen?"),
        required=False,
        help_text=_("Bijvoorbeeld over hoe en wanneer het gebeurt."),
    )
    final_responsible = forms.ChoiceField(
        label=_("Wie is eindverantwoordelijk?"),
        required=False,
        help_text=_("Bij wie ligt de verantwoordelijkheid als het misgaat?"),
    )
    frequency = forms.ChoiceField(label=_("Hoe vaak?"), choices=choices(r.FREQUENCY_LABELS))
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Op welke dagen?"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen bij 'elke week' of 'om de week'."),
    )
    start_date = forms.DateField(label=_("Vanaf"), widget=DATE_WIDGET, error_messages=DATE_ERRORS)
    start_time = forms.TimeField(
        label=_("Hoe laat?"),
        widget=TIME_WIDGET,
        error_messages={"invalid": _("Vul een tijd in, bijvoorbeeld 09:30.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Hoe lang duurt het (minuten)?"),
        min_value=5,
        max_value=720,
        initial=60,
        error_messages={
            "invalid": _("Vul een aantal minuten in, bijvoorbeeld 45."),
            "min_value": _("Vul minstens 5 minuten in."),
            "max_value": _("Vul hoogstens 720 minuten (12 uur) in."),
        },
    )
    end_date = forms.DateField(
        label=_("Tot en met"),
        required=False,
        widget=DATE_WIDGET,
        error_messages=DATE_ERRORS,
        help_text=_("Leeg laten als er geen einddatum is."),
    )
    review_date = forms.DateField(
        label=_("Wanneer bespreken we dit opnieuw?"),
        required=False,
        widget=DATE_WIDGET,
        error_messages=DATE_ERRORS,
    )
    participants = forms.TypedMultipleChoiceField(
        label=_("Wie waren erbij toen dit werd afgesproken?"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Wat is er besproken?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The warning codes the user saw and accepted; new warnings ask again.
    confirmed_warnings = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {m.pk: m for m in members}
        helpers = [(str(m.pk), member_label(m)) for m in members if m.kind != v.MemberKind.CLIENT]
        everyone = [(str(m.pk), member_label(m)) for m in members]
        self.fields["task"].choices = task_choices()
        self.fields["performer"].choices = [("", _("Nog niemand: open taak"))] + helpers
        self.fields["backup"].choices = [("", _("Niemand"))] + helpers
        for name in ("responsible", "authority", "final_responsible"):
            self.fields[name].choices = [("", _("Niemand"))] + everyone
        self.fields["participants"].choices = [(m.pk, member_label(m)) for m in members]

    def clean_task(self):
        value = self.cleaned_data["task"]
        task = (
            CareTask.objects.filter(pk=value, is_active=True).first() if value.isdigit() else None
        )
        if task is None:
            raise forms.ValidationError(_("Kies een taak uit de lijst."))
        return task

    def _member(self, name):
        value = self.cleaned_data.get(name) or ""
        if not value:
            return None
        member = self.members.get(int(value)) if value.isdigit() else None
        if member is None:
            raise forms.ValidationError(_("Kies iemand uit het netwerk."))
        return member

    def clean_performer(self):
        return self._member("performer")

    def clean_backup(self):
        return self._member("backup")

    def clean_responsible(self):
        return self._member("responsible")

    def clean_authority(self):
        return self._member("authority")

    def clean_final_responsible(self):
        return self._member("final_responsible")

    def clean_participants(self):
        return [self.members[pk] for pk in self.cleaned_data["participants"] if pk in self.members]

    def clean_start_date(self):
        day = self.cleaned_data["start_date"]
        if day < timezone.localdate() - timedelta(days=5 * 365):
            raise forms.ValidationError(_("Kies een datum in de laatste vijf jaar of later."))
        return day

    def clean_review_date(self):
        day = self.cleaned_data.get("review_date")
        if day is not None and day <= timezone.localdate():
            raise forms.ValidationError(
                _("Kies een dag na vandaag. Wanneer praat u hier weer over?")
            )
        return day

    def clean(self):
        data = super().clean()
        performer, backup = data.get("performer"), data.get("backup")
        if performer and backup and performer.pk == backup.pk:
            self.add_error("backup", _("Kies iemand anders dan degene die het doet."))
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("De einddatum ligt voor de begindatum."))
        if data.get("frequency") not in WEEKLY_KINDS:
            data["weekdays"] = []
        return data

    def confirmed(self) -> set[str]:
        return set(filter(None, (self.cleaned_data.get("confirmed_warnings") or "").split(",")))

    def values(self) -> dict:
        """What the service saves (the decision-log fields are not part of it)."""
        skip = {"participants", "note", "version", "confirmed_warnings"}
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}


def agreement_initial(agreement: Agreement) -> dict:
    initial = {
        "task": str(agreement.task_id),
        "details": agreement.details,
        "frequency": agreement.frequency,
        "weekdays": agreement.weekdays,
        "start_date": agreement.start_date,
        "start_time": agreement.start_time,
        "duration_minutes": agreement.duration_minutes,
        "end_date": agreement.end_date,
        "review_date": agreement.review_date,
        "version": agreement.version,
    }
    for name in ROLE_FIELDS:
        pk = getattr(agreement, f"{name}_id")
        initial[name] = str(pk) if pk else ""
    return initial


def new_agreement_initial() -> dict:
    today = timezone.localdate()
    return {
        "start_date": today,
        "frequency": r.Frequency.WEEKLY,
        "weekdays": [today.weekday()],
        "review_date": today + timedelta(days=91),
        "duration_minutes": 60,
    }


class ChangeEventForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat is er veranderd?"), choices=ChangeEvent.Kind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("Vertel kort wat er gebeurt"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    occurred_on = forms.DateField(
        label=_("Sinds wanneer?"), widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )
    meeting_on = forms.DateField(
        label=_("Wanneer praten we erover (afstemmingsmoment)?"),
        widget=DATE_WIDGET,
        error_messages=DATE_ERRORS,
    )
    agreements = forms.TypedMultipleChoiceField(
        label=_("Welke afspraken moeten opnieuw besproken worden?"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement_map = {a.pk: a for a in agreements}
        self.fields["agreements"].choices = [(a.pk, agreement_choice_label(a)) for a in agreements]
        today = timezone.localdate()
        self.fields["occurred_on"].initial = today
        self.fields["meeting_on"].initial = today + timedelta(days=t.CHANGE_MEETING_DAYS)

    def clean_agreements(self):
        return [
            self.agreement_map[pk]
            for pk in self.cleaned_data["agreements"]
            if pk in self.agreement_map
        ]

    def clean_meeting_on(self):
        day = self.cleaned_data["meeting_on"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("Kies een dag vanaf vandaag."))
        return day


def agreement_choice_label(agreement: Agreement) -> str:
    who = agreement.performer.person.full_name if agreement.performer else gettext("nog niemand")
    return f"{agreement.task.name} ({who})"


class CoordinatorForm(forms.Form):
    coordinator = forms.ChoiceField(label=_("Wie regelt de agenda?"), required=False)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        # Only someone who sees the agenda can keep it going (not "only on the map").
        self.members = {
            m.pk: m
            for m in members
            if m.kind != v.MemberKind.PROFESSIONAL and m.access_level != v.AccessLevel.MAP_ONLY
        }
        self.fields["coordinator"].choices = [("", _("Niemand"))] + [
            (str(m.pk), member_label(m)) for m in self.members.values()
        ]

    def clean_coordinator(self):
        value = self.cleaned_data["coordinator"]
        if not value:
            return None
        member = self.members.get(int(value)) if value.isdigit() else None
        if member is None:
            raise forms.ValidationError(_("Kies iemand uit het netwerk."))
        return member
