"""Writes for help requests and proposals.

Every step is checked against `domain.helprequests.allowed` on a locked row,
so a stale form or a double click gets a clear error (`WorkflowError`), never
a half-done change. Views write the audit log.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from samenspel.agreements.selectors import task_facts
from samenspel.circles.models import Member
from samenspel.circles.services import restore_member, revoke_member
from samenspel.common.errors import ApplicationError
from samenspel.domain import helprequests as hr
from samenspel.domain import matching
from samenspel.domain.tasks import TaskCategory
from samenspel.domain.vocabulary import AccessLevel, CareDomain, MemberKind
from samenspel.domain.volunteering import MOTIVE_LABELS
from samenspel.helprequests import selectors
from samenspel.helprequests.models import HelpRequest, Proposal
from samenspel.volunteers.models import VolunteerProfile

NOT_ALLOWED = "not_allowed"  # this step cannot be taken now, or not by this side
CONFLICT = "conflict"  # someone changed it since the page was opened
NO_REASON = "no_reason"  # declining needs a reason
NOT_A_MATCH = "not_a_match"  # the volunteer cannot take this request (hard rule)
BOUNDARY = "boundary"  # no volunteer may do this task
ACCESS_REVOKED = "access_revoked"  # the client took this person's access away
OTHER_ROLE = "other_role"  # the person is already in the circle in another role
MAP_ONLY = "map_only"  # the client put this person only on the map: no access to give


class WorkflowError(ApplicationError):
    """A step of the help-request workflow that cannot be taken; `code` is one of the
    constants above, `detail` the matching findings for NOT_A_MATCH."""


REQUEST_FIELDS = (
    "task",
    "details",
    "slots",
    "start_date",
    "duration_minutes",
    "frequency",
    "wijk",
    "latitude",
    "longitude",
    "wanted_skills",
    "languages",
    "preferences",
    "urgency",
    "organisation",
)


@transaction.atomic
def file_request(circle, data: dict, *, by, source: hr.Source) -> HelpRequest:
    """A new open request. A task no volunteer may ever do is refused
    (`WorkflowError(BOUNDARY, finding)`): it never reaches a volunteer."""
    finding = hr.request_boundary(task_facts(data["task"]))
    if finding is not None:
        raise WorkflowError(BOUNDARY, finding)
    values = {k: data[k] for k in REQUEST_FIELDS if k in data}
    values.setdefault("wijk", circle.wijk)
    if not values.get("wijk"):
        values["wijk"] = circle.wijk
    if values.get("latitude") is None or values.get("longitude") is None:
        # No address is asked; a wijk centre lets the distance rule work
        # (see `selectors.wijk_centre`).
        values["latitude"], values["longitude"] = selectors.wijk_centre(
            values["organisation"], values["wijk"]
        )
    return HelpRequest.objects.create(circle=circle, created_by=by, source=source, **values)


@transaction.atomic
def withdraw_request(help_request: HelpRequest, *, expected_version: int, by) -> HelpRequest:
    """The circle no longer needs it. Only before a volunteer started; open
    proposals end as declined by the client side."""
    locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if locked.status not in hr.WITHDRAWABLE_REQUEST_STATUSES:
        raise WorkflowError(NOT_ALLOWED)
    if locked.version != expected_version:
        raise WorkflowError(CONFLICT)
    now = timezone.now()
    Proposal.objects.filter(
        help_request=locked, status__in=[s.value for s in hr.DECLINABLE_STATUSES]
    ).update(
        status=hr.ProposalStatus.DECLINED,
        declined_by=hr.Side.CLIENT,
        decline_reason="De hulpvraag is ingetrokken.",
        status_changed_at=now,
        version=F("version") + 1,
    )
    HelpRequest.objects.filter(pk=locked.pk).update(
        status=hr.RequestStatus.WITHDRAWN, status_changed_at=now, version=F("version") + 1
    )
    help_request.refresh_from_db()
    return help_request


def _sync_request(help_request_id: int) -> None:
    """Derive the request's status from its proposals (declined → open again)."""
    locked = HelpRequest.objects.select_for_update().get(pk=help_request_id)
    statuses = list(
        Proposal.objects.filter(help_request_id=help_request_id).values_list("status", flat=True)
    )
    new = hr.request_status_for(statuses, hr.RequestStatus(locked.status))
    if new != locked.status:
        HelpRequest.objects.filter(pk=locked.pk).update(
            status=new, status_changed_at=timezone.now(), version=F("version") + 1
        )


