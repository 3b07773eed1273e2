"""Writing offers of the sociale kaart; each change is written to the audit log here.

Every write goes through `Offer.save()` or `reindex()`, so the derived search
columns stay right; the database triggers then keep the search index in step.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.common.errors import EditConflict  # noqa: F401 (raised here, caught by views)
from samenspel.organisations.models import Organisation
from samenspel.socialmap.models import SEARCH_FIELDS, Offer

Action = AuditEvent.Action

# What a kaartbeheerder fills in; the rest (version, dates, search) is ours.
OFFER_FIELDS = (
    "organisation",
    "name",
    "description",
    "categories",
    "wmo_fields",
    "target_groups",
    "wijken",
    "postcode_ranges",
    "address",
    "contact_name",
    "contact_phone",
    "contact_email",
    "website",
    "opening_hours",
    "cost",
    "accessibility",
    "maintainer",
    "is_active",
)


def organisation_named(name: str) -> Organisation:
    """A new organisation typed in the form: reuse one with that name if it exists."""
    name = name.strip()
    existing = Organisation.objects.filter(name__iexact=name).order_by("id").first()
    if existing:
        return existing
    return Organisation.objects.create(name=name, kind=Organisation.Kind.COMMUNITY)


@transaction.atomic
def save_offer(
    values: dict,
    *,
    offer: Offer | None = None,
    expected_version: int | None = None,
    today: date | None = None,
) -> Offer:
    """Create or change an offer. Saving counts as checking it, so `last_verified`
    becomes today. Raises `EditConflict` when the version moved on meanwhile."""
    today = today or timezone.localdate()
    values = {k: values[k] for k in OFFER_FIELDS if k in values}
    if offer is None:
        offer = Offer(**values, last_verified=today)
        offer.save()
        log(Action.CREATE, object_type="offer", object_id=offer.pk, summary=offer.name)
        return offer
    for field, value in values.items():
        setattr(offer, field, value)
    offer.last_verified = today
    offer.refresh_search_fields()
    columns = {field: getattr(offer, field) for field in (*values, *SEARCH_FIELDS)}
    updated = Offer.objects.filter(pk=offer.pk, version=expected_version).update(
        version=F("version") + 1, updated_at=timezone.now(), last_verified=today, **columns
    )
    if not updated:
        raise EditConflict
    offer.refresh_from_db()
    log(Action.UPDATE, object_type="offer", object_id=offer.pk, summary=offer.name)
    return offer


def verify_offer(offer: Offer, *, today: date | None = None) -> Offer:
    """ "Still right": only the date changes, so an open edit form does not conflict."""
    today = today or timezone.localdate()
    Offer.objects.filter(pk=offer.pk).update(last_verified=today)
    offer.last_verified = today
    summary = _("Gecontroleerd: %(name)s") % {"name": offer.name}
    log(Action.UPDATE, object_type="offer", object_id=offer.pk, summary=summary)
    return offer


def reindex(offers) -> None:
    """Refresh the search columns after bulk_create/bulk_update (they skip save())."""
    offers = list(offers)
    for offer in offers:
        offer.refresh_search_fields()
    if offers:
        Offer.objects.bulk_update(offers, list(SEARCH_FIELDS), batch_size=500)


def reindex_organisation(organisation: Organisation) -> None:
    """After an organisation is renamed: its name is part of its offers' search text."""
    offers = list(organisation.offers.all())
    for offer in offers:
        offer.organisation = organisation
    reindex(offers)
