"""Ecogram layout: pure geometry, checked without rendering."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenspel.domain import thresholds as t
from samenspel.domain.ecogram import (
    LEGEND_HEIGHT,
    LEGEND_WIDTH,
    LINE_WIDTH_MAX,
    LINE_WIDTH_MIN,
    MARGIN,
    label_width,
    layout,
    line_width,
    short_name,
)
from samenspel.domain.network import MemberFacts
from samenspel.domain.vocabulary import MemberKind

K = MemberKind
KINDS = [K.CARER, K.VOLUNTEER, K.PROFESSIONAL]


def m(key, kind=K.CARER, hours=0.0, closeness=2, name=None):
    return MemberFacts(
        key=str(key),
        name=name or f"Persoon {key}",
        kind=kind,
        hours_per_week=hours,
        closeness=closeness,
    )


def many(n):
    return [
        m(i, KINDS[i % 3], hours=i % 45, closeness=1 + i % 3, name=f"Iemand met een lange naam {i}")
        for i in range(n)
    ]


def assert_inside(eco):
    lo, hi = 0.0, float(eco.size)
    for node in eco.nodes:
        assert lo <= node.x - node.radius and node.x + node.radius <= hi
        assert lo <= node.y - node.radius and node.y + node.radius <= hi
        width = label_width(node.short_name, eco.font_size)
        left = {
            "start": node.label_x,
            "middle": node.label_x - width / 2,
            "end": node.label_x - width,
        }[node.label_anchor]
        assert lo <= left and left + width <= hi + 1e-6
        assert lo <= node.label_y - eco.font_size and node.label_y <= hi
        # the label box does not cover its own node (diamond reaches 1.15 radii)
        reach = 1.15 * node.radius
        overlaps = (
            left < node.x + reach
            and left + width > node.x - reach
            and node.label_y - eco.font_size < node.y + reach
            and node.label_y > node.y - reach
        )
        assert not overlaps


def test_empty_circle():
    eco = layout([])
    assert eco.nodes == ()
    assert eco.centre == (300.0, 300.0)
    r1, r2, r3 = eco.ring_radii
    assert 0 < r1 < r2 < r3 < 300


def test_one_member():
    eco = layout([m(1, closeness=1)])
    (node,) = eco.nodes
    assert node.ring == 1
    assert node.x == pytest.approx(300.0)
    assert node.y == pytest.approx(300.0 - eco.ring_radii[0])  # top of ring 1
    assert node.label_anchor == "middle"
    assert_inside(eco)


def test_client_is_not_a_node():
    eco = layout([m(0, K.CLIENT), m(1)])
    assert [n.key for n in eco.nodes] == ["1"]


def test_ring_follows_closeness():
    eco = layout([m(1, closeness=1), m(2, closeness=2), m(3, closeness=3), m(4, closeness=9)])
    rings = {n.key: n.ring for n in eco.nodes}
    assert rings == {"1": 1, "2": 2, "3": 3, "4": 3}
    for node in eco.nodes:
        dist = math.hypot(node.x - 300, node.y - 300)
        assert dist == pytest.approx(eco.ring_radii[node.ring - 1])


def test_deterministic():
    members = many(17)
    assert layout(members) == layout(list(members))


def test_rings_start_at_different_angles():
    eco = layout([m(1, closeness=1), m(2, closeness=2), m(3, closeness=3)])
    angles = {round(math.atan2(n.y - 300, n.x - 300), 6) for n in eco.nodes}
    assert len(angles) == 3


def test_even_spread_on_a_ring():
    eco = layout([m(i, closeness=2) for i in range(5)])
    angles = sorted(math.atan2(n.y - 300, n.x - 300) % (2 * math.pi) for n in eco.nodes)
    gaps = [b - a for a, b in zip(angles, angles[1:], strict=False)]
    assert all(g == pytest.approx(2 * math.pi / 5) for g in gaps)


@pytest.mark.parametrize("size", [300, 600, 1000])
def test_forty_plus_members_stay_inside(size):
    eco = layout(many(45), size=size)
    assert len(eco.nodes) == 45
    assert_inside(eco)


def test_crowded_ring_alternates_radius():
    eco = layout([m(i, closeness=1) for i in range(20)])
    dists = [math.hypot(n.x - 300, n.y - 300) for n in eco.nodes]
    assert len({round(d, 3) for d in dists}) == 2
    # neighbours on the ring do not overlap
    for a, b in zip(eco.nodes, eco.nodes[1:], strict=False):
        assert math.hypot(a.x - b.x, a.y - b.y) >= 2 * a.radius


def test_line_width_monotonic_and_capped():
    widths = [line_width(h) for h in range(0, 80)]
    assert widths[0] == LINE_WIDTH_MIN
    assert all(a <= b for a, b in zip(widths, widths[1:], strict=False))
    assert line_width(t.ECOGRAM_LINE_CAP_HOURS) == LINE_WIDTH_MAX
    assert line_width(100) == LINE_WIDTH_MAX
    assert line_width(-3) == LINE_WIDTH_MIN
    assert line_width(float("nan")) == LINE_WIDTH_MIN


def test_nodes_carry_line_width_and_hours():
    eco = layout([m(1, hours=0), m(2, hours=20), m(3, hours=60)])
    by_key = {n.key: n for n in eco.nodes}
    assert by_key["1"].line_width < by_key["2"].line_width < by_key["3"].line_width
    assert by_key["3"].line_width == LINE_WIDTH_MAX


@pytest.mark.parametrize("size", [300, 600])
def test_legend_corner_stays_free(size):
    eco = layout(many(45), size=size)
    top = size - (LEGEND_HEIGHT + MARGIN) * eco.scale
    right = (LEGEND_WIDTH + MARGIN) * eco.scale
    for node in eco.nodes:
        assert node.y + node.radius < top or node.x - node.radius > right
        assert node.label_y < top or node.label_x > right or node.label_anchor == "end"


def test_short_names():
    assert short_name("Ans de Vries") == "Ans de Vries"
    assert short_name("Mohammed El Amrani") == "Mohammed"
    long = short_name("Wijkverpleegkundigenteam Noord")
    assert long.endswith("…") and len(long) == 14


def test_svg_strings_use_dots():
    node = layout([m(1, hours=7.5, closeness=2), m(2, closeness=2), m(3, closeness=2)]).nodes[1]
    for value in (node.x_s, node.y_s, node.label_x_s, node.line_width_s, node.box_x_s):
        assert "," not in value
        float(value)
    assert all("," in p and p.count(",") == 1 for p in node.diamond_points.split(" "))


@given(
    st.lists(
        st.builds(
            MemberFacts,
            key=st.text(min_size=1, max_size=3),
            name=st.text(min_size=1, max_size=40),
            kind=st.sampled_from(list(MemberKind)),
            hours_per_week=st.floats(allow_nan=True, allow_infinity=True),
            closeness=st.integers(-3, 7),
        ),
        max_size=50,
    ),
    st.integers(min_value=200, max_value=1200),
)
def test_layout_properties(members, size):
    eco = layout(members, size=size)
    assert len(eco.nodes) == sum(1 for x in members if x.kind != K.CLIENT)
    assert_inside(eco)
    for node in eco.nodes:
        assert node.ring in (1, 2, 3)
        assert LINE_WIDTH_MIN <= node.line_width <= LINE_WIDTH_MAX
        assert node.label_anchor in ("start", "middle", "end")
