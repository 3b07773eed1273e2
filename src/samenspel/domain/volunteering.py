"""The vocabulary of volunteer work: skills, motives, languages, preferences,
training, the weekly availability grid, and the VOG and supervision rules.

Codes are stable English identifiers stored in the database and used by
`domain.matching`; the Dutch labels live next to them (seed 001 §4.3, §4.6).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.tasks import Finding, PerformerFacts, TaskFacts, check_boundary
from samenspel.domain.vocabulary import MemberKind

SKILL_LABELS = {
    "company": _("Gezelschap en een praatje"),
    "walking": _("Wandelen of een uitje"),
    "transport": _("Vervoer (rijden of begeleiden)"),
    "shopping": _("Boodschappen doen"),
    "cooking": _("Koken of samen eten"),
    "odd_jobs": _("Klusjes in huis"),
    "gardening": _("Tuin"),
    "admin": _("Post en papieren"),
    "digital": _("Computer, tablet en telefoon"),
    "reading": _("Voorlezen"),
    "respite": _("Even oppassen, zodat de mantelzorger vrij is"),
    "personal_care": _("Hulp bij wassen en aankleden (met training)"),
}

MOTIVE_LABELS = {
    "social_contact": _("Mensen ontmoeten"),
    "meaningful": _("Iets betekenen voor een ander"),
    "learn": _("Iets leren"),
    "work_experience": _("Werkervaring opdoen"),
    "give_back": _("Iets terugdoen"),
    "neighbourhood": _("Mijn buurt helpen"),
    "faith": _("Vanuit mijn geloof"),
    "structure": _("Ritme en structuur in de week"),
}

LANGUAGE_LABELS = {
    "nl": _("Nederlands"),
    "en": _("Engels"),
    "tr": _("Turks"),
    "ar": _("Arabisch"),
    "ber": _("Berbers"),
    "pl": _("Pools"),
    "pap": _("Papiaments"),
    "srn": _("Sranantongo"),
    "de": _("Duits"),
    "fry": _("Fries"),
}

PREFERENCE_LABELS = {
    "older_people": _("Werkt graag met ouderen"),
    "young_people": _("Werkt graag met jongeren"),
    "dementia": _("Kan omgaan met dementie"),
    "no_pets": _("Liever geen huisdieren"),
    "no_smoking": _("Liever niet waar gerookt wordt"),
    "women_only": _("Helpt alleen vrouwen"),
    "men_only": _("Helpt alleen mannen"),
}

TRAINING_LABELS = {
    "intro": _("Introductie vrijwilligerswerk"),
    "dementia": _("Omgaan met dementie"),
    "first_aid": _("EHBO"),
    "personal_care": _("Persoonlijke verzorging"),
    "signals": _("Signalen herkennen"),
    "privacy": _("Privacy en geheimhouding"),
}

DAY_LABELS = {
    0: _("maandag"),
    1: _("dinsdag"),
    2: _("woensdag"),
    3: _("donderdag"),
    4: _("vrijdag"),
    5: _("zaterdag"),
    6: _("zondag"),
}

PART_LABELS = {
    "morning": _("ochtend"),
    "afternoon": _("middag"),
    "evening": _("avond"),
}

ALL_SLOTS = tuple(f"{day}-{part}" for day in DAY_LABELS for part in PART_LABELS)

# One word per slot ("woensdagochtend"), as Dutch writes it; marked whole so a
# translation never glues two words together in the wrong order.
SLOT_LABELS = {
    "0-morning": _("maandagochtend"),
    "0-afternoon": _("maandagmiddag"),
    "0-evening": _("maandagavond"),
    "1-morning": _("dinsdagochtend"),
    "1-afternoon": _("dinsdagmiddag"),
    "1-evening": _("dinsdagavond"),
    "2-morning": _("woensdagochtend"),
    "2-afternoon": _("woensdagmiddag"),
    "2-evening": _("woensdagavond"),
    "3-morning": _("donderdagochtend"),
    "3-afternoon": _("donderdagmiddag"),
    "3-evening": _("donderdagavond"),
    "4-morning": _("vrijdagochtend"),
    "4-afternoon": _("vrijdagmiddag"),
    "4-evening": _("vrijdagavond"),
    "5-morning": _("zaterdagochtend"),
    "5-afternoon": _("zaterdagmiddag"),
    "5-evening": _("zaterdagavond"),
    "6-morning": _("zondagochtend"),
    "6-afternoon": _("zondagmiddag"),
    "6-evening": _("zondagavond"),
}

# Kinds that need a named supervisor outside the organisation (seed 001 §4.6).
KINDS_NEEDING_SUPERVISOR = frozenset({"reintegration", "school_internship", "employer"})

# Product choice: many volunteer organisations ask for a new VOG after three
# years; a VOG must also be "valid" in status, not only requested.
VOG_VALID_YEARS = 3

# Product choice: motives shift (seed 001 §4.3): ask again once a year.
MOTIVES_ASK_AGAIN_DAYS = 365


def split_slot(slot: str) -> tuple[int, str]:
    """'2-evening' → (2, 'evening'); ValueError for anything else."""
    day, _sep, part = slot.partition("-")
    if not day.isdigit() or int(day) not in DAY_LABELS or part not in PART_LABELS:
        raise ValueError(slot)
    return int(day), part


def slot_label(slot: str) -> str:
    """'2-morning' → 'woensdagochtend' (a msgid; translate it when shown).
    Anything that is not a slot comes back as it is."""
    return SLOT_LABELS.get(slot, slot)


def vog_is_valid(status: str, vog_date: date | None, today: date) -> bool:
    if status != "valid" or vog_date is None:
        return False
    try:
        expires = vog_date.replace(year=vog_date.year + VOG_VALID_YEARS)
    except ValueError:  # 29 February
        expires = vog_date.replace(year=vog_date.year + VOG_VALID_YEARS, day=28)
    return today < expires


def motives_due(asked_on: date | None, today: date) -> bool:
    """Time to ask the volunteer again why they do this work."""
    return asked_on is None or (today - asked_on).days >= MOTIVES_ASK_AGAIN_DAYS


def needs_supervisor(kind: str) -> bool:
    return kind in KINDS_NEEDING_SUPERVISOR


# --- Profile checks -------------------------------------------------------------

# The training code that counts for personal care (see TRAINING_LABELS).
PERSONAL_CARE_TRAINING = "personal_care"


def trained_for_personal_care(training) -> bool:
    return PERSONAL_CARE_TRAINING in set(training or ())


def vog_date_problem(status: str, vog_date: date | None, today: date) -> str | None:
    """'missing' when a VOG in order has no date, 'future' for a date after today."""
    if vog_date is not None and vog_date > today:
        return "future"
    if status == "valid" and vog_date is None:
        return "missing"
    return None


def supervisor_missing(kind: str, supervisor: str) -> bool:
    return needs_supervisor(kind) and not (supervisor or "").strip()


@dataclass(frozen=True)
class ProfileFlags:
    """What a coordinator should look at for one volunteer."""

    vog_problem: bool
    motives_due: bool
    supervisor_missing: bool
    # The current agreement lists a task the boundary rules now refuse
    # (e.g. training or the organisation's consent was withdrawn).
    tasks_not_allowed: bool = False

    @property
    def any(self) -> bool:
        return (
            self.vog_problem
            or self.motives_due
            or self.supervisor_missing
            or self.tasks_not_allowed
        )


def profile_flags(
    *,
    kind: str,
    supervisor: str,
    vog_status: str,
    vog_date: date | None,
    motives_asked_on: date | None,
    today: date,
    tasks_not_allowed: bool = False,
) -> ProfileFlags:
    return ProfileFlags(
        vog_problem=not vog_is_valid(vog_status, vog_date, today),
        motives_due=motives_due(motives_asked_on, today),
        supervisor_missing=supervisor_missing(kind, supervisor),
        tasks_not_allowed=tasks_not_allowed,
    )


def availability_grid(selected) -> list[tuple[int, str, list[tuple[str, str, bool]]]]:
    """The weekly grid as rows: (day, day label, [(slot, part label, chosen)])."""
    chosen = set(selected or ())
    return [
        (
            day,
            day_label,
            [
                (f"{day}-{part}", part_label, f"{day}-{part}" in chosen)
                for part, part_label in PART_LABELS.items()
            ],
        )
        for day, day_label in DAY_LABELS.items()
    ]


# --- Intake: linking an existing person ------------------------------------------


@dataclass(frozen=True)
class PersonTies:
    """What an existing `Person` found by e-mail already is in Samenspel."""

    has_login: bool
    in_a_circle: bool  # any circle membership, or the client of a circle
    employed: bool
    volunteer: bool


def may_link_by_email(ties: PersonTies) -> bool:
    """Intake may reuse a person found by an unverified e-mail address only when
    nothing depends on that record: otherwise the coordinator would see and could
    change the data of a client, a carer or someone with their own account.
    Product choice (issue 6): in every other case the intake makes a new person."""
    return not (ties.has_login or ties.in_a_circle or ties.employed or ties.volunteer)


# --- Volunteer agreement --------------------------------------------------------


def evaluation_after_start(start: date | None, evaluation: date | None) -> bool:
    """The evaluation comes after the start (or is not planned yet)."""
    return start is None or evaluation is None or evaluation > start


def volunteer_performer(
    key: str, name: str, training, organisation_allows_personal_care: bool
) -> PerformerFacts:
    """A volunteer as the task-boundary rules see them."""
    return PerformerFacts(
        key=key,
        name=name,
        kind=MemberKind.VOLUNTEER,
        trained_personal_care=trained_for_personal_care(training),
        organisation_allows_personal_care=organisation_allows_personal_care,
    )


def refused_tasks(tasks: Iterable[TaskFacts], performer: PerformerFacts) -> list[Finding]:
    """Tasks this volunteer may never take on, each with the rule's reason."""
    findings = []
    for task in tasks:
        finding = check_boundary(task, performer)
        if finding is not None and finding.is_block:
            findings.append(finding)
    return findings


