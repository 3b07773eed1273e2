"""Team plan rules: spearheads, layers, statuses and the overdue rule."""

import datetime as dt

import pytest

from samenspel.domain import teamplan

TODAY = dt.date(2026, 5, 10)


@pytest.mark.parametrize(
    ("due", "status", "expected"),
    [
        (dt.date(2026, 5, 9), "open", True),
        (dt.date(2026, 5, 9), "bezig", True),
        (dt.date(2026, 5, 9), "klaar", False),
        (dt.date(2026, 5, 10), "open", False),
        (dt.date(2026, 5, 11), "open", False),
        (None, "open", False),
    ],
)
def test_overdue(due, status, expected):
    assert teamplan.overdue(due, status, TODAY) is expected


def test_four_spearheads_with_questions():
    assert teamplan.SPEARHEAD_IDS == (
        "kennis_visie",
        "rol_professional",
        "instrumenten",
        "omgeving_context",
    )
    for s in teamplan.SPEARHEADS:
        assert 2 <= len(s.questions) <= 3
        assert s.explanation


def test_layers_and_statuses():
    assert teamplan.LAYER_IDS == ("samenwerken", "samenspel", "verandering")
    assert teamplan.STATUS_IDS == ("open", "bezig", "klaar")
    assert teamplan.spearhead("instrumenten").label == "Instrumenten / aan de slag"
    with pytest.raises(KeyError):
        teamplan.spearhead("nope")
