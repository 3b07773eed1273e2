"""Collaboration-profile pages. Thin: access via `circle_view`, reads via
selectors, writes via services, scoring in `domain.profiles`.

Anyone who is an active member of the circle takes the self-assessment for
themselves; a wijkteam professional who is not a member only sees the shared
mix. Nobody ever sees another member's answers or unshared result.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles.access import circle_view
from samenspel.domain import profiles as domain
from samenspel.domain.access import Perm
from samenspel.profiles import selectors, services
from samenspel.profiles.forms import ProfileForm

Action = AuditEvent.Action
OBJECT_TYPE = services.OBJECT_TYPE


def _own_member_or_403(request):
    member = request.access.member
    if member is None:
        raise PermissionDenied
    return member


def _own_result(answer):
    """The member's own scores and best fit, for their eyes only."""
    if answer is None or not answer.is_completed:
        return None
    scores = domain.score(answer.answers)
    return {
        "answer": answer,
        "best": [domain.PROFILE_BY_ID[pid] for pid in answer.best_fit],
        "scores": [(p, scores[p.id]) for p in domain.PROFILES],
    }


@circle_view(Perm.VIEW_CIRCLE)
def overview(request, circle_id):
    circle = request.circle
    member = request.access.member
    if member is None and Perm.VIEW_DETAILS not in request.access:
        raise PermissionDenied
    own = selectors.own_answer(member)
    mix, shared_count = selectors.circle_mix(circle)
    present = [row.profile.id for row in mix if row.count]
    record(request, Action.VIEW, object_type=OBJECT_TYPE, summary="profile mix")
    return render(
        request,
        "profiles/overview.html",
        {
            "circle": circle,
            "access": request.access,
            "member": member,
            "own": own,
            "result": _own_result(own),
            "mix": mix,
            "shared_count": shared_count,
            "pairs": [
                (domain.PROFILE_BY_ID[p.first], domain.PROFILE_BY_ID[p.second], p.reason)
                for p in domain.grating_pairs(present)
            ],
            "cards": domain.CONVERSATION_CARDS,
            "mnemonics": domain.MNEMONICS,
            "profiles": domain.PROFILES,
        },
    )


@circle_view(Perm.VIEW_CIRCLE)
def take(request, circle_id):
    circle = request.circle
    member = _own_member_or_403(request)
    own = selectors.own_answer(member)
    missing_rows = []
    if request.method == "POST":
        form = ProfileForm(request.POST)
        form.is_valid()  # fields are optional: invalid values are simply not kept
        answer, gaps = services.save_answers(member, request.POST)
        if not gaps:
            messages.success(request, _("Klaar! Hieronder ziet u welk profiel bij u past."))
            return redirect(reverse("profiles:overview", args=[circle.pk]) + "#uitslag")
        missing_rows = [(form.fields[sid].number, form[sid]) for sid in gaps]
    else:
        form = ProfileForm(initial=dict(own.answers) if own else None)
        if own:
            record(
                request,
                Action.VIEW,
                object_type=OBJECT_TYPE,
                object_id=own.pk,
                summary="own answers",
            )
    return render(
        request,
        "profiles/take.html",
        {
            "circle": circle,
            "access": request.access,
            "form": form,
            "missing_rows": missing_rows,
            "missing_ids": {field.field.item_id for _number, field in missing_rows},
            "scale_note": domain.SCALE,
        },
    )


@circle_view(Perm.VIEW_CIRCLE)
def share(request, circle_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    member = _own_member_or_403(request)
    shared = request.POST.get("shared") == "1"
    answer = services.set_shared(member, shared)
    if answer is None:
        messages.error(request, _("Vul eerst de vragen in. Daarna kunt u uw profiel delen."))
    else:
        if shared:
            messages.success(request, _("Uw profiel is nu zichtbaar voor de kring."))
        else:
            messages.success(request, _("Uw profiel is niet meer zichtbaar voor de kring."))
    return redirect(reverse("profiles:overview", args=[request.circle.pk]) + "#uitslag")
