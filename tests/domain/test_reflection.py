"""Equality reflection: parties, aggregation per party, privacy minimum, divergence."""

import json
from pathlib import Path

import pytest

from samenspel.domain import reflection as r
from samenspel.domain.access import Relationship
from samenspel.domain.instruments import load_instrument_file, score
from samenspel.domain.vocabulary import AccessLevel, MemberKind

P = r.Party
DIMS = ["zeggenschap", "omgang"]
INSTRUMENT = (
    Path(__file__).resolve().parents[2] / "src/samenspel/reflection/instruments/reflection.json"
)


def _many(party, n, **scores):
    return [(party, dict(scores)) for _ in range(n)]


# --- parties ---------------------------------------------------------------------


def test_party_of_member_follows_the_role():
    assert r.party_of_member(MemberKind.CLIENT) == P.CLIENT_SIDE
    assert r.party_of_member("carer") == P.CARER
    assert r.party_of_member("volunteer") == P.VOLUNTEER
    assert r.party_of_member("professional") == P.PROFESSIONAL


def test_legal_representative_answers_for_the_client_side():
    assert r.party_of_member("carer", legal_representative=True) == P.CLIENT_SIDE


def test_most_formal_role_wins():
    assert r.strongest([P.CARER, P.VOLUNTEER]) == P.VOLUNTEER
    assert r.strongest([P.CLIENT_SIDE, P.CARER]) == P.CARER
    assert r.strongest([P.CARER, P.PROFESSIONAL, P.VOLUNTEER]) == P.PROFESSIONAL
    assert r.strongest([]) is None


def test_team_party_employment_wins_over_circle_roles():
    assert r.team_party(works_in_team=True, memberships=[P.CARER]) == P.PROFESSIONAL
    assert r.team_party(works_in_team=False, memberships=[P.CARER]) == P.CARER
    assert r.team_party(works_in_team=False, memberships=[]) is None


def test_circle_party_from_relationship():
    carer = Relationship(
        member_kind=MemberKind.CARER, member_active=True, access_level=AccessLevel.FULL
    )
    assert r.circle_party(carer) == P.CARER
    revoked = Relationship(member_kind=MemberKind.CARER, member_active=False)
    assert r.circle_party(revoked) is None
    team_pro = Relationship(team_professional=True, team_consent=True)
    assert r.circle_party(team_pro) == P.PROFESSIONAL
    assert r.circle_party(Relationship()) is None
    # A professional who is a member in the role of mantelzorger answers as one.
    nurse_as_daughter = Relationship(
        member_kind=MemberKind.CARER,
        member_active=True,
        access_level=AccessLevel.FULL,
        team_professional=True,
    )
    assert r.circle_party(nurse_as_daughter) == P.CARER


# --- aggregation -----------------------------------------------------------------


def test_constants_are_the_product_choices():
    assert r.MIN_RESPONDENTS == 3
    assert r.MIN_RESPONDENTS_FOR_SPREAD == 5
    assert r.DISAGREEMENT_SD == 1.0
    assert r.DIVERGENCE_THRESHOLD == 1.0
    assert r.DECIMALS == 1


def test_two_in_a_party_show_nothing_three_show_figures():
    two = r.aggregate(DIMS, _many(P.CARER, 2, zeggenschap=1, omgang=5))
    fig = two.dimension("zeggenschap").party(P.CARER)
    assert fig.n == 2
    assert fig.enough is False
    assert fig.mean is None and fig.sd is None
    assert two.shown_parties == ()

    three = r.aggregate(
        DIMS,
        [
            (P.CARER, {"zeggenschap": 1, "omgang": 5}),
            (P.CARER, {"zeggenschap": 2, "omgang": 5}),
            (P.CARER, {"zeggenschap": 3, "omgang": 5}),
        ],
    )
    fig = three.dimension("zeggenschap").party(P.CARER)
    assert fig.n == 3
    assert fig.enough is True
    assert fig.mean == pytest.approx(2.0)
    # With three, the spread only as a word: numbers would give the others away.
    assert fig.sd is None and fig.spread_shown is False
    assert fig.disagreement is False
    assert three.dimension("omgang").party(P.CARER).sd is None
    assert three.shown_parties == (P.CARER,)


