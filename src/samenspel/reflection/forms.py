"""The reflection form: one radio group per statement, none required, so that a
draft may be partly filled in; submitting checks that every statement is answered."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.domain.instruments import Instrument


def field_name(item_id: str) -> str:
    return f"q_{item_id}"


class ReflectionForm(forms.Form):
    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {s.id: s.label for s in instrument.subscales}
        for number, item in enumerate(instrument.items, 1):
            scale = instrument.scale_of(item)
            field = forms.ChoiceField(
                label=item.text or "",
                choices=[(o.value, o.label) for o in scale.options],
                widget=forms.RadioSelect,
                required=False,
                error_messages={"invalid_choice": _("Kies een van de antwoorden.")},
            )
            field.item_id = item.id
            field.number = number
            field.dimension = labels.get(item.subscale, "")
            self.fields[field_name(item.id)] = field

    def answers(self) -> dict[str, str]:
        """The answered statements, {item_id: value}, after is_valid()."""
        return {
            self.fields[name].item_id: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "")
        }

    def questions(self):
        return [(self.fields[name].number, self[name]) for name in self.fields]


class RoundForm(forms.Form):
    title = forms.CharField(
        label=_("Naam (bijvoorbeeld: voorjaar 2027)"),
        max_length=120,
        error_messages={
            "required": _("Geef de vragenlijst een naam, bijvoorbeeld 'voorjaar 2027'."),
            "max_length": _("Gebruik hoogstens 120 tekens voor de naam."),
        },
    )
