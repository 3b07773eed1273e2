"""Analysis of one care circle: who carries the care, and where is it fragile.

This is the rule set behind the MantelScan step "sterke en zwakke punten van
het netwerk" (domain.md §4). It works on plain facts (`MemberFacts`) so it can
be tested without a database; the Django layer builds the facts from models.

Signals carry Dutch *templates* marked with ``gettext_noop``; the caller
translates them and fills in the values with `Signal.render`. Hours shown in
texts are rounded to whole hours, so no decimal separator is needed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from samenspel.domain import thresholds as t
from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.vocabulary import (
    CARE_DOMAIN_LABELS,
    FORMAL_KINDS,
    INFORMAL_KINDS,
    SEVERITY_ORDER,
    CareDomain,
    MemberKind,
    Severity,
)


def clean_hours(value: object) -> float:
    """Hours per week as a sane float: negative, NaN, infinite or junk -> 0, max 168."""
    try:
        hours = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    if not math.isfinite(hours) or hours < 0:
        return 0.0
    return min(hours, t.HOURS_IN_WEEK)


def clean_closeness(value: object) -> int:
    """Ring number 1..3; anything else is pulled to the nearest valid ring (default 2)."""
    try:
        ring = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 2
    return max(1, min(3, ring))


def whole_hours(hours: float) -> str:
    """Hours for display in a sentence: rounded half up, no decimals."""
    return str(int(clean_hours(hours) + 0.5))


@dataclass(frozen=True)
class MemberFacts:
    key: str  # stable id (the member's pk as str)
    name: str
    kind: MemberKind  # CLIENT members are allowed in the input and ignored in counts
    hours_per_week: float = 0.0
    domains: frozenset[CareDomain] = frozenset()
    closeness: int = 2  # ring 1 (closest) .. 3


@dataclass(frozen=True)
class RenderedSignal:
    code: str
    severity: Severity
    title: str
    explanation: str
    next_step: str


@dataclass(frozen=True)
class Signal:
    """A finding about the circle, with Dutch templates and the values to fill in.

    ``domains`` holds the care domains a domain signal is about. The templates use
    a ``{domains}`` placeholder; `render` fills it with the *translated* labels of
    these domains, joined with ", ". The Django layer may also use ``domains``
    directly (e.g. to link to each domain). ``member_key`` names the member a
    per-person signal is about (None for circle-wide signals).
    """

    code: str
    severity: Severity
    title: str
    explanation: str
    next_step: str
    params: tuple[tuple[str, str], ...] = ()
    domains: tuple[CareDomain, ...] = ()
    member_key: str | None = None

    def values(self, translate: Callable[[str], str] = lambda s: s) -> dict[str, str]:
        values = dict(self.params)
        if self.domains:
            values["domains"] = ", ".join(translate(CARE_DOMAIN_LABELS[d]) for d in self.domains)
        return values

    def render(self, translate: Callable[[str], str] = lambda s: s) -> RenderedSignal:
        """Translate each template first, then fill in the values (so msgids stay fixed)."""
        values = self.values(translate)
        return RenderedSignal(
            code=self.code,
            severity=self.severity,
            title=translate(self.title).format(**values),
            explanation=translate(self.explanation).format(**values),
            next_step=translate(self.next_step).format(**values),
        )


@dataclass(frozen=True)
class NetworkReport:
    size: int  # members excluding the client
    informal_count: int
    formal_count: int
    informal_share: float  # informal members / size (0.0 when size 0)
    informal_hours: float
    formal_hours: float
    main_carer_key: str | None
    main_carer_name: str | None
    main_carer_hours: float
    main_carer_share: float  # main carer hours / informal hours (0.0 if none)
    uncovered_domains: tuple[CareDomain, ...]
    single_domains: tuple[CareDomain, ...]
    isolated: bool  # no informal members at all
    depends_on_one: bool
    signals: tuple[Signal, ...] = field(default=())

    @property
    def open_signal_count(self) -> int:
        return len(self.signals)

    @property
    def highest_severity(self) -> Severity | None:
        if not self.signals:
            return None
        return min((s.severity for s in self.signals), key=SEVERITY_ORDER.__getitem__)

    @property
    def urgency(self) -> tuple[int, int, int]:
        """Sort key for a caseload: most urgent first (severity, then how many
        high signals, then how many signals at all)."""
        rank = SEVERITY_ORDER[self.highest_severity] if self.signals else len(SEVERITY_ORDER)
        highs = sum(1 for s in self.signals if s.severity == Severity.HIGH)
        return (rank, -highs, -len(self.signals))


# --- Texts -----------------------------------------------------------------
# Warm, plain Dutch (B1). They describe the situation, never blame the carer.

TEXTS: dict[str, tuple[str, str, str]] = {
    "isolated_client": (
        _("Geen mantelzorgers of vrijwilligers in beeld"),
        _(
            "Er staat nu niemand uit de familie, vriendenkring of buurt in het netwerk. "
            "Er is ook geen vrijwilliger. Zonder hen mist iemand vaak gezelschap en "
            "hulp bij gewone dingen van elke dag. Misschien is nog niet iedereen ingevuld."
        ),
        _(
            "Vraag de cliënt wie er belangrijk is of was: familie, buren, vrienden, "
            "een club of de kerk. Kijk samen of een vrijwilliger via de "
            "vrijwilligerscentrale kan helpen."
        ),
    ),
    "carer_heavy_hours": (
        _("{name} zorgt veel: ongeveer {hours} uur per week"),
        _(
            "Zoveel zorg naast het eigen leven is zwaar. Bij zoveel uren raken veel "
            "mantelzorgers op den duur overbelast. Dat zegt niets over hoe goed "
            "{name} het doet."
        ),
        _(
            "Vraag {name} hoe het zelf gaat en vul samen de vragenlijst over belasting in. "
            "Bespreek respijtzorg of een vrijwilliger via de vrijwilligerscentrale, "
            "zodat {name} even vrij kan nemen. Verwijs zo nodig naar het steunpunt mantelzorg."
        ),
    ),
    "carer_intensive_hours": (
        _("{name} geeft intensieve mantelzorg: ongeveer {hours} uur per week"),
        _(
            "Meer dan {limit} uur per week heet intensieve mantelzorg. Dat kan goed gaan, "
            "maar het kost veel energie. Het is goed om daar op tijd over te praten."
        ),
        _(
            "Vraag {name} wat goed gaat en wat zwaar is. Spreek af wanneer jullie dit "
            "weer samen bekijken."
        ),
    ),
    "depends_on_one": (
        _("De zorg rust vooral op {name}"),
        _(
            "{name} geeft ongeveer {percent} procent van alle uren van mantelzorgers en "
            "vrijwilligers. Als {name} ziek wordt of even niet kan, is er niemand die "
            "het overneemt."
        ),
        _(
            "Vraag of iemand uit de familie of buurt één vaste taak kan overnemen. "
            "Maak samen een plan voor als {name} een tijd niet kan."
        ),
    ),
    "domain_uncovered": (
        _("Niemand helpt bij: {domains}"),
        _(
            "Voor deze onderdelen is hulp nodig, maar niemand in het netwerk doet het. "
            "Dan blijft er iets liggen, of iemand doet het er ongemerkt bij."
        ),
        _(
            "Bespreek samen wie dit kan doen: iemand uit het netwerk, een vrijwilliger "
            "of een professional. Kijk ook welke hulp er in de buurt is."
        ),
    ),
    "domain_no_backup": (
        _("Maar één persoon helpt bij: {domains}"),
        _(
            "Bij deze onderdelen doet één persoon al het werk. Als die persoon ziek is "
            "of weg is, stopt deze hulp."
        ),
        _(
            "Zoek voor elk onderdeel iemand die kan invallen. Spreek af hoe jullie "
            "elkaar op de hoogte houden."
        ),
    ),
    "small_network": (
        _("Het netwerk is klein"),
        _(
            "Aantal mantelzorgers en vrijwilligers: {count}. Met minder dan {minimum} "
            "mensen is het lastig om de zorg te verdelen en elkaar af te wisselen."
        ),
        _(
            "Maak samen met de cliënt een netwerkkaart. Vraag wie er nog meer is: "
            "buren, vrienden, oud-collega's of mensen van een club of de kerk. "
            "Kijk ook of een vrijwilliger kan helpen."
        ),
    ),
    "no_professional": (
        _("Geen professional in het netwerk"),
        _(
            "Mantelzorgers geven hier veel uren zorg, maar er staat geen professional "
            "in het netwerk. Dan is extra hulp of steun lastiger te regelen."
        ),
        _(
            "Stel voor om een gesprek met het wijkteam te plannen. Kijk daar samen "
            "welke hulp of steun er mogelijk is."
        ),
    ),
}

SIGNAL_SEVERITY: dict[str, Severity] = {
    "isolated_client": Severity.HIGH,
    "carer_heavy_hours": Severity.HIGH,
    "carer_intensive_hours": Severity.MEDIUM,
    "depends_on_one": Severity.HIGH,
    "domain_uncovered": Severity.HIGH,
    "domain_no_backup": Severity.MEDIUM,
    "small_network": Severity.MEDIUM,
    "no_professional": Severity.LOW,
}
SIGNAL_CODES = tuple(SIGNAL_SEVERITY)


def _signal(
    code: str,
    params: dict[str, str] | None = None,
    domains: tuple[CareDomain, ...] = (),
    member_key: str | None = None,
) -> Signal:
    title, explanation, next_step = TEXTS[code]
    return Signal(
        code=code,
        severity=SIGNAL_SEVERITY[code],
        title=title,
        explanation=explanation,
        next_step=next_step,
        params=tuple(sorted((params or {}).items())),
        domains=domains,
        member_key=member_key,
    )


def stored_signal(
    code: str, params: Mapping[str, str] | None = None, domains: Iterable[str] = ()
) -> Signal | None:
    """Rebuild a signal saved in a snapshot, so it is shown in today's language.

    Unknown codes (from an older version) give None; the caller keeps the saved title.
    """
    if code not in TEXTS:
        return None
    known = tuple(CareDomain(d) for d in domains if d in CareDomain._value2member_map_)
    return _signal(code, dict(params or {}), known)


def _sorted_domains(domains: Iterable[CareDomain]) -> tuple[CareDomain, ...]:
    """Domains in the vocabulary's order, so output does not depend on set order."""
    order = {d: i for i, d in enumerate(CareDomain)}
    return tuple(sorted(set(domains), key=order.__getitem__))


