"""The add-entry form: what happened (grouped by WIFA aspect), when, with which
professional (only those the volunteer works with in a circle), and a note."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from samenspel.domain import wifa as rules


def kind_choices():
    return [("", _("Kies wat er gebeurd is"))] + [
        (gettext_now(a.label), [(k.id, gettext_now(k.label)) for k in rules.kinds_of(a.id)])
        for a in rules.ASPECTS
    ]


class WifaEntryForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat is er gebeurd?"),
        error_messages={
            "required": _("Kies wat er gebeurd is."),
            "invalid_choice": _("Kies een van de mogelijkheden uit de lijst."),
        },
    )
    happened_on = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul de datum in."),
            "invalid": _("Vul een geldige datum in, bijvoorbeeld 15-03-2026."),
        },
    )
    professional = forms.ChoiceField(
        label=_("Met welke professional?"),
        required=False,
        help_text=_("Alleen nodig bij overleg met een professional."),
        error_messages={"invalid_choice": _("Kies een professional uit de lijst.")},
    )
    note = forms.CharField(
        label=_("Notitie (mag leeg blijven)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Schrijf de notitie in hoogstens 1000 tekens.")},
    )

    def __init__(self, *args, pairs=(), today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.pairs = {str(p.professional_id): p for p in pairs}
        self.fields["kind"].choices = kind_choices()
        self.fields["happened_on"].widget.attrs["max"] = self.today.isoformat()
        self.fields["professional"].choices = [("", _("Geen professional"))] + [
            (pid, p.professional_name) for pid, p in self.pairs.items()
        ]

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > self.today:
            raise forms.ValidationError(_("De datum kan niet in de toekomst liggen."))
        return day

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if (
            kind
            and rules.kind(kind).needs_professional
            and self.pairs
            and not data.get("professional")
            and "professional" not in self.errors
        ):
            self.add_error("professional", _("Kies met welke professional u overlegd heeft."))
        return data

    def professional_id(self) -> int | None:
        value = self.cleaned_data.get("professional")
        return int(value) if value else None
