from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.domain import profiles as domain


class ProfileForm(forms.Form):
    """The fifteen statements. Fields are optional here: the view lists the
    missing ones itself, so that the answers given so far are kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(value), _(label)) for value, label in domain.SCALE]
        for number, statement in enumerate(domain.STATEMENTS, start=1):
            field = forms.TypedChoiceField(
                label=_(statement.text),
                choices=choices,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": gettext_lazy("Kies een van de antwoorden.")},
            )
            field.number = number
            field.item_id = statement.id
            self.fields[statement.id] = field

    def questions(self):
        """(number, bound field) per statement, as the shared items template reads them."""
        return [(self.fields[sid].number, self[sid]) for sid in domain.STATEMENT_IDS]
