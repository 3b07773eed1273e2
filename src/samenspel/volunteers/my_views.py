"""Mijn vrijwilligerswerk: the volunteer's own profile (read-only) and agreement.

Only the viewer's own profile is ever loaded. Proposals have their own page
(`my_proposals:list`), linked from here.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.volunteers import selectors
from samenspel.volunteers.views import agreement_context, profile_facts


@login_required
@require_GET
def home(request):
    person = getattr(request.user, "person", None)
    profile = selectors.own_profile(person)
    context = {"profile": profile, "person": person}
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
            role="volunteer",
        )
        if current is not None:
            record(
                request,
                AuditEvent.Action.VIEW,
                object_type="volunteer_agreement",
                object_id=current.pk,
                summary="Eigen vrijwilligersafspraak",
                role="volunteer",
            )
    return render(request, "volunteers/my.html", context)
