"""Pages for samenwerkingsafspraken, the werkplan and change events.

Thin: access through `circle_view`, rules in the domain, writes in services.
"""

from collections import OrderedDict

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from samenspel.agreements import forms, presenters, selectors, services
from samenspel.agreements.models import Agreement, ChangeEvent
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles import services as circle_services
from samenspel.circles.access import circle_view
from samenspel.circles.selectors import active_members
from samenspel.common.choices import label
from samenspel.domain.access import Perm
from samenspel.domain.agreements import agreement_findings, circle_findings, own_findings
from samenspel.domain.tasks import TASK_CATEGORY_LABELS

Action = AuditEvent.Action


def _valid_id(value) -> str:
    value = str(value)
    if not (value.isascii() and value.isdigit() and len(value) < 19):
        raise Http404
    return value


def _agreement_of_circle(request, agreement_id) -> Agreement:
    return get_object_or_404(
        selectors.with_people(Agreement.objects.all()),
        pk=_valid_id(agreement_id),
        circle=request.circle,
    )


def _may_see(request, agreement, me) -> bool:
    """Everyone with the details sees all agreements; others only their own."""
    return Perm.VIEW_DETAILS in request.access or selectors.involves(agreement, me)


def _warning_keys(findings) -> set[str]:
    """What the user confirmed: each warning with its values (a different
    overloaded carer or another decider asks again)."""
    import hashlib

    return {
        f"{f.code}:" + hashlib.sha256(repr(f.params).encode()).hexdigest()[:10] for f in findings
    }


@circle_view(Perm.VIEW_AGENDA)
def agreement_list(request, circle_id):
    circle, access = request.circle, request.access
    members = active_members(circle)
    me = request.access.member
    agreements = selectors.current_agreements(circle)
    facts = [selectors.agreement_facts(a) for a in agreements]
    findings = presenters.findings_by_agreement(agreements, circle_findings(facts))
    visible = [a for a in agreements if _may_see(request, a, me)]
    if Perm.VIEW_DETAILS not in access:
        findings = {pk: own_findings(items) for pk, items in findings.items()}
    context = {
        "circle": circle,
        "access": access,
        "rows": [(a, presenters.schedule_text(a), findings[a.pk]) for a in visible],
        "me": me,
    }
    if Perm.VIEW_DETAILS in access:
        context["pattern"] = selectors.pattern_of(agreements)
        context["open_changes"] = list(
            circle.change_events.filter(status=ChangeEvent.Status.OPEN).prefetch_related(
                "agreements__task"
            )
        )
        context["ended"] = list(
            circle.agreements.filter(status=Agreement.Status.ENDED).select_related("task")[:50]
        )
    if Perm.MANAGE_AGREEMENTS in access:
        context["coordinator_form"] = forms.CoordinatorForm(
            members=members,
            initial={"coordinator": str(circle.coordinator_id or "")},
        )
    context["coordinator"] = next((m for m in members if m.pk == circle.coordinator_id), None)
    record(request, Action.VIEW, object_type="agreements", object_id=circle.pk)
    return render(request, "agreements/list.html", context)


@circle_view(Perm.MANAGE_AGREEMENTS)
def agreement_add(request, circle_id):
    return _agreement_form(request, None)


@circle_view(Perm.MANAGE_AGREEMENTS)
def agreement_edit(request, circle_id, agreement_id):
    agreement = _agreement_of_circle(request, agreement_id)
    if not agreement.is_current:
        # A stopped agreement is history. Someone may have stopped it while this
        # form was open: keep what they typed and offer it as a new agreement.
        if request.method == "POST":
            return _stopped_meanwhile(request)
        messages.info(request, _("Deze afspraak is gestopt. Maak zo nodig een nieuwe afspraak."))
        return redirect("agreements:detail", circle_id=circle_id, agreement_id=agreement.pk)
    return _agreement_form(request, agreement)


def _stopped_meanwhile(request):
    data = request.POST.copy()
    data["version"] = ""
    data["confirmed_warnings"] = ""
    form = forms.AgreementForm(data, members=active_members(request.circle))
    form.is_valid()
    messages.error(
        request,
        _(
            "Iemand anders heeft deze afspraak intussen gestopt. Uw invoer staat nog in "
            "het formulier: sla het op als nieuwe afspraak als dat nodig is."
        ),
    )
    return render(
        request,
        "agreements/form.html",
        {"circle": request.circle, "agreement": None, "form": form, "blocks": [], "warnings": []},
    )


