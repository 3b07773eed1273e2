from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.models import User
from samenspel.circles.models import Member


class InviteForm(forms.Form):
    member = forms.ModelChoiceField(
        label=_("Wie wilt u uitnodigen?"),
        queryset=Member.objects.none(),
        empty_label=_("Kies een persoon"),
    )
    email = forms.EmailField(
        label=_("E-mailadres (mag leeg blijven)"),
        required=False,
        help_text=_("U kunt de link of code ook zelf doorgeven, bijvoorbeeld via de telefoon."),
    )

    def __init__(self, *args, circle, **kwargs):
        super().__init__(*args, **kwargs)
        # Only people of this circle: someone else's member id is refused.
        self.fields["member"].queryset = (
            circle.members.filter(status=Member.Status.ACTIVE, person__user__isnull=True)
            .exclude(kind="client")
            .select_related("person")
        )
        self.fields["member"].label_from_instance = lambda m: m.person.full_name


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Uw code"),
        max_length=20,
        help_text=_("De code heeft 8 tekens, bijvoorbeeld K7PM-3QXA."),
    )


class SignupForm(UserCreationForm):
    """Create an account while accepting an invitation."""

    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        help_text=_("Bijvoorbeeld uw e-mailadres."),
    )

    class Meta:
        model = User
        fields = ("username",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "password1"
        ].help_text = password_validation.password_validators_help_text_html()
