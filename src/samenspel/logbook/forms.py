"""The logbook form. Errors are Dutch and what was typed stays in the form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.common.choices import label
from samenspel.domain import vocabulary as v
from samenspel.domain.logbook import Audience
from samenspel.logbook.models import LogEntry

MAX_TEXT = 2000


class RecipientField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        # Only plain ids reach the database: "²" or 10**20 would crash a query.
        for pk in value:
            text = str(pk)
            if not (text.isascii() and text.isdigit() and len(text) < 19):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text},
                )
        return super()._check_values(value)

    def label_from_instance(self, member):
        return f"{member.person.full_name} ({label(v.MEMBER_KIND_LABELS, member.kind).lower()})"


class LogEntryForm(forms.Form):
    text = forms.CharField(
        label=_("Bericht"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf eerst een bericht."),
            "max_length": _(
                "Uw bericht is te lang. Gebruik hoogstens %(limit_value)d tekens "
                "(nu %(show_value)d)."
            ),
        },
        help_text=_("Kort en duidelijk, hoogstens 2000 tekens."),
    )
    audience = forms.ChoiceField(
        label=_("Wie mag dit lezen?"),
        choices=LogEntry.Audience.choices,
        initial=Audience.CIRCLE,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wie dit mag lezen."),
            "invalid_choice": _("Kies wie dit mag lezen."),
        },
    )
    recipients = RecipientField(
        label=_("Voor wie?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen nodig als u kiest voor: Alleen de mensen die ik kies."),
        error_messages={
            "invalid_choice": _("Kies alleen mensen uit de lijst."),
            "invalid_pk_value": _("Kies alleen mensen uit de lijst."),
        },
    )
    is_signal = forms.BooleanField(
        label=_("Dit is een signaal voor de professional"),
        required=False,
        help_text=_(
            "Maakt u zich zorgen? Dan ziet de professional dit bericht op de startpagina, "
            "tot die laat weten dat het gezien is. De professionals kunnen een signaal "
            "altijd lezen."
        ),
    )

    def __init__(self, *args, recipients, can_flag_signal: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = recipients
        if not can_flag_signal:
            del self.fields["is_signal"]

    def clean(self):
        data = super().clean()
        chosen = data.get("audience") == Audience.CHOSEN
        if chosen and not data.get("recipients") and "recipients" not in self.errors:
            self.add_error("recipients", _("Kies minstens één persoon die dit bericht mag lezen."))
        return data