def test_spread_in_numbers_from_five_in_a_party():
    four = r.aggregate(["x"], [(P.CARER, {"x": v}) for v in (1, 1, 5, 5)])
    fig = four.dimension("x").party(P.CARER)
    assert fig.sd is None
    assert fig.low is None and fig.high is None  # the range would give answers away
    assert fig.disagreement is True  # sd 2: "veel verschil"
    five = r.aggregate(["x"], [(P.CARER, {"x": v}) for v in (1, 1, 5, 5, 3)])
    fig = five.dimension("x").party(P.CARER)
    assert fig.spread_shown is True
    assert fig.sd == pytest.approx(1.8)  # sqrt(3.2) = 1.79, rounded
    assert (fig.low, fig.high) == (1.0, 5.0)
    assert fig.disagreement is True


def test_range_is_rounded_like_every_shown_figure():
    values = (1.26, 2.0, 3.0, 4.0, 4.74)
    fig = r.aggregate(["x"], [(P.CARER, {"x": v}) for v in values]).dimension("x").party(P.CARER)
    assert (fig.low, fig.high) == (1.3, 4.7)


def test_same_mean_and_label_give_identical_figures_at_three():
    """Mean and coarse word cannot tell (1,3,5) from (2,2,5), nor (2,3,4) from (3,3,3)."""
    for one, other in (((1, 3, 5), (2, 2, 5)), ((2, 3, 4), (3, 3, 3))):
        first = r.aggregate(["x"], [(P.CARER, {"x": v}) for v in one])
        second = r.aggregate(["x"], [(P.CARER, {"x": v}) for v in other])
        assert first == second


def test_a_party_of_one_is_never_shown():
    res = r.aggregate(
        DIMS,
        _many(P.PROFESSIONAL, 3, zeggenschap=5, omgang=4) + [(P.CLIENT_SIDE, {"zeggenschap": 1})],
    )
    client = res.dimension("zeggenschap").party(P.CLIENT_SIDE)
    assert client.mean is None
    assert res.counts[P.CLIENT_SIDE] == 1
    # The lone client does not take part in the comparison either.
    assert res.dimension("zeggenschap").divergence is None


def test_every_party_is_listed_in_order_even_when_missing():
    res = r.aggregate(DIMS, _many(P.PROFESSIONAL, 3, zeggenschap=4, omgang=4))
    parties = [f.party for f in res.dimension("omgang").parties]
    assert parties == list(r.PARTIES)
    assert res.dimension("omgang").party(P.VOLUNTEER).n == 0
    assert res.counts == {P.CLIENT_SIDE: 0, P.CARER: 0, P.VOLUNTEER: 0, P.PROFESSIONAL: 3}


def test_divergence_is_max_minus_min_of_shown_means():
    res = r.aggregate(
        DIMS,
        _many(P.PROFESSIONAL, 3, zeggenschap=4.5, omgang=4)
        + _many(P.CARER, 4, zeggenschap=2, omgang=3.5)
        + _many(P.VOLUNTEER, 3, zeggenschap=3, omgang=4)
        + _many(P.CLIENT_SIDE, 2, zeggenschap=5, omgang=1),  # too few: ignored
    )
    z = res.dimension("zeggenschap")
    assert z.divergence == pytest.approx(2.5)
    assert (z.highest, z.lowest) == (P.PROFESSIONAL, P.CARER)
    assert z.highlighted is True
    o = res.dimension("omgang")
    assert o.divergence == pytest.approx(0.5)
    assert o.highlighted is False
    assert [d.dimension for d in res.highlighted] == ["zeggenschap"]
    assert res.total == 12


