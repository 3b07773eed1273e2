"""The vocabulary of volunteer work: skills, motives, languages, preferences,
training, the weekly availability grid, and the VOG and supervision rules.

Codes are stable English identifiers stored in the database and used by
`domain.matching`; the Dutch labels live next to them (seed 001 §4.3, §4.6).
"""

from __future__ import annotations

from datetime import date

from samenspel.domain.i18n import gettext_noop as _

SKILL_LABELS = {
    "company": _("Gezelschap en een praatje"),
    "walking": _("Wandelen of een uitje"),
    "transport": _("Vervoer (rijden of begeleiden)"),
    "shopping": _("Boodschappen doen"),
    "cooking": _("Koken of samen eten"),
    "odd_jobs": _("Klusjes in huis"),
    "gardening": _("Tuin"),
    "admin": _("Post en papieren"),
    "digital": _("Computer, tablet en telefoon"),
    "reading": _("Voorlezen"),
    "respite": _("Even oppassen, zodat de mantelzorger vrij is"),
    "personal_care": _("Hulp bij wassen en aankleden (met training)"),
}

MOTIVE_LABELS = {
    "social_contact": _("Mensen ontmoeten"),
    "meaningful": _("Iets betekenen voor een ander"),
    "learn": _("Iets leren"),
    "work_experience": _("Werkervaring opdoen"),
    "give_back": _("Iets terugdoen"),
    "neighbourhood": _("Mijn buurt helpen"),
    "faith": _("Vanuit mijn geloof"),
    "structure": _("Ritme en structuur in de week"),
}

LANGUAGE_LABELS = {
    "nl": _("Nederlands"),
    "en": _("Engels"),
    "tr": _("Turks"),
    "ar": _("Arabisch"),
    "ber": _("Berbers"),
    "pl": _("Pools"),
    "pap": _("Papiaments"),
    "srn": _("Sranantongo"),
    "de": _("Duits"),
    "fry": _("Fries"),
}

PREFERENCE_LABELS = {
    "older_people": _("Werkt graag met ouderen"),
    "young_people": _("Werkt graag met jongeren"),
    "dementia": _("Kan omgaan met dementie"),
    "no_pets": _("Liever geen huisdieren"),
    "no_smoking": _("Liever niet waar gerookt wordt"),
    "women_only": _("Alleen een vrouw"),
    "men_only": _("Alleen een man"),
}

TRAINING_LABELS = {
    "intro": _("Introductie vrijwilligerswerk"),
    "dementia": _("Omgaan met dementie"),
    "first_aid": _("EHBO"),
    "personal_care": _("Persoonlijke verzorging"),
    "signals": _("Signalen herkennen"),
    "privacy": _("Privacy en geheimhouding"),
}

DAY_LABELS = {
    0: _("maandag"),
    1: _("dinsdag"),
    2: _("woensdag"),
    3: _("donderdag"),
    4: _("vrijdag"),
    5: _("zaterdag"),
    6: _("zondag"),
}

PART_LABELS = {
    "morning": _("ochtend"),
    "afternoon": _("middag"),
    "evening": _("avond"),
}

ALL_SLOTS = tuple(f"{day}-{part}" for day in DAY_LABELS for part in PART_LABELS)

# Kinds that need a named supervisor outside the organisation (seed 001 §4.6).
KINDS_NEEDING_SUPERVISOR = frozenset({"reintegration", "school_internship", "employer"})

# Product choice: many volunteer organisations ask for a new VOG after three
# years; a VOG must also be "valid" in status, not only requested.
VOG_VALID_YEARS = 3

# Product choice: motives shift (seed 001 §4.3): ask again once a year.
MOTIVES_ASK_AGAIN_DAYS = 365


def split_slot(slot: str) -> tuple[int, str]:
    """'2-evening' → (2, 'evening'); ValueError for anything else."""
    day, _sep, part = slot.partition("-")
    if not day.isdigit() or int(day) not in DAY_LABELS or part not in PART_LABELS:
        raise ValueError(slot)
    return int(day), part


def vog_is_valid(status: str, vog_date: date | None, today: date) -> bool:
    if status != "valid" or vog_date is None:
        return False
    try:
        expires = vog_date.replace(year=vog_date.year + VOG_VALID_YEARS)
    except ValueError:  # 29 February
        expires = vog_date.replace(year=vog_date.year + VOG_VALID_YEARS, day=28)
    return today < expires


def motives_due(asked_on: date | None, today: date) -> bool:
    """Time to ask the volunteer again why they do this work."""
    return asked_on is None or (today - asked_on).days >= MOTIVES_ASK_AGAIN_DAYS


def needs_supervisor(kind: str) -> bool:
    return kind in KINDS_NEEDING_SUPERVISOR
