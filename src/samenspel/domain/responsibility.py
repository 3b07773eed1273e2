"""The circle's responsibility pattern, derived from who holds core tasks and decisions.

Seed 000 (after Van Bochove et al.) names three patterns. *Professionele
verantwoordelijkheid*: professionals hold the core tasks and decide, informal
carers add to it. *Gedeelde verantwoordelijkheid*: core tasks are split and
informal carers co-decide. *Vrijwillige verantwoordelijkheid*: informal carers
hold the core tasks and decide, professionals support. Decisions the client
takes about their own care are regie, not one of the sides: they are counted
apart and do not tip the pattern.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from samenspel.domain import thresholds as t
from samenspel.domain.agreements import AgreementFacts
from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.vocabulary import INFORMAL_KINDS, MemberKind


class Pattern(StrEnum):
    PROFESSIONAL = "professional"
    SHARED = "shared"
    VOLUNTARY = "voluntary"


PATTERN_LABELS = {
    Pattern.PROFESSIONAL: _("Professionele verantwoordelijkheid"),
    Pattern.SHARED: _("Gedeelde verantwoordelijkheid"),
    Pattern.VOLUNTARY: _("Vrijwillige verantwoordelijkheid"),
}

PATTERN_EXPLANATIONS = {
    Pattern.PROFESSIONAL: _(
        "Professionals doen de belangrijkste taken en nemen de beslissingen. "
        "Mantelzorgers en vrijwilligers helpen daarnaast."
    ),
    Pattern.SHARED: _(
        "De belangrijkste taken zijn verdeeld tussen professionals en mantelzorgers "
        "of vrijwilligers. Zij beslissen samen."
    ),
    Pattern.VOLUNTARY: _(
        "Mantelzorgers en vrijwilligers doen de belangrijkste taken en beslissen. "
        "Professionals ondersteunen hen."
    ),
}

UNKNOWN_EXPLANATION = _(
    "Er zijn nog geen afspraken over de belangrijkste taken (zoals verzorging, "
    "verpleging of huishouden). Daarom is nog niet te zeggen hoe de "
    "verantwoordelijkheid verdeeld is."
)


@dataclass(frozen=True)
class PatternResult:
    pattern: Pattern | None
    core_tasks: int  # core-task agreements with a performer
    informal_core_tasks: int
    decisions: int  # agreements whose decider is a professional or informal carer
    informal_decisions: int
    client_decisions: int  # decided by the client or their representative

    @property
    def task_share(self) -> float:
        return self.informal_core_tasks / self.core_tasks if self.core_tasks else 0.0

    @property
    def decision_share(self) -> float:
        """Informal share of decisions; follows the tasks when nobody else decides."""
        if not self.decisions:
            return self.task_share
        return self.informal_decisions / self.decisions

    @property
    def explanation(self) -> str:
        return PATTERN_EXPLANATIONS[self.pattern] if self.pattern else UNKNOWN_EXPLANATION

    @property
    def label(self) -> str:
        return PATTERN_LABELS[self.pattern] if self.pattern else ""


def derive_pattern(agreements: Iterable[AgreementFacts]) -> PatternResult:
    core = informal_core = decisions = informal_decisions = client_decisions = 0
    for a in agreements:
        if a.task.core and a.performer is not None:
            core += 1
            informal_core += a.performer.kind in INFORMAL_KINDS
        if a.authority is not None:
            if a.authority.kind == MemberKind.CLIENT or a.authority.for_client:
                client_decisions += 1
            else:
                decisions += 1
                informal_decisions += a.authority.kind in INFORMAL_KINDS
    result = PatternResult(
        None, core, informal_core, decisions, informal_decisions, client_decisions
    )
    if not core:
        return result
    tasks, says = result.task_share, result.decision_share
    if tasks <= t.PATTERN_LOW_SHARE and says <= t.PATTERN_LOW_SHARE:
        pattern = Pattern.PROFESSIONAL
    elif tasks >= t.PATTERN_HIGH_SHARE and says >= t.PATTERN_HIGH_SHARE:
        pattern = Pattern.VOLUNTARY
    else:
        pattern = Pattern.SHARED
    return PatternResult(
        pattern, core, informal_core, decisions, informal_decisions, client_decisions
    )
