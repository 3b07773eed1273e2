"""Pages of one care circle. Thin: access via `circle_view`, writes via services."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles import forms, services
from samenspel.circles.access import circle_view
from samenspel.circles.models import Member
from samenspel.domain.access import (
    RESTORED_ACCESS_LEVEL,
    EditScope,
    Perm,
    access_can_change,
    edit_scope,
)
from samenspel.domain.vocabulary import MemberKind

Action = AuditEvent.Action


def is_self(request, member: Member) -> bool:
    return member.person.user_id is not None and member.person.user_id == request.user.pk


def _member_of_circle(request, member_id) -> Member:
    # Someone else's member id in the URL gives 404, never another circle's data.
    member_id = str(member_id)
    if not (member_id.isascii() and member_id.isdigit() and len(member_id) < 19):
        raise Http404  # also keeps "²" and 10**30 away from the database
    return get_object_or_404(
        Member.objects.select_related("person", "organisation"),
        pk=member_id,
        circle=request.circle,
    )


@circle_view(Perm.EDIT_MEMBERS)
def needed_domains(request, circle_id):
    circle = request.circle
    form = forms.NeededDomainsForm(
        request.POST or None, initial={"needed_domains": circle.needed_domains}
    )
    if request.method == "POST" and form.is_valid():
        services.set_needed_domains(circle, form.cleaned_data["needed_domains"])
        messages.success(request, _("De hulpvragen zijn opgeslagen."))
        return redirect("circles:detail", circle_id=circle.pk)
    record(
        request, Action.VIEW, object_type="circle", object_id=circle.pk, summary="needed_domains"
    )
    return render(request, "circles/needed_domains.html", {"circle": circle, "form": form})


def _next_within_circle(request, circle) -> str:
    """A return address inside this circle (e.g. back into a MantelScan), or ''."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if safe and target.startswith(f"/kring/{circle.pk}/") else ""


@circle_view(Perm.EDIT_MEMBERS)
def member_add(request, circle_id):
    circle = request.circle
    next_url = _next_within_circle(request, circle)
    is_client_side = Perm.MANAGE_ACCESS in request.access
    form = forms.MemberForm(request.POST or None, can_manage_access=is_client_side)
    if request.method == "POST" and form.is_valid():
        member = services.add_member(circle, form.cleaned_data, added_by_client=is_client_side)
        messages.success(
            request, _("%(name)s staat nu in het netwerk.") % {"name": member.person.full_name}
        )
        if not is_client_side:
            messages.info(
                request,
                _(
                    "%(client)s bepaalt wat %(name)s mag zien. Tot die tijd staat "
                    "%(name)s alleen op de kaart."
                )
                % {"client": circle.client.first_name, "name": member.person.first_name},
            )
        return redirect(next_url or reverse("circles:detail", args=[circle.pk]))
    return render(
        request,
        "circles/member_form.html",
        {"circle": circle, "form": form, "next_url": next_url},
    )


@circle_view(Perm.EDIT_OWN, Perm.EDIT_MEMBERS)
def member_edit(request, circle_id, member_id):
    circle, access = request.circle, request.access
    member = _member_of_circle(request, member_id)
    scope = edit_scope(
        access.perms, target_kind=MemberKind(member.kind), is_self=is_self(request, member)
    )
    if scope is None:
        raise PermissionDenied
    if scope == EditScope.FULL:
        form_class = partial(
            forms.MemberForm,
            can_manage_access=Perm.MANAGE_ACCESS in access,
            editing=True,
        )
    else:
        form_class = forms.OwnEntryForm
    form = form_class(request.POST or None, initial=forms.member_initial(member))
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            services.update_member(
                member,
                form.cleaned_data,
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except services.EditConflict:
            conflict = True
            member.refresh_from_db()
            messages.error(
                request,
                _(
                    "Iemand anders heeft deze gegevens net ook gewijzigd. Uw invoer staat nog "
                    "in het formulier. Kijk hieronder wat er nu is opgeslagen en sla opnieuw op."
                ),
            )
            data = request.POST.copy()
            data["version"] = member.version
            form = form_class(data, initial=forms.member_initial(member))
            form.is_valid()
        else:
            messages.success(request, _("De gegevens zijn opgeslagen."))
            return redirect("circles:detail", circle_id=circle.pk)
    if request.method == "GET":
        record(request, Action.VIEW, object_type="member", object_id=member.pk)
    return render(
        request,
        "circles/member_form.html",
        {"circle": circle, "form": form, "member": member, "conflict": conflict},
    )


@circle_view(Perm.MANAGE_ACCESS)
def access_settings(request, circle_id):
    circle = request.circle
    if request.method == "POST":
        if "team_consent_form" in request.POST:
            consent_form = forms.TeamConsentForm(request.POST)
            consent_form.is_valid()
            consent = consent_form.cleaned_data["team_consent"]
            services.set_team_consent(circle, consent)
        else:
            member = _member_of_circle(request, request.POST.get("member", ""))
            level_form = forms.AccessLevelForm(request.POST)
            if not access_can_change(MemberKind(member.kind)) or not level_form.is_valid():
                messages.error(request, _("Kies wat deze persoon mag zien."))
                return redirect("circles:access", circle_id=circle.pk)
            services.set_access_level(member, level_form.cleaned_data["access_level"])
        messages.success(request, _("Opgeslagen. Dit geldt meteen."))
        return redirect("circles:access", circle_id=circle.pk)
    members = list(circle.members.exclude(kind="client").select_related("person", "organisation"))
    record(request, Action.VIEW, object_type="access", object_id=circle.pk)
    return render(
        request,
        "circles/access.html",
        {
            "circle": circle,
            "members": members,
            "consent_form": forms.TeamConsentForm(initial={"team_consent": circle.team_consent}),
            "level_choices": forms.AccessLevelForm.base_fields["access_level"].choices,
        },
    )


@require_POST
@circle_view(Perm.MANAGE_ACCESS)
def member_revoke(request, circle_id, member_id):
    member = _member_of_circle(request, member_id)
    if not access_can_change(MemberKind(member.kind)):
        raise PermissionDenied
    services.revoke_member(member)
    messages.success(
        request,
        _("%(name)s heeft vanaf nu geen toegang meer.") % {"name": member.person.full_name},
    )
    return redirect("circles:access", circle_id=circle_id)


@require_POST
@circle_view(Perm.MANAGE_ACCESS)
def member_restore(request, circle_id, member_id):
    member = _member_of_circle(request, member_id)
    if member.is_active:
        raise Http404  # only someone whose access was taken away can come back
    services.restore_member(member, RESTORED_ACCESS_LEVEL)
    messages.success(
        request, _("%(name)s staat weer in het netwerk.") % {"name": member.person.full_name}
    )
    return redirect("circles:access", circle_id=circle_id)


@circle_view(Perm.VIEW_AUDIT)
def audit_log(request, circle_id):
    events = list(request.circle.audit_events.all()[:300])
    # Reading who looked is itself a look at the circle's data.
    record(request, Action.VIEW, object_type="audit", object_id=circle_id)
    return render(request, "circles/audit.html", {"circle": request.circle, "events": events})