def test_highlight_exactly_at_the_threshold():
    edge = r.aggregate(["x"], _many(P.PROFESSIONAL, 3, x=4) + _many(P.CARER, 3, x=3)).dimension("x")
    assert edge.divergence == pytest.approx(1.0)
    assert edge.highlighted is True
    below = r.aggregate(["x"], _many(P.PROFESSIONAL, 3, x=3.9) + _many(P.CARER, 3, x=3)).dimension(
        "x"
    )
    assert below.highlighted is False


def test_thirds_that_add_up_to_one_point_count_as_divergence():
    # means 10/3 and 7/3: floating point must not hide a one-point gap
    res = r.aggregate(
        ["x"],
        [(P.PROFESSIONAL, {"x": v}) for v in (3, 3, 4)] + [(P.CARER, {"x": v}) for v in (2, 2, 3)],
    )
    assert res.dimension("x").highlighted is True


@pytest.mark.parametrize(
    "raw_gap,shown,highlighted",
    [(35 / 36, 1.0, True), (0.96, 1.0, True), (0.94, 0.9, False), (1.04, 1.0, True)],
)
def test_divergence_is_classified_as_it_is_shown(raw_gap, shown, highlighted):
    """A gap shown as "1,0" is always a large one, never "klein verschil"."""
    res = r.aggregate(
        ["x"], _many(P.PROFESSIONAL, 3, x=3 + raw_gap) + _many(P.CARER, 3, x=3)
    ).dimension("x")
    assert res.divergence == shown
    assert res.highlighted is highlighted


def test_one_party_alone_has_no_divergence():
    res = r.aggregate(["x"], _many(P.CARER, 5, x=1))
    d = res.dimension("x")
    assert d.divergence is None
    assert d.highlighted is False


def test_missing_dimension_in_a_response_does_not_count():
    res = r.aggregate(["x", "y"], _many(P.CARER, 3, x=2) + [(P.CARER, {"x": 2, "y": 5})])
    assert res.dimension("x").party(P.CARER).n == 4
    assert res.dimension("y").party(P.CARER).n == 1
    assert res.dimension("y").party(P.CARER).enough is False


def test_party_given_as_stored_string():
    res = r.aggregate(["x"], [("carer", {"x": 2})] * 3)
    assert res.dimension("x").party(P.CARER).mean == pytest.approx(2)


# --- the shipped statements ---------------------------------------------------------


def test_instrument_has_every_dimension_with_two_or_three_statements():
    inst = load_instrument_file(INSTRUMENT)
    ids = [s.id for s in inst.subscales]
    assert ids == [
        "omgang",
        "rolverdeling",
        "verantwoordelijkheid",
        "communicatie",
        "afhankelijkheid",
        "kennis",
        "zeggenschap",
        "gelijkwaardigheid",
    ]
    for sub in inst.subscales:
        assert 2 <= len(sub.items) <= 3, sub.id
        assert sub.id in r.PROMPTS
    assert set(r.PROMPTS) == set(ids)


def test_reverse_statements_score_so_that_higher_is_more_equal():
    inst = load_instrument_file(INSTRUMENT)
    answers = {it.id: "helemaal_eens" for it in inst.items}
    for it in inst.items:
        if it.reverse:
            answers[it.id] = "helemaal_oneens"  # never waiting, never asked unasked
    result = score(inst, answers)
    assert result.complete
    assert set(result.subscale_scores.values()) == {5.0}
    assert any(it.reverse for it in inst.items)


def test_statements_are_in_our_own_first_person_wording():
    data = json.loads(INSTRUMENT.read_text(encoding="utf-8"))
    texts = [it["text"] for it in data["items"]]
    assert "Mijn inbreng telt even zwaar als die van de anderen." in texts
    assert all(len(t) <= 110 for t in texts)  # short sentences (B1)
