"""Questionnaire engine: hand-computed scores for every shipped instrument, and
clear errors for broken instrument files."""

import copy
import json

import pytest

from samenspel.burden.catalogue import instruments_dir
from samenspel.domain.instruments import (
    AnswerError,
    InstrumentError,
    is_rise_signal,
    load_instrument_file,
    parse_instrument,
    rise,
    score,
)


def shipped(name):
    return load_instrument_file(instruments_dir() / f"{name}.json")


CSI = shipped("csi")
EDIZ = shipped("ediz")
EDIZ_PLUS = shipped("ediz_plus")
CRA = shipped("cra_d")
CHECKIN = shipped("checkin")


def csi_answers(yes):
    return {f"q{n}": "ja" if n <= yes else "nee" for n in range(1, 14)}


def ediz_plus_answers(points):
    return {
        f"q{n}": "van_toepassing" if n <= points else "niet_van_toepassing" for n in range(1, 16)
    }


# --- CSI: 13 yes/no, 0-13, 7 or more = high strain ---------------------------


@pytest.mark.parametrize(
    ("yes", "band", "high"),
    [(0, "lager", False), (1, "lager", False), (6, "lager", False), (7, "hoog", True)]
    + [(13, "hoog", True)],
)
def test_csi_counts_yes_answers_and_7_is_high_strain(yes, band, high):
    result = score(CSI, csi_answers(yes))
    assert result.total == yes
    assert result.band.id == band
    assert result.at_or_above_cutoff is high
    assert result.complete and result.missing == () and result.answered == 13


def test_csi_which_items_are_yes_does_not_matter():
    answers = csi_answers(0) | {"q2": "ja", "q9": "ja", "q13": "ja"}
    assert score(CSI, answers).total == 3


def test_csi_bands_carry_severity_for_signals():
    assert score(CSI, csi_answers(7)).band.severity == "high"
    assert score(CSI, csi_answers(6)).band.severity == "low"


# --- EDIZ: min of meer / ja / ja! score 1 ------------------------------------


def test_ediz_counts_min_of_meer_ja_and_ja_bang():
    answers = {
        "q1": "zeker_nee",
        "q2": "nee",
        "q3": "min_of_meer",
        "q4": "ja",
        "q5": "zeker_ja",
        "q6": "nee",
        "q7": "zeker_nee",
        "q8": "nee",
        "q9": "nee",
    }
    result = score(EDIZ, answers)
    assert result.total == 3
    assert result.band.id == "enige"
    # No published cut-off for the EDIZ: never an 'at or above cut-off' signal.
    assert EDIZ.cutoff is None and result.at_or_above_cutoff is False


@pytest.mark.parametrize(
    ("points", "band"),
    [(0, "weinig"), (2, "weinig"), (3, "enige"), (5, "enige"), (6, "veel"), (9, "veel")],
)
def test_ediz_band_boundaries(points, band):
    answers = {f"q{n}": "ja" if n <= points else "nee" for n in range(1, 10)}
    result = score(EDIZ, answers)
    assert result.total == points and result.band.id == band


# --- EDIZ-plus: 0 / 1-3 / 4-8 / 9-15, 9 or more = overload ---------------------


@pytest.mark.parametrize(
    ("points", "band", "over"),
    [
        (0, "geen", False),
        (1, "licht", False),
        (3, "licht", False),
        (4, "matig", False),
        (8, "matig", False),
        (9, "zwaar", True),
        (15, "zwaar", True),
    ],
)
def test_ediz_plus_bands_and_cutoff(points, band, over):
    result = score(EDIZ_PLUS, ediz_plus_answers(points))
    assert result.total == points
    assert result.band.id == band
    assert result.at_or_above_cutoff is over


def test_ediz_plus_ships_without_item_texts():
    assert EDIZ_PLUS.items_complete is False
    assert len(EDIZ_PLUS.items) == 15
    assert all(item.text is None for item in EDIZ_PLUS.items)


