"""Reminders: when contact, appreciation, information, the basics or an
overleg with a professional has lapsed for a volunteer.

The thresholds are product choices and sit next to the rules that use them.
Texts are Dutch msgids with ``{name}``-style params; a date stays a date
until `Reminder.render` writes it in the reader's language.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.vocabulary import Severity
from samenspel.domain.wifa_kinds import (
    AFSTEMMEN,
    EXPENSES,
    FACILITEREN,
    FACILITIES,
    INFORMEREN,
    WAARDEREN,
)
from samenspel.domain.wifa_state import PairState, VolunteerState

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


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
    due = add_months(since, months)
    if today <= due:
        return None
    return Reminder(
        code=code,
        severity=_severity(today, add_months(since, months * URGENT_FACTOR)),
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
