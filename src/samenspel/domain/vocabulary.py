"""The shared vocabulary of a care circle (zorgnetwerk).

Values are stable English identifiers stored in the database; the Dutch labels
live next to them so that Django choices and plain-Python reports agree.
Labels are marked for translation with ``gettext_noop``.
"""

from enum import StrEnum

from samenspel.domain.i18n import gettext_noop as _


class MemberKind(StrEnum):
    CLIENT = "client"
    CARER = "carer"  # mantelzorger: a prior personal relationship (001 §2.2)
    VOLUNTEER = "volunteer"  # organised, unpaid, no prior relationship (003)
    PROFESSIONAL = "professional"


MEMBER_KIND_LABELS = {
    MemberKind.CLIENT: _("Cliënt"),
    MemberKind.CARER: _("Mantelzorger"),
    MemberKind.VOLUNTEER: _("Vrijwilliger"),
    MemberKind.PROFESSIONAL: _("Professional"),
}

INFORMAL_KINDS = frozenset({MemberKind.CARER, MemberKind.VOLUNTEER})
FORMAL_KINDS = frozenset({MemberKind.PROFESSIONAL})


class Relation(StrEnum):
    PARTNER = "partner"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    OTHER_FAMILY = "other_family"
    FRIEND = "friend"
    NEIGHBOUR = "neighbour"


RELATION_LABELS = {
    Relation.PARTNER: _("Partner"),
    Relation.CHILD: _("Kind"),
    Relation.PARENT: _("Ouder"),
    Relation.SIBLING: _("Broer of zus"),
    Relation.OTHER_FAMILY: _("Andere familie"),
    Relation.FRIEND: _("Vriend of vriendin"),
    Relation.NEIGHBOUR: _("Buur"),
}


class CareDomain(StrEnum):
    HOUSEHOLD = "household"
    PERSONAL_CARE = "personal_care"
    NURSING = "nursing"
    PRACTICAL = "practical"  # practical help and transport
    ADMINISTRATION = "administration"
    COMPANY = "company"  # company and emotional support
    OTHER = "other"


CARE_DOMAIN_LABELS = {
    CareDomain.HOUSEHOLD: _("Huishouden"),
    CareDomain.PERSONAL_CARE: _("Persoonlijke verzorging"),
    CareDomain.NURSING: _("Verpleging"),
    CareDomain.PRACTICAL: _("Praktische hulp en vervoer"),
    CareDomain.ADMINISTRATION: _("Administratie en geldzaken"),
    CareDomain.COMPANY: _("Gezelschap en steun"),
    CareDomain.OTHER: _("Anders"),
}


class ContactFrequency(StrEnum):
    DAILY = "daily"
    SEVERAL_WEEKLY = "several_weekly"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    LESS = "less"


CONTACT_FREQUENCY_LABELS = {
    ContactFrequency.DAILY: _("Elke dag"),
    ContactFrequency.SEVERAL_WEEKLY: _("Een paar keer per week"),
    ContactFrequency.WEEKLY: _("Eén keer per week"),
    ContactFrequency.MONTHLY: _("Eén keer per maand"),
    ContactFrequency.LESS: _("Minder dan één keer per maand"),
}


class SofaRole(StrEnum):
    """Roles a mantelzorger can hold in the SOFA model (seed 003)."""

    PARTNER = "partner"  # partner / colleague in care
    HELP_SEEKER = "help_seeker"  # needs support themselves
    NEXT_OF_KIN = "next_of_kin"  # naaste: the personal relationship
    EXPERT = "expert"  # knows the client best


class Stance(StrEnum):
    """What each SOFA role asks of the professional."""

    COLLABORATE = "collaborate"  # samenwerken
    SUPPORT = "support"  # ondersteunen
    FACILITATE = "facilitate"  # faciliteren
    ATTUNE = "attune"  # afstemmen


SOFA_STANCE = {
    SofaRole.PARTNER: Stance.COLLABORATE,
    SofaRole.HELP_SEEKER: Stance.SUPPORT,
    SofaRole.NEXT_OF_KIN: Stance.FACILITATE,
    SofaRole.EXPERT: Stance.ATTUNE,
}

SOFA_ROLE_LABELS = {
    SofaRole.PARTNER: _("Partner in de zorg"),
    SofaRole.HELP_SEEKER: _("Heeft zelf steun nodig"),
    SofaRole.NEXT_OF_KIN: _("Naaste"),
    SofaRole.EXPERT: _("Kent de cliënt het best"),
}

STANCE_LABELS = {
    Stance.COLLABORATE: _("Samenwerken"),
    Stance.SUPPORT: _("Ondersteunen"),
    Stance.FACILITATE: _("Faciliteren"),
    Stance.ATTUNE: _("Afstemmen"),
}

STANCE_HINTS = {
    Stance.COLLABORATE: _("Maak samen afspraken, als gelijke partners."),
    Stance.SUPPORT: _("Vraag hoe het met de mantelzorger zelf gaat en bied steun."),
    Stance.FACILITATE: _("Maak het makkelijker om de relatie goed te houden."),
    Stance.ATTUNE: _("Vraag om hun kennis van de cliënt en stem daarop af."),
}


class AccessLevel(StrEnum):
    """What the client allows one member to see (client keeps regie)."""

    FULL = "full"  # everything in the circle
    AGENDA = "agenda"  # who is there, the agenda and their own tasks
    MAP_ONLY = "map_only"  # only shown on the map; cannot open the circle


ACCESS_LEVEL_LABELS = {
    AccessLevel.FULL: _("Alles"),
    AccessLevel.AGENDA: _("Alleen agenda en eigen taken"),
    AccessLevel.MAP_ONLY: _("Alleen op de kaart, geen toegang"),
}


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITY_LABELS = {
    Severity.HIGH: _("Hoog"),
    Severity.MEDIUM: _("Let op"),
    Severity.LOW: _("Ter info"),
}

SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