# --- CRA-D: five subscale means, no total -------------------------------------


def test_cra_subscale_means_hand_computed():
    values = ["helemaal_oneens", "oneens", "neutraal", "eens", "helemaal_eens"]  # 1..5
    answers = {f"zelfwaardering_{i}": "eens" for i in range(1, 8)}  # 4 x 7 -> 4.0
    answers |= {f"familiesteun_{i}": values[i - 1] for i in range(1, 6)}  # 1..5 -> 3.0
    answers |= {"financien_1": "helemaal_eens", "financien_2": "helemaal_eens"}
    answers |= {"financien_3": "oneens"}  # (5+5+2)/3 -> 4.0
    answers |= {f"dagindeling_{i}": "helemaal_oneens" for i in range(1, 6)}  # 1.0
    answers |= {"gezondheid_1": "oneens", "gezondheid_2": "neutraal"}
    answers |= {"gezondheid_3": "neutraal", "gezondheid_4": "eens"}  # 12/4 -> 3.0
    result = score(CRA, answers)
    assert result.complete
    assert result.subscale_scores == {
        "zelfwaardering": 4.0,
        "familiesteun": 3.0,
        "financien": 4.0,
        "dagindeling": 1.0,
        "gezondheid": 3.0,
    }
    assert result.total is None and result.band is None and not result.at_or_above_cutoff


def test_cra_structure_matches_publication():
    sizes = {sub.id: len(sub.items) for sub in CRA.subscales}
    assert sizes == {
        "zelfwaardering": 7,
        "familiesteun": 5,
        "financien": 3,
        "dagindeling": 5,
        "gezondheid": 4,
    }
    assert CRA.subscale("zelfwaardering").higher_is_worse is False
    assert all(item.subscale for item in CRA.items)


# --- our own check-in ---------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        (("heel_veel", "heel_goed", "nee"), 3, "goed"),
        (("veel", "goed", "nu_niet"), 6, "goed"),
        (("gewoon", "goed", "nu_niet"), 7, "let_op"),
        (("weinig", "gaat_wel", "misschien"), 10, "let_op"),
        (("weinig", "zwaar", "misschien"), 11, "zwaar"),
        (("heel_weinig", "te_zwaar", "ja_dringend"), 15, "zwaar"),
    ],
)
def test_checkin_sum_and_bands(answers, total, band):
    result = score(CHECKIN, dict(zip(("energie", "gang", "hulp"), answers, strict=True)))
    assert result.total == total and result.band.id == band
    assert result.at_or_above_cutoff is False  # not validated: no cut-off signal


def test_checkin_is_not_a_validated_instrument():
    assert CHECKIN.kind == "check_in"
    assert "GEEN" in CHECKIN.translation_note


# --- incomplete and wrong answers ---------------------------------------------


def test_missing_answers_give_no_score_at_all():
    answers = csi_answers(13)
    del answers["q13"]
    answers["q5"] = ""  # a draft form posts blanks
    result = score(CSI, answers)
    assert result.complete is False
    assert result.total is None and result.band is None
    assert result.missing == ("q5", "q13")
    assert result.answered == 11
    assert result.at_or_above_cutoff is False


def test_incomplete_subscale_instrument_has_no_subscale_scores():
    result = score(CRA, {"zelfwaardering_1": "eens"})
    assert result.subscale_scores == {} and not result.complete


def test_unknown_item_is_an_answer_error():
    with pytest.raises(AnswerError) as exc:
        score(CSI, csi_answers(0) | {"q99": "ja"})
    assert exc.value.code == "unknown_item" and exc.value.item_id == "q99"


def test_value_not_on_the_scale_is_an_answer_error():
    with pytest.raises(AnswerError) as exc:
        score(CSI, csi_answers(0) | {"q3": "misschien"})
    assert exc.value.code == "invalid_value" and exc.value.item_id == "q3"
    assert not isinstance(exc.value, InstrumentError)


# --- rise since the previous measurement --------------------------------------


