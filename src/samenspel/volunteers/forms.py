"""Forms for the coordinator: intake and profile, the volunteer agreement, list filters.

Dutch errors, input kept; the rules themselves live in `domain.volunteering` and
`domain.tasks` so that forms and tests agree.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samenspel.agreements.models import CareTask
from samenspel.common.choices import choices
from samenspel.domain import volunteering as vol
from samenspel.volunteers.models import VolunteerProfile
from samenspel.volunteers.selectors import ListFilters

# A browser's date field only reads ISO dates (see teams/forms.py).
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _checkboxes(labels, label, **kwargs):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices(labels),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
        **kwargs,
    )


class PersonLabelField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name


class ProfileForm(forms.Form):
    """Intake (who the person is) and the profile; one form for both pages."""

    first_name = forms.CharField(
        label=_("Voornaam"),
        max_length=80,
        error_messages={"required": _("Vul de voornaam in.")},
    )
    last_name = forms.CharField(label=_("Achternaam"), max_length=80, required=False)
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        error_messages={"invalid": _("Vul een goed e-mailadres in, zoals naam@voorbeeld.nl.")},
    )
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)

    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=None,
        empty_label=None,
        error_messages={"required": _("Kies de organisatie.")},
    )
    contact_person = PersonLabelField(
        label=_("Vast aanspreekpunt"),
        queryset=None,
        required=False,
        empty_label=_("Nog niemand"),
        help_text=_("Bij wie kan de vrijwilliger terecht met vragen?"),
    )
    kind = forms.ChoiceField(
        label=_("Soort vrijwilliger"),
        choices=VolunteerProfile.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de soort vrijwilliger.")},
    )
    supervisor = forms.CharField(
        label=_("Begeleider"),
        max_length=120,
        required=False,
        help_text=_(
            "Nodig bij re-integratie, maatschappelijke stage en via de werkgever: "
            "naam en organisatie van de begeleider."
        ),
    )
    skills = _checkboxes(vol.SKILL_LABELS, _("Wat kan de vrijwilliger?"))
    motives = _checkboxes(vol.MOTIVE_LABELS, _("Waarom doet de vrijwilliger dit?"))
    motives_asked_again = forms.BooleanField(
        label=_("Ik heb vandaag opnieuw gevraagd waarom de vrijwilliger dit doet"),
        required=False,
        help_text=_("Motieven veranderen. Vraag er minstens één keer per jaar naar."),
    )
    languages = _checkboxes(vol.LANGUAGE_LABELS, _("Talen"))
    availability = forms.MultipleChoiceField(
        label=_("Wanneer beschikbaar?"),
        choices=[(s, s) for s in vol.ALL_SLOTS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies dagdelen uit het rooster.")},
    )
    wijk = forms.CharField(label=_("Wijk"), max_length=80, required=False)
    latitude = forms.FloatField(
        label=_("Breedtegraad"),
        required=False,
        min_value=-90,
        max_value=90,
        help_text=_("Bijvoorbeeld 52,1. Alleen nodig om de afstand uit te rekenen."),
        localize=True,
    )
    longitude = forms.FloatField(
        label=_("Lengtegraad"),
        required=False,
        min_value=-180,
        max_value=180,
        help_text=_("Bijvoorbeeld 5,1."),
        localize=True,
    )
    max_distance_km = forms.IntegerField(
        label=_("Hoe ver wil de vrijwilliger reizen (km)?"),
        min_value=0,
        max_value=100,
        initial=5,
        error_messages={
            "required": _("Vul in hoeveel kilometer de vrijwilliger wil reizen."),
            "invalid": _("Vul een heel getal in, bijvoorbeeld 5."),
            "min_value": _("Vul 0 of meer in."),
            "max_value": _("Vul 100 of minder in."),
        },
    )
    preferences = _checkboxes(vol.PREFERENCE_LABELS, _("Voorkeuren"))
    training = _checkboxes(vol.TRAINING_LABELS, _("Gevolgde trainingen"))
    vog_status = forms.ChoiceField(
        label=_("VOG (Verklaring Omtrent het Gedrag)"),
        choices=VolunteerProfile.VogStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe het met de VOG staat.")},
    )
    vog_date = forms.DateField(
        label=_("Datum van de VOG"),
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": _("Vul een datum in, zoals 15-03-2026.")},
    )
    is_active = forms.BooleanField(
        label=_("Actief"),
        required=False,
        help_text=_("Haal het vinkje weg als de vrijwilliger (even) stopt."),
    )

    PERSON_FIELDS = ("first_name", "last_name", "email", "phone")

    def __init__(
        self,
        *args,
        organisations,
        staff,
        intake: bool = False,
        person_locked: bool = False,
        **kwargs,
    ):
        """`person_locked`: the person has their own login and manages name, e-mail
        and phone themselves, so the form leaves those out (shown read-only)."""
        super().__init__(*args, **kwargs)
        self.intake = intake
        self.person_locked = person_locked and not intake
        self.fields["organisation"].queryset = organisations
        self.fields["contact_person"].queryset = staff
        if intake:
            del self.fields["motives_asked_again"]
            self.fields["email"].help_text = _(
                "Staat dit e-mailadres al bij iemand zonder account en zonder andere rol "
                "in Samenspel? Dan koppelen we het profiel aan die persoon. Anders maken "
                "we een nieuwe persoon aan."
            )
        if self.person_locked:
            for name in self.PERSON_FIELDS:
                del self.fields[name]
        for name in ("latitude", "longitude"):
            self.fields[name].error_messages.update(
                {
                    "invalid": _("Vul een getal in, zoals 52,1."),
                    "min_value": _("Dit getal is te klein."),
                    "max_value": _("Dit getal is te groot."),
                }
            )
        if "phone" in self.fields:
            self.fields["phone"].widget.attrs["autocomplete"] = "off"

    def clean_vog_date(self):
        value = self.cleaned_data.get("vog_date")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("De datum van de VOG kan niet in de toekomst liggen."))
        return value

    def clean(self):
        data = super().clean()
        if vol.supervisor_missing(data.get("kind", ""), data.get("supervisor", "")):
            self.add_error(
                "supervisor",
                _(
                    "Vul de naam van de begeleider in. Bij deze soort vrijwilliger is een "
                    "begeleider verplicht."
                ),
            )
        if (
            "vog_date" not in self.errors
            and vol.vog_date_problem(
                data.get("vog_status", ""), data.get("vog_date"), timezone.localdate()
            )
            == "missing"
        ):
            self.add_error("vog_date", _("Vul de datum van de VOG in. De VOG is in orde."))
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None) and not {"latitude", "longitude"} & set(self.errors):
            self.add_error("longitude", _("Vul beide getallen in, of laat ze allebei leeg."))
        organisation, contact = data.get("organisation"), data.get("contact_person")
        if (
            organisation
            and contact
            and not contact.employments.filter(organisation=organisation).exists()
        ):
            self.add_error(
                "contact_person", _("Kies een aanspreekpunt dat bij deze organisatie werkt.")
            )
        return data

    def availability_rows(self):
        """The weekly grid with what is (or was) ticked; the template draws the table."""
        value = self["availability"].value() or []
        return vol.availability_grid(value)

    def person_values(self) -> dict:
        """Empty when the person manages their own details."""
        return {k: self.cleaned_data[k] for k in self.PERSON_FIELDS if k in self.fields}

    def profile_values(self) -> dict:
        data = self.cleaned_data
        keys = (
            "organisation",
            "contact_person",
            "kind",
            "supervisor",
            "skills",
            "motives",
            "languages",
            "availability",
            "wijk",
            "latitude",
            "longitude",
            "max_distance_km",
            "preferences",
            "training",
            "vog_status",
            "vog_date",
            "is_active",
        )
        values = {k: data[k] for k in keys}
        values["supervisor"] = (
            values["supervisor"].strip() if vol.needs_supervisor(values["kind"]) else ""
        )
        values["wijk"] = values["wijk"].strip()
        return values


def profile_initial(profile: VolunteerProfile) -> dict:
    person = profile.person
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
        "organisation": profile.organisation_id,
        "contact_person": profile.contact_person_id,
        "kind": profile.kind,
        "supervisor": profile.supervisor,
        "skills": list(profile.skills),
        "motives": list(profile.motives),
        "languages": list(profile.languages),
        "availability": list(profile.availability),
        "wijk": profile.wijk,
        "latitude": profile.latitude,
        "longitude": profile.longitude,
        "max_distance_km": profile.max_distance_km,
        "preferences": list(profile.preferences),
        "training": list(profile.training),
        "vog_status": profile.vog_status,
        "vog_date": profile.vog_date,
        "is_active": profile.is_active,
    }


class TaskChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class AgreementForm(forms.Form):
    tasks = TaskChoiceField(
        label=_("Wat mag de vrijwilliger doen?"),
        queryset=CareTask.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Kies taken uit de lijst.")},
    )
    not_allowed_notes = forms.CharField(
        label=_("Wat doet de vrijwilliger verder niet?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat de regels niet mogen, staat er al automatisch bij."),
    )
    expenses = forms.CharField(
        label=_("Onkostenvergoeding"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: € 0,23 per km, maximaal € 180 per maand."),
    )
    insured = forms.BooleanField(label=_("Verzekerd via de organisatie"), required=False)
    insurance_notes = forms.CharField(
        label=_("Over de verzekering"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: de vrijwilligersverzekering van de gemeente."),
    )
    contact_person = PersonLabelField(
        label=_("Vast aanspreekpunt"),
        queryset=None,
        required=False,
        empty_label=_("Nog niemand"),
    )
    start_date = forms.DateField(
        label=_("Gaat in op"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Vul de startdatum in."),
            "invalid": _("Vul een datum in, zoals 15-03-2026."),
        },
    )
    evaluation_date = forms.DateField(
        label=_("Evaluatie op"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Wanneer praten jullie samen over hoe het gaat?"),
        error_messages={"invalid": _("Vul een datum in, zoals 15-03-2026.")},
    )

    def __init__(self, *args, staff, refused: dict, taken_starts=(), **kwargs):
        """`refused` maps a task id to the boundary finding that blocks it;
        `taken_starts` are start dates other agreements of this volunteer already use."""
        super().__init__(*args, **kwargs)
        self.fields["contact_person"].queryset = staff
        self.refused = refused
        self.taken_starts = set(taken_starts)

    def clean_tasks(self):
        tasks = self.cleaned_data["tasks"]
        errors = [
            f"{task.name}: {self.refused[task.pk].render(gettext).reason}"
            for task in tasks
            if task.pk in self.refused
        ]
        if errors:
            raise forms.ValidationError(errors)
        return tasks

    def clean(self):
        data = super().clean()
        start, evaluation = data.get("start_date"), data.get("evaluation_date")
        if not vol.evaluation_after_start(start, evaluation):
            self.add_error("evaluation_date", _("De evaluatie moet na de startdatum zijn."))
        if start and start in self.taken_starts:
            self.add_error(
                "start_date",
                _("Er is al een afspraak die op deze dag ingaat. Kies een andere datum."),
            )
        return data


def agreement_initial(agreement) -> dict:
    return {
        "tasks": [t.pk for t in agreement.tasks.all()],
        "not_allowed_notes": agreement.not_allowed_notes,
        "expenses": agreement.expenses,
        "insured": agreement.insured,
        "insurance_notes": agreement.insurance_notes,
        "contact_person": agreement.contact_person_id,
        "start_date": agreement.start_date,
        "evaluation_date": agreement.evaluation_date,
    }


class FilterForm(forms.Form):
    """GET filters of the volunteer list; a wrong value only drops that filter."""

    soort = forms.ChoiceField(label=_("Soort"), required=False)
    kan = forms.ChoiceField(label=_("Kan"), required=False)
    wijk = forms.ChoiceField(label=_("Wijk"), required=False)
    vog = forms.ChoiceField(label=_("VOG"), required=False)
    status = forms.ChoiceField(label=_("Actief"), required=False)

    def __init__(self, *args, wijken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", _("Alle soorten"))] + list(
            VolunteerProfile.Kind.choices
        )
        self.fields["kan"].choices = [("", _("Alles"))] + choices(vol.SKILL_LABELS)
        self.fields["wijk"].choices = [("", _("Alle wijken"))] + [(w, w) for w in wijken]
        self.fields["vog"].choices = [
            ("", _("Alle")),
            ("ok", _("VOG in orde")),
            ("problem", _("VOG ontbreekt of is verlopen")),
        ]
        self.fields["status"].choices = [
            ("active", _("Alleen actief")),
            ("inactive", _("Alleen niet actief")),
            ("all", _("Iedereen")),
        ]

    def filters(self):
        self.is_valid()
        data = getattr(self, "cleaned_data", {})  # unbound: no filters
        return ListFilters(
            kind=data.get("soort", ""),
            skill=data.get("kan", ""),
            wijk=data.get("wijk", ""),
            vog=data.get("vog", ""),
            active=data.get("status") or "active",
        )