@transaction.atomic
def propose(help_request: HelpRequest, profile, *, by, today=None) -> Proposal:
    """The coordinator proposes one volunteer for an open request.

    The hard rules are checked again here, whatever the page showed: a
    volunteer the matching excludes (a voorbehouden handeling, no VOG, ...)
    is refused with `NOT_A_MATCH` and the reasons.
    """
    today = today or timezone.localdate()
    locked = HelpRequest.objects.select_for_update().select_related("task").get(pk=help_request.pk)
    if locked.status != hr.RequestStatus.OPEN or profile.organisation_id != locked.organisation_id:
        raise WorkflowError(NOT_ALLOWED)
    # Lock the volunteer before counting their matches: two coordinators
    # proposing the same volunteer at once cannot both take the last place.
    VolunteerProfile.objects.select_for_update().filter(pk=profile.pk).first()
    pool = selectors.volunteer_pool(locked.organisation, today, only=profile.pk)
    facts = next(iter(pool.facts), None)
    if facts is None:  # not active
        raise WorkflowError(NOT_A_MATCH, (selectors.NOT_ACTIVE,))
    own = selectors._request_exclusions(locked, pool).get(profile.pk)
    if own:
        raise WorkflowError(NOT_A_MATCH, tuple(own))
    request_facts = selectors.request_facts(locked)
    exclusions = matching.exclusions(request_facts, facts)
    if exclusions:
        raise WorkflowError(NOT_A_MATCH, tuple(e.reason for e in exclusions))
    candidate = matching.score(request_facts, facts)
    proposal = Proposal.objects.create(
        help_request=locked,
        volunteer=profile,
        score=round(candidate.score, 1),
        # Msgids and values, not sentences: shown translated, and to the volunteer as "u".
        reasons=[reason.to_data() for reason in candidate.reasons],
        created_by=by,
    )
    _sync_request(locked.pk)
    return proposal


def propose_batch(
    organisation, pairs: dict[int, int], *, by, today=None
) -> tuple[list[Proposal], int]:
    """Turn the pairs the coordinator saw into proposals; each one on its own
    (`propose` checks everything again under a lock), so one request or
    volunteer that changed meanwhile does not stop the others.
    Returns (the proposals made, how many pairs were skipped)."""
    requests = HelpRequest.objects.in_bulk(list(pairs), field_name="pk")
    profiles = VolunteerProfile.objects.in_bulk(list(pairs.values()))
    made: list[Proposal] = []
    skipped = 0
    for rid, vid in pairs.items():
        req, profile = requests.get(rid), profiles.get(vid)
        if req is None or profile is None or req.organisation_id != organisation.pk:
            skipped += 1
            continue
        try:
            made.append(propose(req, profile, by=by, today=today))
        except WorkflowError:
            skipped += 1
    return made, skipped


def _step(
    proposal: Proposal,
    step: hr.Step,
    side: hr.Side,
    *,
    expected_version: int | None,
    changes: dict,
) -> Proposal:
    """Lock, check the domain's table and the version, write, sync the request."""
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    stale = expected_version is not None and locked.version != expected_version
    if not hr.allowed(locked.state, step, side):
        raise WorkflowError(CONFLICT if stale else NOT_ALLOWED)
    if stale and step != hr.Step.ACCEPT:
        # Saying yes twice is harmless; anything else on an old page is not.
        raise WorkflowError(CONFLICT)
    now = timezone.now()
    Proposal.objects.filter(pk=locked.pk).update(
        status_changed_at=now, version=F("version") + 1, **changes
    )
    _sync_request(locked.help_request_id)
    proposal.refresh_from_db()
    return proposal