def test_rise_is_the_change_in_total_and_signals_at_the_threshold():
    before, after = score(CSI, csi_answers(5)), score(CSI, csi_answers(7))
    assert rise(before, after, CSI) == 2
    assert CSI.rise_threshold == 2
    assert is_rise_signal(before, after, CSI)
    assert not is_rise_signal(before, score(CSI, csi_answers(6)), CSI)
    assert not is_rise_signal(after, before, CSI)  # falling is not a signal


def test_rise_needs_two_complete_results():
    incomplete = score(CSI, {"q1": "ja"})
    assert rise(incomplete, score(CSI, csi_answers(9)), CSI) is None
    assert not is_rise_signal(incomplete, score(CSI, csi_answers(9)), CSI)


def test_rise_thresholds_per_instrument():
    assert (EDIZ.rise_threshold, EDIZ_PLUS.rise_threshold, CRA.rise_threshold) == (2, 3, None)


# --- reverse scoring ----------------------------------------------------------


def synthetic():
    """A small valid instrument: two items on a 0-3 scale, the second reversed."""
    return {
        "id": "demo",
        "version": "1.0",
        "name": "Demo",
        "short_name": "D",
        "kind": "validated",
        "description": "d",
        "instructions": "i",
        "source": "s",
        "licence": "l",
        "translation_note": "t",
        "scoring": "sum",
        "positive_values": [],
        "cutoff": 4,
        "higher_is_worse": True,
        "min_score": 0,
        "max_score": 6,
        "rise_threshold": 1,
        "scales": {
            "s4": [
                {"value": "nooit", "label": "Nooit", "score": 0},
                {"value": "soms", "label": "Soms", "score": 1},
                {"value": "vaak", "label": "Vaak", "score": 2},
                {"value": "altijd", "label": "Altijd", "score": 3},
            ]
        },
        "items": [
            {"id": "a", "text": "A", "scale": "s4"},
            {"id": "b", "text": "B", "scale": "s4", "reverse": True},
        ],
        "bands": [
            {
                "id": "laag",
                "min": 0,
                "max": 3,
                "label": "L",
                "meaning": "m",
                "next_steps": [],
                "severity": "low",
            },
            {
                "id": "hoog",
                "min": 4,
                "max": 6,
                "label": "H",
                "meaning": "m",
                "next_steps": ["x"],
                "severity": "high",
            },
        ],
        "subscales": [],
    }


def test_reverse_item_scores_max_plus_min_minus_score():
    demo = parse_instrument(synthetic(), source_name="demo.json")
    assert score(demo, {"a": "altijd", "b": "nooit"}).total == 6
    assert score(demo, {"a": "altijd", "b": "altijd"}).total == 3
    assert score(demo, {"a": "nooit", "b": "soms"}).total == 2
    assert score(demo, {"a": "soms", "b": "soms"}).band.id == "laag"  # 1 + 2 = 3
    assert score(demo, {"a": "vaak", "b": "soms"}).band.id == "hoog"  # 2 + 2 = 4
    assert demo.item("b").reverse and not demo.item("a").reverse


# --- broken instrument files give a clear error -------------------------------


