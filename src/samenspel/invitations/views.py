"""Invite members to log in, and accept an invitation by link or code."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.cache import cache
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles.access import circle_view
from samenspel.domain.access import Perm
from samenspel.invitations import services
from samenspel.invitations.forms import CodeForm, InviteForm, SignupForm
from samenspel.invitations.models import Invitation

SESSION_KEY = "invitation_id"
NEW_KEY = "new_invitation"

STATUS_MESSAGES = {
    Invitation.Status.ACTIVE: gettext_lazy("Deze uitnodiging is al gebruikt."),
    Invitation.Status.EXPIRED: gettext_lazy("Deze uitnodiging is verlopen. Vraag om een nieuwe."),
    Invitation.Status.REVOKED: gettext_lazy("Deze uitnodiging is ingetrokken."),
    "taken": gettext_lazy("Deze plek in het netwerk hoort al bij een ander account."),
    "already_member": gettext_lazy("U staat al in dit netwerk."),
    "own_invitation": gettext_lazy("U kunt een uitnodiging die u zelf maakte niet accepteren."),
}


@circle_view(Perm.INVITE)
def circle_invitations(request, circle_id):
    circle = request.circle
    form = InviteForm(request.POST or None, circle=circle)
    if request.method == "POST" and form.is_valid():
        new = services.invite(form.cleaned_data["member"], request.user, form.cleaned_data["email"])
        request.session[NEW_KEY] = {
            "id": new.invitation.pk,
            "link": request.build_absolute_uri(reverse("invitations:open", args=[new.token])),
            "code": f"{new.code[:4]}-{new.code[4:]}",
        }
        return redirect("invitations:circle", circle_id=circle.pk)
    invitations = list(
        Invitation.objects.filter(member__circle=circle).select_related("member__person")
    )
    record(request, AuditEvent.Action.VIEW, object_type="invitations", object_id=circle.pk)
    return render(
        request,
        "invitations/circle.html",
        {
            "circle": circle,
            "form": form,
            "invitations": invitations,
            "new": request.session.pop(NEW_KEY, None),
        },
    )


@require_POST
@circle_view(Perm.INVITE)
def revoke_invitation(request, circle_id, invitation_id):
    invitation = get_object_or_404(Invitation, pk=invitation_id, member__circle=request.circle)
    services.revoke(invitation)
    messages.success(request, _("De uitnodiging is ingetrokken. De link en code werken niet meer."))
    return redirect("invitations:circle", circle_id=circle_id)


def open_link(request, token):
    invitation = services.find(token=token)
    if invitation is None:
        messages.error(request, _("Deze link klopt niet. Controleer de link of gebruik uw code."))
        return redirect("invitations:code")
    request.session[SESSION_KEY] = invitation.pk
    return redirect("invitations:accept")


CODE_TRIES = 10  # wrong codes per address per quarter of an hour
CODE_WINDOW = 15 * 60


def enter_code(request):
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        # Codes are short enough to type over, so guessing must stay slow.
        key = "invitation-code-tries:" + request.META.get("REMOTE_ADDR", "")
        tries = cache.get(key, 0)
        if tries >= CODE_TRIES:
            form.add_error(
                "code", _("Te vaak een verkeerde code. Probeer het over een kwartier opnieuw.")
            )
            status = 429
        else:
            invitation = services.find(code=form.cleaned_data["code"])
            if invitation is not None:
                request.session[SESSION_KEY] = invitation.pk
                return redirect("invitations:accept")
            cache.set(key, tries + 1, CODE_WINDOW)
            form.add_error(
                "code", _("Deze code kennen we niet. Kijk of u hem goed heeft overgetypt.")
            )
    return render(request, "invitations/code.html", {"form": form}, status=status)


def accept(request):
    invitation_id = request.session.get(SESSION_KEY)
    invitation = (
        Invitation.objects.select_related("member__circle__client", "member__person")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None:
        return redirect("invitations:code")
    signup_form = None
    if not request.user.is_authenticated:
        signup_form = SignupForm(request.POST or None)
        if request.method == "POST" and signup_form.is_valid():
            user = signup_form.save()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return _accept_and_go(request, invitation)
    elif request.method == "POST":
        return _accept_and_go(request, invitation)
    status = invitation.status
    return render(
        request,
        "invitations/accept.html",
        {
            "invitation": invitation,
            "signup_form": signup_form,
            "problem": STATUS_MESSAGES.get(status) if status != Invitation.Status.INVITED else "",
            "login_url": reverse("accounts:login") + "?next=" + reverse("invitations:accept"),
        },
    )


def _accept_and_go(request, invitation):
    try:
        services.accept(invitation.pk, request.user)
    except services.InvitationError as error:
        messages.error(request, STATUS_MESSAGES.get(error.reason, _("Dat lukte niet.")))
        return redirect("pages:home")
    request.session.pop(SESSION_KEY, None)
    messages.success(request, _("Welkom! U staat nu in het netwerk."))
    return redirect("pages:home")
