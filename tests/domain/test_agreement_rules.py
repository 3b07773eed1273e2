"""Warnings about agreements: backups, authority, overload, replacing formal care."""

from datetime import date

from samenspel.domain.agreements import (
    AgreementFacts,
    PersonRef,
    agreement_findings,
    carer_hours,
    circle_findings,
)
from samenspel.domain.recurrence import Frequency
from samenspel.domain.tasks import PerformerFacts, TaskCategory, TaskFacts
from samenspel.domain.vocabulary import MemberKind

SHOPPING = TaskFacts("t1", "Boodschappen doen", TaskCategory.PRACTICAL)
WASHING = TaskFacts("t2", "Wassen en douchen", TaskCategory.PERSONAL_CARE, core=True)
INSULIN = TaskFacts("t3", "Insuline spuiten", TaskCategory.NURSING, reserved_act=True, core=True)
VISIT = TaskFacts("t4", "Op bezoek gaan", TaskCategory.WELLBEING)

HENK = PerformerFacts("m1", "Henk", MemberKind.CARER)
ANS = PerformerFacts("m2", "Ans", MemberKind.CARER)
VERA = PerformerFacts("m3", "Vera", MemberKind.VOLUNTEER)
SANNE = PerformerFacts("m4", "Sanne", MemberKind.PROFESSIONAL, big_registered=True)
HENK_REF = PersonRef("m1", "Henk", MemberKind.CARER)
SANNE_REF = PersonRef("m4", "Sanne", MemberKind.PROFESSIONAL)


def agreement(key="a1", task=SHOPPING, frequency=Frequency.MONTHLY, **kw):
    return AgreementFacts(key, task, frequency, **kw)


def codes(findings):
    return [f.code for f in findings]


def test_a_clean_agreement_has_no_findings():
    a = agreement(performer=HENK, backup=ANS, responsible=HENK_REF, authority=HENK_REF)
    assert agreement_findings(a, []) == []


def test_volunteer_on_a_boundary_task_is_blocked_also_as_backup():
    a = agreement(task=INSULIN, performer=SANNE, backup=VERA)
    found = agreement_findings(a, [])
    assert found[0].code == "reserved_act_volunteer"
    assert found[0].is_block


def test_blocks_come_before_warnings():
    a = agreement(task=INSULIN, frequency=Frequency.DAILY, performer=VERA)
    found = agreement_findings(a, [])
    assert found[0].is_block and not found[-1].is_block
    assert "no_backup" in codes(found)


def test_responsibility_without_authority():
    a = agreement(performer=HENK, responsible=HENK_REF, authority=SANNE_REF)
    [finding] = agreement_findings(a, [])
    assert finding.code == "responsibility_without_authority"
    assert "Henk" in finding.render().reason and "Sanne" in finding.render().reason


def test_responsibility_with_nobody_who_decides():
    a = agreement(responsible=HENK_REF)
    assert codes(agreement_findings(a, [])) == ["responsibility_no_authority"]


def test_responsible_person_who_decides_is_fine():
    a = agreement(responsible=SANNE_REF, authority=SANNE_REF)
    assert agreement_findings(a, []) == []


def test_weekly_or_daily_tasks_need_a_backup():
    for frequency in (Frequency.DAILY, Frequency.WEEKDAYS, Frequency.WEEKLY):
        assert codes(agreement_findings(agreement(frequency=frequency, performer=HENK), [])) == [
            "no_backup"
        ]
    for frequency in (Frequency.BIWEEKLY, Frequency.MONTHLY, Frequency.ONCE):
        assert agreement_findings(agreement(frequency=frequency, performer=HENK), []) == []


def test_the_performer_is_not_their_own_backup():
    a = agreement(frequency=Frequency.WEEKLY, performer=HENK, backup=HENK)
    assert codes(agreement_findings(a, [])) == ["no_backup"]


def test_carer_over_the_heavy_care_threshold_gets_a_warning():
    existing = agreement("a1", WASHING, Frequency.MONTHLY, hours_per_week=15, performer=HENK)
    new = agreement("a2", SHOPPING, Frequency.MONTHLY, hours_per_week=5, performer=HENK)
    found = agreement_findings(new, [existing])
    assert codes(found) == ["carer_overload"]
    assert "20" in found[0].render().reason
    just_below = agreement("a2", SHOPPING, Frequency.MONTHLY, hours_per_week=4.9, performer=HENK)
    assert agreement_findings(just_below, [existing]) == []


def test_overload_counts_only_mantelzorgers_and_replaces_the_edited_agreement():
    old = agreement("a1", WASHING, Frequency.MONTHLY, hours_per_week=25, performer=HENK)
    edited = agreement("a1", WASHING, Frequency.MONTHLY, hours_per_week=2, performer=HENK)
    assert agreement_findings(edited, [old]) == []
    assert carer_hours([agreement(hours_per_week=30, performer=VERA)]) == {}


def test_informal_care_where_professional_care_stops():
    nurse = agreement("a1", WASHING, Frequency.MONTHLY, performer=SANNE, ends_on=date(2026, 12, 31))
    carer = agreement("a2", WASHING, Frequency.MONTHLY, performer=HENK, starts_on=date(2027, 1, 1))
    found = agreement_findings(carer, [nurse])
    assert codes(found) == ["informal_replaces_professional"]
    assert "31-12-2026" in found[0].render().reason


def test_informal_care_that_ends_with_the_professional_care_is_fine():
    nurse = agreement("a1", WASHING, Frequency.MONTHLY, performer=SANNE, ends_on=date(2026, 12, 31))
    carer = agreement("a2", WASHING, Frequency.MONTHLY, performer=HENK, ends_on=date(2026, 12, 31))
    other_task = agreement("a3", SHOPPING, Frequency.MONTHLY, performer=HENK)
    assert agreement_findings(carer, [nurse]) == []
    assert agreement_findings(other_task, [nurse]) == []


def test_wellbeing_never_replaces_professional_care():
    nurse = agreement("a1", VISIT, Frequency.MONTHLY, performer=SANNE, ends_on=date(2026, 1, 1))
    volunteer = agreement("a2", VISIT, Frequency.MONTHLY, performer=VERA)
    assert agreement_findings(volunteer, [nurse]) == []


def test_circle_findings_name_each_overloaded_carer_once():
    agreements = [
        agreement(f"a{i}", SHOPPING, Frequency.MONTHLY, hours_per_week=8, performer=HENK)
        for i in range(3)
    ]
    assert codes(circle_findings(agreements)).count("carer_overload") == 1
