"""Forms for making a referral and moving it on. Plain Dutch errors; the
domain decides which status may follow which (checked again in the service)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samenspel.domain import socialmap as sm
from samenspel.domain.vocabulary import MEMBER_KIND_LABELS, MemberKind


class MemberChoice(forms.ModelChoiceField):
    def label_from_instance(self, member):
        if member.kind == MemberKind.CLIENT:
            return gettext("%(name)s (de cliënt)") % {"name": member.person.full_name}
        kind = gettext(MEMBER_KIND_LABELS[member.kind]).lower()
        return f"{member.person.full_name} ({kind})"


class ReferralForm(forms.Form):
    member = MemberChoice(
        queryset=None,
        label=_("Voor wie is de verwijzing?"),
        empty_label=_("Kies iemand"),
        error_messages={
            "required": _("Kies voor wie de verwijzing is."),
            "invalid_choice": _("Kies de cliënt of een mantelzorger uit dit netwerk."),
        },
    )
    offer = forms.ModelChoiceField(
        queryset=None,
        widget=forms.HiddenInput,
        label=_("Aanbod"),
        error_messages={
            "required": _("Kies eerst een aanbod op de sociale kaart."),
            "invalid_choice": _("Dit aanbod staat niet (meer) op de sociale kaart."),
        },
    )
    reason = forms.CharField(
        label=_("Waarom verwijst u naar dit aanbod?"),
        help_text=_("Schrijf kort wat de persoon zoekt. Dit ziet iedereen die de verwijzing ziet."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf kort waarom u verwijst."),
            "max_length": _("Schrijf het korter: hooguit %(limit_value)d tekens."),
        },
    )

    def __init__(self, *args, members, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["offer"].queryset = offers

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(gettext("Schrijf kort waarom u verwijst."))
        return reason


KEEP_STATUS = ""


class StatusForm(forms.Form):
    """Move the referral on, or only add a note ('status blijft hetzelfde')."""

    status = forms.ChoiceField(
        label=_("Hoe staat het nu?"),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Kies een van de mogelijkheden.")},
    )
    note = forms.CharField(
        label=_("Notitie"),
        help_text=_("Bijvoorbeeld: wie u gesproken heeft, of waar het op wacht."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Schrijf het korter: hooguit %(limit_value)d tekens.")},
    )
    outcome = forms.CharField(
        label=_("Hoe ging het?"),
        help_text=_("Vul dit in als de verwijzing klaar is of niet gelukt is."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Schrijf het korter: hooguit %(limit_value)d tekens.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        keep = (KEEP_STATUS, gettext("Blijft hetzelfde (alleen een notitie)"))
        # Every status is a valid *value*, so a step the domain forbids reaches
        # the service and gets its own message; only the allowed ones are shown.
        self.fields["status"].choices = [keep] + [
            (s.value, gettext(label)) for s, label in sm.REFERRAL_STATUS_LABELS.items()
        ]
        allowed = sm.next_statuses(sm.ReferralStatus(current))
        self.fields["status"].widget.choices = [keep] + [
            (s.value, gettext(sm.REFERRAL_STATUS_LABELS[s])) for s in allowed
        ]
        self.fields["status"].initial = KEEP_STATUS

    def clean(self):
        data = super().clean()
        status = data.get("status") or ""
        if status in sm.CLOSED_STATUSES and not (data.get("outcome") or "").strip():
            self.add_error("outcome", gettext("Schrijf kort hoe het ging."))
        elif (
            not status
            and not (data.get("note") or "").strip()
            and not (data.get("outcome") or "").strip()
            and not self.errors
        ):
            self.add_error("note", gettext("Kies een nieuwe stap, of schrijf een notitie."))
        return data