def _agreement_form(request, agreement):
    circle = request.circle
    members = active_members(circle)
    initial = forms.agreement_initial(agreement) if agreement else forms.new_agreement_initial()
    form = forms.AgreementForm(request.POST or None, members=members, initial=initial)
    context = {"circle": circle, "agreement": agreement, "blocks": [], "warnings": []}
    if request.method == "POST" and form.is_valid():
        findings = services.check(circle, form.values(), agreement)
        blocks = [f for f in findings if f.is_block]
        warnings = [f for f in findings if not f.is_block]
        codes = _warning_keys(warnings)
        if blocks:
            context["blocks"] = presenters.rendered(blocks)
        elif codes - form.confirmed():
            # Show the warnings first; saving again means "we talked about it".
            data = request.POST.copy()
            data["confirmed_warnings"] = ",".join(sorted(codes))
            form = forms.AgreementForm(data, members=members, initial=initial)
            form.is_valid()
            context["warnings"] = presenters.rendered(warnings)
            context["confirming"] = True
        else:
            saved = _save(request, form, agreement, context)
            if saved is not None:
                return redirect("agreements:detail", circle_id=circle.pk, agreement_id=saved.pk)
            if context.get("stopped"):
                return _stopped_meanwhile(request)
            if context.get("conflict"):
                data = request.POST.copy()
                data["version"] = agreement.version
                form = forms.AgreementForm(data, members=members, initial=initial)
                form.is_valid()
    elif request.method == "GET" and agreement is not None:
        record(request, Action.VIEW, object_type="agreement", object_id=agreement.pk)
    context["form"] = form
    return render(request, "agreements/form.html", context)


def _save(request, form, agreement, context):
    person = getattr(request.user, "person", None)
    try:
        saved, _findings = services.save_agreement(
            request.circle,
            form.values(),
            by=person,
            participants=form.cleaned_data["participants"],
            note=form.cleaned_data["note"],
            agreement=agreement,
            expected_version=form.cleaned_data.get("version") or 0,
        )
    except services.Blocked as blocked:
        context["blocks"] = presenters.rendered(blocked.findings)
        return None
    except services.EditConflict:
        agreement.refresh_from_db()
        if not agreement.is_current:
            context["stopped"] = True
            return None
        record(request, Action.VIEW, object_type="agreement", object_id=agreement.pk)
        context["conflict"] = True
        context["current"] = selectors.with_people(Agreement.objects.all()).get(pk=agreement.pk)
        context["current_schedule"] = presenters.schedule_text(context["current"])
        messages.error(
            request,
            _(
                "Iemand anders heeft deze afspraak net ook gewijzigd. Uw invoer staat nog "
                "in het formulier. Kijk hieronder wat er nu is opgeslagen en sla opnieuw op."
            ),
        )
        return None
    messages.success(request, _("De afspraak is opgeslagen."))
    if saved.reopened:
        messages.warning(
            request,
            ngettext(
                "%(count)s moment in de agenda is weer open: wie het had, mag deze taak niet doen.",
                "%(count)s momenten in de agenda zijn weer open: wie ze hadden, mag deze "
                "taak niet doen.",
                saved.reopened,
            )
            % {"count": saved.reopened},
        )
    return saved


@circle_view(Perm.VIEW_AGENDA)
def agreement_detail(request, circle_id, agreement_id):
    agreement = _agreement_of_circle(request, agreement_id)
    me = request.access.member
    if not _may_see(request, agreement, me):
        raise Http404  # agenda-level members see only their own agreements
    others = services.rule_context(request.circle)
    findings = []
    if agreement.is_current:
        findings = agreement_findings(selectors.agreement_facts(agreement), others)
        if Perm.VIEW_DETAILS not in request.access:
            findings = own_findings(findings)
    decisions = list(agreement.decisions.prefetch_related("participants__person"))
    record(request, Action.VIEW, object_type="agreement", object_id=agreement.pk)
    return render(
        request,
        "agreements/detail.html",
        {
            "circle": request.circle,
            "agreement": agreement,
            "schedule": presenters.schedule_text(agreement),
            "findings": presenters.rendered(findings),
            "decisions": decisions,
            "change_labels": CHANGE_LABELS,
        },
    )


# What a decision-log entry says about the fields that changed.
CHANGE_LABELS = {
    "created": gettext_lazy("Afspraak gemaakt"),
    "reviewed": gettext_lazy("Opnieuw besproken"),
    "ended": gettext_lazy("Afspraak gestopt"),
}


