"""The form to open a reflection round. The statements are answered in the shared
questionnaire form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RoundForm(forms.Form):
    title = forms.CharField(
        label=_("Naam (bijvoorbeeld: voorjaar 2027)"),
        max_length=120,
        error_messages={
            "required": _("Geef de vragenlijst een naam, bijvoorbeeld 'voorjaar 2027'."),
            "max_length": _("Gebruik hoogstens 120 tekens voor de naam."),
        },
    )