def write(tmp_path, data, name="broken.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def broken(change):
    data = copy.deepcopy(synthetic())
    change(data)
    return data


BROKEN = {
    "missing key": (lambda d: d.pop("cutoff"), "missing required key 'cutoff'"),
    "unknown key": (lambda d: d.update(rise_treshold=1), "unknown keys ['rise_treshold']"),
    "unknown scale": (
        lambda d: d["items"][0].update(scale="yn"),
        "item 'a' uses unknown scale 'yn'",
    ),
    "duplicate item": (lambda d: d["items"][1].update(id="a"), "duplicate item id 'a'"),
    "band gap": (
        lambda d: d["bands"][1].update(min=5),
        "gap between bands 'laag' and 'hoog': no band for 4..4",
    ),
    "band overlap": (lambda d: d["bands"][1].update(min=3), "bands 'laag' and 'hoog' overlap"),
    "bands short": (lambda d: d["bands"][1].update(max=5), "bands end at 5, not at max_score 6"),
    "range typo": (
        lambda d: d.update(max_score=7),
        "min_score/max_score are 0..7 but the items give 0..6",
    ),
    "cutoff outside": (
        lambda d: d.update(cutoff=6.5, max_score=6),
        "cutoff 6.5 is outside 0..6",
    ),
    "duplicate option": (
        lambda d: d["scales"]["s4"][1].update(value="nooit"),
        "scale 's4' has duplicate option value 'nooit'",
    ),
    "score not int": (
        lambda d: d["scales"]["s4"][1].update(score=1.5),
        "scale 's4' option 2: 'score' must be an integer",
    ),
    "bad severity": (
        lambda d: d["bands"][0].update(severity="red"),
        "band 'laag': severity 'red' is not one of",
    ),
    "count without positives": (
        lambda d: d.update(
            scoring="count_positive",
            max_score=2,
            cutoff=1,
            items=[
                {"id": "a", "text": "A", "scale": "s4"},
                {"id": "b", "text": "B", "scale": "s4"},
            ],
            bands=[],
        ),
        "scoring 'count_positive' needs non-empty 'positive_values'",
    ),
    "unknown positive value": (
        lambda d: d.update(
            scoring="count_positive",
            positive_values=["vaak", "ja"],
            max_score=2,
            cutoff=1,
            items=[
                {"id": "a", "text": "A", "scale": "s4"},
                {"id": "b", "text": "B", "scale": "s4"},
            ],
            bands=[],
        ),
        "positive_values ['ja'] are not on any item's scale",
    ),
    "subscale unknown item": (
        lambda d: d.update(subscales=[{"id": "x", "label": "X", "items": ["a", "zz"]}]),
        "subscale 'x' lists unknown item 'zz'",
    ),
    "subscale means orphan": (
        lambda d: d.update(
            scoring="subscale_means",
            min_score=0,
            max_score=3,
            cutoff=None,
            rise_threshold=None,
            bands=[],
            subscales=[{"id": "x", "label": "X", "items": ["a"]}],
        ),
        "items ['b'] are not in any subscale",
    ),
    "item in two subscales": (
        lambda d: d.update(
            subscales=[
                {"id": "x", "label": "X", "items": ["a"]},
                {"id": "y", "label": "Y", "items": ["a", "b"]},
            ]
        ),
        "item 'a' is in subscales 'x' and 'y'",
    ),
    "reverse on one option": (
        lambda d: (
            d["scales"].update(een=[{"value": "ja", "label": "Ja", "score": 1}]),
            d["items"].append({"id": "c", "text": "C", "scale": "een", "reverse": True}),
        ),
        "item 'c' is reverse-scored but scale 'een' has one option",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_instrument_file_names_file_and_problem(tmp_path, case):
    change, message = BROKEN[case]
    path = write(tmp_path, broken(change))
    with pytest.raises(InstrumentError) as exc:
        load_instrument_file(path)
    assert str(exc.value).startswith("broken.json: ")
    assert message in str(exc.value)


def test_invalid_json_names_file_and_line(tmp_path):
    text = json.dumps(synthetic(), indent=2).replace('"Demo",', '"Demo"', 1)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if '"short_name"' in row)
    path = write(tmp_path, text, name="kapot.json")
    with pytest.raises(InstrumentError) as exc:
        load_instrument_file(path)
    assert str(exc.value).startswith(f"kapot.json: invalid JSON at line {line},")


def test_missing_file_is_an_instrument_error(tmp_path):
    with pytest.raises(InstrumentError, match=r"^weg\.json: cannot be read"):
        load_instrument_file(tmp_path / "weg.json")


def test_the_synthetic_instrument_itself_is_valid():
    # Guards the broken-file cases: each must fail for its own reason only.
    assert parse_instrument(synthetic(), source_name="demo.json").items_complete
