"""The sociale kaart: kinds of offers, Wmo prestatievelden, referral statuses,
and which offers answer which network signal (seed 003, domain.md §7)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from samenspel.domain.i18n import gettext_noop as _


class Category(StrEnum):
    CARER_SUPPORT = "carer_support"  # mantelzorgondersteuning
    RESPITE = "respite"  # respijtzorg
    VOLUNTEER_CENTRE = "volunteer_centre"  # vrijwilligerscentrale
    DAY_ACTIVITIES = "day_activities"  # dagbesteding
    BUDDY = "buddy"  # maatjesproject
    NEIGHBOURHOOD = "neighbourhood"  # buurtinitiatief
    SPORT = "sport"
    CULTURE = "culture"
    RELIGION = "religion"  # levensbeschouwing
    DEBT = "debt"  # schuldhulp
    HOUSING = "housing"  # wonen
    TRANSPORT = "transport"  # vervoer
    INFORMATION = "information"  # informatie en advies, cliëntondersteuning
    HOME_CARE = "home_care"  # zorg thuis
    MEALS = "meals"  # maaltijden


CATEGORY_LABELS = {
    Category.CARER_SUPPORT: _("Steun voor mantelzorgers"),
    Category.RESPITE: _("Respijtzorg (even vrij van de zorg)"),
    Category.VOLUNTEER_CENTRE: _("Vrijwilligerscentrale"),
    Category.DAY_ACTIVITIES: _("Dagbesteding"),
    Category.BUDDY: _("Maatjesproject"),
    Category.NEIGHBOURHOOD: _("Buurtinitiatief"),
    Category.SPORT: _("Sport en bewegen"),
    Category.CULTURE: _("Cultuur"),
    Category.RELIGION: _("Kerk, moskee en levensbeschouwing"),
    Category.DEBT: _("Hulp bij geldzaken en schulden"),
    Category.HOUSING: _("Wonen"),
    Category.TRANSPORT: _("Vervoer"),
    Category.INFORMATION: _("Informatie en advies"),
    Category.HOME_CARE: _("Zorg en hulp thuis"),
    Category.MEALS: _("Maaltijden"),
}

# The nine prestatievelden of the Wmo (seed 001 §2.2), as short B1 labels.
WMO_FIELDS = {
    1: _("Samen leven in de buurt"),
    2: _("Steun bij opgroeien en opvoeden"),
    3: _("Informatie, advies en cliëntondersteuning"),
    4: _("Steun voor mantelzorgers en vrijwilligers"),
    5: _("Meedoen met een beperking of psychisch probleem"),
    6: _("Voorzieningen om zelfstandig te blijven"),
    7: _("Maatschappelijke opvang"),
    8: _("Openbare geestelijke gezondheidszorg"),
    9: _("Verslavingszorg"),
}


class TargetGroup(StrEnum):
    EVERYONE = "everyone"
    OLDER_PEOPLE = "older_people"
    CARERS = "carers"
    DEMENTIA = "dementia"
    DISABILITY = "disability"
    MENTAL_HEALTH = "mental_health"
    YOUTH = "youth"
    NEWCOMERS = "newcomers"


TARGET_GROUP_LABELS = {
    TargetGroup.EVERYONE: _("Iedereen"),
    TargetGroup.OLDER_PEOPLE: _("Ouderen"),
    TargetGroup.CARERS: _("Mantelzorgers"),
    TargetGroup.DEMENTIA: _("Mensen met dementie"),
    TargetGroup.DISABILITY: _("Mensen met een beperking"),
    TargetGroup.MENTAL_HEALTH: _("Mensen met psychische klachten"),
    TargetGroup.YOUTH: _("Jongeren en gezinnen"),
    TargetGroup.NEWCOMERS: _("Nieuwkomers"),
}


class Cost(StrEnum):
    FREE = "free"
    OWN_CONTRIBUTION = "own_contribution"
    INDICATION = "indication"  # needs an indication (Wmo, Wlz, Zvw)


COST_LABELS = {
    Cost.FREE: _("Gratis"),
    Cost.OWN_CONTRIBUTION: _("Met eigen bijdrage"),
    Cost.INDICATION: _("Alleen met een indicatie"),
}

VERIFY_AFTER_MONTHS = 12
# From the issue: an entry not verified for 12 months is flagged to its maintainer.


def verification_due(last_verified: date | None, today: date) -> bool:
    if last_verified is None:
        return True
    months = (today.year - last_verified.year) * 12 + today.month - last_verified.month
    months -= today.day < last_verified.day
    return months >= VERIFY_AFTER_MONTHS


# --- Referrals ---------------------------------------------------------------


class ReferralStatus(StrEnum):
    PROPOSED = "proposed"  # voorgesteld
    REGISTERED = "registered"  # aangemeld
    IN_CONTACT = "in_contact"
    STARTED = "started"
    COMPLETED = "completed"  # afgerond
    FAILED = "failed"  # niet gelukt


REFERRAL_STATUS_LABELS = {
    ReferralStatus.PROPOSED: _("Voorgesteld"),
    ReferralStatus.REGISTERED: _("Aangemeld"),
    ReferralStatus.IN_CONTACT: _("In contact"),
    ReferralStatus.STARTED: _("Gestart"),
    ReferralStatus.COMPLETED: _("Afgerond"),
    ReferralStatus.FAILED: _("Niet gelukt"),
}

CLOSED_STATUSES = frozenset({ReferralStatus.COMPLETED, ReferralStatus.FAILED})

# Forward steps; "niet gelukt" can happen at any open step. Going back is not a
# status change but a new referral.
_ORDER = (
    ReferralStatus.PROPOSED,
    ReferralStatus.REGISTERED,
    ReferralStatus.IN_CONTACT,
    ReferralStatus.STARTED,
    ReferralStatus.COMPLETED,
)


def next_statuses(current: ReferralStatus) -> tuple[ReferralStatus, ...]:
    """Where a referral can go from here (skipping steps is allowed)."""
    if current in CLOSED_STATUSES:
        return ()
    later = _ORDER[_ORDER.index(current) + 1 :]
    return (*later, ReferralStatus.FAILED)


def can_move(current: ReferralStatus, target: ReferralStatus) -> bool:
    return target in next_statuses(current)


REFERRAL_STALE_DAYS = 21
# Product choice: an open referral without an update for three weeks gets a
# reminder on the start page of the person who made it.


def is_stale(status: ReferralStatus, last_update: date, today: date, *, days: int) -> bool:
    return status not in CLOSED_STATUSES and (today - last_update).days >= days


# --- Which offers answer which signal ----------------------------------------

SIGNAL_CATEGORIES = {
    # an overloaded carer, or everything on one person → respite and carer support
    "carer_heavy_hours": (Category.RESPITE, Category.CARER_SUPPORT),
    "carer_intensive_hours": (Category.CARER_SUPPORT,),
    "depends_on_one": (Category.RESPITE, Category.CARER_SUPPORT),
    "burden_high": (Category.RESPITE, Category.CARER_SUPPORT),
    "burden_rising": (Category.CARER_SUPPORT, Category.RESPITE),
    "carer_overload": (Category.RESPITE, Category.CARER_SUPPORT),
    # an isolated client or a small network → buddies and the neighbourhood
    "isolated_client": (Category.BUDDY, Category.NEIGHBOURHOOD),
    "small_network": (Category.BUDDY, Category.NEIGHBOURHOOD),
    # nobody to step in → the volunteer centre
    "no_backup": (Category.VOLUNTEER_CENTRE,),
    "domain_no_backup": (Category.VOLUNTEER_CENTRE,),
    "domain_uncovered": (Category.VOLUNTEER_CENTRE,),
    "unfilled_occurrences": (Category.VOLUNTEER_CENTRE,),
}


def categories_for_signals(codes) -> tuple[Category, ...]:
    """The offer categories that answer these signals, in order, without repeats."""
    seen: list[Category] = []
    for code in codes:
        for category in SIGNAL_CATEGORIES.get(code, ()):
            if category not in seen:
                seen.append(category)
    return tuple(seen)
