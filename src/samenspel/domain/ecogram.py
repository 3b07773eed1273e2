"""Pure layout of the ecogram (netwerkkaart): client in the centre, three rings.

Computing coordinates here keeps the SVG template dumb and lets us test that
nothing falls outside the picture. All numbers are in viewBox units; the
``*_s`` properties give them as strings with a dot, because the Dutch locale
would print commas through Django's ``floatformat`` and break the SVG.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from samenspel.domain import thresholds as t
from samenspel.domain.network import MemberFacts, clean_closeness, clean_hours, whole_hours
from samenspel.domain.vocabulary import MEMBER_KIND_LABELS, MemberKind

# Layout proportions for the reference size 600; everything scales with size.
REFERENCE_SIZE = 600.0
MARGIN = 8.0
NODE_RADIUS = 10.0
CENTRE_RADIUS = 18.0
FONT_SIZE = 12.0
CHAR_WIDTH = 0.6 * FONT_SIZE  # generous estimate of an average glyph width
LABEL_GAP = 4.0
SHORT_NAME_MAX = 14
LINE_WIDTH_MIN = 1.0
LINE_WIDTH_MAX = 9.0
RING_FRACTIONS = (0.42, 0.71, 1.0)  # of the outer ring radius
LEGEND_HEIGHT = 74.0  # room kept free at the bottom-left for the legend
LEGEND_WIDTH = 260.0  # incl. "Dikkere lijn = meer uren per week" at font size 11


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def short_name(name: str, limit: int = SHORT_NAME_MAX) -> str:
    """Full name if it fits, else the first name, else a cut name ending in '…'."""
    name = " ".join(name.split())
    if len(name) <= limit:
        return name
    first = name.split(" ")[0]
    if 1 < len(first) <= limit:
        return first
    return name[: limit - 1] + "…"


def line_width(hours: float) -> float:
    """Thicker line for more hours per week: 1.0 at 0 h, growing to 9.0 at the cap."""
    capped = min(clean_hours(hours), t.ECOGRAM_LINE_CAP_HOURS)
    return LINE_WIDTH_MIN + (LINE_WIDTH_MAX - LINE_WIDTH_MIN) * capped / t.ECOGRAM_LINE_CAP_HOURS


@dataclass(frozen=True)
class EcogramNode:
    key: str
    name: str
    kind: MemberKind
    ring: int
    x: float
    y: float
    line_width: float
    hours_per_week: float
    label_x: float
    label_y: float
    label_anchor: str  # "start" | "middle" | "end"
    short_name: str
    radius: float = NODE_RADIUS

    @property
    def x_s(self) -> str:
        return _fmt(self.x)

    @property
    def y_s(self) -> str:
        return _fmt(self.y)

    @property
    def r_s(self) -> str:
        return _fmt(self.radius)

    @property
    def line_width_s(self) -> str:
        return _fmt(self.line_width)

    @property
    def label_x_s(self) -> str:
        return _fmt(self.label_x)

    @property
    def label_y_s(self) -> str:
        return _fmt(self.label_y)

    @property
    def box_x_s(self) -> str:
        """Left edge of the professional's square (same visual weight as the circle)."""
        return _fmt(self.x - 0.9 * self.radius)

    @property
    def box_y_s(self) -> str:
        return _fmt(self.y - 0.9 * self.radius)

    @property
    def box_size_s(self) -> str:
        return _fmt(1.8 * self.radius)

    @property
    def diamond_points(self) -> str:
        """Points of the volunteer's diamond (a square on its corner)."""
        r = 1.15 * self.radius
        pts = (
            (self.x, self.y - r),
            (self.x + r, self.y),
            (self.x, self.y + r),
            (self.x - r, self.y),
        )
        return " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in pts)

    @property
    def css_class(self) -> str:
        return f"eco-{self.kind.value}"

    @property
    def kind_label(self) -> str:
        """Dutch label, untranslated (msgid); translate it in the template."""
        return MEMBER_KIND_LABELS[self.kind]

    @property
    def hours_display(self) -> str:
        return whole_hours(self.hours_per_week)


