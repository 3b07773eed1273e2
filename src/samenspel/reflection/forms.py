"""The reflection form: one radio group per statement, none required, so that a
draft may be partly filled in; submitting checks that every statement is answered."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.burden.forms import QuestionnaireForm


class ReflectionForm(QuestionnaireForm):
    """The burden questionnaire form, built from the reflection instrument."""


class RoundForm(forms.Form):
    title = forms.CharField(
        label=_("Naam (bijvoorbeeld: voorjaar 2027)"),
        max_length=120,
        error_messages={
            "required": _("Geef de vragenlijst een naam, bijvoorbeeld 'voorjaar 2027'."),
            "max_length": _("Gebruik hoogstens 120 tekens voor de naam."),
        },
    )
