"""The four WIFA aspects and what a coordinator can log under each.

Kinds are fixed here, not in the database, because the rules depend on them:
only one-to-one moments count as contact, some kinds put a facility in place,
an overleg needs a professional.
"""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.domain.i18n import gettext_noop as _

WAARDEREN = "waarderen"
INFORMEREN = "informeren"
FACILITEREN = "faciliteren"
AFSTEMMEN = "afstemmen"


@dataclass(frozen=True)
class Aspect:
    id: str
    label: str
    explanation: str


ASPECTS: tuple[Aspect, ...] = (
    Aspect(
        WAARDEREN,
        _("Waarderen"),
        _("Laat merken dat u blij bent met de vrijwilliger: een bedankje, een kaartje, een avond."),
    ),
    Aspect(
        INFORMEREN,
        _("Informeren"),
        _("Vertel wat de vrijwilliger moet weten: over de cliënt, de taken en de organisatie."),
    ),
    Aspect(
        FACILITEREN,
        _("Faciliteren"),
        _(
            "Zorg dat de vrijwilliger het werk goed kan doen: onkosten, verzekering, "
            "training en spullen."
        ),
    ),
    Aspect(
        AFSTEMMEN,
        _("Afstemmen"),
        _("Praat samen af wat er gebeurt: de vrijwilliger, de professional en u."),
    ),
)
ASPECT_IDS: tuple[str, ...] = tuple(a.id for a in ASPECTS)

# Facilities a volunteer should have in place (seed 002, layer "samenwerken").
EXPENSES = "expenses"
INSURANCE = "insurance"
TRAINING = "training"
EQUIPMENT = "equipment"
FACILITIES: tuple[tuple[str, str], ...] = (
    (EXPENSES, _("Onkostenvergoeding")),
    (INSURANCE, _("Verzekering")),
    (TRAINING, _("Training of cursus")),
    (EQUIPMENT, _("Materiaal")),
)
# Without these two a volunteer pays out of pocket or is not covered.
BASIC_FACILITIES = frozenset({EXPENSES, INSURANCE})


def agreement_facilities(*, insured: bool, expenses: str) -> frozenset[str]:
    """What the volunteer agreement (vrijwilligersovereenkomst) arranges: insured
    through the organisation, and an expenses arrangement written down. The
    coordinator should not have to log again what the agreement already says."""
    found = set()
    if insured:
        found.add(INSURANCE)
    if expenses.strip():
        found.add(EXPENSES)
    return frozenset(found)


@dataclass(frozen=True)
class EntryKind:
    id: str
    aspect: str
    label: str
    # Product choice: only one-to-one moments count as contact with the
    # volunteer. A newsletter, a card, a group evening or paperwork do not.
    personal_contact: bool = False
    facility: str | None = None
    needs_professional: bool = False


KINDS: tuple[EntryKind, ...] = (
    EntryKind("bedankje", WAARDEREN, _("Persoonlijk bedankje"), personal_contact=True),
    EntryKind("kaartje", WAARDEREN, _("Kaartje of bloemetje")),
    EntryKind("uitje", WAARDEREN, _("Vrijwilligersavond of uitje")),
    EntryKind("compliment", WAARDEREN, _("Compliment doorgegeven"), personal_contact=True),
    EntryKind("info_client", INFORMEREN, _("Informatie over de cliënt"), personal_contact=True),
    EntryKind("info_taken", INFORMEREN, _("Informatie over de taken"), personal_contact=True),
    EntryKind(
        "info_organisatie", INFORMEREN, _("Informatie over de organisatie"), personal_contact=True
    ),
    EntryKind("nieuwsbrief", INFORMEREN, _("Nieuwsbrief")),
    EntryKind("onkosten", FACILITEREN, _("Onkostenvergoeding geregeld"), facility=EXPENSES),
    EntryKind("verzekering", FACILITEREN, _("Verzekering geregeld"), facility=INSURANCE),
    EntryKind("training", FACILITEREN, _("Training of cursus"), facility=TRAINING),
    EntryKind("materiaal", FACILITEREN, _("Materiaal gegeven"), facility=EQUIPMENT),
    EntryKind("begeleiding", FACILITEREN, _("Begeleiding"), personal_contact=True),
    EntryKind("gesprek", AFSTEMMEN, _("Gesprek met de vrijwilliger"), personal_contact=True),
    EntryKind(
        "overleg",
        AFSTEMMEN,
        _("Overleg vrijwilliger en professional"),
        personal_contact=True,
        needs_professional=True,
    ),
    EntryKind("evaluatie", AFSTEMMEN, _("Evaluatie"), personal_contact=True),
)
KIND_IDS: tuple[str, ...] = tuple(k.id for k in KINDS)
KINDS_BY_ID = {k.id: k for k in KINDS}
THANK_YOU = "bedankje"


def kind(kind_id: str) -> EntryKind:
    return KINDS_BY_ID[kind_id]


def aspect(aspect_id: str) -> Aspect:
    for a in ASPECTS:
        if a.id == aspect_id:
            return a
    raise KeyError(aspect_id)


def kinds_of(aspect_id: str) -> tuple[EntryKind, ...]:
    return tuple(k for k in KINDS if k.aspect == aspect_id)
