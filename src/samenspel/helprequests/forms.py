"""Forms for help requests and the proposal steps. Plain Dutch errors; the
boundary rule is checked here for the message and again in the service."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samenspel.agreements.selectors import task_facts
from samenspel.common.choices import choices
from samenspel.domain import helprequests as hr
from samenspel.domain import volunteering as vol
from samenspel.domain.tasks import TASK_CATEGORY_LABELS, TaskCategory

TOO_LONG = _("Schrijf het korter: hooguit %(limit_value)d tekens.")

# The boundary rule's own text speaks of the Wet BIG; a client or carer gets
# this plain sentence instead (the rule itself lives in domain.tasks).
NOT_FOR_A_VOLUNTEER = _("Dit mag een vrijwilliger niet doen. Vraag de wijkverpleging.")

# The group label says who may do personal care, so nobody expects any volunteer.
GROUP_LABELS = {
    **TASK_CATEGORY_LABELS,
    TaskCategory.PERSONAL_CARE: _(
        "Persoonlijke verzorging (alleen een opgeleide vrijwilliger, "
        "als de organisatie dat toestaat)"
    ),
}


def slot_choices():
    return [(slot, gettext(vol.slot_label(slot))) for slot in vol.ALL_SLOTS]


def offered_task(task) -> bool:
    """Only tasks some volunteer may do are offered: no nursing, no reserved acts."""
    return task.category != TaskCategory.NURSING and not task.reserved_act


def task_choices(tasks, empty_label) -> list:
    """The offered tasks grouped by category, in the catalogue's order."""
    groups: dict[str, list] = {}
    for task in tasks:
        if offered_task(task):
            groups.setdefault(task.category, []).append((str(task.pk), task.name))
    return [("", empty_label)] + [
        (gettext(GROUP_LABELS.get(category, category)), options)
        for category, options in groups.items()
    ]


class TaskChoice(forms.ModelChoiceField):
    def label_from_instance(self, task):
        return f"{task.name} ({gettext(TASK_CATEGORY_LABELS[task.category]).lower()})"


