"""Reading the sociale kaart: search, the wijken on the map, the beheer list."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from samenspel.domain import socialmap as sm
from samenspel.socialmap import search as s
from samenspel.socialmap.models import Offer

MANAGE_PERM = "socialmap.manage_socialmap"


def search_offers(q: str, filters: s.Filters) -> QuerySet:
    return s.search(q, filters, qs=Offer.objects.select_related("organisation"))


def verification_cutoff(today: date) -> date:
    """Offers last checked on or before this date are due (= domain verification_due)."""
    return today - relativedelta(months=sm.VERIFY_AFTER_MONTHS)


def manage_list(*, today: date, due_only=False, maintainer=None, q: str = "") -> QuerySet:
    """All offers, also inactive ones, for kaartbeheerders: oldest check first."""
    qs = Offer.objects.select_related("organisation", "maintainer__person")
    if due_only:
        qs = qs.filter(last_verified__lte=verification_cutoff(today))
    if maintainer is not None:
        qs = qs.filter(maintainer=maintainer)
    if q:
        return s.search(q, qs=qs, active_only=False).order_by("last_verified", Lower("name"), "id")
    return qs.order_by("last_verified", Lower("name"), "id")


def due_count(*, today: date, maintainer=None) -> int:
    qs = Offer.objects.filter(last_verified__lte=verification_cutoff(today), is_active=True)
    if maintainer is not None:
        qs = qs.filter(maintainer=maintainer)
    return qs.count()


def wijk_names() -> list[str]:
    """The wijken named on the map, for the wijk filter (not those of circles:
    with few clients, a list of their wijken says where they live)."""
    names: dict[str, str] = {}
    offers = Offer.objects.filter(is_active=True).exclude(wijken_text="")
    for wijken in offers.values_list("wijken", flat=True).distinct():
        for wijk in wijken:
            names.setdefault(wijk.strip().lower(), wijk.strip())
    return sorted(names.values(), key=str.lower)


def maintainers() -> QuerySet:
    """Users who may maintain the map: with the permission, directly or by group."""
    perm = Permission.objects.filter(
        codename="manage_socialmap", content_type__app_label="socialmap"
    ).first()
    users = get_user_model().objects.filter(is_active=True)
    return (
        users.filter(Q(is_superuser=True) | Q(user_permissions=perm) | Q(groups__permissions=perm))
        .select_related("person")
        .distinct()
        .order_by("username")
    )