@dataclass(frozen=True)
class AgreementTaskCheck:
    """An agreement's tasks checked again today: the rules can change after it was
    signed (training lapsed, organisation withdrew consent), so a stored task list
    is never trusted as it is."""

    allowed: tuple[str, ...]  # task keys the volunteer may still do
    not_allowed: tuple[tuple[str, Finding], ...]  # (task key, the refusing finding)


def check_agreement_tasks(
    tasks: Iterable[TaskFacts], performer: PerformerFacts
) -> AgreementTaskCheck:
    allowed, not_allowed = [], []
    for task in tasks:
        finding = check_boundary(task, performer)
        if finding is not None and finding.is_block:
            not_allowed.append((task.key, finding))
        else:
            allowed.append(task.key)
    return AgreementTaskCheck(tuple(allowed), tuple(not_allowed))


def general_limits(performer: PerformerFacts) -> list[str]:
    """What a volunteer may not do, in words, from the boundary rules (domain.tasks)."""
    limits = [
        _(
            "Geen medische handelingen die alleen een arts of verpleegkundige mag doen, "
            "zoals insuline spuiten of een katheter inbrengen."
        ),
        _(
            "Geen verpleging, zoals wondverzorging of medicijnen klaarzetten. Dat is "
            "werk voor de wijkverpleging."
        ),
    ]
    if not (performer.organisation_allows_personal_care and performer.trained_personal_care):
        limits.append(
            _(
                "Geen persoonlijke verzorging, zoals wassen en aankleden. Dat mag alleen "
                "als de organisatie het toestaat en de vrijwilliger ervoor is opgeleid."
            )
        )
    return limits


def current_start(start_dates: Iterable[date], today: date) -> date | None:
    """Which agreement counts now: the latest that has started, else the next one."""
    dates = sorted(set(start_dates))
    started = [d for d in dates if d <= today]
    if started:
        return started[-1]
    return dates[0] if dates else None
