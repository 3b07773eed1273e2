"""Forms of the team pages: a round's name and the team session. The thermometer
itself is answered in the shared questionnaire form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.domain import teamplan

# A browser's date field only reads ISO dates; the Dutch locale would render
# 24-05-2026 and the field would show up empty.
DATE_WIDGET_ATTRS = {"type": "date"}
ISO_DATE = "%Y-%m-%d"


class RoundForm(forms.Form):
    title = forms.CharField(
        label=_("Naam van de ronde"),
        max_length=120,
        error_messages={"required": _("Geef de ronde een naam, bijvoorbeeld 'Voorjaar 2026'.")},
    )


class SessionForm(forms.Form):
    """Team session: a date, two notes and up to three action rows per spearhead.

    A row with nothing typed is ignored; a half-filled row gets an error so that
    nothing the lead typed silently disappears."""

    held_on = forms.DateField(
        label=_("Datum van de sessie"),
        widget=forms.DateInput(attrs=DATE_WIDGET_ATTRS, format=ISO_DATE),
        error_messages={
            "required": _("Vul de datum van de sessie in."),
            "invalid": _("Vul een geldige datum in."),
        },
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {str(p.pk): p for p in members}
        owner_choices = [("", _("Kies een teamlid"))] + [(str(p.pk), str(p)) for p in members]
        layer_choices = [("", _("Geen laag"))] + [(k, _(v)) for k, v in teamplan.LAYERS]
        self.groups = []
        for sp in teamplan.SPEARHEADS:
            self.fields[f"{sp.id}_now"] = forms.CharField(
                label=_("Hoe staat het nu?"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"{sp.id}_important"] = forms.CharField(
                label=_("Wat vinden we belangrijk?"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            rows = []
            for i in range(1, teamplan.MAX_ACTIONS_PER_SPEARHEAD + 1):
                p = f"{sp.id}_a{i}_"
                self.fields[p + "text"] = forms.CharField(
                    label=_("Actie"),
                    required=False,
                    max_length=teamplan.MAX_ACTION_TEXT,
                    error_messages={"max_length": _("Schrijf de actie in hoogstens 300 tekens.")},
                )
                self.fields[p + "owner"] = forms.ChoiceField(
                    label=_("Wie doet het?"),
                    required=False,
                    choices=owner_choices,
                    error_messages={"invalid_choice": _("Kies een teamlid uit de lijst.")},
                )
                self.fields[p + "due"] = forms.DateField(
                    label=_("Klaar op"),
                    required=False,
                    widget=forms.DateInput(attrs=DATE_WIDGET_ATTRS, format=ISO_DATE),
                    error_messages={"invalid": _("Vul een geldige datum in.")},
                )
                self.fields[p + "layer"] = forms.ChoiceField(
                    label=_("Gaat vooral over"),
                    required=False,
                    choices=layer_choices,
                    error_messages={"invalid_choice": _("Kies iets uit de lijst.")},
                )
                rows.append((i, p))
            self.groups.append((sp, rows))

    def clean(self):
        data = super().clean()
        for _sp, rows in self.groups:
            for _i, p in rows:
                text = (data.get(p + "text") or "").strip()
                owner = data.get(p + "owner")
                due = data.get(p + "due")
                typed = text or owner or due or self.errors.get(p + "due")
                if not typed:
                    continue  # empty row: ignored (a layer alone is not an action)
                if not text and p + "text" not in self.errors:
                    self.add_error(p + "text", _("Schrijf op wat er moet gebeuren."))
                if not owner and p + "owner" not in self.errors:
                    self.add_error(p + "owner", _("Kies wie dit doet."))
                if not due and p + "due" not in self.errors:
                    self.add_error(p + "due", _("Vul in wanneer het klaar moet zijn."))
        return data

    def notes(self) -> dict:
        return {
            sp.id: {
                "now": self.cleaned_data.get(f"{sp.id}_now", "").strip(),
                "important": self.cleaned_data.get(f"{sp.id}_important", "").strip(),
            }
            for sp, _rows in self.groups
        }

    def actions(self) -> list[dict]:
        """The filled action rows, after is_valid()."""
        out = []
        for sp, rows in self.groups:
            for _i, p in rows:
                text = (self.cleaned_data.get(p + "text") or "").strip()
                if not text:
                    continue
                out.append(
                    {
                        "spearhead": sp.id,
                        "text": text,
                        "owner": self.members[self.cleaned_data[p + "owner"]],
                        "due": self.cleaned_data[p + "due"],
                        "layer": self.cleaned_data.get(p + "layer") or "",
                    }
                )
        return out
