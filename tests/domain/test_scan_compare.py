"""Comparing two MantelScan snapshots."""

import json

from samenspel.domain.network import MemberFacts, analyse
from samenspel.domain.scan_compare import FieldChange, compare, snapshot
from samenspel.domain.vocabulary import CareDomain, MemberKind

D = CareDomain
K = MemberKind


def m(key, name, kind=K.CARER, hours=0.0, domains=(), closeness=2):
    return MemberFacts(
        key=str(key),
        name=name,
        kind=kind,
        hours_per_week=hours,
        domains=frozenset(domains),
        closeness=closeness,
    )


def snap(members, roles=None, needed=()):
    return snapshot(members, roles or {}, needed, analyse(members, needed))


CLIENT = m(0, "Jan de Vries", K.CLIENT)
ANS = m(1, "Ans de Vries", K.CARER, 35, [D.HOUSEHOLD, D.PERSONAL_CARE], 1)
PETER = m(2, "Peter de Vries", K.CARER, 2, [D.ADMINISTRATION], 1)


def test_snapshot_is_json_and_leaves_out_client():
    data = snap([CLIENT, ANS, PETER], {"1": ["partner", "help_seeker"]}, [D.HOUSEHOLD])
    assert json.loads(json.dumps(data)) == data
    assert [x["key"] for x in data["members"]] == ["1", "2"]
    ans = data["members"][0]
    assert ans == {
        "key": "1",
        "name": "Ans de Vries",
        "kind": "carer",
        "hours_per_week": 35.0,
        "domains": ["household", "personal_care"],
        "closeness": 1,
        "sofa_roles": ["help_seeker", "partner"],
    }
    assert data["needed_domains"] == ["household"]
    heavy = next(s for s in data["signals"] if s["code"] == "carer_heavy_hours")
    assert heavy == {
        "code": "carer_heavy_hours",
        "severity": "high",
        "member_key": "1",
        "title": "Ans de Vries zorgt veel: ongeveer 35 uur per week",
        "params": {"hours": "35", "limit": "8", "name": "Ans de Vries"},
        "domains": [],
    }


def test_no_changes():
    members = [CLIENT, ANS, PETER]
    diff = compare(snap(members), snap(members))
    assert not diff.has_changes
    assert diff.added_members == diff.removed_members == ()
    assert diff.changed_members == ()
    assert diff.informal_hours_old == diff.informal_hours_new == 37
    assert diff.informal_hours_delta == 0


def test_added_removed_and_changed_members():
    old = snap([CLIENT, ANS, PETER], {"1": ["partner"]}, [D.HOUSEHOLD])
    ans_later = m(1, "Ans de Vries", K.CARER, 16, [D.HOUSEHOLD], 1)
    els = m(3, "Els (buurvrouw)", K.CARER, 4, [D.HOUSEHOLD], 2)
    vol = m(4, "Karim", K.VOLUNTEER, 3, [D.COMPANY], 3)
    new = snap([CLIENT, ans_later, els, vol], {"1": ["partner", "help_seeker"]}, [D.HOUSEHOLD])

    diff = compare(old, new)
    assert diff.has_changes
    assert diff.added_members == ("Els (buurvrouw)", "Karim")
    assert diff.removed_members == ("Peter de Vries",)
    (change,) = diff.changed_members
    assert change.key == "1" and change.name == "Ans de Vries"
    assert change.changes == (
        FieldChange("hours_per_week", 35.0, 16.0),
        FieldChange("domains", ["household", "personal_care"], ["household"]),
        FieldChange("sofa_roles", ["partner"], ["help_seeker", "partner"]),
    )
    assert diff.informal_hours_old == 37
    assert diff.informal_hours_new == 23


def test_new_and_resolved_signals():
    old = snap([CLIENT, ANS, PETER])
    helpers = [
        m(1, "Ans de Vries", K.CARER, 12, [D.HOUSEHOLD], 1),
        m(2, "Peter de Vries", K.CARER, 6, [D.ADMINISTRATION], 1),
        m(3, "Els", K.CARER, 5, [D.HOUSEHOLD], 2),
        m(5, "Wijkverpleging", K.PROFESSIONAL, 4, [D.PERSONAL_CARE], 2),
    ]
    new = snap([CLIENT, *helpers])
    diff = compare(old, new)
    resolved = {s.code for s in diff.signals_resolved}
    fresh = {s.code for s in diff.signals_new}
    assert {"carer_heavy_hours", "depends_on_one", "small_network", "no_professional"} <= resolved
    assert "carer_intensive_hours" in fresh
    intensive = next(s for s in diff.signals_new if s.code == "carer_intensive_hours")
    assert intensive.member_key == "1"
    assert "Ans de Vries" in intensive.title


def test_same_signal_with_other_wording_is_not_new():
    old = snap([m(1, "Ans", K.CARER, 35), m(2, "Piet", K.CARER, 1)])
    new = snap([m(1, "Ans", K.CARER, 30), m(2, "Piet", K.CARER, 1)])
    diff = compare(old, new)
    assert diff.signals_new == diff.signals_resolved == ()
    assert diff.changed_members[0].changes == (FieldChange("hours_per_week", 35.0, 30.0),)


def test_kind_and_closeness_changes_and_needed_domains():
    old = snap([m(1, "Sam", K.VOLUNTEER, 2, closeness=3)], needed=[D.COMPANY])
    new = snap([m(1, "Sam", K.CARER, 2, closeness=2)], needed=[D.PRACTICAL])
    diff = compare(old, new)
    fields = {c.field: (c.old, c.new) for c in diff.changed_members[0].changes}
    assert fields == {"kind": ("volunteer", "carer"), "closeness": (3, 2)}
    assert diff.needed_domains_added == ("practical",)
    assert diff.needed_domains_removed == ("company",)


def test_tolerates_sparse_snapshots():
    diff = compare({}, {"members": [{"key": 1, "name": "X", "hours_per_week": -4}]})
    assert diff.added_members == ("X",)
    assert diff.informal_hours_new == 0
    assert compare({}, {}).has_changes is False


def test_saved_signals_can_be_shown_in_another_language():
    """A snapshot keeps code and values, so the title is rebuilt in today's language."""
    from samenspel.domain.network import MemberFacts, analyse, stored_signal
    from samenspel.domain.scan_compare import compare, snapshot
    from samenspel.domain.vocabulary import CareDomain, MemberKind

    members = [MemberFacts("1", "Henk", MemberKind.CARER, 35, frozenset({CareDomain.HOUSEHOLD}), 1)]
    report = analyse(members, needed_domains=[CareDomain.HOUSEHOLD, CareDomain.NURSING])
    snap = snapshot(members, {}, [CareDomain.HOUSEHOLD, CareDomain.NURSING], report)
    fake_english = {
        "Niemand helpt bij: {domains}": "Nobody helps with: {domains}",
        "Verpleging": "Nursing",
    }
    saved = next(s for s in snap["signals"] if s["code"] == "domain_uncovered")
    rebuilt = stored_signal(saved["code"], saved["params"], saved["domains"])
    assert rebuilt.render(lambda m: fake_english.get(m, m)).title == "Nobody helps with: Nursing"
    heavy = next(s for s in snap["signals"] if s["code"] == "carer_heavy_hours")
    assert stored_signal(heavy["code"], heavy["params"]).render().title == heavy["title"]
    resolved = compare(snap, {"members": [], "signals": []}).signals_resolved
    assert any(ref.domains == ("nursing",) for ref in resolved)
    assert stored_signal("no_such_code") is None
