"""The agreements of the two circles the demo log-ins see first, written out.

Greet Bakker's and Riet Peters's circles tell a story (see
`samenspel.demo.agreements`), so their agreements are fixed, not drawn.
"""

from __future__ import annotations

from datetime import time

from samenspel.demo.agreement_cast import CARER, PRO, VOLUNTEER, Cast, Disc
from samenspel.demo.agreement_routines import Spec


def greet_specs(cast: Cast) -> list[Spec]:
    """Henk carries nearly everything; the nurse gives insulin; two tasks wait for someone."""
    henk, marloes = cast.login(CARER), cast.carers[1]
    nurse, officer = cast.nurses[0], cast.login(PRO)
    esther = next(m for m in cast.support if m.discipline == Disc.CARER_OFFICER)
    greet = cast.client
    return [
        Spec(
            "Insuline spuiten",
            nurse,
            None,
            nurse,
            nurse,
            nurse,
            start=-200,
            details="Ochtenddosis. Henk meet 's avonds de suiker en schrijft die op.",
            note="Afgesproken met de huisarts en de wijkverpleging.",
        ),
        Spec(
            "Wassen en douchen",
            nurse,
            None,
            nurse,
            nurse,
            nurse,
            days=(1, 4),
            start=-200,
            review=-4,
            details="Douchen met de douchestoel. Op de andere dagen helpt Henk aan de wastafel.",
            note="De indicatie wordt opnieuw bekeken.",
        ),
        Spec(
            "Maaltijd koken",
            henk,
            None,
            henk,
            henk,
            henk,
            frequency="daily",
            days=(),
            at=time(17, 0),
            minutes=90,
            start=-300,
            details="Warm eten, suikerarm vanwege de diabetes.",
        ),
        Spec(
            "Aankleden en uitkleden",
            henk,
            None,
            henk,
            henk,
            henk,
            at=time(7, 15),
            minutes=45,
            start=-300,
            details="'s Ochtends aankleden; 's avonds helpt Henk bij het uitkleden.",
        ),
        Spec("Schoonmaken", henk, None, henk, henk, henk, days=(4,), start=-300),
        Spec("Was doen", henk, None, henk, henk, henk, days=(0, 3), start=-300),
        Spec(
            "Medicijnen klaarzetten",
            henk,
            None,
            henk,
            nurse,
            nurse,
            days=(6,),
            at=time(18, 0),
            start=-120,
            details="Henk vult de weekdoos. De wijkverpleegkundige beslist over "
            "veranderingen in de medicijnen.",
            note="Henk wil graag meebeslissen als er iets verandert.",
        ),
        Spec(
            "Post en rekeningen",
            marloes,
            henk,
            greet,
            greet,
            greet,
            days=(6,),
            start=-90,
            details="Marloes doet de post op afstand. Henk legt de brieven klaar.",
        ),
        Spec(
            "Boodschappen doen",
            None,
            None,
            henk,
            henk,
            henk,
            days=(3,),
            minutes=75,
            start=-10,
            details="Op donderdag heeft Henk zijn eigen fysiotherapie. Wie kan de "
            "boodschappen doen?",
            note="Henk vraagt of iemand dit kan overnemen.",
        ),
        Spec(
            "Op bezoek gaan",
            None,
            None,
            greet,
            greet,
            greet,
            days=(1,),
            at=time(14, 30),
            start=-10,
            details="Iemand voor koffie en een praatje. Dan kan Henk even naar de biljartclub.",
            note="Het Steunpunt zoekt een vrijwilliger.",
        ),
        Spec(
            "Luisterend oor",
            esther,
            None,
            esther,
            esther,
            esther,
            start=-20,
            details="Een gesprek met Henk over hoe het met hem gaat.",
        ),
        Spec(
            "Afspraken met instanties regelen",
            officer,
            None,
            greet,
            greet,
            greet,
            start=-30,
            review=45,
            details="Sanne helpt met de aanvraag voor dagbesteding en respijtzorg.",
        ),
    ]


def riet_specs(cast: Cast) -> list[Spec]:
    """Home care stops the support stockings and Anouk takes them over."""
    anouk = cast.login(VOLUNTEER)
    friend = next(m for m in cast.carers if m.pk != anouk.pk)
    care = cast.care[0]
    riet = cast.client
    return [
        Spec(
            "Steunkousen aan- en uittrekken",
            care,
            None,
            care,
            care,
            care,
            start=-120,
            end=20,
            details="De indicatie voor hulp bij de steunkousen loopt af.",
        ),
        Spec(
            "Steunkousen aan- en uittrekken",
            anouk,
            None,
            anouk,
            anouk,
            anouk,
            start=21,
            details="Anouk neemt het over als de thuiszorg stopt.",
            note="Anouk weet nog niet of ze dit elke ochtend volhoudt.",
        ),
        Spec("Wassen en douchen", care, None, care, care, care, days=(0, 3), start=-120),
        Spec(
            "Maaltijd koken",
            anouk,
            friend,
            anouk,
            anouk,
            anouk,
            days=(1, 3, 6),
            at=time(17, 30),
            start=-100,
        ),
        Spec("Boodschappen doen", anouk, friend, anouk, anouk, anouk, days=(5,), start=-100),
        Spec("Schoonmaken", anouk, None, anouk, anouk, anouk, days=(4,), minutes=90),
        Spec(
            "Post en rekeningen",
            friend,
            anouk,
            riet,
            riet,
            riet,
            days=(2,),
            start=-60,
            review=30,
        ),
        Spec(
            "Op bezoek gaan",
            None,
            None,
            riet,
            riet,
            riet,
            days=(6,),
            at=time(14, 30),
            start=-14,
            details="Op zondag is Anouk bij haar eigen gezin. Wie gaat bij Riet langs?",
        ),
    ]
