"""The task catalogue's categories and the boundaries of who may do what.

Seed 001: "welzijn mag wel, formele zorg niet". Acts reserved by the Wet BIG
(*voorbehouden handelingen*) belong to registered professionals; personal
care is formal care unless a volunteer organisation allows trained volunteers
to give it; wellbeing tasks are for anyone. Every rule answers with a block or
a warning, a plain-Dutch reason and what to do instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.vocabulary import MemberKind


class TaskCategory(StrEnum):
    NURSING = "nursing"  # nursing and medical acts, incl. voorbehouden handelingen
    PERSONAL_CARE = "personal_care"  # ADL: washing, dressing, eating
    HOUSEHOLD = "household"
    PRACTICAL = "practical"  # shopping, transport, odd jobs
    ADMINISTRATION = "administration"
    WELLBEING = "wellbeing"  # company, activities, emotional support


TASK_CATEGORY_LABELS = {
    TaskCategory.NURSING: _("Verpleging en medische zorg"),
    TaskCategory.PERSONAL_CARE: _("Persoonlijke verzorging"),
    TaskCategory.HOUSEHOLD: _("Huishouden"),
    TaskCategory.PRACTICAL: _("Boodschappen en vervoer"),
    TaskCategory.ADMINISTRATION: _("Administratie en geldzaken"),
    TaskCategory.WELLBEING: _("Gezelschap en welzijn"),
}

# Categories a catalogue task counts as a *core* task for by default (the
# administrator can change it per task). Core tasks decide the circle's
# responsibility pattern (seed 000).
DEFAULT_CORE_CATEGORIES = frozenset(
    {TaskCategory.NURSING, TaskCategory.PERSONAL_CARE, TaskCategory.HOUSEHOLD}
)


class Verdict(StrEnum):
    BLOCK = "block"  # cannot be saved or taken
    WARN = "warn"  # may be saved; the people involved should talk about it


@dataclass(frozen=True)
class TaskFacts:
    key: str
    name: str
    category: TaskCategory
    reserved_act: bool = False  # voorbehouden handeling (Wet BIG)
    core: bool = False


@dataclass(frozen=True)
class PerformerFacts:
    key: str
    name: str
    kind: MemberKind
    big_registered: bool = False  # professional registered in the BIG register
    trained_personal_care: bool = False  # volunteer trained to give personal care
    organisation_allows_personal_care: bool = False


@dataclass(frozen=True)
class RenderedFinding:
    code: str
    verdict: Verdict
    reason: str
    alternative: str

    @property
    def is_block(self) -> bool:
        return self.verdict == Verdict.BLOCK


@dataclass(frozen=True)
class Finding:
    """A rule's answer: Dutch templates plus the values to fill in."""

    code: str
    verdict: Verdict
    reason: str
    alternative: str
    params: tuple[tuple[str, str], ...] = ()
    subject_key: str | None = None  # the agreement or member it is about

    @property
    def is_block(self) -> bool:
        return self.verdict == Verdict.BLOCK

    def render(self, translate: Callable[[str], str] = lambda s: s) -> RenderedFinding:
        values = dict(self.params)
        return RenderedFinding(
            code=self.code,
            verdict=self.verdict,
            reason=translate(self.reason).format(**values),
            alternative=translate(self.alternative).format(**values),
        )


def check_boundary(task: TaskFacts, performer: PerformerFacts) -> Finding | None:
    """May this person do this task? None means yes, without remarks."""
    params = (("name", performer.name), ("task", task.name))
    kind = performer.kind
    if task.reserved_act:
        if kind == MemberKind.PROFESSIONAL:
            if performer.big_registered:
                return None
            return Finding(
                "reserved_act_unregistered",
                Verdict.BLOCK,
                _(
                    "{task} is een voorbehouden handeling (Wet BIG). Alleen een "
                    "professional met een BIG-registratie mag dit doen."
                ),
                _("Vraag een wijkverpleegkundige of verzorgende met BIG-registratie."),
                params,
            )
        if kind == MemberKind.VOLUNTEER:
            return Finding(
                "reserved_act_volunteer",
                Verdict.BLOCK,
                _(
                    "{task} is een voorbehouden handeling (Wet BIG). Dat is werk voor "
                    "een professional. Een vrijwilliger mag dit niet doen."
                ),
                _(
                    "Laat de wijkverpleging dit doen. Zie je iets wat niet goed gaat? "
                    "Vertel het de professional zelf (warme overdracht)."
                ),
                params,
            )
        if kind == MemberKind.CARER:
            # The Wet BIG governs professional work; a mantelzorger may do it for
            # a loved one, but only when a nurse has taught it and checks it.
            return Finding(
                "reserved_act_carer",
                Verdict.WARN,
                _(
                    "{task} is een voorbehouden handeling (Wet BIG). {name} mag dit "
                    "als mantelzorger alleen doen als een verpleegkundige het heeft "
                    "geleerd en meekijkt."
                ),
                _("Spreek met de wijkverpleging af wie het uitlegt en wie controleert."),
                params,
            )
    if task.category == TaskCategory.NURSING and kind == MemberKind.VOLUNTEER:
        return Finding(
            "nursing_volunteer",
            Verdict.BLOCK,
            _("{task} is verpleging. Dat is formele zorg en niet voor vrijwilligers."),
            _(
                "Vraag de wijkverpleging. Als vrijwilliger kun je wel gezelschap bieden "
                "of helpen met boodschappen."
            ),
            params,
        )
    if task.category == TaskCategory.PERSONAL_CARE and kind == MemberKind.VOLUNTEER:
        if performer.organisation_allows_personal_care and performer.trained_personal_care:
            return None
        return Finding(
            "personal_care_volunteer",
            Verdict.BLOCK,
            _(
                "{task} is persoonlijke verzorging. Een vrijwilliger mag dit alleen "
                "als de vrijwilligersorganisatie het toestaat en de vrijwilliger "
                "ervoor is opgeleid."
            ),
            _(
                "Vraag de thuiszorg of de wijkverpleging. Spreek bij de overdracht "
                "samen af wie wat doet (warme overdracht)."
            ),
            params,
        )
    return None
