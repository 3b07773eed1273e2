"""Forms of the agenda. Errors are Dutch and what was typed stays in the form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.common.choices import label
from samenspel.domain import vocabulary as v

MAX_MESSAGE = 300


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, member):
        return f"{member.person.full_name} ({label(v.MEMBER_KIND_LABELS, member.kind).lower()})"


class SwapForm(forms.Form):
    requested_to = MemberChoiceField(
        label=_("Wie wilt u vragen?"),
        queryset=None,
        empty_label=_("Kies iemand"),
        error_messages={
            "required": _("Kies wie u wilt vragen."),
            "invalid_choice": _("Kies iemand uit de lijst."),
        },
    )
    message = forms.CharField(
        label=_("Bericht (mag leeg blijven)"),
        max_length=MAX_MESSAGE,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _(
                "Uw bericht is te lang. Gebruik hoogstens %(limit_value)d tekens "
                "(nu %(show_value)d)."
            ),
        },
        help_text=_("Bijvoorbeeld waarom u niet kunt, of wat u terug wilt doen."),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested_to"].queryset = targets


class SwapAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[("accept", _("Ja, ik neem het over")), ("decline", _("Nee, ik kan niet"))],
        error_messages={
            "required": _("Kies ja of nee."),
            "invalid_choice": _("Kies ja of nee."),
        },
    )
