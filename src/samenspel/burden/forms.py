"""Forms for the burden pages. The questionnaire itself is the shared one
(``samenspel.questionnaires.forms``)."""

from django import forms

from samenspel.questionnaires.forms import QuestionnaireForm, field_name  # noqa: F401


class ShareForm(forms.Form):
    """One toggle at a time: which audience, and on or off."""

    audience = forms.ChoiceField(choices=[("team", "team"), ("client", "client")])
    on = forms.BooleanField(required=False)


class ConsentForm(forms.Form):
    on = forms.BooleanField(required=False)


class AutosaveForm(forms.Form):
    item = forms.CharField(max_length=60)
    value = forms.CharField(max_length=60)
