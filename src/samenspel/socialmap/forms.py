"""Forms for searching and maintaining the sociale kaart. Dutch errors, input kept."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.common.choices import choices
from samenspel.domain import socialmap as sm
from samenspel.organisations.models import Organisation
from samenspel.socialmap import search as s
from samenspel.socialmap.selectors import maintainers

POSTCODES = re.compile(r"^\d{4}(-\d{4})?(\s*,\s*\d{4}(-\d{4})?)*$")


class SearchForm(forms.Form):
    """GET form; every field is optional and unknown values are simply ignored."""

    q = forms.CharField(
        label=_("Zoek op woorden"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"aria-describedby": "q_help", "autocomplete": "off"}),
    )
    categorie = forms.ChoiceField(label=_("Soort hulp"), required=False)
    wijk = forms.ChoiceField(label=_("Wijk"), required=False)
    kosten = forms.ChoiceField(label=_("Kosten"), required=False)
    doelgroep = forms.ChoiceField(label=_("Voor wie?"), required=False)

    def __init__(self, *args, wijken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categorie"].choices = [("", _("Alle soorten hulp"))] + choices(
            sm.CATEGORY_LABELS
        )
        self.fields["wijk"].choices = [("", _("Alle wijken"))] + [(w, w) for w in wijken]
        self.fields["kosten"].choices = [("", _("Alle kosten"))] + choices(sm.COST_LABELS)
        self.fields["doelgroep"].choices = [("", _("Iedereen"))] + [
            c for c in choices(sm.TARGET_GROUP_LABELS) if c[0] != sm.TargetGroup.EVERYONE
        ]

    def query(self) -> tuple[str, s.Filters]:
        self.is_valid()  # a wrong value in one field drops only that filter
        data = self.cleaned_data
        return data.get("q", ""), s.Filters(
            category=data.get("categorie", ""),
            wijk=data.get("wijk", ""),
            cost=data.get("kosten", ""),
            target_group=data.get("doelgroep", ""),
        )


def _user_label(user) -> str:
    person = getattr(user, "person", None)
    return person.full_name if person else user.get_username()


class MaintainerField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _user_label(obj)


class OfferForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("Nieuwe organisatie (vul de naam hieronder in)"),
    )
    new_organisation = forms.CharField(
        label=_("Naam van de nieuwe organisatie"), required=False, max_length=120
    )
    name = forms.CharField(label=_("Naam van het aanbod"), max_length=160)
    description = forms.CharField(
        label=_("Wat bieden ze?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    categories = forms.MultipleChoiceField(
        label=_("Soort hulp"),
        choices=choices(sm.CATEGORY_LABELS),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één soort hulp.")},
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Voor wie?"),
        choices=choices(sm.TARGET_GROUP_LABELS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Niets gekozen betekent: voor iedereen."),
    )
    wmo_fields = forms.TypedMultipleChoiceField(
        label=_("Wmo-prestatievelden"),
        choices=choices(sm.WMO_FIELDS),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    wijken = forms.CharField(
        label=_("In welke wijken?"),
        required=False,
        max_length=500,
        help_text=_("Zet een komma tussen de wijken. Leeg laten betekent: de hele gemeente."),
    )
    postcode_ranges = forms.CharField(
        label=_("Postcodes"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld: 1311-1315, 1320"),
    )
    address = forms.CharField(label=_("Adres"), required=False, max_length=200)
    contact_name = forms.CharField(label=_("Contactpersoon"), required=False, max_length=120)
    contact_phone = forms.CharField(label=_("Telefoon"), required=False, max_length=30)
    contact_email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Vul een goed e-mailadres in, zoals naam@voorbeeld.nl.")},
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een goed webadres in, zoals www.voorbeeld.nl.")},
    )
    opening_hours = forms.CharField(
        label=_("Wanneer open of bereikbaar?"), required=False, max_length=200
    )
    cost = forms.ChoiceField(
        label=_("Wat kost het?"), choices=choices(sm.COST_LABELS), widget=forms.RadioSelect
    )
    accessibility = forms.CharField(label=_("Toegankelijkheid"), required=False, max_length=300)
    maintainer = MaintainerField(
        label=_("Beheerder van deze vermelding"),
        queryset=None,
        required=False,
        empty_label=_("Niemand"),
    )
    is_active = forms.BooleanField(
        label=_("Staat op de kaart"),
        required=False,
        help_text=_("Haal het vinkje weg als het aanbod er niet meer is."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maintainer"].queryset = maintainers()
        self.fields["description"].error_messages["required"] = _("Schrijf kort wat ze bieden.")
        self.fields["name"].error_messages["required"] = _("Vul de naam van het aanbod in.")
        self.fields["cost"].error_messages["required"] = _("Kies wat het kost.")
        self.fields["contact_phone"].widget.attrs["autocomplete"] = "off"

    def clean_wijken(self):
        parts = [w.strip() for w in self.cleaned_data["wijken"].split(",")]
        if any("|" in w for w in parts):
            raise forms.ValidationError(_("Een wijknaam mag geen | bevatten."))
        seen: list[str] = []
        for w in parts:
            if w and w.lower() not in [x.lower() for x in seen]:
                seen.append(w)
        return seen

    def clean_postcode_ranges(self):
        text = self.cleaned_data["postcode_ranges"].strip()
        if text and not POSTCODES.match(text):
            raise forms.ValidationError(
                _("Schrijf postcodes als vier cijfers, zoals 1311-1315, 1320.")
            )
        return text

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not (data.get("new_organisation") or "").strip():
            self.add_error(
                "organisation", _("Kies een organisatie, of vul de naam van een nieuwe in.")
            )
        return data

    def values(self) -> dict:
        """The offer's fields; a new organisation is created by the view's service call."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data.pop("new_organisation", None)
        return data


def offer_initial(offer) -> dict:
    return {
        "organisation": offer.organisation_id,
        "name": offer.name,
        "description": offer.description,
        "categories": list(offer.categories),
        "target_groups": list(offer.target_groups),
        "wmo_fields": list(offer.wmo_fields),
        "wijken": ", ".join(offer.wijken),
        "postcode_ranges": offer.postcode_ranges,
        "address": offer.address,
        "contact_name": offer.contact_name,
        "contact_phone": offer.contact_phone,
        "contact_email": offer.contact_email,
        "website": offer.website,
        "opening_hours": offer.opening_hours,
        "cost": offer.cost,
        "accessibility": offer.accessibility,
        "maintainer": offer.maintainer_id,
        "is_active": offer.is_active,
        "version": offer.version,
    }
