"""Network analysis on hand-made circles; no Django, no database."""

import math
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenspel.domain import thresholds as t
from samenspel.domain.network import (
    SIGNAL_CODES,
    MemberFacts,
    Signal,
    analyse,
    clean_hours,
)
from samenspel.domain.vocabulary import (
    INFORMAL_KINDS,
    SEVERITY_ORDER,
    CareDomain,
    MemberKind,
    Severity,
)

D = CareDomain
K = MemberKind


def m(key, kind=K.CARER, hours=0.0, domains=(), closeness=2, name=None):
    return MemberFacts(
        key=str(key),
        name=name or f"Persoon {key}",
        kind=kind,
        hours_per_week=hours,
        domains=frozenset(domains),
        closeness=closeness,
    )


def codes(report):
    return [s.code for s in report.signals]


def test_isolated_client_with_only_professionals():
    report = analyse([m(0, K.CLIENT), m(1, K.PROFESSIONAL, 4, [D.NURSING])])
    assert report.isolated
    assert report.size == 1
    assert report.informal_count == 0
    assert report.formal_count == 1
    assert report.main_carer_key is None
    assert "isolated_client" in codes(report)
    assert "small_network" not in codes(report)
    assert report.highest_severity == Severity.HIGH


def test_zero_members():
    report = analyse([])
    assert report.size == 0
    assert report.informal_share == 0.0
    assert report.main_carer_share == 0.0
    assert report.isolated
    assert not report.depends_on_one
    assert codes(report) == ["isolated_client"]
    assert report.open_signal_count == 1


def test_overloaded_partner():
    partner = m(1, K.CARER, 35, [D.HOUSEHOLD, D.PERSONAL_CARE], 1, "Ans de Vries")
    child = m(2, K.CARER, 2, [D.ADMINISTRATION], 1, "Peter de Vries")
    report = analyse([m(0, K.CLIENT), partner, child])
    assert report.main_carer_key == "1"
    assert report.main_carer_name == "Ans de Vries"
    assert report.main_carer_hours == 35
    assert report.main_carer_share == pytest.approx(35 / 37)
    assert report.depends_on_one
    found = codes(report)
    assert "carer_heavy_hours" in found
    assert "depends_on_one" in found
    assert "small_network" in found
    assert "no_professional" in found
    heavy = next(s for s in report.signals if s.code == "carer_heavy_hours")
    assert heavy.member_key == "1"
    rendered = heavy.render()
    assert "Ans de Vries" in rendered.title
    assert "35" in rendered.title
    dep = next(s for s in report.signals if s.code == "depends_on_one").render()
    assert "95 procent" in dep.explanation


def test_strong_network_has_no_high_signals():
    members = [
        m(0, K.CLIENT),
        m(1, K.CARER, 6, [D.HOUSEHOLD, D.COMPANY], 1),
        m(2, K.CARER, 5, [D.ADMINISTRATION, D.PRACTICAL], 1),
        m(3, K.CARER, 4, [D.HOUSEHOLD, D.PRACTICAL], 2),
        m(4, K.VOLUNTEER, 3, [D.COMPANY, D.ADMINISTRATION], 3),
        m(5, K.PROFESSIONAL, 5, [D.PERSONAL_CARE, D.NURSING], 2),
        m(6, K.PROFESSIONAL, 3, [D.PERSONAL_CARE, D.NURSING], 3),
    ]
    needed = [D.HOUSEHOLD, D.COMPANY, D.ADMINISTRATION, D.PRACTICAL, D.PERSONAL_CARE]
    report = analyse(members, needed)
    assert report.size == 6
    assert report.informal_count == 4
    assert report.informal_share == pytest.approx(4 / 6)
    assert report.informal_hours == 18
    assert report.formal_hours == 8
    assert not report.depends_on_one
    assert not report.isolated
    assert report.uncovered_domains == ()
    assert report.single_domains == ()
    assert report.signals == ()
    assert report.highest_severity is None


def test_uncovered_and_no_backup_domains():
    members = [
        m(1, K.CARER, 5, [D.HOUSEHOLD, D.COMPANY]),
        m(2, K.VOLUNTEER, 3, [D.COMPANY]),
        m(3, K.CARER, 4, [D.PRACTICAL]),
    ]
    report = analyse(members, [D.ADMINISTRATION, D.HOUSEHOLD, D.COMPANY, D.NURSING])
    assert report.uncovered_domains == (D.NURSING, D.ADMINISTRATION)  # vocabulary order
    assert report.single_domains == (D.HOUSEHOLD,)
    uncovered = next(s for s in report.signals if s.code == "domain_uncovered")
    assert uncovered.severity == Severity.HIGH
    assert uncovered.domains == (D.NURSING, D.ADMINISTRATION)
    assert uncovered.render().title == "Niemand helpt bij: Verpleging, Administratie en geldzaken"
    no_backup = next(s for s in report.signals if s.code == "domain_no_backup")
    assert no_backup.severity == Severity.MEDIUM
    assert no_backup.domains == (D.HOUSEHOLD,)


