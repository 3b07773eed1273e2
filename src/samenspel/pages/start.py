"""The blocks of the start page, each for the people it concerns.

Every block reads in bulk (its cost does not grow with the caseload) and records in
the audit log what it shows of a circle: caseload rows, referral and logbook previews,
results behind burden signals.
"""

from django.utils import timezone

from samenspel.audit.services import record_object_views, record_views
from samenspel.circles import selectors
from samenspel.domain import teamplan
from samenspel.domain.vocabulary import MemberKind
from samenspel.helprequests.selectors import home_items as help_home_items
from samenspel.pages.care_signals import home_signals
from samenspel.teams.selectors import open_actions
from samenspel.volunteers.selectors import home_summary
from samenspel.wifa.home import home_context as wifa_home_context


def team_lead_block(employments, today) -> dict:
    """Wijkteams of this person; a lead keeps the werkplan going (open actions first)."""
    in_teams = [
        e for e in employments if e.organisation.kind == e.organisation.Kind.NEIGHBOURHOOD_TEAM
    ]
    actions = [
        (
            e.organisation,
            [(a, teamplan.overdue(a.due, a.status, today)) for a in open_actions(e.organisation)],
        )
        for e in in_teams
        if e.is_team_lead
    ]
    return {"teams": [e.organisation for e in in_teams], "open_actions": actions}


def caseload_block(request, person, employments) -> dict:
    """A professional's circles (own and the team's), each row a recorded read."""
    if not employments:
        return {"is_professional": False, "caseload": []}
    caseload = selectors.professional_caseload(person, selectors.team_ids(employments))
    record_views(request, ((s.circle, s.role) for s in caseload), object_type="caseload")
    return {"is_professional": True, "caseload": caseload}


def volunteering_block(request, person, employments) -> dict:
    """A volunteer's own work; a coordinator's organisations, WIFA reminders and requests."""
    volunteer_home = home_summary(person, employments=employments)
    coordinates = bool(volunteer_home.organisations)
    context = {"volunteer_home": volunteer_home}
    if coordinates:
        organisations = [s.organisation for s in volunteer_home.organisations]
        context.update(wifa_home_context(person, request, organisations=organisations))
    context["help"] = help_home_items(
        person,
        coordinates=coordinates,
        volunteers=volunteer_home.own_profile is not None,
        employments=employments,
    )
    return context


def circles_block(person) -> dict:
    """The person's own circle (as client) and the circles they help in."""
    memberships = selectors.memberships(person)
    own = [ms.member for ms in memberships if ms.member.kind == MemberKind.CLIENT]
    return {
        "all_memberships": memberships,
        "own_circle": next((m for m in own if m.is_active), None),
        "memberships": [ms for ms in memberships if ms.member.kind != MemberKind.CLIENT],
    }


def care_block(request, person, caseload, context):
    """Signals across the caseload and memberships; what they reveal is recorded."""
    now = timezone.now()
    care = home_signals(person, caseload, context["all_memberships"], timezone.localdate(now), now)
    roles = {s.circle.pk: s.role for s in caseload}
    circles = {s.circle.pk: s.circle for s in caseload}
    if care.stale_referrals:
        # Who is referred where: a read of the circle's referrals.
        rows = (
            (i.referral.circle, roles.get(i.referral.circle_id, ""), i.referral.pk)
            for i in care.stale_referrals
        )
        record_object_views(request, rows, object_type="referral")
    if care.burden_results_shown:
        # A signal about a carer's score shows (part of) that result.
        rows = ((circles[c], roles.get(c, ""), s) for c, s in care.burden_results_shown)
        record_object_views(request, rows, object_type="screening")
    shown = [i for i in care.log_signals if i.preview is not None]
    if shown:
        # The preview is part of a logbook entry: reading it is a read.
        rows = ((i.circle, roles.get(i.circle.pk, ""), i.entry.pk) for i in shown)
        record_object_views(request, rows, object_type="log_entry")
    return care
