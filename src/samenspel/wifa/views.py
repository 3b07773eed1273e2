"""WIFA pages for the volunteer coordinator. Thin: who may look via
``volunteers.policy``, reads via selectors, writes via services, rules in
``domain.wifa``. Only coordinators of the organisation get in (403 otherwise)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenspel.audit import context as audit_context
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record, record_object_views
from samenspel.domain import wifa as rules
from samenspel.volunteers import policy
from samenspel.volunteers import selectors as volunteer_selectors
from samenspel.volunteers.policy import COORDINATOR_ROLE
from samenspel.wifa import selectors, services
from samenspel.wifa.forms import WifaEntryForm

Action = AuditEvent.Action
MAX_ID = 2**63 - 1
# Product choice: the overview lists this many reminders, most urgent first; the
# table below it shows per volunteer how many there are in all.
OVERVIEW_REMINDERS = 30


def _organisation_as_coordinator(request, organisation_id: int):
    organisation = volunteer_selectors.volunteer_organisation(organisation_id)
    employment = volunteer_selectors.employment(organisation, getattr(request.user, "person", None))
    if not policy.is_coordinator(employment):
        raise PermissionDenied
    audit_context.set_role(COORDINATOR_ROLE)  # what the services record, as coordinator
    return organisation, employment


def _volunteer(organisation, volunteer_id: int):
    if volunteer_id > MAX_ID:
        raise Http404
    return selectors.volunteer(organisation, volunteer_id)


def _date(day) -> str:
    """A date as on every page: "5 augustus 2026"."""
    return date_format(day, "j F Y")


def _reminder_rows(found):
    return [{"reminder": r, "text": r.render(_, _date)} for r in found]


def _aspect_rows(figures):
    return [
        {
            "figures": f,
            "label": _(f.aspect.label),
            "explanation": _(f.aspect.explanation),
            "words": f.render(_),
        }
        for f in figures
    ]


@login_required
def overview(request, organisation_id):
    organisation, _employment = _organisation_as_coordinator(request, organisation_id)
    today = timezone.localdate()
    data = selectors.organisation_wifa(organisation, today)
    reminders_by_volunteer: dict[int, int] = {}
    for r in data.reminders:
        reminders_by_volunteer[r.volunteer_id] = reminders_by_volunteer.get(r.volunteer_id, 0) + 1
    labels = [(a.id, _(a.label)) for a in rules.ASPECTS]
    volunteers = [
        {
            "state": s,
            "aspect_dates": [(label, s.last_by_aspect.get(aid)) for aid, label in labels],
            "reminders": reminders_by_volunteer.get(s.volunteer_id, 0),
        }
        for s in data.states
    ]
    record(
        request,
        Action.VIEW,
        object_type="wifa_overview",
        role=COORDINATOR_ROLE,
        object_id=organisation.pk,
        summary=f"WIFA-overzicht {organisation.name}, {len(data.reminders)} herinneringen"[:200],
    )
    # The page shows each volunteer's dates and the professionals they work
    # with: one view row per volunteer, in one insert.
    record_object_views(
        request,
        ((None, COORDINATOR_ROLE, s.volunteer_id) for s in data.states),
        object_type="wifa_volunteer",
    )
    return render(
        request,
        "wifa/overview.html",
        {
            "organisation": organisation,
            "aspects": _aspect_rows(data.aspects),
            "reminders": _reminder_rows(data.reminders[:OVERVIEW_REMINDERS]),
            "reminders_total": len(data.reminders),
            "reminders_hidden": max(0, len(data.reminders) - OVERVIEW_REMINDERS),
            "volunteers": volunteers,
            "contact_n": data.contact[0],
            "contact_total": data.contact[1],
            "contact_weeks": rules.CONTACT_LAPSE_WEEKS,
        },
    )


def _log_groups(entries):
    groups = []
    for a in rules.ASPECTS:
        rows = [
            {"entry": e, "kind_label": _(rules.kind(e.kind).label)}
            for e in entries
            if e.aspect == a.id
        ]
        groups.append({"aspect": a, "label": _(a.label), "rows": rows})
    return groups


@login_required
@require_http_methods(["GET", "POST"])
def volunteer(request, organisation_id, volunteer_id):
    organisation, employment = _organisation_as_coordinator(request, organisation_id)
    profile = _volunteer(organisation, volunteer_id)
    today = timezone.localdate()
    state = selectors.volunteer_state(profile, today)
    if request.method == "POST":
        form = WifaEntryForm(request.POST, pairs=state.pairs, today=today)
        if form.is_valid() and _add_entry(request, form, profile, employment, today):
            messages.success(request, _("Het is vastgelegd."))
            return redirect(
                "wifa:volunteer", organisation_id=organisation.pk, volunteer_id=profile.pk
            )
    else:
        form = WifaEntryForm(initial={"happened_on": today}, pairs=state.pairs, today=today)
    entries = selectors.volunteer_log(profile)
    record(
        request,
        Action.VIEW,
        object_type="wifa_log",
        role=COORDINATOR_ROLE,
        object_id=profile.pk,
        summary=f"WIFA-logboek van {profile.person.full_name}",
    )
    facility_labels = [
        {"label": _(label), "in_place": fid in state.facilities} for fid, label in rules.FACILITIES
    ]
    return render(
        request,
        "wifa/volunteer.html",
        {
            "organisation": organisation,
            "profile": profile,
            "state": state,
            "groups": _log_groups(entries),
            "has_entries": bool(entries),
            "facilities": facility_labels,
            "reminders": _reminder_rows(rules.reminders_for(state, today)),
            "form": form,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _add_entry(request, form, profile, employment, today) -> bool:
    """Record what happened (audited); False with the form's error when it cannot be."""
    try:
        services.add_entry(
            profile,
            kind=form.cleaned_data["kind"],
            happened_on=form.cleaned_data["happened_on"],
            note=form.cleaned_data["note"],
            professional_id=form.professional_id(),
            recorded_by=employment.person,
            today=today,
        )
    except services.WifaError:
        form.add_error("happened_on", _("De datum kan niet in de toekomst liggen."))
        return False
    return True


@login_required
@require_POST
def thanks(request, organisation_id, volunteer_id):
    """One click: "bedankje gegeven" today."""
    organisation, employment = _organisation_as_coordinator(request, organisation_id)
    profile = _volunteer(organisation, volunteer_id)
    services.thank(profile, recorded_by=employment.person)
    messages.success(
        request,
        _("Het bedankje voor {name} is vastgelegd.").format(name=profile.person.full_name),
    )
    if request.POST.get("next") == "overview":
        return redirect("wifa:overview", organisation_id=organisation.pk)
    return redirect("wifa:volunteer", organisation_id=organisation.pk, volunteer_id=profile.pk)
