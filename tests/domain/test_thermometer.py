"""Aggregation rules of the team thermometer (domain.thermometer)."""

import pytest

from samenspel.domain import thermometer as t

F = ["a", "b"]


def test_two_respondents_show_nothing_but_the_count():
    res = t.aggregate(F, [{"a": 5, "b": 1}, {"a": 1, "b": 5}])
    assert res.n == 2
    assert res.enough is False
    assert res.factors == ()


def test_three_respondents_give_mean_spread_and_n():
    res = t.aggregate(F, [{"a": 2, "b": 4}, {"a": 3, "b": 4}, {"a": 4, "b": 4}])
    assert res.enough is True
    a = res.factor("a")
    assert a.n == 3
    assert a.mean == pytest.approx(3.0)
    assert a.sd == pytest.approx((2 / 3) ** 0.5)
    assert (a.low, a.high) == (2, 4)
    b = res.factor("b")
    assert b.sd == 0
    assert (b.low, b.high) == (4, 4)


def test_min_respondents_is_three():
    assert t.MIN_RESPONDENTS == 3


def test_disagreement_flag_at_threshold():
    # values 1,5,1,5: mean 3, sd 2 -> disagreement; 3,3,4: sd < 1 -> none
    res = t.aggregate(["x"], [{"x": 1}, {"x": 5}, {"x": 1}, {"x": 5}])
    assert res.factor("x").disagreement is True
    calm = t.aggregate(["x"], [{"x": 3}, {"x": 3}, {"x": 4}])
    assert calm.factor("x").disagreement is False
    # exactly one point of sd counts as disagreement: 2,4,2,4 -> sd 1.0
    edge = t.aggregate(["x"], [{"x": 2}, {"x": 4}, {"x": 2}, {"x": 4}])
    assert edge.factor("x").sd == pytest.approx(1.0)
    assert edge.factor("x").disagreement is True


def test_low_factor_at_and_above_threshold():
    low = t.aggregate(["x"], [{"x": 2}, {"x": 2.5}, {"x": 3}])
    assert low.factor("x").mean == pytest.approx(2.5)
    assert low.factor("x").is_low is True
    ok = t.aggregate(["x"], [{"x": 2.5}, {"x": 3}, {"x": 3}])
    assert ok.factor("x").is_low is False


def test_trend_against_previous_round_with_enough_answers():
    r1 = [{"a": 2, "b": 3}] * 3
    r2 = [{"a": 5, "b": 5}] * 2  # too few: skipped for the trend
    r3 = [{"a": 3, "b": 2.5}] * 4
    first, second, third = t.series(F, [r1, r2, r3])
    assert first.factor("a").change is None
    assert second.enough is False
    assert third.factor("a").change == pytest.approx(1.0)
    assert third.factor("b").change == pytest.approx(-0.5)


def test_factor_missing_in_responses_is_left_out():
    res = t.aggregate(["a", "b"], [{"a": 3}, {"a": 3}, {"a": 3, "b": 1}])
    assert res.factor("a").n == 3
    assert res.factor("b") is None
