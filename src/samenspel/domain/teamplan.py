"""Team session to werkplan: the four spearheads, the three layers of change and
action statuses. Plain Python so the wording and the overdue rule are testable
without a database. Texts are Dutch msgids (B1) marked for translation by callers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


def _(text: str) -> str:
    """Marker only: callers translate with gettext; keeps this module Django-free."""
    return text


@dataclass(frozen=True)
class Spearhead:
    id: str
    label: str
    explanation: str
    questions: tuple[str, ...]


SPEARHEADS: tuple[Spearhead, ...] = (
    Spearhead(
        "kennis_visie",
        _("Kennis en visie"),
        _("Wat weten we over mantelzorg en vrijwilligers, en hoe kijken we er samen naar?"),
        (
            _("Weten we wie in onze wijk voor een ander zorgt?"),
            _("Hebben we samen een duidelijk beeld van waarom samenwerken met hen belangrijk is?"),
            _("Wat willen we nog leren?"),
        ),
    ),
    Spearhead(
        "rol_professional",
        _("Rol als professional"),
        _("Hoe werken we zelf samen met mantelzorgers en vrijwilligers, en wat is onze rol?"),
        (
            _("Gaan we zelf op mensen af, of wachten we tot ze bij ons komen?"),
            _("Praten we in het team over lastige situaties en leren we daarvan?"),
            _("Kennen we de organisaties en plekken in de wijk die kunnen helpen?"),
        ),
    ),
    Spearhead(
        "instrumenten",
        _("Instrumenten / aan de slag"),
        _("Welke hulpmiddelen gebruiken we in het dagelijks werk?"),
        (
            _("Hoe brengen we het netwerk rond iemand in kaart en maken we het sterker?"),
            _("Hoe letten we op de balans tussen wat iemand draagt en wat iemand aankan?"),
            _("Weten we wat we wel en niet aan een vrijwilliger kunnen vragen?"),
        ),
    ),
    Spearhead(
        "omgeving_context",
        _("Omgeving en context"),
        _("Wat in onze organisatie en in de wijk helpt of remt de samenwerking?"),
        (
            _("Krijgen we tijd en ruimte om met mantelzorgers en vrijwilligers te praten?"),
            _("Met wie in de wijk werken we samen, bijvoorbeeld het steunpunt mantelzorg?"),
        ),
    ),
)

SPEARHEAD_IDS: tuple[str, ...] = tuple(s.id for s in SPEARHEADS)


def spearhead(spearhead_id: str) -> Spearhead:
    for s in SPEARHEADS:
        if s.id == spearhead_id:
            return s
    raise KeyError(spearhead_id)


# The three layers of change (seed 002): the deeper, the more emotion.
LAYERS: tuple[tuple[str, str], ...] = (
    ("samenwerken", _("Samenwerken (praktische en wettelijke zaken)")),
    ("samenspel", _("Samenspel (verantwoordelijkheid, grenzen, omgang)")),
    ("verandering", _("Omgaan met verandering (wat betekent dit voor mij?)")),
)
LAYER_IDS: tuple[str, ...] = tuple(k for k, _label in LAYERS)

OPEN, BUSY, DONE = "open", "bezig", "klaar"
STATUSES: tuple[tuple[str, str], ...] = (
    (OPEN, _("Open")),
    (BUSY, _("Bezig")),
    (DONE, _("Klaar")),
)
STATUS_IDS: tuple[str, ...] = tuple(k for k, _label in STATUSES)

MAX_ACTIONS_PER_SPEARHEAD = 3
MAX_ACTION_TEXT = 300


def overdue(due: dt.date | None, status: str, today: dt.date) -> bool:
    """An action is overdue when its date has passed and it is not done yet."""
    return due is not None and status != DONE and due < today