def _check_pair(locked: Proposal, step: hr.Step, side: hr.Side, today=None) -> None:
    """Before a yes or the start: the volunteer must still be allowed to take
    this request (active, task boundary, VOG, times, distance, wishes, no
    other or revoked row in the circle). Refused with `NOT_A_MATCH` and why."""
    if not hr.allowed(locked.state, step, side):
        return  # `_step` gives the right error
    pair = Proposal.objects.select_related("help_request__task", "help_request__organisation").get(
        pk=locked.pk
    )
    reasons = selectors.pair_exclusions(pair, today or timezone.localdate())
    if reasons:
        raise WorkflowError(NOT_A_MATCH, tuple(reasons))


@transaction.atomic
def accept(proposal: Proposal, side: hr.Side, *, by, expected_version: int | None = None):
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _check_pair(locked, hr.Step.ACCEPT, side)
    state = hr.after_accept(locked.state, side)
    now = timezone.now()
    changes: dict = {"status": state.status}
    if side == hr.Side.VOLUNTEER:
        changes["volunteer_accepted_at"] = now
    else:
        changes.update(client_accepted_at=now, client_accepted_by=by)
    return _step(proposal, hr.Step.ACCEPT, side, expected_version=expected_version, changes=changes)


@transaction.atomic
def decline(proposal: Proposal, side: hr.Side, reason: str, *, by, expected_version: int | None):
    """Either side says no before the start, always with a reason; the
    request opens again for another volunteer."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(NO_REASON)
    return _step(
        proposal,
        hr.Step.DECLINE,
        side,
        expected_version=expected_version,
        changes={
            "status": hr.ProposalStatus.DECLINED,
            "declined_by": side,
            "decline_reason": reason[:1000],
        },
    )


@transaction.atomic
def plan_introduction(proposal: Proposal, *, at, with_person, by, expected_version: int):
    return _step(
        proposal,
        hr.Step.PLAN_INTRODUCTION,
        hr.Side.COORDINATOR,
        expected_version=expected_version,
        changes={
            "status": hr.ProposalStatus.INTRODUCTION,
            "introduction_at": at,
            "introduction_with": with_person,
        },
    )


DOMAIN_OF_CATEGORY = {
    TaskCategory.WELLBEING: CareDomain.COMPANY,
    TaskCategory.PRACTICAL: CareDomain.PRACTICAL,
    TaskCategory.HOUSEHOLD: CareDomain.HOUSEHOLD,
    TaskCategory.ADMINISTRATION: CareDomain.ADMINISTRATION,
    TaskCategory.PERSONAL_CARE: CareDomain.PERSONAL_CARE,
    TaskCategory.NURSING: CareDomain.NURSING,
}

# Weekly hours of one visit pattern, for the circle's map (product choice).
TIMES_PER_WEEK = {
    hr.Frequency.ONCE: 0,
    hr.Frequency.WEEKLY: 1,
    hr.Frequency.EVERY_OTHER_WEEK: 0.5,
    hr.Frequency.MONTHLY: 0.25,
    hr.Frequency.FLEXIBLE: 0.5,
}


def ensure_member(proposal: Proposal) -> tuple[Member, bool]:
    """The volunteer's member row in the client's circle; True when the match
    made (or reopened) it, so its end closes it again.

    Level AGENDA is the lowest that still opens the circle page and the agenda
    with their own tasks (need to know: no details, scans or referrals). An
    existing active volunteer row is left as the client set it, but a row
    only on the map is refused (`MAP_ONLY`): starting would promise access the
    client never gave. A revoked row is restored (at AGENDA) only when an
    earlier match's end closed it (`Proposal.member_revoked_at`); one the
    client revoked stays closed (`ACCESS_REVOKED`): only the client can give
    access back. A row in another role (a son, a neighbour) is refused too
    (`OTHER_ROLE`): a volunteer has no prior relation with the client (seed 003).
    """
    help_request = proposal.help_request
    profile = proposal.volunteer
    existing = Member.objects.select_for_update().filter(
        circle_id=help_request.circle_id, person_id=profile.person_id
    )
    member = existing.first()
    if member is not None:
        if not member.is_active:
            if member.kind != MemberKind.VOLUNTEER or not selectors.closed_by_a_match(member):
                raise WorkflowError(ACCESS_REVOKED)
            return restore_member(member, AccessLevel.AGENDA), True
        if member.kind != MemberKind.VOLUNTEER:
            raise WorkflowError(OTHER_ROLE)
        if member.access_level == AccessLevel.MAP_ONLY:
            raise WorkflowError(MAP_ONLY)
        return member, False
    times = TIMES_PER_WEEK.get(hr.Frequency(help_request.frequency), 0.5)
    hours = round(help_request.duration_minutes * times / 60 * 2) / 2
    member = Member.objects.create(
        circle_id=help_request.circle_id,
        person_id=profile.person_id,
        kind=MemberKind.VOLUNTEER,
        organisation_id=profile.organisation_id,
        domains=[DOMAIN_OF_CATEGORY[TaskCategory(help_request.task.category)]],
        hours_per_week=hours,
        closeness=3,
        trained_personal_care="personal_care" in (profile.training or ()),
        access_level=AccessLevel.AGENDA,
        motivation=_motivation(profile),
    )
    return member, True


def _motivation(profile) -> str:
    """The circle's "wat mij beweegt" for a matched volunteer, from their intake
    motives (in the data's language, Dutch, like every other motivation text)."""
    motives = [MOTIVE_LABELS[m].lower() for m in profile.motives or () if m in MOTIVE_LABELS]
    text = f"Vrijwilliger van {profile.organisation.name}."
    if motives:
        text += " Ik doe dit om: " + ", ".join(motives) + "."
    return text[:500]


@transaction.atomic
def start(proposal: Proposal, *, on=None, by, expected_version: int) -> Proposal:
    """The volunteer starts: they become a member of the circle (once), and
    the first evaluation is set after `EVALUATION_AFTER_DAYS`."""
    on = on or timezone.localdate()
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not hr.allowed(locked.state, hr.Step.START, hr.Side.COORDINATOR):
        raise WorkflowError(CONFLICT if locked.version != expected_version else NOT_ALLOWED)
    if locked.version != expected_version:
        raise WorkflowError(CONFLICT)
    _check_pair(locked, hr.Step.START, hr.Side.COORDINATOR, today=on)
    proposal = Proposal.objects.select_related("help_request__task", "volunteer").get(
        pk=proposal.pk
    )
    member, created = ensure_member(proposal)
    return _step(
        proposal,
        hr.Step.START,
        hr.Side.COORDINATOR,
        expected_version=expected_version,
        changes={
            "status": hr.ProposalStatus.STARTED,
            "started_on": on,
            "member": member,
            "member_created": created,
            "evaluation_due": on + timedelta(days=hr.EVALUATION_AFTER_DAYS),
        },
    )


@transaction.atomic
def evaluate(proposal: Proposal, *, on, note: str, by, expected_version: int) -> Proposal:
    return _step(
        proposal,
        hr.Step.EVALUATE,
        hr.Side.COORDINATOR,
        expected_version=expected_version,
        changes={
            "status": hr.ProposalStatus.EVALUATED,
            "evaluated_on": on,
            "evaluation_note": note.strip()[:1000],
        },
    )


@transaction.atomic
def end(proposal: Proposal, *, on=None, note: str = "", by, expected_version: int) -> Proposal:
    """The help stops. A member row a match made is revoked again (need to
    know) once no match with that row is still running; whichever of those
    matches ends last revokes it, and notes so in `member_revoked_at` (a
    later match may reopen it). A row the client made themselves stays.
    The evaluation note is kept; why it stopped goes into `end_note`."""
    on = on or timezone.localdate()
    changes = {"status": hr.ProposalStatus.ENDED, "ended_on": on, "end_note": note.strip()[:1000]}
    proposal = _step(
        proposal,
        hr.Step.END,
        hr.Side.COORDINATOR,
        expected_version=expected_version,
        changes=changes,
    )
    if proposal.member_id:
        same_row = Proposal.objects.filter(member_id=proposal.member_id)
        made_by_a_match = same_row.filter(member_created=True).exists()
        still_running = same_row.filter(status__in=[s.value for s in hr.RUNNING_STATUSES]).exists()
        member = Member.objects.select_for_update().get(pk=proposal.member_id)
        if made_by_a_match and not still_running and member.is_active:
            member = revoke_member(member, reason=f"match ended proposal={proposal.pk}")
            Proposal.objects.filter(pk=proposal.pk).update(member_revoked_at=member.revoked_at)
            proposal.refresh_from_db()
    return proposal
