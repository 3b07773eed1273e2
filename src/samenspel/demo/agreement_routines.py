"""How each care task usually goes in the demo, and one agreement to save.

Data, kept apart from the planner's choices: a routine gives the frequency,
the weekday options, the time and the minutes of a task, so a planned
agreement only says what differs from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from samenspel.circles.models import Member


@dataclass(frozen=True)
class Routine:
    """How a task usually goes: frequency, weekday options, time, minutes, details."""

    frequency: str
    days: tuple[tuple[int, ...], ...]
    at: time
    minutes: int
    details: str = ""


# fmt: off
ROUTINES: dict[str, Routine] = {
    "Insuline spuiten": Routine("daily", ((),), time(8, 0), 15,
                                "Ochtenddosis volgens het schema van de huisarts."),
    "Injectie geven": Routine("daily", ((),), time(18, 0), 15,
                              "Bloedverdunner, tot de huisarts iets anders zegt."),
    "Wondverzorging": Routine("weekly", ((0, 3), (1, 4)), time(9, 30), 30,
                              "Open been: verband verwisselen en de wond bekijken."),
    "Medicijnen klaarzetten": Routine("weekly", ((0,), (4,)), time(9, 0), 30,
                                      "Weekdoos vullen volgens de lijst van de apotheek."),
    "Wassen en douchen": Routine("weekly", ((1, 4), (0, 3), (0, 2, 4)), time(8, 30), 45,
                                 "Douchen met de douchestoel."),
    "Steunkousen aan- en uittrekken": Routine("daily", ((),), time(8, 0), 15, ""),
    "Aankleden en uitkleden": Routine("daily", ((),), time(7, 45), 30, ""),
    "Maaltijd koken": Routine("weekly", ((0, 2, 4), (1, 3, 5), (0, 3)), time(17, 0), 60,
                              "Warm eten, niet te zout."),
    "Schoonmaken": Routine("weekly", ((4,), (2,), (0,)), time(10, 0), 120,
                           "Keuken, badkamer en stofzuigen."),
    "Was doen": Routine("weekly", ((0,), (3,), (5,)), time(10, 0), 60, ""),
    "Boodschappen doen": Routine("weekly", ((5,), (2,), (4,)), time(10, 0), 60,
                                 "Met het lijstje van het prikbord."),
    "Klusjes in huis en tuin": Routine("biweekly", ((5,), (6,)), time(13, 0), 120, ""),
    "Vervoer naar dokter of ziekenhuis": Routine("once", ((),), time(10, 0), 120,
                                                 "Controle in het ziekenhuis."),
    "Medicijnen ophalen bij de apotheek": Routine("weekly", ((4,), (1,)), time(15, 0), 30, ""),
    "Post en rekeningen": Routine("biweekly", ((6,), (2,)), time(19, 0), 60, ""),
    "Afspraken met instanties regelen": Routine("monthly", ((),), time(11, 0), 60, ""),
    "Op bezoek gaan": Routine("weekly", ((2,), (1,), (6,)), time(14, 0), 90,
                              "Koffie en een praatje."),
    "Samen wandelen": Routine("weekly", ((1,), (3,), (5,)), time(10, 30), 60,
                              "Een rondje door het park, als het weer het toelaat."),
    "Meegaan naar een activiteit": Routine("biweekly", ((3,), (1,)), time(14, 0), 120,
                                           "Naar de soos in het buurthuis."),
    "Dagelijks even bellen": Routine("daily", ((),), time(19, 30), 15, "Vragen hoe het gaat."),
    "Luisterend oor": Routine("monthly", ((),), time(15, 0), 60,
                              "Een gesprek over hoe het met de mantelzorger zelf gaat."),
}
# fmt: on

# Tasks an informal helper picks from, by the domains on their map entry.
BY_DOMAIN: dict[str, tuple[str, ...]] = {
    "household": ("Maaltijd koken", "Schoonmaken", "Was doen"),
    "practical": (
        "Boodschappen doen",
        "Klusjes in huis en tuin",
        "Medicijnen ophalen bij de apotheek",
        "Vervoer naar dokter of ziekenhuis",
    ),
    "administration": ("Post en rekeningen", "Afspraken met instanties regelen"),
    "company": ("Op bezoek gaan", "Samen wandelen", "Dagelijks even bellen"),
    "personal_care": ("Aankleden en uitkleden", "Steunkousen aan- en uittrekken"),
}
CLIENT_DECIDES = frozenset(
    {*BY_DOMAIN["company"], *BY_DOMAIN["administration"], "Meegaan naar een activiteit"}
)
ONE_OFF = frozenset(name for name, r in ROUTINES.items() if r.frequency == "once")
VOLUNTEER_TASKS = ("Op bezoek gaan", "Samen wandelen", "Meegaan naar een activiteit")
NURSE_TASKS = ("Insuline spuiten", "Wondverzorging", "Medicijnen klaarzetten", "Injectie geven")
NOTES = (
    "Afgesproken bij het keukentafelgesprek.",
    "Besproken tijdens het huisbezoek.",
    "Telefonisch afgestemd met de familie.",
    "Samen aan tafel afgesproken.",
    "",
)


@dataclass
class Spec:
    """One agreement to save; offsets are days from today."""

    task: str
    performer: Member | None
    backup: Member | None = None
    responsible: Member | None = None
    authority: Member | None = None
    final: Member | None = None
    frequency: str | None = None
    days: tuple[int, ...] | None = None
    at: time | None = None
    minutes: int | None = None
    start: int = -60
    end: int | None = None
    review: int | None = None
    details: str | None = None
    note: str = ""
