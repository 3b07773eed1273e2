"""Pages of the sociale kaart: search, one offer, and kaartbeheer.

Logged-in users only: the map names contact people. Maintaining it needs the
permission `socialmap.manage_socialmap` (the kaartbeheerder). Thin views: search
in `search`/`selectors`, writes in `services`, the audit row written here.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samenspel.audit.models import AuditEvent
from samenspel.circles.access import access_for
from samenspel.circles.models import Circle
from samenspel.common.choices import label
from samenspel.domain import socialmap as sm
from samenspel.domain.access import Perm
from samenspel.socialmap import forms, selectors, services
from samenspel.socialmap.models import Offer
from samenspel.socialmap.referral_selectors import counts_summary, referral_counts

Action = AuditEvent.Action
PAGE_SIZE = 20
manager_required = permission_required(selectors.MANAGE_PERM, raise_exception=True)


def present(offer: Offer, today) -> Offer:
    """Labels and the verification flag for templates (no extra queries)."""
    offer.category_labels = [label(sm.CATEGORY_LABELS, c) for c in offer.categories]
    offer.target_group_labels = [label(sm.TARGET_GROUP_LABELS, t) for t in offer.target_groups]
    offer.wmo_labels = [
        label({str(k): v for k, v in sm.WMO_FIELDS.items()}, str(n)) for n in offer.wmo_fields
    ]
    offer.cost_label = label(sm.COST_LABELS, offer.cost)
    offer.verification_due = sm.verification_due(offer.last_verified, today)
    return offer


def _circle_from(request) -> Circle | None:
    """The circle in `?kring=`, only when this user may refer from it (else
    ignored): the client's wijk and name are details, not for everyone who sees
    the agenda."""
    raw = request.GET.get("kring", "")
    if not (raw.isascii() and raw.isdigit() and len(raw) < 19):
        return None
    circle = Circle.objects.select_related("client").filter(pk=int(raw)).first()
    if circle is None or Perm.MANAGE_AGREEMENTS not in access_for(request.user, circle):
        return None
    return circle


def _page(request, qs):
    paginator = Paginator(qs, PAGE_SIZE)
    return paginator.get_page(request.GET.get("pagina"))


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


@login_required
@require_GET
def search(request):
    circle = _circle_from(request)
    data = request.GET.copy()
    if circle is not None and circle.wijk and "wijk" not in data:
        data["wijk"] = circle.wijk  # start in the client's wijk; "Alle wijken" undoes it
    wijken = selectors.wijk_names()
    form = forms.SearchForm(data, wijken=wijken)
    q, filters = form.query()
    searched = bool(q.strip() or any(vars(filters).values()))
    page = _page(request, selectors.search_offers(q, filters))
    today = timezone.localdate()
    for offer in page.object_list:
        present(offer, today)
    return render(
        request,
        "socialmap/search.html",
        {
            "form": form,
            "page": page,
            "circle": circle,
            "searched": searched,
            "query_string": _query_without_page(request),
            "can_manage": request.user.has_perm(selectors.MANAGE_PERM),
        },
    )


@login_required
@require_GET
def offer_detail(request, offer_id):
    offer = get_object_or_404(
        Offer.objects.select_related("organisation", "maintainer__person"), pk=offer_id
    )
    can_manage = request.user.has_perm(selectors.MANAGE_PERM)
    if not offer.is_active and not can_manage:
        raise Http404  # taken off the map
    circle = _circle_from(request)
    counts = referral_counts([offer.pk]).get(offer.pk, {})
    return render(
        request,
        "socialmap/offer.html",
        {
            "offer": present(offer, timezone.localdate()),
            "can_manage": can_manage,
            "circle": circle,
            "offer_counts": counts_summary(counts),  # numbers only, no people
        },
    )


@login_required
@manager_required
@require_GET
def manage(request):
    today = timezone.localdate()
    due_only = request.GET.get("te_controleren") == "1"
    mine = request.GET.get("mijn") == "1"
    q = request.GET.get("q", "")[:200]
    qs = selectors.manage_list(
        today=today, due_only=due_only, maintainer=request.user if mine else None, q=q
    )
    page = _page(request, qs)
    for offer in page.object_list:
        present(offer, today)
    return render(
        request,
        "socialmap/manage.html",
        {
            "page": page,
            "due_only": due_only,
            "mine": mine,
            "q": q,
            "query_string": _query_without_page(request),
            "my_due": selectors.due_count(today=today, maintainer=request.user),
        },
    )


def _offer_form(request, offer: Offer | None):
    initial = (
        forms.offer_initial(offer)
        if offer
        else {"is_active": True, "maintainer": request.user.pk, "cost": sm.Cost.FREE}
    )
    form = forms.OfferForm(request.POST or None, initial=initial)
    context = {"offer": offer, "form": form}
    if request.method == "POST" and form.is_valid():
        values = form.values()
        new_org = form.cleaned_data["new_organisation"].strip()
        try:
            if not values["organisation"]:
                values["organisation"] = services.organisation_named(new_org)
            saved = services.save_offer(
                values, offer=offer, expected_version=form.cleaned_data.get("version") or 0
            )
        except services.EditConflict:
            offer.refresh_from_db()
            data = request.POST.copy()
            data["version"] = offer.version  # saving again means: mine wins
            context["form"] = forms.OfferForm(data, initial=initial)
            context["form"].is_valid()
            context["conflict"] = True
            context["current"] = present(offer, timezone.localdate())
            messages.error(
                request,
                _(
                    "Iemand anders heeft dit aanbod net ook gewijzigd. Uw invoer staat nog in "
                    "het formulier. Kijk hieronder wat er nu is opgeslagen en sla opnieuw op."
                ),
            )
            return render(request, "socialmap/offer_form.html", context, status=409)
        messages.success(request, _("Het aanbod is opgeslagen."))
        return redirect("socialmap:offer", offer_id=saved.pk)
    return render(request, "socialmap/offer_form.html", context)


@login_required
@manager_required
@require_http_methods(["GET", "POST"])
def offer_add(request):
    return _offer_form(request, None)


@login_required
@manager_required
@require_http_methods(["GET", "POST"])
def offer_edit(request, offer_id):
    offer = get_object_or_404(Offer.objects.select_related("organisation"), pk=offer_id)
    return _offer_form(request, offer)


@login_required
@manager_required
@require_POST
def offer_verify(request, offer_id):
    offer = get_object_or_404(Offer, pk=offer_id)
    services.verify_offer(offer)
    messages.success(request, _("Genoteerd: het aanbod klopt nog."))
    target = request.POST.get("next", "")
    if target == "manage":
        return redirect("socialmap:manage")
    return redirect("socialmap:offer", offer_id=offer.pk)
