"""Collaboration profiles: how someone looks at working together around a client.

Seed 004 names five perspectives (verbinder, kenner, luisteraar, rebel,
prater). The descriptions, the fifteen statements, the grating pairs and the
conversation cards below are our own words, so that people can recognise
themselves and get curious about how the others look at the same work.
No Django here: the Django layer translates the marked strings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from samenspel.domain.i18n import gettext_noop as _


class ProfileError(ValueError):
    """Answers that cannot be scored; `missing` lists the unanswered statements."""

    def __init__(self, message: str, missing: tuple[str, ...] = ()):
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    focus: str  # what matters most to them
    needs: str  # what they need from the others


PROFILES: tuple[Profile, ...] = (
    Profile(
        "verbinder",
        _("Verbinder"),
        _(
            "U let vooral op hoe het samenwerken gaat. U investeert in de band met de "
            "anderen: u geeft een compliment, helpt een ander en houdt rekening met "
            "elkaar. Vertrouwen groeit voor u door eerlijke, warme gesprekken en door "
            "te doen wat je hebt afgesproken."
        ),
        _(
            "U hebt nodig dat anderen hun afspraken nakomen en dat er ruimte is voor "
            "een persoonlijk gesprek, ook als het druk is."
        ),
    ),
    Profile(
        "kenner",
        _("Kenner"),
        _(
            "Voor u staat het belang van de cliënt voorop. U vindt de kennis en ervaring "
            "van zorgverleners heel belangrijk. U wilt graag dat iedereen zegt wat hij "
            "verwacht en dat duidelijk is wie wat doet."
        ),
        _(
            "U hebt duidelijke afspraken nodig over taken, en uitleg van de mensen die "
            "er verstand van hebben."
        ),
    ),
    Profile(
        "luisteraar",
        _("Luisteraar"),
        _(
            "U kijkt naar de hele persoon, niet alleen naar de zorg. U vindt het "
            "belangrijk om het levensverhaal van de cliënt te kennen. U wilt open en "
            "eerlijk praten, elkaar begrijpen en elkaar vertrouwen."
        ),
        _(
            "U hebt nodig dat zorgverleners laten merken dat ze meeleven, met de cliënt "
            "en met de mensen die voor hem of haar zorgen."
        ),
    ),
    Profile(
        "rebel",
        _("Rebel"),
        _(
            "Voor u gaat het belang van de cliënt boven de regels. Als een regel niet "
            "past, mag een zorgverlener daar volgens u van afwijken. U wilt dat iedereen "
            "van elkaar leert: de cliënt van de zorgverlener, en andersom."
        ),
        _(
            "U hebt ruimte nodig om dingen anders te doen, en mensen die samen met u "
            "zoeken naar wat echt werkt."
        ),
    ),
    Profile(
        "prater",
        _("Prater"),
        _(
            "U wilt dat de zorg past bij wat de cliënt én de mantelzorger nodig hebben. "
            "Daarom overlegt u graag en maakt u samen afspraken over wat goede zorg is. "
            "De kennis van de cliënt, de mantelzorger en de zorgverlener tellen voor u "
            "allemaal mee."
        ),
        _(
            "U hebt nodig dat er tijd is om samen te overleggen, en dat uw mening en die "
            "van de anderen serieus worden genomen."
        ),
    ),
)
PROFILE_IDS: tuple[str, ...] = tuple(p.id for p in PROFILES)
PROFILE_BY_ID: dict[str, Profile] = {p.id: p for p in PROFILES}


@dataclass(frozen=True)
class Statement:
    id: str
    profile: str
    text: str


# Three statements per profile, mixed so that the profiles are not obvious.
STATEMENTS: tuple[Statement, ...] = (
    Statement("s01", "verbinder", _("Ik zeg het tegen een ander als die iets goed doet.")),
    Statement("s02", "kenner", _("Ik vind dat de cliënt altijd op de eerste plaats komt.")),
    Statement("s03", "luisteraar", _("Ik wil weten wat voor leven de cliënt heeft gehad.")),
    Statement("s04", "rebel", _("Een regel die niet helpt, mag je soms opzij zetten.")),
    Statement("s05", "prater", _("Ik overleg liever te veel dan te weinig.")),
    Statement(
        "s06",
        "verbinder",
        _("Als ik iets heb afgesproken, doe ik dat ook, en dat verwacht ik van anderen."),
    ),
    Statement(
        "s07", "kenner", _("Ik luister graag naar wat een zorgverlener vanuit zijn vak weet.")
    ),
    Statement(
        "s08",
        "luisteraar",
        _("Ik vind het belangrijk dat een zorgverlener laat zien dat hij meeleeft."),
    ),
    Statement("s09", "rebel", _("Ik leer graag van anderen, en zij mogen ook van mij leren.")),
    Statement(
        "s10",
        "prater",
        _("Wat de mantelzorger nodig heeft, is net zo belangrijk als wat de cliënt nodig heeft."),
    ),
    Statement("s11", "verbinder", _("Ik neem tijd om de anderen rond de cliënt te leren kennen.")),
    Statement("s12", "kenner", _("Ik wil precies weten wie welke taak doet.")),
    Statement("s13", "luisteraar", _("In een gesprek is eerlijkheid voor mij het belangrijkste.")),
    Statement(
        "s14",
        "rebel",
        _("Ik zeg het als ik denk dat het anders en beter kan, ook tegen een expert."),
    ),
    Statement(
        "s15",
        "prater",
        _("Goede zorg bepalen we samen: cliënt, mantelzorger en zorgverlener."),
    ),
)
STATEMENT_IDS: tuple[str, ...] = tuple(s.id for s in STATEMENTS)

# Five-point scale: 1 "helemaal niet" … 5 "helemaal wel".
SCALE: tuple[tuple[int, str], ...] = (
    (1, _("Helemaal niet")),
    (2, _("Niet echt")),
    (3, _("Een beetje")),
    (4, _("Wel")),
    (5, _("Helemaal wel")),
)
SCALE_VALUES = frozenset(value for value, _label in SCALE)


def missing(answers: Mapping[str, object]) -> tuple[str, ...]:
    """The statements without a valid answer, in the order they are asked."""
    return tuple(s for s in STATEMENT_IDS if _value(answers.get(s)) is None)


def _value(raw) -> int | None:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    return value if value in SCALE_VALUES else None


def clean(answers: Mapping[str, object]) -> dict[str, int]:
    """Only known statements with a valid value; the rest is dropped."""
    cleaned = {}
    for sid in STATEMENT_IDS:
        value = _value(answers.get(sid))
        if value is not None:
            cleaned[sid] = value
    return cleaned


def score(answers: Mapping[str, object]) -> dict[str, float]:
    """Mean answer (1–5) per profile; every statement must be answered."""
    gaps = missing(answers)
    if gaps:
        raise ProfileError("Not every statement is answered.", gaps)
    totals = {pid: [] for pid in PROFILE_IDS}
    for statement in STATEMENTS:
        totals[statement.profile].append(_value(answers[statement.id]))
    return {pid: round(sum(values) / len(values), 2) for pid, values in totals.items()}


def best_fit(scores: Mapping[str, float]) -> tuple[str, ...]:
    """The profile(s) with the highest mean; a tie returns all tied profiles,
    because we would rather show two that fit than pick one at random."""
    if not scores:
        return ()
    top = max(scores.values())
    return tuple(pid for pid in PROFILE_IDS if pid in scores and scores[pid] == top)


@dataclass(frozen=True)
class GratingPair:
    first: str
    second: str
    reason: str


# Product choice (our own reading of seed 004, not a finding from it): these
# pairs look at the same situation from opposite sides, so they may rub.
_GRATING: tuple[GratingPair, ...] = (
    GratingPair(
        "kenner",
        "rebel",
        _(
            "De kenner houdt van duidelijke afspraken en vakkennis. De rebel wil soms "
            "van de regels afwijken. Praat over wanneer een afspraak vast staat en "
            "wanneer er ruimte is."
        ),
    ),
    GratingPair(
        "kenner",
        "luisteraar",
        _(
            "De kenner kijkt vooral naar taken en kennis. De luisteraar kijkt naar de "
            "mens en zijn verhaal. Vraag elkaar wat u allebei over de cliënt weet."
        ),
    ),
    GratingPair(
        "verbinder",
        "rebel",
        _(
            "De verbinder vindt vertrouwen en afspraken nakomen belangrijk. Als de rebel "
            "iets anders doet dan afgesproken, voelt dat voor de verbinder onveilig. "
            "Zeg het vooraf als u iets anders wilt doen."
        ),
    ),
    GratingPair(
        "prater",
        "rebel",
        _(
            "De prater wil alles eerst samen bespreken. De rebel wil soms snel zelf iets "
            "regelen. Spreek af wat u zelf mag beslissen en wat u eerst overlegt."
        ),
    ),
    GratingPair(
        "kenner",
        "prater",
        _(
            "De kenner vertrouwt vooral op de kennis van de zorgverlener. De prater vindt "
            "dat de kennis van iedereen telt. Vraag ook de cliënt en de mantelzorger wat "
            "zij weten."
        ),
    ),
)


def grating_pairs(profiles_present: Iterable[str]) -> tuple[GratingPair, ...]:
    """The pairs that may rub among the profiles in a circle (both must be present)."""
    present = set(profiles_present)
    return tuple(p for p in _GRATING if p.first in present and p.second in present)


def all_pairs() -> tuple[GratingPair, ...]:
    return _GRATING


@dataclass(frozen=True)
class Card:
    question: str
    hint: str


# A perspectiefwissel: built on the questions of seed 004, in our own words.
CONVERSATION_CARDS: tuple[Card, ...] = (
    Card(
        _("Waarom werken wij samen rond deze cliënt?"),
        _("Wat zou er missen als één van ons er niet was?"),
    ),
    Card(
        _("Wat vindt u moeilijk aan het samenwerken?"),
        _("Denk aan een moment dat het stroef ging. Wat gebeurde er?"),
    ),
    Card(
        _("Welk profiel past bij u, en welk bij de ander?"),
        _("Vraag de ander wat hem of haar het meest raakt in de zorg."),
    ),
    Card(
        _("Wat verwacht u van de ander?"),
        _("En wat denkt u dat de ander van u verwacht? Klopt dat?"),
    ),
    Card(
        _("Welke rol hebt u in de zorg, en past die nog bij u?"),
        _("Bent u vooral partner, helper, familie of deskundige?"),
    ),
    Card(
        _("Wat gaat goed en willen we zo houden?"),
        _("Noem één ding dat u de ander wilt zeggen als dank."),
    ),
    Card(
        _("Wat is er nodig om het beter te maken?"),
        _("Kies samen één kleine stap voor de komende weken."),
    ),
)


@dataclass(frozen=True)
class Mnemonic:
    letters: str
    meaning: str
    explanation: str


# Conversation aids (seed 003); the explanations are our own.
MNEMONICS: tuple[Mnemonic, ...] = (
    Mnemonic(
        "LSD",
        _("Luisteren, samenvatten, doorvragen"),
        _("Laat de ander uitpraten. Zeg in uw eigen woorden wat u hoorde. Vraag dan verder."),
    ),
    Mnemonic(
        "NIVEA",
        _("Niet invullen voor een ander"),
        _("Denk niet dat u al weet wat de ander bedoelt of wil. Vraag het."),
    ),
    Mnemonic(
        "OMA",
        _("Oordeel, mening en advies even thuislaten"),
        _("Luister eerst zonder meteen te zeggen wat u ervan vindt of wat de ander moet doen."),
    ),
    Mnemonic(
        "ANNA",
        _("Altijd navragen, nooit aannemen"),
        _("Twijfelt u wat de ander bedoelt? Check het even, dan voorkomt u misverstanden."),
    ),
    Mnemonic(
        "DIK",
        _("Denk in kwaliteiten"),
        _("Kijk naar waar de ander goed in is, niet alleen naar wat niet lukt."),
    ),
    Mnemonic(
        "OEN",
        _("Open, eerlijk en nieuwsgierig"),
        _("Zeg wat u denkt, op een vriendelijke manier, en wees benieuwd naar de ander."),
    ),
)
