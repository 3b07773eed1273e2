"""Start page per role, and friendly error pages."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from samenspel.pages import start
from samenspel.reflection.selectors import open_rounds_to_answer
from samenspel.socialmap.selectors import due_count


@login_required
def home(request):
    """One start page for every role: each block shows only what waits for this person."""
    person = getattr(request.user, "person", None)
    today = timezone.localdate()
    context = {"person": person, "caseload": [], "memberships": [], "own_circle": None}
    if person is not None:
        employments = list(person.employments.select_related("organisation"))
        context.update(start.team_lead_block(employments, today))
        context.update(start.caseload_block(request, person, employments))
        context["reflection_rounds"] = open_rounds_to_answer(person, employments)
        context.update(start.volunteering_block(request, person, employments))
        context.update(start.circles_block(person))
        context["care"] = start.care_block(request, person, context["caseload"], context)
    if request.user.has_perm("socialmap.manage_socialmap"):
        # Kaartbeheer: entries not verified for a year are flagged to their maintainer.
        context["offers_due"] = due_count(today=today, maintainer=request.user)
    return render(request, "pages/home.html", context)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
