"""Burden signals for the professional: high score, rising score, screening due."""

from datetime import date

import pytest

from samenspel.domain.burden_signals import (
    MeasurementFacts,
    months_between,
    result_signals,
    screening_due_signal,
)

TODAY = date(2026, 11, 23)


def facts(**kw):
    base = dict(instrument="CSI", total=5, completed_on=date(2026, 11, 1), at_or_above_cutoff=False)
    return MeasurementFacts(**{**base, **kw})


def test_a_score_at_the_cutoff_is_a_high_signal():
    [signal] = result_signals("Henk", facts(total=7, at_or_above_cutoff=True))
    assert signal.code == "burden_high" and signal.severity == "high"
    assert "7" in signal.render().explanation


def test_a_rise_of_exactly_the_threshold_signals_one_less_does_not():
    assert [s.code for s in result_signals("Henk", facts(rise=2, rise_threshold=2))] == [
        "burden_rising"
    ]
    assert result_signals("Henk", facts(rise=1, rise_threshold=2)) == []
    assert result_signals("Henk", facts(rise=-3, rise_threshold=2)) == []
    assert result_signals("Henk", facts(rise=None, rise_threshold=2)) == []


def test_no_result_no_result_signals():
    assert result_signals("Henk", None) == []


@pytest.mark.parametrize(
    ("hours", "last", "due"),
    [
        (8, None, False),  # not a main carer: more than 8 hours is the definition
        (8.5, None, True),
        (20, date(2026, 6, 1), False),  # 5 months ago
        (20, date(2026, 5, 23), True),  # exactly 6 months ago
        (20, date(2026, 5, 24), False),
    ],
)
def test_main_carer_without_recent_screening(hours, last, due):
    signal = screening_due_signal("Henk", hours, last, TODAY)
    assert (signal is not None) is due
    if signal:
        assert "{" not in signal.render().explanation


def test_interval_is_configurable():
    assert screening_due_signal("Henk", 20, date(2026, 9, 1), TODAY, interval_months=2)
    assert not screening_due_signal("Henk", 20, date(2026, 9, 1), TODAY, interval_months=3)


def test_months_between():
    assert months_between(date(2026, 1, 31), date(2026, 2, 28)) == 0
    assert months_between(date(2026, 1, 15), date(2026, 3, 15)) == 2
