"""WIFA follow-up of volunteers (seed 003): Waarderen, Informeren, Faciliteren,
Afstemmen. Plain Python: the aspects and kinds of entries, when contact or
appreciation has lapsed (reminders), and the figures per organisation.

Volunteers stay when they feel seen, informed and supported (seed 001 §4.3);
contact and appreciation are the first things to slip when time is short
(seed 000). The coordinator logs what happened; these rules say what is due.
Texts are Dutch msgids (B1) with ``{name}``-style params, translated by callers.

This module is the one door: import from here. The code lives in `wifa_kinds`
(aspects, kinds, facilities), `wifa_state` (the log reduced per volunteer),
`wifa_reminders` (thresholds and lapses) and `wifa_overview` (the figures).
"""

from __future__ import annotations

from samenspel.domain.wifa_kinds import (
    AFSTEMMEN,
    ASPECT_IDS,
    ASPECTS,
    BASIC_FACILITIES,
    EQUIPMENT,
    EXPENSES,
    FACILITEREN,
    FACILITIES,
    INFORMEREN,
    INSURANCE,
    KIND_IDS,
    KINDS,
    THANK_YOU,
    TRAINING,
    WAARDEREN,
    Aspect,
    EntryKind,
    agreement_facilities,
    aspect,
    kind,
    kinds_of,
)
from samenspel.domain.wifa_overview import AspectFigures, contact_figures, overview
from samenspel.domain.wifa_reminders import (
    APPRECIATION_LAPSE_MONTHS,
    CONTACT_LAPSE_WEEKS,
    DUTCH_MONTHS,
    FACILITIES_GRACE_DAYS,
    INFORMATION_LAPSE_MONTHS,
    PAIR_AFSTEMMING_LAPSE_WEEKS,
    URGENT_FACTOR,
    Reminder,
    RenderedReminder,
    add_months,
    dutch_date,
    reminders,
    reminders_for,
    sort_by_urgency,
    urgency_key,
)
from samenspel.domain.wifa_state import (
    EntryFact,
    PairFact,
    PairState,
    VolunteerFacts,
    VolunteerState,
    state,
)

# Its name from when it lived here; the tests still call it so.
_add_months = add_months

__all__ = [
    "AFSTEMMEN",
    "APPRECIATION_LAPSE_MONTHS",
    "ASPECTS",
    "ASPECT_IDS",
    "BASIC_FACILITIES",
    "CONTACT_LAPSE_WEEKS",
    "DUTCH_MONTHS",
    "EQUIPMENT",
    "EXPENSES",
    "FACILITEREN",
    "FACILITIES",
    "FACILITIES_GRACE_DAYS",
    "INFORMATION_LAPSE_MONTHS",
    "INFORMEREN",
    "INSURANCE",
    "KINDS",
    "KIND_IDS",
    "PAIR_AFSTEMMING_LAPSE_WEEKS",
    "THANK_YOU",
    "TRAINING",
    "URGENT_FACTOR",
    "WAARDEREN",
    "Aspect",
    "AspectFigures",
    "EntryFact",
    "EntryKind",
    "PairFact",
    "PairState",
    "Reminder",
    "RenderedReminder",
    "VolunteerFacts",
    "VolunteerState",
    "add_months",
    "agreement_facilities",
    "aspect",
    "contact_figures",
    "dutch_date",
    "kind",
    "kinds_of",
    "overview",
    "reminders",
    "reminders_for",
    "sort_by_urgency",
    "state",
    "urgency_key",
]
