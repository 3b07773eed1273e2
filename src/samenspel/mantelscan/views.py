"""The MantelScan pages: list, the five steps, the summary and the comparison.

Thin views: access via `circle_view`, reads via selectors, writes via services,
and an audit row for every page with personal data and every write.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles import selectors as circle_selectors
from samenspel.circles import services as circle_services
from samenspel.circles.access import circle_view
from samenspel.circles.presenters import rendered_signals, stored_signal_title
from samenspel.domain.access import Perm
from samenspel.domain.scan_compare import compare, informal_hours, snapshot_members
from samenspel.domain.vocabulary import SofaRole
from samenspel.mantelscan import forms, selectors, services
from samenspel.mantelscan.models import Scan

Action = AuditEvent.Action

STEP_TITLES = {
    1: gettext_lazy("Wie is er?"),
    2: gettext_lazy("Wat doet ieder?"),
    3: gettext_lazy("Hoe zwaar is het?"),
    4: gettext_lazy("Sterktes en risico's"),
    5: gettext_lazy("Afspraken en advies"),
}
CONFLICT_MESSAGE = gettext_lazy(
    "Iemand anders heeft gegevens van %(names)s net ook gewijzigd. Er is nog niets "
    "opgeslagen. Uw invoer staat nog in het formulier. Kijk wat er nu is opgeslagen "
    "en klik opnieuw op 'Opslaan en verder'."
)


def _audit_view(request, scan, summary=""):
    record(request, Action.VIEW, object_type="mantelscan", object_id=scan.pk, summary=summary)


@circle_view(Perm.VIEW_DETAILS)
def scan_list(request, circle_id):
    circle = request.circle
    scans = list(selectors.scans(circle))
    completed = [s for s in scans if s.is_complete]
    compare_form = forms.CompareForm(scans=selectors.completed_scans(circle))
    record(request, Action.VIEW, object_type="mantelscan_list", object_id=circle.pk)
    return render(
        request,
        "mantelscan/list.html",
        {
            "circle": circle,
            "access": request.access,
            "scans": scans,
            "completed_count": len(completed),
            "compare_form": compare_form,
        },
    )


@require_POST
@circle_view(Perm.RUN_SCAN)
def scan_start(request, circle_id):
    scan = services.start_scan(request.circle, request.user)
    return redirect("mantelscan:step", circle_id=circle_id, scan_id=scan.pk, step=1)


# --- The five steps ---------------------------------------------------------


@circle_view(Perm.RUN_SCAN)
def scan_step(request, circle_id, scan_id, step):
    if step not in STEP_TITLES:
        raise Http404
    scan = selectors.scan_of_circle(request.circle, scan_id)
    if scan.is_complete:
        return _closed(request, scan)
    handler = {1: _step_who, 2: _step_work, 3: _step_burden, 4: _step_strengths, 5: _step_end}
    try:
        result = handler[step](request, scan)
    except services.ScanCompleted:
        return _closed(request, scan)
    if not isinstance(result, dict):
        return result  # a redirect after saving
    _audit_view(request, scan, summary=f"step={step}")
    steps = [
        {"number": n, "title": title, "reachable": n <= max(scan.current_step, step)}
        for n, title in STEP_TITLES.items()
    ]
    context = {
        "circle": request.circle,
        "access": request.access,
        "scan": scan,
        "step": step,
        "step_title": STEP_TITLES[step],
        "steps": steps,
        "previous_step": step - 1 if step > 1 else None,
        **result,
    }
    context["has_errors"] = any(f.errors for f in context["forms_list"])
    return render(request, f"mantelscan/step{step}.html", context)


def _closed(request, scan):
    messages.info(
        request, _("Deze MantelScan is afgerond. U kunt hem lezen, maar niet meer wijzigen.")
    )
    return redirect("mantelscan:detail", circle_id=scan.circle_id, scan_id=scan.pk)


def _next(request, scan, step):
    """After a saved step (the service recorded it): on to the next one."""
    return redirect("mantelscan:step", circle_id=scan.circle_id, scan_id=scan.pk, step=step + 1)


def _post(request):
    return request.POST if request.method == "POST" else None


def _step_who(request, scan):
    circle = request.circle
    form = forms.WhoForm(
        _post(request),
        initial={"needed_domains": circle.needed_domains, "who": scan.notes.get("who", "")},
    )
    if request.method == "POST" and form.is_valid():
        circle_services.set_needed_domains(circle, form.cleaned_data["needed_domains"])
        services.save_step(scan, 1, notes={"who": form.cleaned_data["who"]})
        return _next(request, scan, 1)
    members = circle_selectors.active_members(circle)
    return {"form": form, "members": selectors.helpers(members), "forms_list": [form]}


def _member_forms(members, form_class, prefix, initial, data):
    """One prefixed form per member. A member who was not on the posted page
    (added by someone else meanwhile) gets an unbound form and is not saved."""
    rows = []
    for m in members:
        bound = data is not None and f"{prefix}{m.pk}-version" in data
        form = form_class(data if bound else None, prefix=f"{prefix}{m.pk}", initial=initial(m))
        form.legend = m.person.full_name  # names the person in the error summary
        rows.append((m, form))
    return rows


def _member_step(request, scan, step, *, pick, form_class, prefix, initial, values, extra):
    """Steps 2 and 3: a form per member, saved all together with optimistic locking.

    Returns a redirect after saving, or (rows, conflicts, members) to show the page.
    """
    circle = request.circle
    members = circle_selectors.active_members(circle)
    rows = _member_forms(pick(members), form_class, prefix, initial, _post(request))
    if request.method != "POST":
        return rows, [], members
    posted = [(m, f) for m, f in rows if f.is_bound]
    if not all([f.is_valid() for _m, f in posted]):  # noqa: C419 - validate every form
        return rows, [], members
    result = services.save_members(
        [(m, values(f.cleaned_data), f.cleaned_data.get("version")) for m, f in posted],
        summary=f"mantelscan={scan.pk}",
    )
    if not result.conflicts:
        services.save_step(scan, step, **extra(posted))
        return _next(request, scan, step)
    # Someone saved in between: keep the typed input, take the new version numbers
    # so a second click saves, and show what is stored now.
    names = ", ".join(m.person.full_name for m in result.conflicts)
    messages.error(request, CONFLICT_MESSAGE % {"names": names})
    conflict_ids = {m.pk for m in result.conflicts}
    members = circle_selectors.active_members(circle)
    data = request.POST.copy()
    for m in members:
        if m.pk in conflict_ids:
            data[f"{prefix}{m.pk}-version"] = str(m.version)
    rows = _member_forms(pick(members), form_class, prefix, initial, data)
    for _m, f in rows:
        f.is_valid()
    return rows, [m for m in members if m.pk in conflict_ids], members


def _step_work(request, scan):
    def initial(m):
        return {"domains": m.domains, "hours_per_week": m.hours_per_week, "version": m.version}

    outcome = _member_step(
        request,
        scan,
        2,
        pick=selectors.helpers,
        form_class=forms.MemberWorkForm,
        prefix="m",
        initial=initial,
        values=lambda d: {"domains": d["domains"], "hours_per_week": d["hours_per_week"]},
        extra=lambda posted: {},
    )
    if not isinstance(outcome, tuple):
        return outcome
    rows, conflicts, _members = outcome
    return {"rows": rows, "conflicts": conflicts, "forms_list": [f for _m, f in rows]}


def _step_burden(request, scan):
    burden = scan.notes.get("burden") or {}

    def initial(m):
        return {
            "sofa_roles": m.sofa_roles,
            "burden": burden.get(str(m.pk), ""),
            "version": m.version,
        }

    outcome = _member_step(
        request,
        scan,
        3,
        pick=selectors.carers,
        form_class=forms.CarerBurdenForm,
        prefix="c",
        initial=initial,
        values=lambda d: {"sofa_roles": d["sofa_roles"]},
        extra=lambda posted: {"burden": {str(m.pk): f.cleaned_data["burden"] for m, f in posted}},
    )
    if not isinstance(outcome, tuple):
        return outcome
    rows, conflicts, members = outcome
    return {
        "rows": rows,
        "conflicts": conflicts,
        "report": circle_selectors.report_for(request.circle, members),
        "sofa_all": [str(r) for r in SofaRole],
        "forms_list": [f for _m, f in rows],
    }


def _step_strengths(request, scan):
    form = forms.StrengthsForm(
        _post(request),
        initial={k: scan.notes.get(k, "") for k in ("strengths", "risks")},
    )
    if request.method == "POST" and form.is_valid():
        services.save_step(scan, 4, notes=form.cleaned_data)
        return _next(request, scan, 4)
    members = circle_selectors.active_members(request.circle)
    report = circle_selectors.report_for(request.circle, members)
    return {"form": form, "signals": rendered_signals(report), "forms_list": [form]}


def _step_end(request, scan):
    form = forms.AgreementsForm(
        _post(request),
        initial={k: scan.notes.get(k, "") for k in ("agreements", "advice")},
    )
    if request.method == "POST" and form.is_valid():
        services.save_step(scan, 5, notes=form.cleaned_data)
        # Finishing cannot be undone: only the explicit "Afronden" button does it.
        if request.POST.get("action") != "finish":
            messages.success(request, _("Opgeslagen. U kunt de MantelScan later afronden."))
            return redirect("mantelscan:step", circle_id=scan.circle_id, scan_id=scan.pk, step=5)
        services.complete_scan(scan)
        messages.success(request, _("De MantelScan is afgerond en opgeslagen."))
        return redirect("mantelscan:detail", circle_id=scan.circle_id, scan_id=scan.pk)
    return {"form": form, "forms_list": [form]}


# --- Reading -----------------------------------------------------------------


@circle_view(Perm.VIEW_DETAILS)
def scan_detail(request, circle_id, scan_id):
    circle = request.circle
    scan = selectors.scan_of_circle(circle, scan_id)
    snap = scan.snapshot or {}
    names = selectors.member_names(circle, snap)
    burden = [
        {"name": names.get(key, _("Iemand die niet meer in het netwerk staat")), "text": text}
        for key, text in (scan.notes.get("burden") or {}).items()
        if text
    ]
    _audit_view(request, scan)
    return render(
        request,
        "mantelscan/detail.html",
        {
            "circle": circle,
            "access": request.access,
            "scan": scan,
            "members": snapshot_members(snap),
            "signals": [
                {"severity": raw.get("severity", ""), "title": stored_signal_title(raw)}
                for raw in snap.get("signals") or []
            ],
            "needed_domains": snap.get("needed_domains") or [],
            "informal_hours": informal_hours(snapshot_members(snap)),
            "notes": scan.notes or {},
            "burden": burden,
            "step_titles": STEP_TITLES,
            "resume_step": min(scan.current_step, Scan.STEPS),
        },
    )


@circle_view(Perm.VIEW_DETAILS)
def scan_compare(request, circle_id):
    circle = request.circle
    asked = "a" in request.GET or "b" in request.GET
    scans = selectors.completed_scans(circle)
    form = forms.CompareForm(request.GET if asked else None, scans=scans)
    context = {"circle": circle, "access": request.access, "form": form, "asked": asked}
    if asked and form.is_valid():
        old, new = form.ordered()
        context.update(old=old, new=new, diff=compare(old.snapshot or {}, new.snapshot or {}))
        record(
            request,
            Action.VIEW,
            object_type="mantelscan_compare",
            object_id=f"{old.pk},{new.pk}",
        )
    return render(request, "mantelscan/compare.html", context)
