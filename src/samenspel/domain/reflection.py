"""Equality reflection: how each party sees the collaboration (seed 000).

The seed's central finding is that perceptions diverge: professionals think
mantelzorgers and volunteers hold the power, and they think the professionals
do. So every party answers the same statements for themselves, and we put the
parties' means side by side per dimension and point out where they differ.

Plain Python: the privacy rule (a party's figures only from three answers on)
and the divergence rule are tested without a database. The input is one
(party, dimension scores) pair per submitted response, the scores being
``domain.instruments.score(...).subscale_scores`` (1..5, higher = more equal).

Product choices (not from a publication):

* ``MIN_RESPONDENTS = 3``: with fewer answers in a party, someone could work out
  what one person answered (a party is often one or two people: the client and
  a representative). Same number as the team thermometer.
* ``MIN_RESPONDENTS_FOR_SPREAD = 5``: a party's spread in numbers (lowest and
  highest score, standard deviation) only from five answers on. With three,
  someone who knows their own answer could work out the other two from mean
  and spread (with the range it is trivial). With three or four the page
  shows only a coarse word ("veel verschil" / "weinig verschil"): where
  people disagree matters as much as the score. Same as the thermometer.
* ``DISAGREEMENT_SD = 1.0``: a spread of one whole point or more within a party
  counts as "veel verschil". Same as the thermometer.
* ``DIVERGENCE_THRESHOLD = 1.0``: one whole point on the 1..5 scale between the
  highest and lowest party mean is a difference worth talking about.
* ``DECIMALS = 1``: every figure is rounded to the one decimal people see, here
  and not only in the template, so no more precision leaves this module and a
  difference shown as "1,0" is always a large one.
* Who belongs to which party, when someone has several roles: the most formal
  role wins (professional, then volunteer, then mantelzorger, then the client
  side). A nurse who also cares for her mother answers as a professional in the
  team round; in a circle round everyone has exactly one role.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from samenspel.domain.access import Relationship
from samenspel.domain.i18n import gettext_noop as _

# The privacy and spread rules are the thermometer's; DECIMALS is re-exported
# because this module's docstring and callers name it here.
from samenspel.domain.thermometer import DECIMALS as DECIMALS
from samenspel.domain.thermometer import (
    DISAGREEMENT_SD,
    MIN_RESPONDENTS,
    MIN_RESPONDENTS_FOR_SPREAD,
    population_sd,
    shown,
)
from samenspel.domain.vocabulary import MemberKind

DIVERGENCE_THRESHOLD = 1.0  # product choice, see module docstring


class Party(StrEnum):
    CLIENT_SIDE = "client_side"  # the client and their legal representative
    CARER = "carer"
    VOLUNTEER = "volunteer"
    PROFESSIONAL = "professional"


PARTY_LABELS = {
    Party.CLIENT_SIDE: _("Cliënt en vertegenwoordiger"),
    Party.CARER: _("Mantelzorgers"),
    Party.VOLUNTEER: _("Vrijwilligers"),
    Party.PROFESSIONAL: _("Professionals"),
}

# Display order: the people around the client first, the professionals last.
PARTIES = (Party.CLIENT_SIDE, Party.CARER, Party.VOLUNTEER, Party.PROFESSIONAL)

# Most formal role first: decides the party of someone with several roles.
_PRECEDENCE = (Party.PROFESSIONAL, Party.VOLUNTEER, Party.CARER, Party.CLIENT_SIDE)


def party_of_member(kind: MemberKind | str, *, legal_representative: bool = False) -> Party:
    """The party of one membership. A legal representative speaks for the client."""
    kind = MemberKind(kind)
    if kind == MemberKind.CLIENT or legal_representative:
        return Party.CLIENT_SIDE
    return {
        MemberKind.CARER: Party.CARER,
        MemberKind.VOLUNTEER: Party.VOLUNTEER,
        MemberKind.PROFESSIONAL: Party.PROFESSIONAL,
    }[kind]


def strongest(parties: Iterable[Party]) -> Party | None:
    """The most formal of several roles; None when there is none."""
    present = set(parties)
    return next((p for p in _PRECEDENCE if p in present), None)


def circle_party(rel: Relationship) -> Party | None:
    """The party someone answers for in a circle round.

    A member answers in their own role; a wijkteam professional who may look
    in (not a member) answers as a professional. Whether they may answer at
    all is the access policy's call (VIEW_CIRCLE), not this function's.
    """
    if rel.is_member:
        if not rel.member_active:
            return None
        return party_of_member(rel.member_kind, legal_representative=rel.legal_representative)
    if rel.team_professional:
        return Party.PROFESSIONAL
    return None


def team_party(*, works_in_team: bool, memberships: Iterable[Party]) -> Party | None:
    """The party someone answers for in a wijkteam round.

    ``memberships``: their parties in the team's circles where they may open the
    circle (active, not only on the map). Working in the team wins.
    """
    if works_in_team:
        return Party.PROFESSIONAL
    return strongest(memberships)


# --- aggregation ----------------------------------------------------------------


@dataclass(frozen=True)
class PartyFigure:
    """One party on one dimension, rounded to DECIMALS.

    ``mean`` is None below MIN_RESPONDENTS; ``sd``, ``low`` and ``high`` are
    None below MIN_RESPONDENTS_FOR_SPREAD, where only ``disagreement`` tells
    the spread. The page shows the range ("van 2,0 tot 4,5"): plainer than an SD.
    """

    party: Party
    n: int
    mean: float | None = None
    sd: float | None = None  # population SD: we describe these people, not a sample
    disagreement: bool = False  # spread of DISAGREEMENT_SD or more
    low: float | None = None  # lowest score in the party
    high: float | None = None  # highest score in the party

    @property
    def enough(self) -> bool:
        return self.mean is not None

    @property
    def spread_shown(self) -> bool:
        return self.sd is not None


@dataclass(frozen=True)
class DimensionResult:
    dimension: str
    parties: tuple[PartyFigure, ...]  # every party in PARTIES order
    divergence: float | None  # max - min of the shown (rounded) means; None with < 2 shown
    highest: Party | None
    lowest: Party | None

    @property
    def highlighted(self) -> bool:
        return self.divergence is not None and self.divergence >= DIVERGENCE_THRESHOLD

    def party(self, party: Party) -> PartyFigure:
        return next(p for p in self.parties if p.party == party)


@dataclass(frozen=True)
class ReflectionResult:
    counts: dict[Party, int]  # submitted responses per party
    dimensions: tuple[DimensionResult, ...]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def shown_parties(self) -> tuple[Party, ...]:
        return tuple(p for p in PARTIES if self.counts.get(p, 0) >= MIN_RESPONDENTS)

    @property
    def highlighted(self) -> tuple[DimensionResult, ...]:
        return tuple(d for d in self.dimensions if d.highlighted)

    def dimension(self, dimension_id: str) -> DimensionResult | None:
        return next((d for d in self.dimensions if d.dimension == dimension_id), None)


def _figure(party: Party, values: Sequence[float]) -> PartyFigure:
    n = len(values)
    if n < MIN_RESPONDENTS:
        return PartyFigure(party=party, n=n)
    raw_mean = sum(values) / n
    sd = shown(population_sd(values, raw_mean))
    spread = n >= MIN_RESPONDENTS_FOR_SPREAD
    return PartyFigure(
        party=party,
        n=n,
        mean=shown(raw_mean),
        sd=sd if spread else None,
        disagreement=sd >= DISAGREEMENT_SD,
        low=shown(min(values)) if spread else None,
        high=shown(max(values)) if spread else None,
    )


def aggregate(
    dimension_ids: Sequence[str], responses: Iterable[tuple[Party | str, Mapping[str, float]]]
) -> ReflectionResult:
    """Per dimension and party: mean and spread, only for parties with enough answers.

    The divergence is taken between the rounded means, so what is shown adds up.

    A response that lacks a dimension does not count for it (defensive: a
    submitted response is always complete). A party below the minimum keeps
    only its count, and never takes part in the divergence.
    """
    by_party: dict[Party, list[Mapping[str, float]]] = {p: [] for p in PARTIES}
    for party, scores in responses:
        by_party[Party(party)].append(scores)
    dimensions = []
    for dim in dimension_ids:
        figures = tuple(
            _figure(p, [float(s[dim]) for s in by_party[p] if s.get(dim) is not None])
            for p in PARTIES
        )
        with_mean = [f for f in figures if f.enough]
        if len(with_mean) >= 2:
            high = max(with_mean, key=lambda f: f.mean)
            low = min(with_mean, key=lambda f: f.mean)
            divergence = shown(high.mean - low.mean)
            highest, lowest = high.party, low.party
        else:
            divergence = highest = lowest = None
        dimensions.append(
            DimensionResult(
                dimension=dim,
                parties=figures,
                divergence=divergence,
                highest=highest,
                lowest=lowest,
            )
        )
    return ReflectionResult(
        counts={p: len(by_party[p]) for p in PARTIES}, dimensions=tuple(dimensions)
    )


# --- conversation prompts -------------------------------------------------------

# One prompt per dimension for the conversation where the parties differ.
# Our own words, after seed 000's findings (each party thinks the other holds
# the power; experiential knowledge goes unseen; "wie betaalt, bepaalt";
# openness about who decides the indication; plain language; letting go).
PROMPTS = {
    "omgang": _(
        "Hoe vaak spreken jullie elkaar echt? Vertel elkaar wat je waardeert in "
        "wat de ander doet. Vraag: wat zou het contact makkelijker maken?"
    ),
    "rolverdeling": _(
        "Loop samen na wie wat doet en wie daarover beslist. Klopt dat voor "
        "iedereen? Schrijf het op in de samenwerkingsafspraken."
    ),
    "verantwoordelijkheid": _(
        "Is iemand verantwoordelijk voor iets, maar mag die er niet over "
        "beslissen? Spreek af wie beslist en wie ervoor zorgt dat het gebeurt."
    ),
    "communicatie": _(
        "Gebruikt iemand woorden die de anderen niet kennen? Vraag gerust wat "
        "iets betekent. Praat ook open over wie waarover beslist."
    ),
    "afhankelijkheid": _(
        "Wie wacht op wie? Bespreek waar jullie van elkaar afhangen, en wat "
        "zou helpen om minder op elkaar te hoeven wachten."
    ),
    "kennis": _(
        "Professionals denken vaak dat ze de ervaring van mantelzorgers en "
        "vrijwilligers al meenemen. Die merken dat niet altijd. Vraag elkaar: "
        "wat weet jij over de cliënt dat ik niet weet?"
    ),
    "zeggenschap": _(
        "Professionals denken vaak dat mantelzorgers en vrijwilligers het voor "
        "het zeggen hebben. Mantelzorgers en vrijwilligers denken vaak het "
        "omgekeerde. Wie beslist hier echt, ook over de indicatie en het geld? "
        "Bepaalt wie betaalt? Zeg het hardop."
    ),
    "gelijkwaardigheid": _(
        "Voelt iedereen zich een gelijke partner? Vraag wat iemand nodig heeft "
        "om zich meer gehoord te voelen. Soms helpt het als een professional "
        "een stap terug doet en de ander laat beslissen."
    ),
}
