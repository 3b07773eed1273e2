"""Forms for members of a circle. Errors are Dutch and the input is kept."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.common.choices import choices
from samenspel.domain import vocabulary as v
from samenspel.organisations.models import Employment, Organisation

HOURS_ERRORS = {
    "required": _("Vul het aantal uren per week in. Vul 0 in als het geen uren zijn."),
    "invalid": _("Vul een getal in, bijvoorbeeld 4 of 2,5."),
    "min_value": _("Het aantal uren kan niet lager zijn dan 0."),
    "max_value": _("Een week heeft 168 uur. Vul een getal van 0 tot en met 168 in."),
    "max_digits": _("Vul een getal van 0 tot en met 168 in."),
    "max_whole_digits": _("Vul een getal van 0 tot en met 168 in."),
    "max_decimal_places": _("Gebruik hoogstens één cijfer achter de komma."),
}


def hours_field() -> forms.DecimalField:
    """Hours per week as people type them: "4", "2,5" (Dutch comma) or "2.5"."""
    return forms.DecimalField(
        label=_("Uren per week"),
        min_value=0,
        max_value=168,
        max_digits=4,
        decimal_places=1,
        initial=0,
        localize=True,
        error_messages=HOURS_ERRORS,
        help_text=_("Ongeveer. Een week heeft 168 uur."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


def domains_field(label=None) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label or _("Helpt met"),
        choices=choices(v.CARE_DOMAIN_LABELS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


ADDABLE_KINDS = [
    (value, text) for value, text in choices(v.MEMBER_KIND_LABELS) if value != v.MemberKind.CLIENT
]


class MemberForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=80)
    last_name = forms.CharField(label=_("Achternaam"), max_length=80, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    kind = forms.ChoiceField(label=_("Rol in het netwerk"), choices=ADDABLE_KINDS)
    relation = forms.ChoiceField(
        label=_("Relatie met de cliënt"),
        choices=[("", _("Kies een relatie"))] + choices(v.RELATION_LABELS),
        required=False,
        help_text=_("Alleen voor mantelzorgers."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.exclude(kind=Organisation.Kind.MUNICIPALITY),
        required=False,
        empty_label=_("Kies een organisatie"),
        help_text=_("Voor vrijwilligers en professionals."),
    )
    discipline = forms.ChoiceField(
        label=_("Vak"),
        choices=[("", _("Kies een vak"))] + list(Employment.Discipline.choices),
        required=False,
        help_text=_("Alleen voor professionals."),
    )
    domains = domains_field()
    hours_per_week = hours_field()
    contact_frequency = forms.ChoiceField(
        label=_("Hoe vaak is er contact?"),
        choices=[("", _("Weet ik niet"))] + choices(v.CONTACT_FREQUENCY_LABELS),
        required=False,
    )
    closeness = forms.TypedChoiceField(
        label=_("Hoe dichtbij staat deze persoon?"),
        choices=[
            (1, _("Heel dichtbij (ring 1)")),
            (2, _("Dichtbij (ring 2)")),
            (3, _("Wat verder weg (ring 3)")),
        ],
        coerce=int,
        initial=2,
        widget=forms.RadioSelect,
    )
    motivation = forms.CharField(
        label=_("Wat mij beweegt"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vertel in een paar zinnen waarom u helpt. Niet uw functie, maar uw reden."),
    )
    sofa_roles = forms.MultipleChoiceField(
        label=_("Rol als mantelzorger"),
        choices=choices(v.SOFA_ROLE_LABELS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Alleen voor mantelzorgers. Er kunnen meer rollen tegelijk gelden."),
    )
    is_legal_representative = forms.BooleanField(
        label=_("Is wettelijk vertegenwoordiger van de cliënt"),
        required=False,
        help_text=_("Mag dan alles wat de cliënt ook mag."),
    )
    big_registered = forms.BooleanField(
        label=_("Heeft een BIG-registratie"),
        required=False,
        help_text=_(
            "Alleen voor professionals. Nodig voor voorbehouden handelingen, zoals injecties."
        ),
    )
    trained_personal_care = forms.BooleanField(
        label=_("Is opgeleid voor persoonlijke verzorging"),
        required=False,
        help_text=_(
            "Alleen voor vrijwilligers. Verzorgen mag alleen als hun organisatie dat ook toestaat."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, can_manage_access=False, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_manage_access:
            # Who represents the client, and someone's role once they are in the
            # circle, decide what people may see: only the client side sets them.
            del self.fields["is_legal_representative"]
            if editing:
                self.fields["kind"].disabled = True
                self.fields["kind"].help_text = _("Alleen de cliënt kan de rol veranderen.")

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        organisation = data.get("organisation")
        if kind == v.MemberKind.CARER and not data.get("relation"):
            self.add_error("relation", _("Kies de relatie van de mantelzorger met de cliënt."))
        if kind == v.MemberKind.VOLUNTEER:
            if organisation is None:
                self.add_error("organisation", _("Kies de organisatie van de vrijwilliger."))
            elif organisation.kind != Organisation.Kind.VOLUNTEER_ORGANISATION:
                self.add_error(
                    "organisation",
                    _("Een vrijwilliger hoort bij een vrijwilligersorganisatie."),
                )
        if kind == v.MemberKind.PROFESSIONAL:
            if organisation is None:
                self.add_error("organisation", _("Kies de organisatie van de professional."))
            if not data.get("discipline"):
                self.add_error("discipline", _("Kies het vak van de professional."))
        return data


class OwnEntryForm(forms.Form):
    """What a member may change about themselves without editing rights."""

    domains = MemberForm.base_fields["domains"]
    hours_per_week = MemberForm.base_fields["hours_per_week"]
    contact_frequency = MemberForm.base_fields["contact_frequency"]
    motivation = MemberForm.base_fields["motivation"]
    phone = MemberForm.base_fields["phone"]
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class NeededDomainsForm(forms.Form):
    needed_domains = domains_field(_("Waar heeft de cliënt hulp bij nodig?"))


class AccessLevelForm(forms.Form):
    access_level = forms.ChoiceField(
        label=_("Wat mag deze persoon zien?"), choices=choices(v.ACCESS_LEVEL_LABELS)
    )


class TeamConsentForm(forms.Form):
    team_consent = forms.BooleanField(
        label=_("Mijn wijkteam mag mijn netwerk bekijken, ook als zij er niet in staan"),
        required=False,
    )


def member_initial(member) -> dict:
    person = member.person
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
        "kind": member.kind,
        "relation": member.relation,
        "organisation": member.organisation_id,
        "discipline": member.discipline,
        "domains": member.domains,
        "hours_per_week": member.hours_per_week,
        "contact_frequency": member.contact_frequency,
        "closeness": member.closeness,
        "motivation": member.motivation,
        "sofa_roles": member.sofa_roles,
        "is_legal_representative": member.is_legal_representative,
        "big_registered": member.big_registered,
        "trained_personal_care": member.trained_personal_care,
        "version": member.version,
    }
