"""The circle page: members, network analysis, ecogram, care signals, help nearby.

It gathers what several apps know about one circle, so it lives in the composition
layer; the circles app keeps the member pages.
"""

from django.shortcuts import render
from django.utils import timezone

from samenspel.agreements.selectors import current_agreements, pattern_of
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles import selectors
from samenspel.circles.access import circle_view
from samenspel.circles.presenters import rendered_signals
from samenspel.circles.views import is_self
from samenspel.domain.access import Perm, edit_scope
from samenspel.domain.ecogram import layout
from samenspel.domain.vocabulary import MemberKind
from samenspel.pages.care_signals import circle_care_signals
from samenspel.socialmap.referral_selectors import help_nearby

Action = AuditEvent.Action


@circle_view(Perm.VIEW_CIRCLE)
def circle_detail(request, circle_id):
    circle, access = request.circle, request.access
    members = selectors.active_members(circle)
    context = {"circle": circle, "access": access, "members": members}
    context["editable_ids"] = {
        m.pk
        for m in members
        if edit_scope(access.perms, target_kind=MemberKind(m.kind), is_self=is_self(request, m))
    }
    if Perm.VIEW_DETAILS in access:
        facts = selectors.facts_of(members)
        report = selectors.analyse_circle(circle, facts)
        context.update(report=report, signals=rendered_signals(report), ecogram=layout(facts))
        context["pattern"] = pattern_of(current_agreements(circle))
    if Perm.VIEW_AGENDA in access:
        context["care"] = circle_care_signals(
            circle, viewer_perms=access.perms, today=timezone.localdate(), now=timezone.now()
        )
    if Perm.VIEW_DETAILS in access:
        # "Hulp in de wijk": offers on the sociale kaart that answer these signals.
        codes = [s.code for s in report.signals]
        codes += [s.code for s in getattr(context.get("care"), "signals", [])]
        context["help_nearby"] = help_nearby(circle, codes)
    record(request, Action.VIEW, object_type="circle", object_id=circle.pk)
    return render(request, "circles/detail.html", context)