@dataclass(frozen=True)
class EcogramLayout:
    size: int
    centre: tuple[float, float]
    ring_radii: tuple[float, float, float]
    nodes: tuple[EcogramNode, ...]
    centre_radius: float = CENTRE_RADIUS
    font_size: float = FONT_SIZE
    scale: float = 1.0  # size / 600, for the fixed-unit legend

    @property
    def size_s(self) -> str:
        return str(self.size)

    @property
    def cx_s(self) -> str:
        return _fmt(self.centre[0])

    @property
    def cy_s(self) -> str:
        return _fmt(self.centre[1])

    @property
    def centre_radius_s(self) -> str:
        return _fmt(self.centre_radius)

    @property
    def centre_label_y_s(self) -> str:
        return _fmt(self.centre[1] + self.centre_radius + self.font_size + LABEL_GAP)

    @property
    def font_size_s(self) -> str:
        return _fmt(self.font_size)

    @property
    def ring_radii_s(self) -> tuple[str, str, str]:
        r1, r2, r3 = self.ring_radii
        return (_fmt(r1), _fmt(r2), _fmt(r3))

    @property
    def legend_transform(self) -> str:
        """Place the legend (drawn in 600-unit coordinates) in the bottom-left corner."""
        y = self.size - (LEGEND_HEIGHT + MARGIN) * self.scale
        return f"translate({_fmt(MARGIN * self.scale)} {_fmt(y)}) scale({self.scale:.3f})"


def label_width(text: str, font_size: float = FONT_SIZE) -> float:
    """Estimated width of a label; deliberately on the wide side."""
    return len(text) * 0.6 * font_size


def layout(members: Sequence[MemberFacts], size: int = 600) -> EcogramLayout:
    """Place every non-client member on the ring of its closeness, one spoke each.

    Nodes keep input order within a ring, so the same input always gives the
    same picture. Crowded rings alternate nodes slightly in and out.
    """
    size = max(int(size), 200)
    k = size / REFERENCE_SIZE
    margin, node_r, font, gap = MARGIN * k, NODE_RADIUS * k, FONT_SIZE * k, LABEL_GAP * k
    cx = cy = size / 2
    max_label = label_width("M" * SHORT_NAME_MAX, font)
    stagger = node_r * 1.2
    # Room outside the outer ring: stagger, gap to the label (1.2 radii + gap), label.
    outer = cx - margin - max_label - (1.2 * node_r + gap) - stagger
    radii = tuple(outer * f for f in RING_FRACTIONS)

    # One spoke per person: angles are spread over everybody (ordered by ring,
    # then input order), so a label never lies on the spoke of a node further out.
    placed = sorted(
        (m for m in members if m.kind != MemberKind.CLIENT),
        key=lambda m: clean_closeness(m.closeness),
    )
    per_ring = {ring: 0 for ring in (1, 2, 3)}
    for m in placed:
        per_ring[clean_closeness(m.closeness)] += 1

    nodes: list[EcogramNode] = []
    step = 2 * math.pi / len(placed) if placed else 0.0
    for i, m in enumerate(placed):
        ring = clean_closeness(m.closeness)
        radius = radii[ring - 1]
        # Neighbours on the same ring sit one step apart; stagger them when tight.
        crowded = per_ring[ring] > 1 and step * radius < t.ECOGRAM_CROWDED_SPACING * node_r
        angle = -math.pi / 2 + i * step  # the first person straight above the client
        r = radius
        if crowded:
            r += stagger if i % 2 else -stagger
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = cx + r * cos, cy + r * sin
        label = short_name(m.name)
        width = label_width(label, font)

        # Label beside the node on the side away from the centre; above or
        # below it near the top and bottom. 1.2 radii clears the diamond too.
        side = 1.2 * node_r + gap
        if cos > 0.35:
            anchor, lx, ly = "start", x + side, y + font * 0.35
        elif cos < -0.35:
            anchor, lx, ly = "end", x - side, y + font * 0.35
        elif sin < 0:
            anchor, lx, ly = "middle", x, y - side
        else:
            anchor, lx, ly = "middle", x, y + side + font * 0.8
        # Keep the whole label box inside the viewBox.
        left = {"start": 0.0, "middle": width / 2, "end": width}[anchor]
        lx = min(max(lx, margin + left), size - margin - (width - left))
        ly = min(max(ly, margin + font), size - margin)

        nodes.append(
            EcogramNode(
                key=m.key,
                name=m.name,
                kind=m.kind,
                ring=ring,
                x=x,
                y=y,
                line_width=line_width(m.hours_per_week),
                hours_per_week=clean_hours(m.hours_per_week),
                label_x=lx,
                label_y=ly,
                label_anchor=anchor,
                short_name=label,
                radius=node_r,
            )
        )

    return EcogramLayout(
        size=size,
        centre=(cx, cy),
        ring_radii=radii,  # type: ignore[arg-type]
        nodes=tuple(nodes),
        centre_radius=CENTRE_RADIUS * k,
        font_size=font,
        scale=k,
    )
