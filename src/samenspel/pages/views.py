"""Start page per role, and friendly error pages."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from samenspel.audit.services import record_object_views, record_views
from samenspel.circles import selectors
from samenspel.domain import teamplan
from samenspel.domain.vocabulary import MemberKind
from samenspel.helprequests.selectors import home_items as help_home_items
from samenspel.pages.care_signals import home_signals
from samenspel.reflection.selectors import open_rounds_to_answer
from samenspel.socialmap.selectors import due_count
from samenspel.teams.selectors import open_actions
from samenspel.volunteers.selectors import home_summary
from samenspel.wifa.home import home_context as wifa_home_context


@login_required
def home(request):
    person = getattr(request.user, "person", None)
    today = timezone.localdate()
    context = {"person": person, "caseload": [], "memberships": [], "own_circle": None}
    if person is not None:
        employments = list(person.employments.select_related("organisation"))
        is_professional = bool(employments)
        in_teams = [
            e for e in employments if e.organisation.kind == e.organisation.Kind.NEIGHBOURHOOD_TEAM
        ]
        context["teams"] = [e.organisation for e in in_teams]
        # The team lead keeps the werkplan going: its open actions, soonest first.
        context["open_actions"] = [
            (
                e.organisation,
                [
                    (a, teamplan.overdue(a.due, a.status, today))
                    for a in open_actions(e.organisation)
                ],
            )
            for e in in_teams
            if e.is_team_lead
        ]
        if is_professional:
            teams = selectors.team_ids(employments)
            context["caseload"] = selectors.professional_caseload(person, teams)
            record_views(
                request,
                ((s.circle, s.role) for s in context["caseload"]),
                object_type="caseload",
            )
        context["reflection_rounds"] = open_rounds_to_answer(person, employments)
        volunteer_home = home_summary(person, employments=employments)
        context["volunteer_home"] = volunteer_home
        coordinates = bool(volunteer_home.organisations)
        if coordinates:
            # Coordinators only: the WIFA reminders of their organisations.
            context.update(
                wifa_home_context(
                    person,
                    request,
                    organisations=[s.organisation for s in volunteer_home.organisations],
                )
            )
        context["help"] = help_home_items(
            person,
            coordinates=coordinates,
            volunteers=volunteer_home.own_profile is not None,
            employments=employments,
        )
        memberships = selectors.memberships(person)
        own = [ms.member for ms in memberships if ms.member.kind == MemberKind.CLIENT]
        context["own_circle"] = next((m for m in own if m.is_active), None)
        context["memberships"] = [ms for ms in memberships if ms.member.kind != MemberKind.CLIENT]
        context["is_professional"] = is_professional
        now = timezone.now()
        care = context["care"] = home_signals(
            person, context["caseload"], memberships, timezone.localdate(now), now
        )
        roles = {s.circle.pk: s.role for s in context["caseload"]}
        circles = {s.circle.pk: s.circle for s in context["caseload"]}
        if care.stale_referrals:
            # Who is referred where: a read of the circle's referrals.
            record_object_views(
                request,
                (
                    (i.referral.circle, roles.get(i.referral.circle_id, ""), i.referral.pk)
                    for i in care.stale_referrals
                ),
                object_type="referral",
            )
        if care.burden_results_shown:
            # A signal about a carer's score shows (part of) that result.
            record_object_views(
                request,
                (
                    (circles[c], roles.get(c, ""), screening)
                    for c, screening in care.burden_results_shown
                ),
                object_type="screening",
            )
        shown = [i for i in care.log_signals if i.preview is not None]
        if shown:
            # The preview is part of a logbook entry: reading it is a read.
            record_object_views(
                request,
                ((i.circle, roles.get(i.circle.pk, ""), i.entry.pk) for i in shown),
                object_type="log_entry",
            )
    if request.user.has_perm("socialmap.manage_socialmap"):
        # Kaartbeheer: entries not verified for a year are flagged to their maintainer.
        context["offers_due"] = due_count(today=timezone.localdate(), maintainer=request.user)
    return render(request, "pages/home.html", context)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