@require_POST
@circle_view(Perm.MANAGE_AGREEMENTS)
def agreement_end(request, circle_id, agreement_id):
    agreement = _agreement_of_circle(request, agreement_id)
    version = request.POST.get("version", "")
    try:
        services.end_agreement(
            agreement,
            by=getattr(request.user, "person", None),
            expected_version=int(version) if version.isascii() and version.isdigit() else 0,
        )
    except services.AlreadyEnded:
        messages.info(request, _("Deze afspraak was al gestopt."))
        return redirect("agreements:list", circle_id=circle_id)
    except services.EditConflict:
        messages.error(
            request,
            _("Deze afspraak is net gewijzigd door iemand anders. Kijk of u hem nog wilt stoppen."),
        )
        return redirect("agreements:detail", circle_id=circle_id, agreement_id=agreement.pk)
    messages.success(request, _("De afspraak is gestopt. Wat al gebeurd is, blijft bewaard."))
    return redirect("agreements:list", circle_id=circle_id)


@require_POST
@circle_view(Perm.MANAGE_AGREEMENTS)
def set_coordinator(request, circle_id):
    circle = request.circle
    form = forms.CoordinatorForm(request.POST, members=active_members(circle))
    if not form.is_valid():
        messages.error(request, _("Kies iemand uit het netwerk."))
        return redirect("agreements:list", circle_id=circle_id)
    coordinator = form.cleaned_data["coordinator"]
    circle_services.set_coordinator(circle, coordinator)
    messages.success(request, _("Opgeslagen."))
    return redirect("agreements:list", circle_id=circle_id)


@circle_view(Perm.VIEW_DETAILS)
def workplan(request, circle_id):
    """The printable werkplan for the kitchen-table meeting."""
    circle = request.circle
    agreements = selectors.current_agreements(circle)
    groups: OrderedDict = OrderedDict()
    contacts = {}
    for a in agreements:
        key = label(TASK_CATEGORY_LABELS, a.task.category)
        groups.setdefault(key, []).append((a, presenters.schedule_text(a)))
        for field in selectors.ROLE_FIELDS:
            member = getattr(a, field)
            if member is not None:
                contacts[member.pk] = member
    members = active_members(circle)
    coordinator = next((m for m in members if m.pk == circle.coordinator_id), None)
    if coordinator is not None:
        contacts[coordinator.pk] = coordinator
    record(request, Action.VIEW, object_type="workplan", object_id=circle.pk)
    return render(
        request,
        "agreements/workplan.html",
        {
            "circle": circle,
            "groups": groups,
            "contacts": sorted(contacts.values(), key=lambda m: m.person.full_name),
            "coordinator": coordinator,
            "pattern": selectors.pattern_of(agreements),
            "open_count": sum(1 for a in agreements if a.performer_id is None),
            "today": timezone.localdate(),
        },
    )


@circle_view(Perm.VIEW_DETAILS)
def change_list(request, circle_id):
    circle = request.circle
    events = list(
        circle.change_events.select_related("recorded_by").prefetch_related("agreements__task")
    )
    record(request, Action.VIEW, object_type="changes", object_id=circle.pk)
    return render(request, "agreements/changes.html", {"circle": circle, "events": events})


@circle_view(Perm.MANAGE_AGREEMENTS)
def change_add(request, circle_id):
    circle = request.circle
    current = selectors.current_agreements(circle)
    form = forms.ChangeEventForm(request.POST or None, agreements=current)
    if request.method == "POST" and form.is_valid():
        event = services.record_change(
            circle, form.cleaned_data, by=getattr(request.user, "person", None)
        )
        count = len(form.cleaned_data["agreements"])
        meeting = date_format(event.meeting_on, "j F Y")
        if count:
            text = ngettext(
                "De verandering is vastgelegd. %(count)s afspraak staat op 'te herzien'. "
                "Voorstel om erover te praten: %(date)s.",
                "De verandering is vastgelegd. %(count)s afspraken staan op 'te herzien'. "
                "Voorstel om erover te praten: %(date)s.",
                count,
            )
        else:
            text = _("De verandering is vastgelegd. Voorstel om erover te praten: %(date)s.")
        messages.success(request, text % {"count": count, "date": meeting})
        return redirect("agreements:changes", circle_id=circle.pk)
    if request.method == "GET":
        record(request, Action.VIEW, object_type="agreements", object_id=circle.pk)
    return render(request, "agreements/change_form.html", {"circle": circle, "form": form})


@require_POST
@circle_view(Perm.MANAGE_AGREEMENTS)
def change_handled(request, circle_id, change_id):
    event = get_object_or_404(ChangeEvent, pk=_valid_id(change_id), circle=request.circle)
    if services.handle_change(event):
        messages.success(request, _("Gemarkeerd als besproken."))
    else:
        messages.info(request, _("Deze verandering was al besproken."))
    return redirect("agreements:changes", circle_id=circle_id)