def analyse(
    members: Iterable[MemberFacts], needed_domains: Iterable[CareDomain] = ()
) -> NetworkReport:
    """Count, weigh and judge one circle. The client member itself is left out."""
    people = [m for m in members if m.kind != MemberKind.CLIENT]
    hours = {id(m): clean_hours(m.hours_per_week) for m in people}
    informal = [m for m in people if m.kind in INFORMAL_KINDS]
    formal = [m for m in people if m.kind in FORMAL_KINDS]

    size = len(people)
    informal_hours = sum(hours[id(m)] for m in informal)
    formal_hours = sum(hours[id(m)] for m in formal)

    # Main carer: most hours; max() keeps the first of equal values (input order).
    main = max(informal, key=lambda m: hours[id(m)], default=None)
    if main is None or hours[id(main)] <= 0:
        main = None
    main_hours = hours[id(main)] if main else 0.0
    main_share = main_hours / informal_hours if informal_hours > 0 else 0.0
    givers = [m for m in informal if hours[id(m)] > 0]

    isolated = not informal
    depends_on_one = main is not None and (
        informal_hours >= t.MIN_INFORMAL_HOURS_FOR_DEPENDENCY
        and (main_share >= t.MAIN_CARER_SHARE_DEPENDENT or len(givers) == 1)
    )

    # Domain coverage by everyone except the client.
    helpers: dict[CareDomain, int] = {}
    for m in people:
        for d in m.domains:
            helpers[d] = helpers.get(d, 0) + 1
    needed = _sorted_domains(needed_domains)
    uncovered = tuple(d for d in needed if helpers.get(d, 0) == 0)
    considered = needed or _sorted_domains(helpers)
    single = tuple(d for d in considered if 0 < helpers.get(d, 0) < t.MIN_MEMBERS_PER_DOMAIN)

    signals: list[Signal] = []
    if isolated:
        signals.append(_signal("isolated_client"))
    elif len(informal) < t.MIN_INFORMAL_MEMBERS_ROBUST:
        signals.append(
            _signal(
                "small_network",
                {"count": str(len(informal)), "minimum": str(t.MIN_INFORMAL_MEMBERS_ROBUST)},
            )
        )

    carers = [m for m in informal if m.kind == MemberKind.CARER]
    for m in carers:
        h = hours[id(m)]
        params = {
            "name": m.name,
            "hours": whole_hours(h),
            "limit": whole_hours(t.INTENSIVE_CARE_HOURS),
        }
        if h >= t.HEAVY_CARE_HOURS:
            signals.append(_signal("carer_heavy_hours", params, member_key=m.key))
        elif h > t.INTENSIVE_CARE_HOURS:
            signals.append(_signal("carer_intensive_hours", params, member_key=m.key))

    if depends_on_one and main is not None:
        percent = str(int(main_share * 100 + 0.5))
        signals.append(
            _signal("depends_on_one", {"name": main.name, "percent": percent}, member_key=main.key)
        )
    if uncovered:
        signals.append(_signal("domain_uncovered", domains=uncovered))
    if single:
        signals.append(_signal("domain_no_backup", domains=single))
    if not formal and any(hours[id(m)] > t.INTENSIVE_CARE_HOURS for m in carers):
        signals.append(_signal("no_professional"))

    signals.sort(key=lambda s: (SEVERITY_ORDER[s.severity], s.code))

    return NetworkReport(
        size=size,
        informal_count=len(informal),
        formal_count=len(formal),
        informal_share=len(informal) / size if size else 0.0,
        informal_hours=informal_hours,
        formal_hours=formal_hours,
        main_carer_key=main.key if main else None,
        main_carer_name=main.name if main else None,
        main_carer_hours=main_hours,
        main_carer_share=main_share,
        uncovered_domains=uncovered,
        single_domains=single,
        isolated=isolated,
        depends_on_one=depends_on_one,
        signals=tuple(signals),
    )
