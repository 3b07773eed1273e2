"""The questionnaire form, built from an instrument's data: one radio group per item,
none required (a draft may be partly filled in; completing checks that every item is
answered)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.domain.instruments import Instrument


def field_name(item_id: str) -> str:
    return f"q_{item_id}"


class QuestionnaireForm(forms.Form):
    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        for number, item in enumerate(instrument.items, 1):
            scale = instrument.scale_of(item)
            field = forms.ChoiceField(
                label=item.text or "",
                choices=[(o.value, o.label) for o in scale.options],
                widget=forms.RadioSelect,
                required=False,
                error_messages={
                    "invalid_choice": _("Kies een van de antwoorden."),
                },
            )
            field.item_id = item.id
            field.number = number
            self.fields[field_name(item.id)] = field

    def answers(self) -> dict[str, str]:
        """The answered questions, {item_id: value}, after is_valid()."""
        return {
            self.fields[name].item_id: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "")
        }

    def questions(self):
        """(number, bound field) per item, in the instrument's order."""
        return [(self.fields[name].number, self[name]) for name in self.fields]
