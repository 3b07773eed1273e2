"""Scoring, best fit and grating pairs of the collaboration profiles."""

import pytest

from samenspel.domain import profiles as p


def _answers(**per_profile):
    """Every statement answered with the value given for its profile (default 3)."""
    return {s.id: per_profile.get(s.profile, 3) for s in p.STATEMENTS}


def test_five_profiles_three_statements_each():
    assert p.PROFILE_IDS == ("verbinder", "kenner", "luisteraar", "rebel", "prater")
    for pid in p.PROFILE_IDS:
        assert sum(1 for s in p.STATEMENTS if s.profile == pid) == 3
    assert len(set(p.STATEMENT_IDS)) == 15
    assert [v for v, _label in p.SCALE] == [1, 2, 3, 4, 5]


def test_score_is_mean_per_profile():
    answers = _answers(kenner=5, rebel=1)
    # One luisteraar statement lower: mean (2 + 3 + 3) / 3.
    first_luisteraar = next(s.id for s in p.STATEMENTS if s.profile == "luisteraar")
    answers[first_luisteraar] = 2
    scores = p.score(answers)
    assert scores == {
        "verbinder": 3.0,
        "kenner": 5.0,
        "luisteraar": 2.67,
        "rebel": 1.0,
        "prater": 3.0,
    }
    assert p.best_fit(scores) == ("kenner",)


def test_score_accepts_form_strings():
    answers = {sid: "4" for sid in p.STATEMENT_IDS}
    assert set(p.score(answers).values()) == {4.0}


def test_missing_and_invalid_answers_refuse_to_score():
    answers = _answers()
    del answers["s03"]
    answers["s07"] = 9
    answers["s11"] = "veel"
    with pytest.raises(p.ProfileError) as error:
        p.score(answers)
    assert error.value.missing == ("s03", "s07", "s11")
    assert p.missing(answers) == ("s03", "s07", "s11")
    assert "s07" not in p.clean(answers) and p.clean(answers)["s01"] == 3


def test_tie_returns_all_tied_profiles_in_fixed_order():
    scores = p.score(_answers(prater=5, verbinder=5))
    assert p.best_fit(scores) == ("verbinder", "prater")
    assert p.best_fit(p.score(_answers())) == p.PROFILE_IDS
    assert p.best_fit({}) == ()


def test_grating_pairs_need_both_profiles_present():
    assert p.grating_pairs([]) == ()
    assert p.grating_pairs(["kenner"]) == ()
    pairs = p.grating_pairs(["kenner", "rebel", "luisteraar"])
    assert {(x.first, x.second) for x in pairs} == {("kenner", "rebel"), ("kenner", "luisteraar")}
    assert all(x.reason for x in pairs)


def test_grating_pairs_are_well_formed():
    seen = set()
    for pair in p.all_pairs():
        assert pair.first in p.PROFILE_BY_ID and pair.second in p.PROFILE_BY_ID
        assert pair.first != pair.second
        key = frozenset((pair.first, pair.second))
        assert key not in seen
        seen.add(key)


def test_conversation_cards_and_mnemonics():
    assert 6 <= len(p.CONVERSATION_CARDS) <= 8
    assert [m.letters for m in p.MNEMONICS] == ["LSD", "NIVEA", "OMA", "ANNA", "DIK", "OEN"]
    for m in p.MNEMONICS:
        assert m.meaning and m.explanation
