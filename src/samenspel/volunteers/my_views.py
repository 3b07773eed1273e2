"""Mijn vrijwilligerswerk: the volunteer's own profile (read-only) and agreement.

Only the viewer's own profile is ever loaded. Proposals from the help-request
app appear through the optional template ``helprequests/_my_proposals.html``.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone
from django.views.decorators.http import require_GET

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.volunteers import selectors
from samenspel.volunteers.views import agreement_context, profile_facts

PROPOSALS_TEMPLATE = "helprequests/_my_proposals.html"
PLACEHOLDER_TEMPLATE = "volunteers/_my_proposals_placeholder.html"


def _proposals_template() -> str:
    """The help-request app's partial when it exists, else an empty placeholder."""
    try:
        get_template(PROPOSALS_TEMPLATE)
    except TemplateDoesNotExist:
        return PLACEHOLDER_TEMPLATE
    return PROPOSALS_TEMPLATE


@login_required
@require_GET
def home(request):
    person = getattr(request.user, "person", None)
    profile = selectors.own_profile(person)
    context = {"profile": profile, "person": person, "proposals_template": _proposals_template()}
    if profile is not None:
        current = selectors.current_agreement(profile.agreements.all(), timezone.localdate())
        context["facts"] = profile_facts(profile)
        context["current"] = current
        if current is not None:
            context.update(
                {k: v for k, v in agreement_context(profile, current).items() if k != "profile"}
            )
        record(
            request,
            AuditEvent.Action.VIEW,
            object_type="volunteer_profile",
            object_id=profile.pk,
            summary="Eigen vrijwilligersprofiel",
        )
        if current is not None:
            record(
                request,
                AuditEvent.Action.VIEW,
                object_type="volunteer_agreement",
                object_id=current.pk,
                summary="Eigen vrijwilligersafspraak",
            )
    return render(request, "volunteers/my.html", context)
