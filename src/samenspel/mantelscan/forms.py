"""Forms of the five MantelScan steps. Errors are Dutch; the typed input is kept."""

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from samenspel.circles.forms import domains_field, hours_field
from samenspel.common.choices import choices
from samenspel.domain import vocabulary as v

TEXT_MAX = 2000
TEXT_ERRORS = {
    "max_length": _(
        "Deze tekst is te lang. Gebruik maximaal %(limit_value)d tekens (nu %(show_value)d)."
    ),
}


def note_field(label, help_text="", rows=4):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=TEXT_MAX,
        required=False,
        strip=True,
        error_messages=TEXT_ERRORS,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class WhoForm(forms.Form):
    """Step 1: which help is needed, and what the conversation brought up."""

    needed_domains = domains_field(_("Waar heeft de cliënt hulp bij nodig?"))
    who = note_field(
        _("Aantekeningen: wie is er?"),
        _("Bijvoorbeeld: wie mist er nog op de kaart, wie was er vroeger belangrijk?"),
    )


class MemberWorkForm(forms.Form):
    """Step 2, one per member: what this person does and how many hours."""

    domains = domains_field()
    hours_per_week = hours_field()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CarerBurdenForm(forms.Form):
    """Step 3, one per mantelzorger: SOFA roles and how heavy the care is."""

    sofa_roles = forms.MultipleChoiceField(
        label=_("Rol als mantelzorger"),
        choices=choices(v.SOFA_ROLE_LABELS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Er kunnen meer rollen tegelijk gelden."),
    )
    burden = note_field(
        _("Hoe zwaar is het?"),
        _("In de eigen woorden van de mantelzorger: wat gaat goed, wat is zwaar?"),
        rows=3,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class StrengthsForm(forms.Form):
    """Step 4."""

    strengths = note_field(_("Sterktes"), _("Wat gaat goed in het netwerk? Wie of wat helpt echt?"))
    risks = note_field(_("Risico's"), _("Waar kan het misgaan? Wat gebeurt er als iemand uitvalt?"))


class AgreementsForm(forms.Form):
    """Step 5."""

    agreements = note_field(_("Afspraken"), _("Wie doet wat, en wanneer kijken we opnieuw?"))
    advice = note_field(
        _("Advies"), _("Advies om overbelasting te voorkomen, bijvoorbeeld respijtzorg.")
    )


def scan_label(scan) -> str:
    """'3 maart 2026, Pieter Jansen' — the date the scan was finished, and by whom."""
    when = date_format(localtime(scan.completed_at or scan.created_at), "j F Y, H:i")
    person = getattr(scan.created_by, "person", None)
    who = person.full_name if person else scan.created_by.get_username()
    return f"{when}, {who}"


class ScanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return scan_label(obj)


class CompareForm(forms.Form):
    """Two completed scans of this circle; anything else is a form error, never a 500."""

    a = ScanChoiceField(
        label=_("Eerste MantelScan"),
        queryset=None,
        empty_label=_("Kies een MantelScan"),
        error_messages={
            "required": _("Kies de eerste MantelScan."),
            "invalid_choice": _(
                "Deze MantelScan bestaat niet, is nog niet afgerond of hoort bij een ander "
                "netwerk. Kies een afgeronde MantelScan uit de lijst."
            ),
        },
    )
    b = ScanChoiceField(
        label=_("Tweede MantelScan"),
        queryset=None,
        empty_label=_("Kies een MantelScan"),
        error_messages={
            "required": _("Kies de tweede MantelScan."),
            "invalid_choice": _(
                "Deze MantelScan bestaat niet, is nog niet afgerond of hoort bij een ander "
                "netwerk. Kies een afgeronde MantelScan uit de lijst."
            ),
        },
    )

    def __init__(self, *args, scans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["a"].queryset = scans
        self.fields["b"].queryset = scans

    def clean(self):
        data = super().clean()
        a, b = data.get("a"), data.get("b")
        if a is not None and b is not None and a.pk == b.pk:
            raise forms.ValidationError(
                _("U koos twee keer dezelfde MantelScan. Kies twee verschillende."),
                code="same",
            )
        return data

    def ordered(self):
        """The two scans, the older one first, whatever order they were picked in."""
        scans = [self.cleaned_data["a"], self.cleaned_data["b"]]
        return sorted(scans, key=lambda s: (s.completed_at, s.pk))
