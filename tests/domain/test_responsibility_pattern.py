"""The responsibility pattern of a circle (seed 000, Van Bochove et al.)."""

from samenspel.domain.agreements import AgreementFacts, PersonRef
from samenspel.domain.recurrence import Frequency
from samenspel.domain.responsibility import Pattern, derive_pattern
from samenspel.domain.tasks import PerformerFacts, TaskCategory, TaskFacts
from samenspel.domain.vocabulary import MemberKind

CORE = TaskFacts("t1", "Wassen en douchen", TaskCategory.PERSONAL_CARE, core=True)
EXTRA = TaskFacts("t2", "Op bezoek gaan", TaskCategory.WELLBEING)
PRO = PerformerFacts("p", "Sanne", MemberKind.PROFESSIONAL)
CARER = PerformerFacts("c", "Henk", MemberKind.CARER)
VOLUNTEER = PerformerFacts("v", "Vera", MemberKind.VOLUNTEER)
PRO_REF = PersonRef("p", "Sanne", MemberKind.PROFESSIONAL)
CARER_REF = PersonRef("c", "Henk", MemberKind.CARER)
CLIENT_REF = PersonRef("k", "Greet", MemberKind.CLIENT)
REPRESENTATIVE_REF = PersonRef("r", "Ans", MemberKind.CARER, for_client=True)


def a(n, task, performer, authority=None):
    return AgreementFacts(str(n), task, Frequency.WEEKLY, performer=performer, authority=authority)


def test_no_core_tasks_no_pattern():
    result = derive_pattern([a(1, EXTRA, VOLUNTEER, CARER_REF)])
    assert result.pattern is None
    assert "nog niet te zeggen" in result.explanation


def test_professionals_hold_core_tasks_and_decide():
    result = derive_pattern(
        [a(1, CORE, PRO, PRO_REF), a(2, CORE, PRO, PRO_REF), a(3, EXTRA, VOLUNTEER, PRO_REF)]
    )
    assert result.pattern == Pattern.PROFESSIONAL
    assert (result.core_tasks, result.informal_core_tasks) == (2, 0)


def test_informal_carers_hold_core_tasks_and_decide():
    result = derive_pattern([a(1, CORE, CARER, CARER_REF), a(2, CORE, VOLUNTEER, CARER_REF)])
    assert result.pattern == Pattern.VOLUNTARY


def test_split_core_tasks_are_shared():
    result = derive_pattern([a(1, CORE, CARER, CARER_REF), a(2, CORE, PRO, PRO_REF)])
    assert result.pattern == Pattern.SHARED


def test_informal_tasks_with_professional_decisions_are_shared_not_voluntary():
    result = derive_pattern([a(1, CORE, CARER, PRO_REF), a(2, CORE, CARER, PRO_REF)])
    assert result.pattern == Pattern.SHARED
    assert result.decision_share == 0.0


def test_decisions_by_the_client_are_regie_and_do_not_tip_the_pattern():
    result = derive_pattern(
        [a(1, CORE, PRO, CLIENT_REF), a(2, CORE, PRO, REPRESENTATIVE_REF), a(3, CORE, PRO)]
    )
    assert result.pattern == Pattern.PROFESSIONAL
    assert result.client_decisions == 2
    assert result.decisions == 0


def test_open_core_tasks_do_not_count():
    result = derive_pattern([a(1, CORE, None, CARER_REF)])
    assert result.pattern is None


def test_boundaries_of_the_thirds():
    # exactly one third informal → still professional; two thirds → voluntary
    third = [a(1, CORE, CARER, PRO_REF), a(2, CORE, PRO, PRO_REF), a(3, CORE, PRO, PRO_REF)]
    assert derive_pattern(third).pattern == Pattern.PROFESSIONAL
    two_thirds = [
        a(1, CORE, CARER, CARER_REF),
        a(2, CORE, VOLUNTEER, CARER_REF),
        a(3, CORE, PRO, PRO_REF),
    ]
    assert derive_pattern(two_thirds).pattern == Pattern.VOLUNTARY
