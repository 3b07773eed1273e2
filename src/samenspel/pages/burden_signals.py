"""Burden signals for the professionals of many circles, in a fixed number of queries.

Results are shown only where the carer shares them (that measurement, or a
standing consent); the "no recent screening" signal reveals no result and is
shown for every main carer.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from samenspel.burden import catalogue
from samenspel.burden.selectors import consent_members, latest_by_member
from samenspel.domain.burden_signals import (
    MeasurementFacts,
    result_signals,
    screening_due_signal,
)
from samenspel.domain.instruments import cutoff_reached, worse_by
from samenspel.domain.vocabulary import MemberKind


def _instrument(screening):
    try:
        return catalogue.get(screening.instrument_id, screening.instrument_version)
    except LookupError:
        return None


def _latest_visible(screenings, shared_always: bool):
    """The newest visible validated screening and the one before it (same instrument)."""
    visible = [
        s
        for s in screenings
        if (shared_always or s.shared_with_team)
        and (instrument := _instrument(s)) is not None
        and instrument.is_validated
    ]
    if not visible:
        return None, None
    latest = visible[0]  # newest first
    previous = next((s for s in visible[1:] if s.instrument_id == latest.instrument_id), None)
    return latest, previous


def _facts(latest, previous) -> MeasurementFacts | None:
    if latest is None or latest.total is None:
        return None
    instrument = _instrument(latest)
    total = float(latest.total)
    band = instrument.band_for(total)
    return MeasurementFacts(
        instrument=instrument.short_name,
        total=total,
        completed_on=timezone.localdate(latest.completed_at),
        at_or_above_cutoff=cutoff_reached(instrument, total),
        band_label=band.label if band else "",
        rise=worse_by(instrument, float(previous.total), total)
        if previous is not None and previous.total is not None
        else None,
        rise_threshold=instrument.rise_threshold,
    )


@dataclass
class BurdenSignals:
    by_circle: dict[int, list] = field(default_factory=dict)
    # (circle id, screening id) of every result a signal was built on: shown, so audited.
    results_shown: list[tuple[int, int]] = field(default_factory=list)


def burden_signals(circles, today: date) -> BurdenSignals:
    """Rendered signals per circle, for circles whose `active_members` are loaded."""
    carers = {m.pk: m for c in circles for m in c.active_members if m.kind == MemberKind.CARER}
    if not carers:
        return BurdenSignals()
    screenings = latest_by_member(carers)
    consent = consent_members(carers)
    interval = getattr(settings, "SCREENING_INTERVAL_MONTHS", 6)
    found = BurdenSignals()
    for member_id, member in carers.items():
        mine = screenings.get(member_id, [])
        name = member.person.first_name
        latest, previous = _latest_visible(mine, member_id in consent)
        signals = result_signals(name, _facts(latest, previous))
        if signals:
            found.results_shown += [
                (member.circle_id, s.pk) for s in (latest, previous) if s is not None
            ]
        validated = [s for s in mine if (i := _instrument(s)) is not None and i.is_validated]
        last = timezone.localdate(validated[0].completed_at) if validated else None
        due = screening_due_signal(
            name,
            float(member.hours_per_week),
            last,
            today,
            interval_months=interval,
            show_date=latest is not None and latest.pk == validated[0].pk,
        )
        if due is not None:
            signals.append(due)
        if signals:
            found.by_circle.setdefault(member.circle_id, []).extend(
                s.render(gettext) for s in signals
            )
    return found