class HelpRequestForm(forms.Form):
    task = TaskChoice(
        queryset=None,
        label=_("Waar is hulp bij nodig?"),
        empty_label=_("Kies een taak"),
        error_messages={
            "required": _("Kies waar hulp bij nodig is."),
            "invalid_choice": _("Kies een taak uit de lijst."),
        },
    )
    details = forms.CharField(
        label=_("Wat precies?"),
        help_text=_(
            "Schrijf kort wat de vrijwilliger gaat doen. De vrijwilligerscoördinator "
            "leest dit. Schrijf geen naam, adres of ziekte."
        ),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf kort wat er moet gebeuren."),
            "max_length": TOO_LONG,
        },
    )
    slots = forms.MultipleChoiceField(
        label=_("Op welke dagdelen kan het?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies dagdelen uit de lijst.")},
    )
    start_date = forms.DateField(
        label=_("Vanaf wanneer?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Niet verplicht."),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 14-03-2026.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Hoe lang per keer (minuten)?"),
        min_value=15,
        max_value=hr.MAX_DURATION_MINUTES,
        initial=60,
        error_messages={
            "required": _("Vul in hoe lang het per keer duurt, in minuten."),
            "invalid": _("Vul een heel getal in, bijvoorbeeld 60."),
            "min_value": _("Vul minstens %(limit_value)s minuten in."),
            "max_value": _("Vul hooguit %(limit_value)s minuten in."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("Hoe vaak?"),
        widget=forms.RadioSelect,
        choices=choices(hr.FREQUENCY_LABELS),
        initial=hr.Frequency.WEEKLY,
        error_messages={"required": _("Kies hoe vaak."), "invalid_choice": _("Kies hoe vaak.")},
    )
    wijk = forms.CharField(
        label=_("In welke wijk?"),
        max_length=80,
        required=False,
        help_text=_("Zo zoekt de coördinator iemand dichtbij. Geen adres."),
        error_messages={"max_length": TOO_LONG},
    )
    wanted_skills = forms.MultipleChoiceField(
        label=_("Wat moet de vrijwilliger kunnen?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=choices(vol.SKILL_LABELS),
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Welke talen spreekt de cliënt?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=choices(vol.LANGUAGE_LABELS),
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
    )
    preferences = forms.MultipleChoiceField(
        label=_("Goed om te weten"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=choices(hr.CLIENT_PREFERENCE_LABELS),
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
    )
    urgency = forms.TypedChoiceField(
        label=_("Hoe snel is hulp nodig?"),
        widget=forms.RadioSelect,
        coerce=int,
        choices=[(str(k), v) for k, v in choices(hr.URGENCY_LABELS)],
        initial="2",
        error_messages={"required": _("Kies hoe snel."), "invalid_choice": _("Kies hoe snel.")},
    )
    organisation = forms.ModelChoiceField(
        queryset=None,
        label=_("Aan welke vrijwilligersorganisatie?"),
        help_text=_("Weet u het niet? Kies de vrijwilligerscentrale."),
        empty_label=_("Kies een organisatie"),
        error_messages={
            "required": _("Kies een vrijwilligersorganisatie."),
            "invalid_choice": _("Kies een organisatie uit de lijst."),
        },
    )

    def __init__(self, *args, tasks, organisations, for_client=False, **kwargs):
        """`for_client`: the client (or their legal representative) fills it in,
        so the questions speak to them ("Welke talen spreekt u?")."""
        super().__init__(*args, **kwargs)
        self.for_client = for_client
        task = self.fields["task"]
        task.queryset = tasks  # a posted nursing task still reaches clean_task
        task.choices = task_choices(tasks, task.empty_label)
        self.fields["organisation"].queryset = organisations
        self.fields["slots"].choices = slot_choices()
        if for_client:
            self.fields["languages"].label = _("Welke talen spreekt u?")
            self.fields["preferences"].choices = choices(hr.CLIENT_SELF_PREFERENCE_LABELS)
        if not self.is_bound:
            self.initial.setdefault("languages", ["nl"])
            if "organisation" not in self.initial:
                only = list(organisations[:2])
                if len(only) == 1:
                    self.initial["organisation"] = only[0]

    def slot_rows(self):
        """The weekly grid (7 days × ochtend/middag/avond) with what is ticked."""
        chosen = set(self["slots"].value() or [])
        return [
            (
                gettext(day_label),
                [
                    (slot, gettext(vol.slot_label(slot)), slot in chosen)
                    for slot, _part, _chosen in parts
                ],
            )
            for _day, day_label, parts in vol.availability_grid(())
        ]

    def part_labels(self):
        return [gettext(label) for label in vol.PART_LABELS.values()]

    def clean_task(self):
        task = self.cleaned_data["task"]
        if hr.request_boundary(task_facts(task)) is not None:
            raise forms.ValidationError(gettext(NOT_FOR_A_VOLUNTEER))
        return task

    def clean_details(self):
        details = self.cleaned_data["details"].strip()
        if not details:
            raise forms.ValidationError(gettext("Schrijf kort wat er moet gebeuren."))
        return details

    def clean_start_date(self):
        start = self.cleaned_data.get("start_date")
        if start and start < timezone.localdate():
            raise forms.ValidationError(gettext("Kies vandaag of een dag in de toekomst."))
        return start

    def clean(self):
        data = super().clean()
        if (
            not data.get("slots")
            and not data.get("start_date")
            and data.get("frequency") != hr.Frequency.FLEXIBLE
            and "slots" not in self.errors
        ):
            self.add_error(
                "slots",
                gettext("Kies een of meer dagdelen, of een startdatum. Of kies 'In overleg'."),
            )
        return data


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DeclineForm(VersionForm):
    reason = forms.CharField(
        label=_("Waarom past het niet?"),
        help_text=_("Schrijf kort waarom. De coördinator zoekt dan verder."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf kort waarom het niet past."),
            "max_length": TOO_LONG,
        },
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(gettext("Schrijf kort waarom het niet past."))
        return reason


class IntroductionForm(VersionForm):
    date = forms.DateField(
        label=_("Datum van de kennismaking"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Kies een datum."),
            "invalid": _("Vul een datum in, bijvoorbeeld 14-03-2026."),
        },
    )
    time = forms.TimeField(
        label=_("Hoe laat?"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Vul een tijd in."),
            "invalid": _("Vul een tijd in, bijvoorbeeld 10:30."),
        },
    )
    professional = forms.ModelChoiceField(
        queryset=None,
        label=_("Met welke professional?"),
        empty_label=_("Kies een professional"),
        error_messages={
            "required": _("Kies de professional die meegaat."),
            "invalid_choice": _("Kies een professional uit de lijst."),
        },
    )

    def __init__(self, *args, professionals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["professional"].queryset = professionals
        self.fields["professional"].label_from_instance = lambda p: p.full_name

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value < timezone.localdate():
            raise forms.ValidationError(gettext("Kies vandaag of een dag in de toekomst."))
        return value


class EvaluationForm(VersionForm):
    date = forms.DateField(
        label=_("Datum van de evaluatie"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Kies een datum."),
            "invalid": _("Vul een datum in, bijvoorbeeld 14-03-2026."),
        },
    )
    note = forms.CharField(
        label=_("Hoe gaat het?"),
        help_text=_("Kort: wat gaat goed, wat kan beter?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf kort hoe het gaat."), "max_length": TOO_LONG},
    )

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError(gettext("Een evaluatie kan niet in de toekomst liggen."))
        return value


class EndForm(VersionForm):
    note = forms.CharField(
        label=_("Waarom stopt de hulp?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": TOO_LONG},
    )
