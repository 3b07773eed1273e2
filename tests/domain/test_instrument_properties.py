"""Property tests for the scoring engine, over every shipped instrument and a
synthetic one with a reverse-scored item."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenspel.burden.catalogue import instruments_dir
from samenspel.domain.instruments import load_instrument_file, parse_instrument, score

SHIPPED = [load_instrument_file(p) for p in sorted(instruments_dir().glob("*.json"))]
IDS = [inst.id for inst in SHIPPED]


def answer_sets(instrument):
    return st.fixed_dictionaries(
        {item.id: st.sampled_from(instrument.scale_of(item).values) for item in instrument.items}
    )


def raw_score(instrument, item, value):
    return instrument.scale_of(item).option(value).score


@pytest.mark.parametrize("instrument", SHIPPED, ids=IDS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_scores_stay_within_the_instrument_range(instrument, data):
    result = score(instrument, data.draw(answer_sets(instrument)))
    assert result.complete
    if result.total is not None:
        assert instrument.min_score <= result.total <= instrument.max_score
        assert result.band is not None or not instrument.bands
    for mean in result.subscale_scores.values():
        assert instrument.min_score <= mean <= instrument.max_score


@pytest.mark.parametrize("instrument", SHIPPED, ids=IDS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_worse_answer_never_lowers_a_strain_score(instrument, data):
    """Options are ordered by score (higher = more strain) in every shipped file."""
    answers = data.draw(answer_sets(instrument))
    item = data.draw(st.sampled_from(instrument.items))
    worse = [
        v
        for v in instrument.scale_of(item).values
        if raw_score(instrument, item, v) > raw_score(instrument, item, answers[item.id])
    ]
    if not worse:
        return
    before = score(instrument, answers)
    after = score(instrument, answers | {item.id: data.draw(st.sampled_from(worse))})
    if instrument.higher_is_worse and before.total is not None:
        assert after.total >= before.total
    for sub in instrument.subscales:
        if item.id in sub.items:
            assert after.subscale_scores[sub.id] > before.subscale_scores[sub.id]


@pytest.mark.parametrize(
    "instrument", [i for i in SHIPPED if i.scoring == "count_positive"], ids=lambda i: i.id
)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_adding_a_positive_answer_adds_exactly_one_point(instrument, data):
    answers = data.draw(answer_sets(instrument))
    negatives = [i for i in instrument.items if answers[i.id] not in instrument.positive_values]
    if not negatives:
        return
    item = data.draw(st.sampled_from(negatives))
    positive = data.draw(st.sampled_from(sorted(instrument.positive_values)))
    before = score(instrument, answers)
    after = score(instrument, answers | {item.id: positive})
    assert after.total == before.total + 1


@pytest.mark.parametrize("instrument", SHIPPED, ids=IDS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_missing_answer_means_no_result(instrument, data):
    answers = data.draw(answer_sets(instrument))
    dropped = data.draw(st.sets(st.sampled_from([i.id for i in instrument.items]), min_size=1))
    result = score(instrument, {k: v for k, v in answers.items() if k not in dropped})
    assert not result.complete
    assert result.total is None and result.band is None and result.subscale_scores == {}
    assert set(result.missing) == dropped


REVERSED = parse_instrument(
    {
        "id": "omgekeerd",
        "version": "1.0",
        "name": "Synthetic",
        "short_name": "S",
        "kind": "validated",
        "description": "d",
        "instructions": "i",
        "source": "s",
        "licence": "l",
        "translation_note": "t",
        "scoring": "sum",
        "positive_values": [],
        "cutoff": None,
        "higher_is_worse": True,
        "min_score": 3,
        "max_score": 15,
        "rise_threshold": None,
        "scales": {
            "s": [{"value": f"v{n}", "label": f"L{n}", "score": n} for n in range(1, 6)],
        },
        "items": [
            {"id": "gewoon1", "text": "a", "scale": "s"},
            {"id": "omgekeerd", "text": "b", "scale": "s", "reverse": True},
            {"id": "gewoon2", "text": "c", "scale": "s"},
        ],
        "bands": [],
        "subscales": [{"id": "alles", "label": "Alles", "items": ["gewoon1", "omgekeerd"]}],
    },
    source_name="synthetic",
)


@settings(max_examples=100, deadline=None)
@given(
    a=st.integers(1, 5),
    b=st.integers(1, 5),
    c=st.integers(1, 5),
    new_b=st.integers(1, 5),
)
def test_reverse_item_moves_the_score_the_other_way(a, b, c, new_b):
    answers = {"gewoon1": f"v{a}", "omgekeerd": f"v{b}", "gewoon2": f"v{c}"}
    before = score(REVERSED, answers)
    after = score(REVERSED, answers | {"omgekeerd": f"v{new_b}"})
    assert before.total == a + (6 - b) + c
    assert 3 <= before.total <= 15
    assert after.total - before.total == b - new_b
    assert before.subscale_scores["alles"] == (a + 6 - b) / 2
