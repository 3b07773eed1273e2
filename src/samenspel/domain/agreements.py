"""Warnings about samenwerkingsafspraken: who does what, who backs up, who decides.

The seeds name three sources of friction: unclear task division, responsibility
without authority (000), and informal carers pushed over the boundary of formal
care (001). Each rule here looks at plain facts about the circle's agreements
and answers with `Finding`s; blocks stop a save, warnings ask for a talk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from samenspel.domain import thresholds as t
from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.network import whole_hours
from samenspel.domain.recurrence import AT_LEAST_WEEKLY, Frequency
from samenspel.domain.tasks import (
    Finding,
    PerformerFacts,
    TaskCategory,
    TaskFacts,
    Verdict,
    check_boundary,
)
from samenspel.domain.vocabulary import INFORMAL_KINDS, MemberKind


@dataclass(frozen=True)
class PersonRef:
    key: str
    name: str
    kind: MemberKind
    for_client: bool = False  # the client's legal representative acts for the client


@dataclass(frozen=True)
class AgreementFacts:
    key: str
    task: TaskFacts
    frequency: Frequency
    hours_per_week: float = 0.0
    performer: PerformerFacts | None = None  # None: an open task, anyone may claim
    backup: PerformerFacts | None = None
    responsible: PersonRef | None = None
    authority: PersonRef | None = None  # who may decide about the task
    final_responsible: PersonRef | None = None
    starts_on: date | None = None
    ends_on: date | None = None

    def runs_after(self, day: date) -> bool:
        return self.ends_on is None or self.ends_on > day


def boundary_findings(agreement: AgreementFacts) -> list[Finding]:
    """The task-boundary rule for the performer and for the backup."""
    found = []
    for person in (agreement.performer, agreement.backup):
        if person is not None:
            finding = check_boundary(agreement.task, person)
            if finding is not None:
                found.append(_about(finding, agreement.key))
    return found


def _about(finding: Finding, key: str) -> Finding:
    return Finding(
        finding.code, finding.verdict, finding.reason, finding.alternative, finding.params, key
    )


def responsibility_findings(agreement: AgreementFacts) -> list[Finding]:
    """Responsibility needs matching authority (seed 000, domain.md §3)."""
    responsible, authority = agreement.responsible, agreement.authority
    if responsible is None:
        return []
    if authority is None:
        return [
            Finding(
                "responsibility_no_authority",
                Verdict.WARN,
                _("{responsible} is verantwoordelijk, maar niemand mag erover beslissen."),
                _("Spreek af wie mag beslissen. Het liefst is dat {responsible} zelf."),
                (("responsible", responsible.name),),
                agreement.key,
            )
        ]
    if authority.key == responsible.key:
        return []
    return [
        Finding(
            "responsibility_without_authority",
            Verdict.WARN,
            _(
                "{responsible} is verantwoordelijk, maar {authority} beslist. Zo draagt "
                "{responsible} de zorg zonder er iets over te zeggen te hebben."
            ),
            _(
                "Spreek af dat {responsible} mag meebeslissen, of leg de "
                "verantwoordelijkheid bij {authority}."
            ),
            (("responsible", responsible.name), ("authority", authority.name)),
            agreement.key,
        )
    ]


def backup_findings(agreement: AgreementFacts) -> list[Finding]:
    """A task that happens every day or every week needs someone to step in."""
    if agreement.frequency not in AT_LEAST_WEEKLY:
        return []
    backup, performer = agreement.backup, agreement.performer
    if backup is not None and (performer is None or backup.key != performer.key):
        return []
    return [
        Finding(
            "no_backup",
            Verdict.WARN,
            _("{task} gebeurt elke week of vaker, maar er is niemand die kan invallen."),
            _("Vraag iemand uit het netwerk als reserve. Wie kan het overnemen als het nodig is?"),
            (("task", agreement.task.name),),
            agreement.key,
        )
    ]


def carer_hours(agreements: Iterable[AgreementFacts]) -> dict[str, float]:
    """Agreed hours a week per mantelzorger (by member key)."""
    hours: dict[str, float] = defaultdict(float)
    for a in agreements:
        if a.performer is not None and a.performer.kind == MemberKind.CARER:
            hours[a.performer.key] += a.hours_per_week
    return dict(hours)


def overload_findings(agreements: Iterable[AgreementFacts]) -> list[Finding]:
    """One finding per mantelzorger whose agreed hours reach the heavy-care threshold."""
    agreements = list(agreements)
    names = {a.performer.key: a.performer.name for a in agreements if a.performer}
    return [
        Finding(
            "carer_overload",
            Verdict.WARN,
            _(
                "Met deze afspraken zorgt {name} ongeveer {hours} uur per week. Dat is "
                "zwaar: vanaf {limit} uur raken veel mantelzorgers overbelast."
            ),
            _(
                "Verdeel taken over meer mensen, of vraag de wijkverpleging of "
                "respijtzorg. Vraag {name} hoe het gaat."
            ),
            (
                ("name", names[key]),
                ("hours", whole_hours(hours)),
                ("limit", whole_hours(t.HEAVY_CARE_HOURS)),
            ),
            key,
        )
        for key, hours in sorted(carer_hours(agreements).items())
        if hours >= t.HEAVY_CARE_HOURS
    ]


def replacement_findings(
    agreement: AgreementFacts, others: Iterable[AgreementFacts]
) -> list[Finding]:
    """Informal care must not fill the gap where indicated professional care stops (001 §3.3.1)."""
    performer = agreement.performer
    if performer is None or performer.kind not in INFORMAL_KINDS:
        return []
    if agreement.task.category == TaskCategory.WELLBEING:
        return []
    for other in others:
        p = other.performer
        if (
            other.key != agreement.key
            and other.task.key == agreement.task.key
            and p is not None
            and p.kind == MemberKind.PROFESSIONAL
            and other.ends_on is not None
            and agreement.runs_after(other.ends_on)
        ):
            return [
                Finding(
                    "informal_replaces_professional",
                    Verdict.WARN,
                    _(
                        "De zorg van {professional} voor {task} stopt op {date}. Daarna "
                        "doet {name} het. Mantelzorg en vrijwilligerswerk mogen nodige "
                        "zorg van een professional niet vervangen."
                    ),
                    _(
                        "Vraag de wijkverpleging of het wijkteam of de zorg nog nodig "
                        "is. Is dat zo, vraag dan een nieuwe indicatie aan."
                    ),
                    (
                        ("professional", p.name),
                        ("task", agreement.task.name),
                        ("date", other.ends_on.strftime("%d-%m-%Y")),
                        ("name", performer.name),
                    ),
                    agreement.key,
                )
            ]
    return []


def agreement_findings(
    agreement: AgreementFacts, circle_agreements: Iterable[AgreementFacts]
) -> list[Finding]:
    """Every block and warning for one agreement, seen against the whole circle.

    `circle_agreements` are the circle's other current agreements; the one being
    checked may be among them (by key) and is then replaced by `agreement`.
    """
    others = [a for a in circle_agreements if a.key != agreement.key]
    found = boundary_findings(agreement)
    found += responsibility_findings(agreement)
    found += backup_findings(agreement)
    found += replacement_findings(agreement, others)
    if agreement.performer is not None and agreement.performer.kind == MemberKind.CARER:
        found += [
            f
            for f in overload_findings([*others, agreement])
            if f.subject_key == agreement.performer.key
        ]
    blocks = [f for f in found if f.is_block]
    return blocks + [f for f in found if not f.is_block]


def circle_findings(
    agreements: Iterable[AgreementFacts], history: Iterable[AgreementFacts] = ()
) -> list[Finding]:
    """All findings over a circle's current agreements (overload once per carer).

    `history` holds recently ended agreements: only the check for informal care
    replacing professional care looks at them.
    """
    agreements = list(agreements)
    context = agreements + list(history)
    found: list[Finding] = []
    for a in agreements:
        found += boundary_findings(a)
        found += responsibility_findings(a)
        found += backup_findings(a)
        found += replacement_findings(a, context)
    found += overload_findings(agreements)
    return found


# Findings that rest on other people's agreements (their hours, care that stops
# elsewhere): only for those who may see all of a circle's agreements.
CIRCLE_WIDE_CODES = frozenset({"carer_overload", "informal_replaces_professional"})


def own_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The findings an agenda-level member may read about their own agreements."""
    return [f for f in findings if f.code not in CIRCLE_WIDE_CODES]
