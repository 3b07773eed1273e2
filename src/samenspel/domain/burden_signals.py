"""Signals about a mantelzorger's burden for the professional's start page.

Three findings (issue 4, seed 003): a score at or above the instrument's
cut-off; a rise since the previous measurement of at least the instrument's
documented threshold; and a main carer (more than 8 hours a week) who has not
done a screening for a while. The first two rest on results, so the caller
passes them only when the carer shares them; the third says nothing about a
result and may always be shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from samenspel.domain import thresholds as t
from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.network import Signal, whole_hours
from samenspel.domain.vocabulary import Severity


@dataclass(frozen=True)
class MeasurementFacts:
    instrument: str  # short name, e.g. "CSI"
    total: float
    completed_on: date
    at_or_above_cutoff: bool
    band_label: str = ""
    rise: float | None = None  # change since the previous measurement of this instrument
    rise_threshold: float | None = None


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def result_signals(name: str, latest: MeasurementFacts | None) -> list[Signal]:
    if latest is None:
        return []
    found = []
    params = (
        ("name", name),
        ("instrument", latest.instrument),
        ("score", _number(latest.total)),
        ("date", latest.completed_on.strftime("%d-%m-%Y")),
    )
    if latest.at_or_above_cutoff:
        found.append(
            Signal(
                code="burden_high",
                severity=Severity.HIGH,
                title=_("{name} is zwaar belast"),
                explanation=_(
                    "{name} scoorde {score} op de {instrument} ({date}). Dat is op of boven "
                    "de grens voor zware belasting."
                ),
                next_step=_(
                    "Bel {name} en vraag hoe het gaat. Bespreek respijtzorg en hoe taken "
                    "anders verdeeld kunnen worden."
                ),
                params=params,
            )
        )
    if (
        latest.rise is not None
        and latest.rise_threshold is not None
        and latest.rise >= latest.rise_threshold
    ):
        found.append(
            Signal(
                code="burden_rising",
                severity=Severity.MEDIUM,
                title=_("Belasting van {name} stijgt"),
                explanation=_(
                    "Op de {instrument} is de score van {name} {rise} punten hoger dan de "
                    "vorige keer (nu {score}, op {date})."
                ),
                next_step=_("Vraag {name} wat er veranderd is, voordat het te zwaar wordt."),
                params=(*params, ("rise", _number(latest.rise))),
            )
        )
    return found


def months_between(earlier: date, later: date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


def screening_due_signal(
    name: str,
    hours_per_week: float,
    last_screening: date | None,
    today: date,
    *,
    interval_months: int = t.SCREENING_INTERVAL_MONTHS,
    show_date: bool = True,
) -> Signal | None:
    """A main carer without a recent screening: ask how heavy it is.

    `show_date` False keeps the date of a screening the carer did not share
    out of the text (even when it was done says something about them).
    """
    if hours_per_week <= t.INTENSIVE_CARE_HOURS:
        return None
    if last_screening is not None and months_between(last_screening, today) < interval_months:
        return None
    params = (("name", name), ("hours", whole_hours(hours_per_week)))
    if last_screening is not None and not show_date:
        explanation = _(
            "{name} zorgt ongeveer {hours} uur per week en heeft al een tijd geen "
            "vragenlijst over de belasting ingevuld."
        )
    elif last_screening is None:
        explanation = _(
            "{name} zorgt ongeveer {hours} uur per week, maar heeft nog nooit een "
            "vragenlijst over de belasting ingevuld."
        )
    else:
        explanation = _(
            "{name} zorgt ongeveer {hours} uur per week. De laatste vragenlijst over de "
            "belasting is van {date}."
        )
        params = (*params, ("date", last_screening.strftime("%d-%m-%Y")))
    return Signal(
        code="burden_screening_due",
        severity=Severity.LOW,
        title=_("Vraag {name} hoe zwaar het is"),
        explanation=explanation,
        next_step=_("Nodig {name} uit om de vragenlijst in te vullen, of doe het samen."),
        params=params,
    )