def test_single_domains_without_needed_domains_uses_covered_ones():
    members = [m(1, K.CARER, 5, [D.HOUSEHOLD, D.COMPANY]), m(2, K.CARER, 3, [D.COMPANY])]
    report = analyse(members)
    assert report.uncovered_domains == ()
    assert report.single_domains == (D.HOUSEHOLD,)


def test_domain_signals_render_with_translated_labels():
    report = analyse([m(1, K.CARER, 5)], [D.HOUSEHOLD])
    signal = next(s for s in report.signals if s.code == "domain_uncovered")
    fake = {
        "Huishouden": "Household",
        "Niemand helpt bij: {domains}": "Nobody helps with: {domains}",
    }
    assert signal.render(lambda s: fake.get(s, s)).title == "Nobody helps with: Household"


def test_client_member_is_ignored():
    client = m(0, K.CLIENT, 100, [D.HOUSEHOLD, D.COMPANY], 1)
    carer = m(1, K.CARER, 4, [D.HOUSEHOLD])
    with_client = analyse([client, carer], [D.HOUSEHOLD, D.COMPANY])
    without = analyse([carer], [D.HOUSEHOLD, D.COMPANY])
    assert with_client == without
    assert with_client.size == 1
    assert with_client.uncovered_domains == (D.COMPANY,)


def test_intensive_but_not_heavy_carer():
    report = analyse(
        [m(1, K.CARER, 12), m(2, K.CARER, 10), m(3, K.VOLUNTEER, 4), m(4, K.PROFESSIONAL)]
    )
    found = codes(report)
    assert found.count("carer_intensive_hours") == 2
    assert "carer_heavy_hours" not in found
    assert "no_professional" not in found
    assert "depends_on_one" not in found


def test_threshold_edges():
    at_intensive = analyse([m(1, K.CARER, t.INTENSIVE_CARE_HOURS), m(2), m(3)])
    assert "carer_intensive_hours" not in codes(at_intensive)  # "more than 8 hours"
    at_heavy = analyse([m(1, K.CARER, t.HEAVY_CARE_HOURS), m(2, hours=10), m(3, hours=10)])
    assert "carer_heavy_hours" in codes(at_heavy)


def test_volunteer_hours_do_not_raise_carer_signals():
    report = analyse([m(1, K.VOLUNTEER, 30), m(2), m(3)])
    assert "carer_heavy_hours" not in codes(report)
    assert report.main_carer_key == "1"  # volunteers can still be the main informal helper
    assert report.depends_on_one


def test_single_informal_giver_depends_on_one():
    report = analyse([m(1, K.CARER, 3), m(2, K.CARER, 0), m(3, K.VOLUNTEER, 0)])
    assert report.depends_on_one
    assert report.main_carer_share == 1.0


def test_tiny_hours_do_not_count_as_dependency():
    report = analyse([m(1, K.CARER, 0.5)])
    assert not report.depends_on_one
    assert "depends_on_one" not in codes(report)


def test_no_hours_no_main_carer():
    report = analyse([m(1), m(2), m(3)])
    assert report.main_carer_key is None
    assert report.main_carer_hours == 0.0
    assert not report.depends_on_one


def test_tie_picks_first_in_input_order():
    report = analyse([m(7, hours=5), m(3, hours=5), m(9, hours=5)])
    assert report.main_carer_key == "7"


@pytest.mark.parametrize("bad", [-5, float("nan"), float("-inf"), float("inf"), "x", None])
def test_bad_hours_are_clamped(bad):
    assert clean_hours(bad) == 0.0
    report = analyse([m(1, hours=bad), m(2, hours=4), m(3, K.PROFESSIONAL, bad)])
    assert report.informal_hours == 4
    assert report.formal_hours == 0
    assert report.main_carer_key == "2"


def test_hours_above_a_week_are_capped():
    assert clean_hours(500) == t.HOURS_IN_WEEK


def test_signals_sorted_by_severity_then_code():
    report = analyse([m(1, K.CARER, 35), m(2, K.CARER, 10)], [D.NURSING, D.COMPANY])
    keys = [(SEVERITY_ORDER[s.severity], s.code) for s in report.signals]
    assert keys == sorted(keys)


