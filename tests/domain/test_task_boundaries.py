"""Task boundaries: who may do which kind of care task (seed 001, Wet BIG)."""

import pytest

from samenspel.domain.tasks import PerformerFacts, TaskCategory, TaskFacts, Verdict, check_boundary
from samenspel.domain.vocabulary import MemberKind

INSULIN = TaskFacts("1", "Insuline spuiten", TaskCategory.NURSING, reserved_act=True, core=True)
WOUND = TaskFacts("2", "Wondverzorging", TaskCategory.NURSING, core=True)
WASHING = TaskFacts("3", "Wassen en douchen", TaskCategory.PERSONAL_CARE, core=True)
VISIT = TaskFacts("4", "Op bezoek gaan", TaskCategory.WELLBEING)
SHOPPING = TaskFacts("5", "Boodschappen doen", TaskCategory.PRACTICAL)


def person(kind, **kw):
    return PerformerFacts("9", "Vera", kind, **kw)


NURSE = person(MemberKind.PROFESSIONAL, big_registered=True)
SOCIAL_WORKER = person(MemberKind.PROFESSIONAL)
CARER = person(MemberKind.CARER)
VOLUNTEER = person(MemberKind.VOLUNTEER)
TRAINED_VOLUNTEER_ALLOWED = person(
    MemberKind.VOLUNTEER, trained_personal_care=True, organisation_allows_personal_care=True
)


@pytest.mark.parametrize(
    ("task", "who", "verdict", "code"),
    [
        (INSULIN, NURSE, None, None),
        (INSULIN, SOCIAL_WORKER, Verdict.BLOCK, "reserved_act_unregistered"),
        (INSULIN, VOLUNTEER, Verdict.BLOCK, "reserved_act_volunteer"),
        (INSULIN, TRAINED_VOLUNTEER_ALLOWED, Verdict.BLOCK, "reserved_act_volunteer"),
        (INSULIN, CARER, Verdict.WARN, "reserved_act_carer"),
        (WOUND, VOLUNTEER, Verdict.BLOCK, "nursing_volunteer"),
        (WOUND, CARER, None, None),
        (WOUND, SOCIAL_WORKER, None, None),
        (WASHING, VOLUNTEER, Verdict.BLOCK, "personal_care_volunteer"),
        (WASHING, TRAINED_VOLUNTEER_ALLOWED, None, None),
        (WASHING, CARER, None, None),
        (VISIT, VOLUNTEER, None, None),
        (VISIT, CARER, None, None),
        (VISIT, NURSE, None, None),
        (SHOPPING, VOLUNTEER, None, None),
    ],
)
def test_boundary_rules(task, who, verdict, code):
    finding = check_boundary(task, who)
    if verdict is None:
        assert finding is None
    else:
        assert (finding.verdict, finding.code) == (verdict, code)


@pytest.mark.parametrize(("trained", "allowed"), [(True, False), (False, True), (False, False)])
def test_personal_care_needs_both_policy_and_training(trained, allowed):
    volunteer = person(
        MemberKind.VOLUNTEER,
        trained_personal_care=trained,
        organisation_allows_personal_care=allowed,
    )
    assert check_boundary(WASHING, volunteer).is_block


def test_every_finding_gives_a_reason_and_an_alternative_in_plain_dutch():
    finding = check_boundary(INSULIN, VOLUNTEER).render()
    assert "Insuline spuiten" in finding.reason
    assert "voorbehouden handeling" in finding.reason
    assert "warme overdracht" in finding.alternative
    assert "{" not in finding.reason + finding.alternative


def test_rendering_translates_the_template_before_filling_it_in():
    seen = []

    def translate(text):
        seen.append(text)
        return "EN: " + text

    rendered = check_boundary(WASHING, VOLUNTEER).render(translate)
    assert "{task}" in seen[0]  # the template, not the filled-in text, is looked up
    assert rendered.reason.startswith("EN: Wassen en douchen")
