"""Start page per role, and friendly error pages."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from samenspel.audit.services import record_views
from samenspel.circles import selectors
from samenspel.domain.vocabulary import MemberKind


@login_required
def home(request):
    person = getattr(request.user, "person", None)
    context = {"person": person, "caseload": [], "memberships": [], "own_circle": None}
    if person is not None:
        teams = selectors.team_ids(person)
        is_professional = person.employments.exists()
        if is_professional:
            context["caseload"] = selectors.professional_caseload(person, teams)
            context["is_team_lead"] = person.employments.filter(is_team_lead=True).exists()
            record_views(
                request,
                ((s.circle, s.role) for s in context["caseload"]),
                object_type="caseload",
            )
        memberships = selectors.memberships(person)
        context["own_circle"] = next(
            (m for m in memberships if m.kind == MemberKind.CLIENT and m.is_active), None
        )
        context["memberships"] = [m for m in memberships if m.kind != MemberKind.CLIENT]
        context["is_professional"] = is_professional
    return render(request, "core/home.html", context)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
