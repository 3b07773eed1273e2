"""Help requests (hulpvragen) and the proposal workflow around a volunteer.

Seed 001 §4.3/§6: intake → matching → introduction (kennismaking) with the
responsible professional → start → supervision and evaluation. Requests reach
the coordinator from professionals and directly from clients and carers (about
half each in one case), so the source is recorded. Plain Python: the Django
app stores these values and asks this module which step may follow which.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.tasks import Finding, PerformerFacts, TaskFacts, check_boundary
from samenspel.domain.vocabulary import MemberKind

# --- The request --------------------------------------------------------------


class Source(StrEnum):
    """Who asked: recorded so the split can be reported (seed 001 §6)."""

    PROFESSIONAL = "professional"
    CLIENT = "client"
    CARER = "carer"  # mantelzorger


SOURCE_LABELS = {
    Source.PROFESSIONAL: _("Professional"),
    Source.CLIENT: _("Cliënt"),
    Source.CARER: _("Mantelzorger"),
}


@dataclass(frozen=True)
class SourceShare:
    source: Source
    count: int
    percent: int  # whole percent; the shares add up to 100 (largest remainder)


def source_split(counts: dict[str, int]) -> list[SourceShare]:
    """Who asked for help, as counts and whole percentages that add up to 100.

    Seed 001 §6 reports about half of the requests from professionals and half
    directly from clients and carers; the coordinator and the municipality see
    how it goes here. Largest-remainder rounding, so 1/3 + 1/3 + 1/3 shows as
    34 + 33 + 33 instead of 99.
    """
    values = {s: max(0, int(counts.get(s, 0))) for s in Source}
    total = sum(values.values())
    if total == 0:
        return [SourceShare(s, 0, 0) for s in Source]
    exact = {s: values[s] * 100 / total for s in Source}
    floors = {s: int(exact[s]) for s in Source}
    left = 100 - sum(floors.values())
    for s in sorted(Source, key=lambda s: (-(exact[s] - floors[s]), list(Source).index(s)))[:left]:
        floors[s] += 1
    return [SourceShare(s, values[s], floors[s]) for s in Source]


def source_for(member_kind: str | None, *, legal_representative: bool = False) -> Source:
    """Derive the source from who files the request.

    A team professional who is not a member files as a professional; a legal
    representative speaks for the client.
    """
    if member_kind == MemberKind.CLIENT or legal_representative:
        return Source.CLIENT
    if member_kind == MemberKind.CARER:
        return Source.CARER
    return Source.PROFESSIONAL


class RequestStatus(StrEnum):
    OPEN = "open"  # waiting for a volunteer
    PROPOSED = "proposed"  # a volunteer is proposed
    MATCHED = "matched"  # the volunteer started
    CLOSED = "closed"  # the help ended
    WITHDRAWN = "withdrawn"  # the circle no longer needs it


REQUEST_STATUS_LABELS = {
    RequestStatus.OPEN: _("Open"),
    RequestStatus.PROPOSED: _("Vrijwilliger voorgesteld"),
    RequestStatus.MATCHED: _("Vrijwilliger gestart"),
    RequestStatus.CLOSED: _("Afgesloten"),
    RequestStatus.WITHDRAWN: _("Ingetrokken"),
}

FINISHED_REQUEST_STATUSES = frozenset({RequestStatus.CLOSED, RequestStatus.WITHDRAWN})


class Frequency(StrEnum):
    ONCE = "once"
    WEEKLY = "weekly"
    EVERY_OTHER_WEEK = "every_other_week"
    MONTHLY = "monthly"
    FLEXIBLE = "flexible"


FREQUENCY_LABELS = {
    Frequency.ONCE: _("Eén keer"),
    Frequency.WEEKLY: _("Elke week"),
    Frequency.EVERY_OTHER_WEEK: _("Om de week"),
    Frequency.MONTHLY: _("Eén keer per maand"),
    Frequency.FLEXIBLE: _("In overleg"),
}

URGENCY_LABELS = {
    1: _("Kan wachten"),
    2: _("Gewoon"),
    3: _("Snel nodig"),
}

# What the client side tells about the situation. Codes that also exist in
# the volunteers' preference vocabulary mean the same thing there, so the
# matching module compares them directly.
CLIENT_PREFERENCE_LABELS = {
    "older_people": _("De cliënt is een oudere"),
    "young_people": _("De cliënt is jong"),
    "dementia": _("De cliënt heeft dementie"),
    "women_only": _("Alleen een vrouw als vrijwilliger"),
    "men_only": _("Alleen een man als vrijwilliger"),
    "pets": _("Er zijn huisdieren in huis"),
    "smoking": _("Er wordt in huis gerookt"),
}

# The same codes as the client reads them about themselves (the form speaks to
# the client or their legal representative).
CLIENT_SELF_PREFERENCE_LABELS = {
    "older_people": _("Ik ben ouder"),
    "young_people": _("Ik ben jong"),
    "dementia": _("Ik heb dementie"),
    "women_only": _("Ik wil alleen een vrouw als vrijwilliger"),
    "men_only": _("Ik wil alleen een man als vrijwilliger"),
    "pets": _("Ik heb huisdieren"),
    "smoking": _("Er wordt bij mij thuis gerookt"),
}

# Motives that fit a kind of task: someone who wants to meet people fits a
# visit better than a ride to the hospital. Product choice.
MOTIVE_FIT = {
    "wellbeing": frozenset({"social_contact", "meaningful", "neighbourhood", "faith"}),
    "practical": frozenset({"give_back", "neighbourhood", "structure", "meaningful"}),
    "household": frozenset({"give_back", "structure", "work_experience"}),
    "administration": frozenset({"learn", "work_experience", "meaningful"}),
    "personal_care": frozenset({"meaningful", "learn", "work_experience"}),
    "nursing": frozenset(),
}

# Product choice: the check after the start comes after six weeks (seed 001
# §4.3 asks for supervision; six weeks is a common first evaluation).
EVALUATION_AFTER_DAYS = 42

# Product choice: a volunteer gets at most two running matches at once, so the
# batch assignment does not pile every request on the best volunteer.
MAX_ACTIVE_MATCHES = 2

MAX_DURATION_MINUTES = 8 * 60  # product choice: one visit of a volunteer lasts at most a day part


def request_boundary(task: TaskFacts) -> Finding | None:
    """May this task be asked of *any* volunteer at all?

    The most capable volunteer there can be (trained, organisation allows
    personal care) is checked against the boundary rules: if even they are
    blocked (a voorbehouden handeling, nursing), the request is refused with
    the rule's reason. Personal care passes here; the matching then lets it
    reach only volunteers the rules allow.
    """
    best_case = PerformerFacts(
        key="volunteer",
        name=_("Een vrijwilliger"),
        kind=MemberKind.VOLUNTEER,
        trained_personal_care=True,
        organisation_allows_personal_care=True,
    )
    finding = check_boundary(task, best_case)
    return finding if finding is not None and finding.is_block else None


# --- The proposal ---------------------------------------------------------------


class ProposalStatus(StrEnum):
    PROPOSED = "proposed"  # waiting for both sides (one may have said yes)
    ACCEPTED = "accepted"  # both said yes
    INTRODUCTION = "introduction"  # kennismaking planned
    STARTED = "started"  # the volunteer helps; member of the circle
    EVALUATED = "evaluated"  # the first evaluation is done
    ENDED = "ended"
    DECLINED = "declined"  # one side said no, with a reason


PROPOSAL_STATUS_LABELS = {
    ProposalStatus.PROPOSED: _("Voorgesteld"),
    ProposalStatus.ACCEPTED: _("Beide kanten akkoord"),
    ProposalStatus.INTRODUCTION: _("Kennismaking gepland"),
    ProposalStatus.STARTED: _("Gestart"),
    ProposalStatus.EVALUATED: _("Geëvalueerd"),
    ProposalStatus.ENDED: _("Gestopt"),
    ProposalStatus.DECLINED: _("Afgewezen"),
}

# Statuses in which the proposal still holds the request.
ACTIVE_PROPOSAL_STATUSES = frozenset(
    {
        ProposalStatus.PROPOSED,
        ProposalStatus.ACCEPTED,
        ProposalStatus.INTRODUCTION,
        ProposalStatus.STARTED,
        ProposalStatus.EVALUATED,
    }
)
RUNNING_STATUSES = frozenset({ProposalStatus.STARTED, ProposalStatus.EVALUATED})
# The circle may withdraw a request until a volunteer has started.
WITHDRAWABLE_REQUEST_STATUSES = frozenset({RequestStatus.OPEN, RequestStatus.PROPOSED})
# Before the start either side may still say no (seed 001: a kennismaking can
# show it does not fit).
DECLINABLE_STATUSES = frozenset(
    {ProposalStatus.PROPOSED, ProposalStatus.ACCEPTED, ProposalStatus.INTRODUCTION}
)


class Side(StrEnum):
    VOLUNTEER = "volunteer"
    CLIENT = "client"  # the client, or a carer or professional on their behalf
    COORDINATOR = "coordinator"


SIDE_LABELS = {
    Side.VOLUNTEER: _("De vrijwilliger"),
    Side.CLIENT: _("De kant van de cliënt"),
    Side.COORDINATOR: _("De coördinator"),
}


class Step(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    PLAN_INTRODUCTION = "plan_introduction"
    START = "start"
    EVALUATE = "evaluate"
    END = "end"


@dataclass(frozen=True)
class ProposalState:
    status: ProposalStatus
    volunteer_accepted: bool = False
    client_accepted: bool = False


def allowed(state: ProposalState, step: Step, side: Side) -> bool:
    """May `side` take `step` now? One table for services, views and tests."""
    s = state.status
    if step == Step.ACCEPT:
        if s != ProposalStatus.PROPOSED:
            return False
        if side == Side.VOLUNTEER:
            return not state.volunteer_accepted
        if side == Side.CLIENT:
            return not state.client_accepted
        return False
    if step == Step.DECLINE:
        return s in DECLINABLE_STATUSES
    if side != Side.COORDINATOR:
        return False
    if step == Step.PLAN_INTRODUCTION:
        return s in (ProposalStatus.ACCEPTED, ProposalStatus.INTRODUCTION)
    if step == Step.START:
        return s == ProposalStatus.INTRODUCTION
    if step == Step.EVALUATE:
        return s in RUNNING_STATUSES
    if step == Step.END:
        return s in RUNNING_STATUSES
    return False


def after_accept(state: ProposalState, side: Side) -> ProposalState:
    """Both sides said yes → accepted; otherwise still proposed."""
    volunteer = state.volunteer_accepted or side == Side.VOLUNTEER
    client = state.client_accepted or side == Side.CLIENT
    status = ProposalStatus.ACCEPTED if volunteer and client else ProposalStatus.PROPOSED
    return ProposalState(status, volunteer, client)


def request_status_for(proposal_statuses: list[str], current: RequestStatus) -> RequestStatus:
    """The request's status from its proposals: a declined proposal reopens it."""
    if current in FINISHED_REQUEST_STATUSES:
        return current
    statuses = {ProposalStatus(s) for s in proposal_statuses}
    if statuses & RUNNING_STATUSES:
        return RequestStatus.MATCHED
    if statuses & (ACTIVE_PROPOSAL_STATUSES - RUNNING_STATUSES):
        return RequestStatus.PROPOSED
    if ProposalStatus.ENDED in statuses:
        return RequestStatus.CLOSED
    return RequestStatus.OPEN


def waiting_on(state: ProposalState) -> frozenset[Side]:
    """Who has to do something next (for the start pages)."""
    if state.status == ProposalStatus.PROPOSED:
        waiting = set()
        if not state.volunteer_accepted:
            waiting.add(Side.VOLUNTEER)
        if not state.client_accepted:
            waiting.add(Side.CLIENT)
        return frozenset(waiting)
    if state.status in (ProposalStatus.ACCEPTED, ProposalStatus.INTRODUCTION):
        return frozenset({Side.COORDINATOR})
    return frozenset()