def every_signal_report():
    """A circle list that together triggers every signal code."""
    return [
        analyse([]),
        analyse([m(1, K.CARER, 35, [D.HOUSEHOLD]), m(2, K.CARER, 10)], [D.HOUSEHOLD, D.NURSING]),
    ]


def test_every_signal_code_occurs_and_renders():
    seen = set()
    for report in every_signal_report():
        for signal in report.signals:
            seen.add(signal.code)
            rendered = signal.render()
            for text in (rendered.title, rendered.explanation, rendered.next_step):
                assert text
                assert "{" not in text and "}" not in text
    assert seen == set(SIGNAL_CODES)


@pytest.mark.parametrize("code", SIGNAL_CODES)
def test_templates_only_use_known_placeholders(code):
    from samenspel.domain.network import SIGNAL_SEVERITY, TEXTS

    names = {
        field
        for template in TEXTS[code]
        for _, field, _, _ in string.Formatter().parse(template)
        if field
    }
    assert names <= {"name", "hours", "limit", "percent", "domains", "count", "minimum"}
    assert SIGNAL_SEVERITY[code] in Severity


def test_render_translates_before_formatting():
    signal = Signal(
        code="x",
        severity=Severity.LOW,
        title="{name} zorgt",
        explanation="uitleg",
        next_step="stap",
        params=(("name", "Ans {x}"),),
    )
    rendered = signal.render(lambda s: s.replace("zorgt", "cares"))
    assert rendered.title == "Ans {x} cares"


# --- Property tests -----------------------------------------------------------

hours_st = st.one_of(
    st.floats(min_value=-10, max_value=200),
    st.sampled_from([math.nan, math.inf, -math.inf]),
    st.integers(min_value=0, max_value=60),
)
member_st = st.builds(
    MemberFacts,
    key=st.text(alphabet=string.digits, min_size=1, max_size=4),
    name=st.text(min_size=1, max_size=30),
    kind=st.sampled_from(list(MemberKind)),
    hours_per_week=hours_st,
    domains=st.frozensets(st.sampled_from(list(CareDomain))),
    closeness=st.integers(min_value=-1, max_value=5),
)
circle_st = st.lists(member_st, max_size=25)
needed_st = st.lists(st.sampled_from(list(CareDomain)), max_size=7)


@given(circle_st, needed_st)
def test_properties(members, needed):
    report = analyse(members, needed)
    assert 0.0 <= report.informal_share <= 1.0
    assert 0.0 <= report.main_carer_share <= 1.0 + 1e-9
    assert math.isfinite(report.informal_hours) and report.informal_hours >= 0
    assert math.isfinite(report.formal_hours) and report.formal_hours >= 0
    assert report.size == sum(1 for x in members if x.kind != K.CLIENT)
    assert report.informal_count + report.formal_count == report.size
    if report.main_carer_key is not None:
        informal = [x for x in members if x.kind in INFORMAL_KINDS]
        main = next(x for x in informal if x.key == report.main_carer_key)
        assert main.kind in INFORMAL_KINDS
        assert report.main_carer_hours == max(clean_hours(x.hours_per_week) for x in informal)
        assert report.main_carer_hours > 0
    assert report.isolated == (report.informal_count == 0)
    keys = [(SEVERITY_ORDER[s.severity], s.code) for s in report.signals]
    assert keys == sorted(keys)
    assert set(report.uncovered_domains) <= set(needed)
    assert not set(report.uncovered_domains) & set(report.single_domains)
    for signal in report.signals:
        assert signal.code in SIGNAL_CODES
        signal.render()  # no KeyError


@given(circle_st, needed_st)
def test_analysis_is_deterministic(members, needed):
    assert analyse(members, needed) == analyse(list(members), list(needed))


def test_urgency_puts_high_signals_first():
    from samenspel.domain.network import MemberFacts, analyse
    from samenspel.domain.vocabulary import CareDomain, MemberKind

    def carer(key, hours):
        return MemberFacts(key, key, MemberKind.CARER, hours, frozenset({CareDomain.HOUSEHOLD}), 1)

    calm = analyse([carer(str(i), 3) for i in range(5)])
    isolated = analyse([])
    heavy = analyse([carer("a", 35), carer("b", 1)])
    ordered = sorted([calm, isolated, heavy], key=lambda r: r.urgency)
    assert ordered[-1] is calm
    assert {id(ordered[0]), id(ordered[1])} == {id(isolated), id(heavy)}
    assert heavy.urgency < calm.urgency
