"""The sociale kaart: offers of organisations in the neighbourhood, and referrals to them."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.common.choices import choices
from samenspel.domain import socialmap as sm
from samenspel.socialmap.indexing import fill_search_fields


class Offer(models.Model):
    """What one organisation offers, where, for whom and at what cost."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="offers",
        verbose_name=_("Organisatie"),
    )
    name = models.CharField(_("Naam van het aanbod"), max_length=160)
    description = models.TextField(_("Wat bieden ze?"), max_length=2000)
    categories = models.JSONField(_("Soort hulp"), default=list)
    wmo_fields = models.JSONField(_("Wmo-prestatievelden"), default=list, blank=True)
    target_groups = models.JSONField(_("Voor wie?"), default=list, blank=True)
    wijken = models.JSONField(_("In welke wijken?"), default=list, blank=True)
    postcode_ranges = models.CharField(
        _("Postcodes"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: 1311-1315, 1320")
    )
    address = models.CharField(_("Adres"), max_length=200, blank=True)
    contact_name = models.CharField(_("Contactpersoon"), max_length=120, blank=True)
    contact_phone = models.CharField(_("Telefoon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("E-mail"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    opening_hours = models.CharField(_("Wanneer open of bereikbaar?"), max_length=200, blank=True)
    cost = models.CharField(
        _("Wat kost het?"), max_length=20, choices=choices(sm.COST_LABELS), default=sm.Cost.FREE
    )
    accessibility = models.CharField(_("Toegankelijkheid"), max_length=300, blank=True)
    last_verified = models.DateField(_("Laatst gecontroleerd op"))
    maintainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="maintained_offers",
        verbose_name=_("Beheerder van deze vermelding"),
    )
    is_active = models.BooleanField(_("Staat op de kaart"), default=True)

    # --- Derived columns for search; filled by `refresh_search_fields()` on save.
    # Filters: "|a|b|" strings, because SQLite cannot look inside a JSON list.
    categories_text = models.CharField(max_length=400, default="", editable=False)
    target_groups_text = models.CharField(max_length=300, default="", editable=False)
    wijken_text = models.CharField(max_length=1000, default="", editable=False)
    # Plain words: the organisation's name (weight A next to the offer's name)
    # and the labels of categories, target groups and Wmo fields (weight C).
    organisation_name = models.CharField(max_length=120, default="", editable=False)
    tags_text = models.TextField(default="", editable=False)
    # Dutch-stemmed words for SQLite's FTS5 index (PostgreSQL stems by itself).
    stem_name = models.TextField(default="", editable=False)
    stem_body = models.TextField(default="", editable=False)
    stem_tags = models.TextField(default="", editable=False)
    # PostgreSQL only: kept by a database trigger (see migration 0002); stays
    # empty on SQLite, where the FTS5 table `socialmap_offer_fts` does the work.
    search_vector = SearchVectorField(null=True, editable=False)

    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        permissions = [("manage_socialmap", _("Mag de sociale kaart beheren"))]
        verbose_name = _("aanbod")
        verbose_name_plural = _("sociale kaart")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    def save(self, *args, **kwargs):
        self.refresh_search_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *SEARCH_FIELDS}
        super().save(*args, **kwargs)

    def refresh_search_fields(self) -> None:
        """Fill the derived search columns; call it yourself before bulk_create()."""
        fill_search_fields(self)


SEARCH_FIELDS = (
    "categories_text",
    "target_groups_text",
    "wijken_text",
    "organisation_name",
    "tags_text",
    "stem_name",
    "stem_body",
    "stem_tags",
)


class Referral(models.Model):
    """Someone in a circle is referred to an offer; did it work?"""

    circle = models.ForeignKey("circles.Circle", on_delete=models.CASCADE, related_name="referrals")
    member = models.ForeignKey(
        "circles.Member",
        on_delete=models.CASCADE,
        related_name="referrals",
        verbose_name=_("Voor wie?"),
    )
    offer = models.ForeignKey(
        Offer,
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("Naar welk aanbod?"),
    )
    reason = models.TextField(_("Waarom?"), max_length=1000)
    status = models.CharField(
        max_length=20,
        choices=choices(sm.REFERRAL_STATUS_LABELS),
        default=sm.ReferralStatus.PROPOSED,
    )
    outcome = models.TextField(_("Hoe ging het?"), max_length=1000, blank=True)
    created_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-status_changed_at", "-id"]
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")

    def __str__(self) -> str:
        return f"{self.member} → {self.offer} ({self.status})"


class ReferralUpdate(models.Model):
    """Every status change with its note: the referral's history."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=20, choices=choices(sm.REFERRAL_STATUS_LABELS))
    note = models.TextField(max_length=1000, blank=True)
    by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_name = models.CharField(max_length=170, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.referral_id} {self.status}"
