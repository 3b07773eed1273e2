"""Aggregation rules of the team thermometer (domain.thermometer)."""

import pytest

from samenspel.domain import thermometer as t

F = ["a", "b"]


def test_two_respondents_show_nothing_but_the_count():
    res = t.aggregate(F, [{"a": 5, "b": 1}, {"a": 1, "b": 5}])
    assert res.n == 2
    assert res.enough is False
    assert res.factors == ()


def test_three_respondents_give_mean_and_only_a_coarse_spread():
    res = t.aggregate(F, [{"a": 2, "b": 4}, {"a": 3, "b": 4}, {"a": 4, "b": 4}])
    assert res.enough is True
    a = res.factor("a")
    assert a.n == 3
    assert a.mean == pytest.approx(3.0)
    # No numbers for the spread: with the range, the middle one knows the others.
    assert (a.sd, a.low, a.high) == (None, None, None)
    assert a.spread_shown is False
    assert a.disagreement is False
    wide = t.aggregate(["x"], [{"x": 1}, {"x": 3}, {"x": 5}]).factor("x")
    assert (wide.sd, wide.low, wide.high) == (None, None, None)
    assert wide.disagreement is True


def test_four_still_coarse_five_give_the_numbers():
    four = t.aggregate(["x"], [{"x": v} for v in (2, 3, 4, 4)]).factor("x")
    assert four.sd is None and four.low is None and four.high is None
    five = t.aggregate(["x"], [{"x": v} for v in (2, 3, 4, 4, 5)]).factor("x")
    assert five.spread_shown is True
    assert five.sd == pytest.approx(1.0)  # population sd 1.02, rounded
    assert (five.low, five.high) == (2, 5)
    assert five.mean == pytest.approx(3.6)


def test_figures_are_rounded_to_the_shown_decimal():
    res = t.aggregate(["x"], [{"x": 1}, {"x": 1}, {"x": 2}, {"x": 2.25}, {"x": 3.3333}]).factor("x")
    assert res.mean == 1.9  # 9.5833 / 5 = 1.9167
    assert res.high == 3.3
    assert res.sd == round(res.sd, 1)


def test_same_mean_and_label_give_identical_results_at_three():
    """Mean and coarse word cannot tell (1,3,5) from (2,2,5), nor (2,3,4) from (3,3,3)."""
    for one, other in (((1, 3, 5), (2, 2, 5)), ((2, 3, 4), (3, 3, 3))):
        first = t.aggregate(["x"], [{"x": v} for v in one])
        second = t.aggregate(["x"], [{"x": v} for v in other])
        assert first == second


def test_constants_are_the_product_choices():
    assert t.MIN_RESPONDENTS == 3
    assert t.MIN_RESPONDENTS_FOR_SPREAD == 5
    assert t.DISAGREEMENT_SD == 1.0
    assert t.DECIMALS == 1


def test_disagreement_flag_at_threshold():
    # values 1,5,1,5: mean 3, sd 2 -> disagreement; 3,3,4: sd < 1 -> none
    res = t.aggregate(["x"], [{"x": 1}, {"x": 5}, {"x": 1}, {"x": 5}])
    assert res.factor("x").disagreement is True
    calm = t.aggregate(["x"], [{"x": 3}, {"x": 3}, {"x": 4}])
    assert calm.factor("x").disagreement is False
    # exactly one point of sd counts as disagreement: 2,4,2,4,3 -> sd 0.89; 2,4,2,4 -> 1.0
    edge = t.aggregate(["x"], [{"x": 2}, {"x": 4}, {"x": 2}, {"x": 4}])
    assert edge.factor("x").disagreement is True
    # an sd shown as "1,0" (0.96) is "veel verschil" too: decided on the shown value
    shown = t.aggregate(["x"], [{"x": v} for v in (1.6, 2.4, 3.6, 4.4, 3.0)]).factor("x")
    assert shown.sd == 1.0
    assert shown.disagreement is True


def test_low_factor_at_and_above_threshold():
    low = t.aggregate(["x"], [{"x": 2}, {"x": 2.5}, {"x": 3}])
    assert low.factor("x").mean == pytest.approx(2.5)
    assert low.factor("x").is_low is True
    ok = t.aggregate(["x"], [{"x": 2.5}, {"x": 3}, {"x": 3}])
    assert ok.factor("x").is_low is False
    # 2.53 is shown as "2,5", so it is "laag" as the page explains
    shown = t.aggregate(["x"], [{"x": 2.5}, {"x": 2.5}, {"x": 2.6}])
    assert shown.factor("x").mean == 2.5
    assert shown.factor("x").is_low is True


def test_trend_against_previous_round_with_enough_answers():
    r1 = [{"a": 2, "b": 3}] * 3
    r2 = [{"a": 5, "b": 5}] * 2  # too few: skipped for the trend
    r3 = [{"a": 3, "b": 2.5}] * 4
    first, second, third = t.series(F, [r1, r2, r3])
    assert first.factor("a").change is None
    assert second.enough is False
    assert third.factor("a").change == pytest.approx(1.0)
    assert third.factor("b").change == pytest.approx(-0.5)


def test_trend_is_the_change_of_the_shown_means():
    # 3.04 is shown as 3,0 and 3.96 as 4,0: the trend reads +1,0, not +0,9
    first, second = t.series(["x"], [[{"x": 3.04}] * 3, [{"x": 3.96}] * 3])
    assert (first.factor("x").mean, second.factor("x").mean) == (3.0, 4.0)
    assert second.factor("x").change == 1.0


def test_factor_missing_in_responses_is_left_out():
    res = t.aggregate(["a", "b"], [{"a": 3}, {"a": 3}, {"a": 3, "b": 1}])
    assert res.factor("a").n == 3
    assert res.factor("b") is None
