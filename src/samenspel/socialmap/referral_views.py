"""Referrals from a circle to the sociale kaart. Thin: access via `circle_view`,
writes via `referral_services`, reads via `referral_selectors`.

Who may do what:
- see the referrals (list and detail): VIEW_DETAILS — the client side,
  mantelzorgers and volunteers with full access, the professionals;
- refer and move a referral on: MANAGE_AGREEMENTS — the people who make the
  agreements about the care (the client side, mantelzorgers with full access,
  the professionals). A referral is an agreement about outside help.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles.access import circle_view
from samenspel.domain import socialmap as sm
from samenspel.domain.access import Perm
from samenspel.socialmap import referral_forms as forms
from samenspel.socialmap import referral_selectors as selectors
from samenspel.socialmap import referral_services as services

Action = AuditEvent.Action


def _id_or_none(value) -> int | None:
    value = str(value or "")
    if value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    return None


def _referral(request, referral_id):
    if _id_or_none(referral_id) is None:
        raise Http404
    return selectors.referral_of_circle(request.circle, referral_id)


@circle_view(Perm.VIEW_DETAILS)
def referral_list(request, circle_id):
    circle = request.circle
    referrals = selectors.circle_referrals(circle)
    record(request, Action.VIEW, object_type="referral_list", object_id=circle.pk)
    return render(
        request,
        "socialmap/referral_list.html",
        {
            "circle": circle,
            "access": request.access,
            "referrals": referrals,
            "counts": selectors.status_counts(referrals),
        },
    )


@circle_view(Perm.MANAGE_AGREEMENTS)
def referral_add(request, circle_id):
    circle = request.circle
    members = selectors.referable_members(circle)
    offers = selectors.active_offers()
    if request.method == "POST":
        form = forms.ReferralForm(request.POST, members=members, offers=offers)
        if form.is_valid():
            data = form.cleaned_data
            referral = services.create_referral(
                circle,
                member=data["member"],
                offer=data["offer"],
                reason=data["reason"],
                by=getattr(request.user, "person", None),
            )
            messages.success(
                request,
                _("De verwijzing is opgeslagen. Houd hier bij hoe het gaat."),
            )
            return redirect("referrals:detail", circle_id=circle.pk, referral_id=referral.pk)
        offer = form.cleaned_data.get("offer")
        if offer is None:
            offer = offers.filter(pk=_id_or_none(request.POST.get("offer"))).first()
    else:
        offer_id = _id_or_none(request.GET.get("aanbod"))
        offer = offers.filter(pk=offer_id).first() if offer_id is not None else None
        form = forms.ReferralForm(
            members=members, offers=offers, initial={"offer": offer.pk if offer else None}
        )
    return render(
        request,
        "socialmap/referral_form.html",
        {"circle": circle, "access": request.access, "form": form, "offer": offer},
    )


def _detail_context(request, referral, form):
    counts = selectors.referral_counts([referral.offer_id]).get(referral.offer_id, {})
    return {
        "circle": request.circle,
        "access": request.access,
        "referral": referral,
        "updates": selectors.history(referral),
        "is_closed": referral.status in sm.CLOSED_STATUSES,
        "offer_counts": selectors.counts_summary(counts),
        "form": form,
    }


def _status_form(referral, data=None):
    return forms.StatusForm(data, current=referral.status, initial={"version": referral.version})


@circle_view(Perm.VIEW_DETAILS)
def referral_detail(request, circle_id, referral_id):
    referral = _referral(request, referral_id)
    form = _status_form(referral) if Perm.MANAGE_AGREEMENTS in request.access else None
    record(request, Action.VIEW, object_type="referral", object_id=referral.pk)
    return render(
        request, "socialmap/referral_detail.html", _detail_context(request, referral, form)
    )


ERRORS = {
    services.CLOSED: gettext_lazy(
        "Deze verwijzing is afgesloten. Wilt u het opnieuw proberen? "
        "Maak dan een nieuwe verwijzing."
    ),
    services.NOT_ALLOWED: gettext_lazy(
        "Deze stap kan niet na '%(status)s'. Kies een van de stappen die hier staan."
    ),
    services.CONFLICT: gettext_lazy(
        "Iemand anders heeft deze verwijzing net bijgewerkt. Kijk hieronder hoe het nu staat. "
        "Uw tekst staat nog in het formulier."
    ),
    services.EMPTY: gettext_lazy("Kies een nieuwe stap, of schrijf een notitie."),
}


@require_POST
@circle_view(Perm.MANAGE_AGREEMENTS)
def referral_update(request, circle_id, referral_id):
    referral = _referral(request, referral_id)
    form = _status_form(referral, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.update_referral(
                referral,
                status=data["status"] or None,
                note=data["note"],
                outcome=data["outcome"],
                by=getattr(request.user, "person", None),
                expected_version=data["version"] or 0,
            )
        except services.ReferralError as error:
            message = str(ERRORS[error.code])
            if error.code == services.NOT_ALLOWED:
                label = sm.REFERRAL_STATUS_LABELS[sm.ReferralStatus(referral.status)]
                message = message % {"status": _(label)}
            if error.code == services.CONFLICT:
                # Show what is saved now; keep the user's text, with the new version.
                referral = _referral(request, referral_id)
                data = request.POST.copy()
                data["version"] = referral.version
                form = _status_form(referral, data)
                form.is_valid()
            form.add_error(None, message)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect("referrals:detail", circle_id=circle_id, referral_id=referral.pk)
    record(request, Action.VIEW, object_type="referral", object_id=referral.pk)
    return render(
        request,
        "socialmap/referral_detail.html",
        _detail_context(request, referral, form),
    )
