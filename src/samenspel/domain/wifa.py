"""WIFA follow-up of volunteers (seed 003): Waarderen, Informeren, Faciliteren,
Afstemmen. Plain Python: the aspects and kinds of entries, when contact or
appreciation has lapsed (reminders), and the figures per organisation.

Volunteers stay when they feel seen, informed and supported (seed 001 §4.3);
contact and appreciation are the first things to slip when time is short
(seed 000). The coordinator logs what happened; these rules say what is due.
Texts are Dutch msgids (B1) with ``{name}``-style params, translated by callers.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.vocabulary import Severity

# --- Thresholds ---------------------------------------------------------------
# No personal contact with the volunteer for more than this many weeks.
# Product choice: six weeks is about every month and a half, often enough to
# notice a volunteer drifting away without burdening a small organisation.
CONTACT_LAPSE_WEEKS = 6
# No appreciation (thank-you, card, event, compliment) for more than this many
# months. Product choice: three to four appreciation moments a year.
APPRECIATION_LAPSE_MONTHS = 4
# No afstemming between a professional and a volunteer who share a circle for
# more than this many weeks. Product choice: about every two months.
PAIR_AFSTEMMING_LAPSE_WEEKS = 8
# No information shared with the volunteer for more than this many months.
# Product choice: one newsletter or update a quarter.
INFORMATION_LAPSE_MONTHS = 3
# A volunteer whose expenses or insurance are not recorded this many days after
# starting. Product choice: two weeks to arrange the basics.
FACILITIES_GRACE_DAYS = 14
# A reminder becomes urgent (high) once the lapse is this many times the
# threshold. Product choice: twice as long as agreed is clearly too long.
URGENT_FACTOR = 2


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- Aspects and kinds ----------------------------------------------------------
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
_KINDS_BY_ID = {k.id: k for k in KINDS}
THANK_YOU = "bedankje"


def kind(kind_id: str) -> EntryKind:
    return _KINDS_BY_ID[kind_id]


def aspect(aspect_id: str) -> Aspect:
    for a in ASPECTS:
        if a.id == aspect_id:
            return a
    raise KeyError(aspect_id)


def kinds_of(aspect_id: str) -> tuple[EntryKind, ...]:
    return tuple(k for k in KINDS if k.aspect == aspect_id)


# --- Facts in ------------------------------------------------------------------
@dataclass(frozen=True)
class EntryFact:
    """One logged moment (or the latest of its kind): enough for the rules."""

    kind: str
    happened_on: dt.date
    professional_id: int | None = None


@dataclass(frozen=True)
class PairFact:
    """A professional who is active in a circle where the volunteer is active."""

    professional_id: int
    professional_name: str
    shared_since: dt.date


@dataclass(frozen=True)
class VolunteerFacts:
    volunteer_id: int
    name: str
    started_on: dt.date
    entries: tuple[EntryFact, ...] = ()
    pairs: tuple[PairFact, ...] = ()
    # From the current volunteer agreement (see ``agreement_facilities``).
    agreed_facilities: frozenset[str] = frozenset()


# --- State: what the log says per volunteer ------------------------------------
@dataclass(frozen=True)
class PairState:
    professional_id: int
    professional_name: str
    shared_since: dt.date
    last_afstemming: dt.date | None
    last_contact: dt.date | None

    @property
    def afstemming_since_start(self) -> dt.date | None:
        """The last overleg, if it was after they started working together. An
        earlier one (about another client, say) does not count."""
        if self.last_afstemming is not None and self.last_afstemming >= self.shared_since:
            return self.last_afstemming
        return None

    @property
    def contact_since_start(self) -> dt.date | None:
        """The last moment together, counted the same way as the overleg."""
        if self.last_contact is not None and self.last_contact >= self.shared_since:
            return self.last_contact
        return None


@dataclass(frozen=True)
class VolunteerState:
    volunteer_id: int
    name: str
    started_on: dt.date
    last_contact: dt.date | None
    last_by_aspect: dict[str, dt.date] = field(default_factory=dict)
    facilities: frozenset[str] = frozenset()
    pairs: tuple[PairState, ...] = ()

    @property
    def missing_basics(self) -> frozenset[str]:
        return BASIC_FACILITIES - self.facilities


def _latest(current: dt.date | None, day: dt.date) -> dt.date:
    return day if current is None or day > current else current


def state(facts: VolunteerFacts) -> VolunteerState:
    """Last contact, last moment per aspect, facilities and pair dates."""
    last_contact = None
    by_aspect: dict[str, dt.date] = {}
    facilities = set(facts.agreed_facilities)
    pair_afstemming: dict[int, dt.date] = {}
    pair_contact: dict[int, dt.date] = {}
    for entry in facts.entries:
        k = _KINDS_BY_ID.get(entry.kind)
        if k is None:
            continue
        by_aspect[k.aspect] = _latest(by_aspect.get(k.aspect), entry.happened_on)
        if k.personal_contact:
            last_contact = _latest(last_contact, entry.happened_on)
        if k.facility:
            facilities.add(k.facility)
        if entry.professional_id is not None:
            pid = entry.professional_id
            pair_contact[pid] = _latest(pair_contact.get(pid), entry.happened_on)
            if k.aspect == AFSTEMMEN:
                pair_afstemming[pid] = _latest(pair_afstemming.get(pid), entry.happened_on)
    pairs = tuple(
        PairState(
            p.professional_id,
            p.professional_name,
            p.shared_since,
            pair_afstemming.get(p.professional_id),
            pair_contact.get(p.professional_id),
        )
        for p in sorted(facts.pairs, key=lambda p: (p.professional_name, p.professional_id))
    )
    return VolunteerState(
        facts.volunteer_id,
        facts.name,
        facts.started_on,
        last_contact,
        by_aspect,
        frozenset(facilities),
        pairs,
    )


# --- Reminders -----------------------------------------------------------------
@dataclass(frozen=True)
class Reminder:
    code: str
    severity: Severity
    aspect: str | None  # None: contact in general
    volunteer_id: int
    volunteer_name: str
    title: str
    explanation: str
    next_step: str
    params: tuple[tuple[str, str | dt.date], ...]  # dates are formatted by ``render``
    overdue_days: int  # days past the moment it became due
    professional_id: int | None = None
    translated_params: tuple[str, ...] = ()  # params that are msgids themselves

    def render(self, translate, format_date=None) -> RenderedReminder:
        """The texts in the reader's language, params filled in. ``format_date``
        writes a date in that language; the default is Dutch ("5 augustus 2026")."""
        fmt = format_date or dutch_date
        params = {
            k: fmt(v)
            if isinstance(v, dt.date)
            else translate(v)
            if k in self.translated_params
            else v
            for k, v in self.params
        }
        return RenderedReminder(
            translate(self.title).format(**params),
            translate(self.explanation).format(**params),
            translate(self.next_step).format(**params),
        )


@dataclass(frozen=True)
class RenderedReminder:
    title: str
    explanation: str
    next_step: str


# One date format on every page: "5 augustus 2026" (product choice, B1).
DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: dt.date) -> str:
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def _severity(today: dt.date, urgent_from: dt.date) -> Severity:
    return Severity.HIGH if today > urgent_from else Severity.MEDIUM


def _contact(s: VolunteerState, today: dt.date) -> Reminder | None:
    since = s.last_contact or s.started_on
    due = since + dt.timedelta(weeks=CONTACT_LAPSE_WEEKS)
    if today <= due:
        return None
    params = (("name", s.name), ("weeks", str(CONTACT_LAPSE_WEEKS)), ("date", since))
    return Reminder(
        code="no_contact",
        severity=_severity(today, since + dt.timedelta(weeks=CONTACT_LAPSE_WEEKS * URGENT_FACTOR)),
        aspect=None,
        volunteer_id=s.volunteer_id,
        volunteer_name=s.name,
        title=_("Lang geen contact met {name}"),
        explanation=(
            _("Het laatste persoonlijke contact was op {date}. Dat is meer dan {weeks} weken.")
            if s.last_contact
            else _("Er is nog geen persoonlijk contact vastgelegd sinds de start op {date}.")
        ),
        next_step=_("Bel of bezoek {name} en vraag hoe het gaat."),
        params=params,
        overdue_days=(today - due).days,
    )


def _months_lapse(
    s: VolunteerState,
    today: dt.date,
    aspect_id: str,
    months: int,
    code: str,
    title: str,
    with_date: str,
    without_date: str,
    next_step: str,
) -> Reminder | None:
    last = s.last_by_aspect.get(aspect_id)
    since = last or s.started_on
    due = _add_months(since, months)
    if today <= due:
        return None
    return Reminder(
        code=code,
        severity=_severity(today, _add_months(since, months * URGENT_FACTOR)),
        aspect=aspect_id,
        volunteer_id=s.volunteer_id,
        volunteer_name=s.name,
        title=title,
        explanation=with_date if last else without_date,
        next_step=next_step,
        params=(("name", s.name), ("months", str(months)), ("date", since)),
        overdue_days=(today - due).days,
    )


def _appreciation(s: VolunteerState, today: dt.date) -> Reminder | None:
    return _months_lapse(
        s,
        today,
        WAARDEREN,
        APPRECIATION_LAPSE_MONTHS,
        "no_appreciation",
        _("{name} is lang niet bedankt"),
        _("De laatste keer waarderen was op {date}. Dat is meer dan {months} maanden geleden."),
        _("Sinds de start op {date} is er nog geen waardering vastgelegd."),
        _("Bedank {name} persoonlijk, stuur een kaartje of nodig uit voor de vrijwilligersavond."),
    )


def _information(s: VolunteerState, today: dt.date) -> Reminder | None:
    return _months_lapse(
        s,
        today,
        INFORMEREN,
        INFORMATION_LAPSE_MONTHS,
        "no_information",
        _("{name} heeft lang geen informatie gekregen"),
        _("De laatste informatie was op {date}. Dat is meer dan {months} maanden geleden."),
        _("Sinds de start op {date} is er nog geen informatie gedeeld."),
        _("Vertel {name} wat er nieuw is: over de cliënt, de taken of de organisatie."),
    )


def _pair(s: VolunteerState, p: PairState, today: dt.date) -> Reminder | None:
    # An overleg from before they shared a circle (about another client, say)
    # does not count: the clock starts when they start working together.
    talked_since_start = p.afstemming_since_start is not None
    since = p.afstemming_since_start or p.shared_since
    due = since + dt.timedelta(weeks=PAIR_AFSTEMMING_LAPSE_WEEKS)
    if today <= due:
        return None
    urgent = since + dt.timedelta(weeks=PAIR_AFSTEMMING_LAPSE_WEEKS * URGENT_FACTOR)
    return Reminder(
        code="pair_no_afstemming",
        severity=_severity(today, urgent),
        aspect=AFSTEMMEN,
        volunteer_id=s.volunteer_id,
        volunteer_name=s.name,
        title=_("{name} en {professional} stemmen niet af"),
        explanation=(
            _(
                "Het laatste overleg tussen {name} en {professional} was op {date}. "
                "Dat is meer dan {weeks} weken."
            )
            if talked_since_start
            else _(
                "{name} en {professional} werken sinds {date} samen, maar er is nog "
                "geen overleg vastgelegd."
            )
            if p.last_afstemming is None
            else _(
                "{name} en {professional} werken sinds {date} samen. "
                "Sindsdien is er geen overleg vastgelegd."
            )
        ),
        next_step=_(
            "Plan een kort overleg met {name} en {professional} over de cliënt en het werk."
        ),
        params=(
            ("name", s.name),
            ("professional", p.professional_name),
            ("weeks", str(PAIR_AFSTEMMING_LAPSE_WEEKS)),
            ("date", since),
        ),
        overdue_days=(today - due).days,
        professional_id=p.professional_id,
    )


_FACILITY_LABELS = dict(FACILITIES)


def _facilities(s: VolunteerState, today: dt.date) -> Reminder | None:
    missing = s.missing_basics
    due = s.started_on + dt.timedelta(days=FACILITIES_GRACE_DAYS)
    if not missing or today <= due:
        return None
    what = (
        _("onkostenvergoeding en verzekering")
        if len(missing) == 2
        else _("onkostenvergoeding")
        if EXPENSES in missing
        else _("verzekering")
    )
    return Reminder(
        code="no_facilities",
        # Product choice: always urgent, an uninsured volunteer is unprotected.
        severity=Severity.HIGH,
        aspect=FACILITEREN,
        volunteer_id=s.volunteer_id,
        volunteer_name=s.name,
        title=_("Regel de basis voor {name}"),
        explanation=_("Voor {name} is nog niet vastgelegd: {what}."),
        next_step=_("Regel het en leg het hier vast bij Faciliteren."),
        params=(("name", s.name), ("what", what), ("date", s.started_on)),
        overdue_days=(today - due).days,
        translated_params=("what",),
    )


_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


def urgency_key(r: Reminder) -> tuple:
    """Most urgent first: severity, then how long overdue, then name."""
    return (_SEVERITY_RANK[r.severity], -r.overdue_days, r.volunteer_name, r.code)


def sort_by_urgency(reminders: Iterable[Reminder]) -> list[Reminder]:
    return sorted(reminders, key=urgency_key)


def reminders_for(s: VolunteerState, today: dt.date) -> list[Reminder]:
    found = [
        _contact(s, today),
        _appreciation(s, today),
        _information(s, today),
        _facilities(s, today),
        *(_pair(s, p, today) for p in s.pairs),
    ]
    return sort_by_urgency(r for r in found if r is not None)


def reminders(states: Iterable[VolunteerState], today: dt.date) -> list[Reminder]:
    return sort_by_urgency(r for s in states for r in reminders_for(s, today))


# --- Overview per organisation -------------------------------------------------
@dataclass(frozen=True)
class AspectFigures:
    aspect: Aspect
    total: int  # active volunteers
    with_attention: int
    last_date: dt.date | None
    lapses: int
    words: str  # msgid with {n}, {total}, {period}
    params: tuple[tuple[str, str], ...]

    @property
    def percent(self) -> int:
        return round(100 * self.with_attention / self.total) if self.total else 0

    def render(self, translate) -> str:
        return translate(self.words).format(**dict(self.params))


def _window_start(aspect_id: str, today: dt.date) -> dt.date | None:
    """The period an aspect is counted over; None: Faciliteren counts what is in place."""
    if aspect_id == WAARDEREN:
        return _add_months(today, -APPRECIATION_LAPSE_MONTHS)
    if aspect_id == INFORMEREN:
        return _add_months(today, -INFORMATION_LAPSE_MONTHS)
    if aspect_id == AFSTEMMEN:
        return today - dt.timedelta(weeks=PAIR_AFSTEMMING_LAPSE_WEEKS)
    return None


def _period(aspect_id: str) -> str:
    if aspect_id == WAARDEREN:
        return str(APPRECIATION_LAPSE_MONTHS)
    if aspect_id == INFORMEREN:
        return str(INFORMATION_LAPSE_MONTHS)
    return str(PAIR_AFSTEMMING_LAPSE_WEEKS)


_WORDS = {
    WAARDEREN: _(
        "{n} van de {total} vrijwilligers kregen waardering in de laatste {period} maanden."
    ),
    INFORMEREN: _(
        "{n} van de {total} vrijwilligers kregen informatie in de laatste {period} maanden."
    ),
    FACILITEREN: _("Bij {n} van de {total} vrijwilligers zijn onkosten en verzekering geregeld."),
    AFSTEMMEN: _("Met {n} van de {total} vrijwilligers is afgestemd in de laatste {period} weken."),
}


def overview(
    states: list[VolunteerState], found: list[Reminder], today: dt.date
) -> list[AspectFigures]:
    """Per aspect: how many active volunteers had attention lately, the last date
    and the number of lapses (reminders of that aspect)."""
    rows = []
    for a in ASPECTS:
        start = _window_start(a.id, today)
        if start is None:
            n = sum(1 for s in states if not s.missing_basics)
        else:
            n = sum(
                1
                for s in states
                if (d := s.last_by_aspect.get(a.id)) is not None and start <= d <= today
            )
        dates = [d for s in states if (d := s.last_by_aspect.get(a.id)) is not None]
        rows.append(
            AspectFigures(
                aspect=a,
                total=len(states),
                with_attention=n,
                last_date=max(dates) if dates else None,
                lapses=sum(1 for r in found if r.aspect == a.id),
                words=_WORDS[a.id],
                params=(("n", str(n)), ("total", str(len(states))), ("period", _period(a.id))),
            )
        )
    return rows


def contact_figures(states: list[VolunteerState], today: dt.date) -> tuple[int, int]:
    """(volunteers with personal contact within CONTACT_LAPSE_WEEKS, total)."""
    start = today - dt.timedelta(weeks=CONTACT_LAPSE_WEEKS)
    n = sum(1 for s in states if s.last_contact is not None and s.last_contact >= start)
    return n, len(states)
