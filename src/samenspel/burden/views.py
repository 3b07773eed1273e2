"""The burden pages (draagkracht en draaglast). Thin: access via `circle_view`
and `domain.burden_access`, reads via selectors, writes via services, scoring
in `domain.instruments`."""

from __future__ import annotations

import json
import math
from collections import OrderedDict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.burden import catalogue, chart, fhir, selectors, services
from samenspel.burden.forms import AutosaveForm, ConsentForm, QuestionnaireForm, ShareForm
from samenspel.burden.models import Screening
from samenspel.circles.access import circle_view
from samenspel.circles.models import Member
from samenspel.domain.access import Perm
from samenspel.domain.burden_access import can_change_sharing, can_fill_in, can_see
from samenspel.domain.instruments import AnswerError
from samenspel.domain.vocabulary import MemberKind
from samenspel.organisations.models import Organisation

Action = AuditEvent.Action
MAX_ID = 2**63 - 1
FHIR_JSON = "application/fhir+json"
# Product choice: about 20 seconds per question, to tell people how long it takes.
SECONDS_PER_ITEM = 20


# --- helpers ------------------------------------------------------------------


def _viewer(request):
    """The viewer's facts; 403 when the burden pages are not for them at all."""
    member = request.access.member
    viewer = selectors.viewer_for(request.access.relationship, member)
    if not viewer.may_look:
        raise PermissionDenied
    return viewer, member


def _screening(circle, screening_id: int) -> Screening:
    """A carer's screening in this circle; another circle's id is simply not found."""
    if screening_id > MAX_ID:
        raise Http404
    return get_object_or_404(
        Screening.objects.select_related("member__person", "member__burden_consent"),
        pk=screening_id,
        member__circle=circle,
        member__kind=MemberKind.CARER,
    )


def _consent_active(member: Member) -> bool:
    consent = getattr(member, "burden_consent", None)
    return consent is not None and consent.is_active


def _facts(screening: Screening):
    return selectors.facts(screening, standing_consent=_consent_active(screening.member))


def _instrument(instrument_id: str, version: str | None = None):
    try:
        return catalogue.get(instrument_id, version)
    except (KeyError, LookupError):
        return None


def _minutes(instrument) -> int:
    return max(1, math.ceil(len(instrument.items) * SECONDS_PER_ITEM / 60))


def _band(instrument, screening: Screening):
    if instrument is None:
        return None
    for band in instrument.bands:
        if band.id == screening.band_id:
            return band
    return instrument.band_for(float(screening.total)) if screening.total is not None else None


def _number(value) -> str:
    """A score as people write it: 7, or 2,5."""
    if value is None:
        return ""
    return f"{float(value):g}".replace(".", ",")


def _post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


# --- pages --------------------------------------------------------------------


@circle_view(Perm.VIEW_CIRCLE)
def overview(request, circle_id):
    """For the carer: start, continue and look back. For the professionals and
    the client side: the carers whose results they may see."""
    circle = request.circle
    viewer, member = _viewer(request)
    context = {"circle": circle, "access": request.access, "viewer": viewer}
    if viewer.can_fill_in:
        own = list(
            Screening.objects.filter(member=member).order_by("-completed_at", "-updated_at", "-id")
        )
        drafts = {s.instrument_id: s for s in own if not s.is_completed}
        done = [s for s in own if s.is_completed]
        instruments = []
        for instrument in catalogue.latest():
            instruments.append(
                {
                    "instrument": instrument,
                    "minutes": _minutes(instrument),
                    "draft": drafts.get(instrument.id),
                }
            )
        names = {i["instrument"].id: i["instrument"].short_name for i in instruments}
        context.update(
            instruments=instruments,
            history=[
                {"screening": s, "name": names.get(s.instrument_id, s.instrument_id)} for s in done
            ],
            consent=selectors.has_standing_consent(member.pk),
            member=member,
        )
    if viewer.professional or viewer.client_side:
        latest: OrderedDict[int, dict] = OrderedDict()
        for s in selectors.visible_results(circle, viewer).filter(
            status=Screening.Status.COMPLETED
        ):
            if s.member_id == viewer.member_id or s.member_id in latest:
                continue
            latest[s.member_id] = {"member": s.member, "screening": s}
        rows = []
        for row in latest.values():
            s = row["screening"]
            instrument = _instrument(s.instrument_id, s.instrument_version)
            band = _band(instrument, s)
            rows.append(
                {
                    **row,
                    "name": instrument.short_name if instrument else s.instrument_id,
                    "total": _number(s.total),
                    "band": band,
                }
            )
        context["shared"] = rows
    record(request, Action.VIEW, object_type="burden_overview", object_id=circle.pk)
    return render(request, "burden/overview.html", context)


@circle_view(Perm.VIEW_CIRCLE)
def start(request, circle_id):
    if (refused := _post_only(request)) is not None:
        return refused
    viewer, member = _viewer(request)
    if not viewer.can_fill_in:
        raise PermissionDenied
    instrument = _instrument(request.POST.get("instrument", "")[:60])
    if instrument is None:
        messages.error(request, _("Deze vragenlijst bestaat niet. Kies een vragenlijst."))
        return redirect("burden:overview", circle_id=circle_id)
    try:
        screening, _created = services.start_screening(member, instrument)
    except services.ScreeningError:
        messages.error(
            request,
            _("Deze vragenlijst kunt u niet invullen: de vragen zijn niet meegeleverd."),
        )
        return redirect("burden:overview", circle_id=circle_id)
    return redirect("burden:answer", circle_id=circle_id, screening_id=screening.pk)


@circle_view(Perm.VIEW_CIRCLE)
def answer(request, circle_id, screening_id):
    """All questions on one page. Answers are also saved one by one by
    burden-autosave.js; without JavaScript the two buttons do the same."""
    viewer, member = _viewer(request)
    screening = _screening(request.circle, screening_id)
    facts = _facts(screening)
    if screening.is_completed and can_see(viewer, facts):
        return redirect("burden:result", circle_id=circle_id, screening_id=screening.pk)
    if not can_fill_in(viewer, facts):
        raise PermissionDenied
    instrument = _instrument_or_404(screening)
    missing: set[str] = set()
    if request.method == "POST":
        outcome = _answer_posted(request, screening, instrument)
        if not isinstance(outcome, tuple):
            return outcome  # saved for later, completed, or no longer open
        form, missing = outcome
    else:
        form = QuestionnaireForm(
            initial={f"q_{k}": v for k, v in screening.answers.items()}, instrument=instrument
        )
        record(request, Action.VIEW, object_type="screening", object_id=screening.pk)
    return render(
        request,
        "burden/answer.html",
        {
            "circle": request.circle,
            "access": request.access,
            "screening": screening,
            "instrument": instrument,
            "form": form,
            "missing_ids": missing,
            "missing_rows": [(n, bf) for n, bf in form.questions() if bf.field.item_id in missing],
            "count": len(instrument.items),
            "answered": len(screening.answers),
        },
    )


def _answer_posted(request, screening, instrument):
    """Save what was chosen; with "Klaar" also complete the screening.

    Returns a redirect, or (form, missing ids) to show the page again with the saved
    answers plus what was just chosen: nothing typed is lost.
    """
    to_result = redirect("burden:result", circle_id=request.circle.pk, screening_id=screening.pk)
    form = QuestionnaireForm(request.POST, instrument=instrument)
    if form.is_valid():
        try:
            services.save_answers(screening, form.answers())
        except AnswerError:
            form.add_error(None, _("Een antwoord past niet bij de vraag. Kies opnieuw."))
        except services.ScreeningError:
            return to_result
    missing: set[str] = set()
    if form.is_valid() and not form.errors:
        if request.POST.get("action") != "done":
            messages.success(
                request, _("Uw antwoorden zijn bewaard. U kunt later verder gaan waar u was.")
            )
            return redirect("burden:overview", circle_id=request.circle.pk)
        try:
            services.complete(screening)
        except services.ScreeningError as error:
            if error.code != "incomplete":
                return to_result
            missing = set(error.missing)
        else:
            return to_result
    data = request.POST.copy()
    for item_id, value in screening.answers.items():
        data.setdefault(f"q_{item_id}", value)
    again = QuestionnaireForm(data, instrument=instrument)
    again.is_valid()
    for error in form.errors.get("__all__", []):
        again.add_error(None, error)
    return again, missing


@circle_view(Perm.VIEW_CIRCLE)
def autosave(request, circle_id, screening_id):
    """Save one answer as it is chosen. Idempotent; 204 when stored."""
    if (refused := _post_only(request)) is not None:
        return refused
    viewer, member = _viewer(request)
    screening = _screening(request.circle, screening_id)
    if not can_fill_in(viewer, _facts(screening)):
        if screening.is_completed and viewer.member_id == screening.member_id:
            return JsonResponse({"error": "completed"}, status=409)
        raise PermissionDenied
    if request.content_type == "application/json":
        try:
            payload = json.loads(request.body or b"{}")
        except ValueError:
            return JsonResponse({"error": "bad_json"}, status=400)
        if not isinstance(payload, dict):
            return JsonResponse({"error": "bad_json"}, status=400)
        payload = {k: str(v) for k, v in payload.items() if k in ("item", "value")}
    else:
        payload = request.POST
    form = AutosaveForm(payload)
    if not form.is_valid():
        return JsonResponse({"error": "missing"}, status=400)
    item = form.cleaned_data["item"].removeprefix("q_")
    try:
        services.save_answer(screening, item, form.cleaned_data["value"])
    except AnswerError as error:
        return JsonResponse({"error": error.code}, status=400)
    except services.ScreeningError:
        return JsonResponse({"error": "completed"}, status=409)
    return HttpResponse(status=204)


@circle_view(Perm.VIEW_CIRCLE)
def result(request, circle_id, screening_id):
    viewer, member = _viewer(request)
    circle = request.circle
    screening = _screening(circle, screening_id)
    facts = _facts(screening)
    if not can_see(viewer, facts):
        raise PermissionDenied
    if not screening.is_completed:
        return redirect("burden:answer", circle_id=circle_id, screening_id=screening.pk)
    instrument = _instrument(screening.instrument_id, screening.instrument_version)
    if instrument is None:
        raise Http404
    band = _band(instrument, screening)
    is_owner = viewer.member_id == screening.member_id
    previous = (
        Screening.objects.filter(
            member_id=screening.member_id,
            instrument_id=screening.instrument_id,
            status=Screening.Status.COMPLETED,
            completed_at__lt=screening.completed_at,
        )
        .filter(selectors.visible_filter(viewer))
        .order_by("-completed_at", "-id")
        .first()
    )
    change = None
    if previous is not None and previous.total is not None and screening.total is not None:
        change = float(screening.total - previous.total)
    subscales = [
        {"label": sub.label, "score": _number(screening.subscale_scores.get(sub.id))}
        for sub in instrument.subscales
        if sub.id in screening.subscale_scores
    ]
    record(request, Action.VIEW, object_type="screening_result", object_id=screening.pk)
    return render(
        request,
        "burden/result.html",
        {
            "circle": circle,
            "access": request.access,
            "screening": screening,
            "instrument": instrument,
            "band": band,
            "total": _number(screening.total),
            "max_score": _number(instrument.max_score),
            "subscales": subscales,
            "previous": previous,
            "previous_total": _number(previous.total) if previous else "",
            "change": change,
            "change_abs": _number(abs(change)) if change else "",
            "is_owner": is_owner,
            "may_share": can_change_sharing(viewer, facts),
            "consent": _consent_active(screening.member),
            "professionals": selectors.circle_professionals(circle) if is_owner else [],
            "support": list(Organisation.objects.filter(kind=Organisation.Kind.CARER_SUPPORT))
            if is_owner
            else [],
            "carer_name": screening.member.person.full_name,
        },
    )


@circle_view(Perm.VIEW_CIRCLE)
def history(request, circle_id, member_id):
    """A carer's scores over time, per instrument: a chart and the same as a table."""
    viewer, _member = _viewer(request)
    circle = request.circle
    if member_id > MAX_ID:
        raise Http404
    carer = get_object_or_404(
        Member.objects.select_related("person"),
        pk=member_id,
        circle=circle,
        kind=MemberKind.CARER,
    )
    if viewer.member_id != carer.pk and not (viewer.professional or viewer.client_side):
        raise PermissionDenied
    charts, rows = _history_charts_and_rows(selectors.history(carer, viewer))
    rows.sort(key=lambda r: (r["screening"].completed_at, r["screening"].pk), reverse=True)
    record(request, Action.VIEW, object_type="screening_history", object_id=carer.pk)
    return render(
        request,
        "burden/history.html",
        {
            "circle": circle,
            "access": request.access,
            "carer": carer,
            "is_owner": viewer.member_id == carer.pk,
            "charts": charts,
            "rows": rows,
        },
    )


def _history_charts_and_rows(screenings):
    """Per instrument a chart of the measured scores; all screenings in one table."""
    groups: OrderedDict[str, list[Screening]] = OrderedDict()
    for s in screenings:
        groups.setdefault(s.instrument_id, []).append(s)
    charts, rows = [], []
    for index, (instrument_id, items) in enumerate(groups.items()):
        instrument = _instrument(instrument_id, items[-1].instrument_version)
        name = instrument.short_name if instrument else instrument_id
        measured = []
        for s in items:
            versioned = _instrument(s.instrument_id, s.instrument_version) or instrument
            band = _band(versioned, s)
            label = band.label if band else ""
            rows.append({"screening": s, "name": name, "total": _number(s.total), "band": label})
            if s.total is not None:
                measured.append((s.completed_at, float(s.total), label))
        if instrument is not None and measured:
            charts.append(_history_chart(f"grafiek-{index}", name, instrument, measured))
    return charts, rows


def _history_chart(key, name, instrument, measured):
    description = _("%(count)s metingen. Laatste score: %(total)s van %(max)s (%(band)s).") % {
        "count": len(measured),
        "total": _number(measured[-1][1]),
        "max": _number(instrument.max_score),
        "band": measured[-1][2],
    }
    return chart.build(
        key=key,
        title=_("Scores op de %(name)s door de tijd") % {"name": name},
        description=description,
        min_score=instrument.min_score,
        max_score=instrument.max_score,
        bands=instrument.bands,
        measurements=measured,
        cutoff=instrument.cutoff,
        date_format=lambda d: formats.date_format(d, "SHORT_DATE_FORMAT"),
    )


@circle_view(Perm.VIEW_CIRCLE)
def share(request, circle_id, screening_id):
    """The carer shares one result (or stops sharing it)."""
    if (refused := _post_only(request)) is not None:
        return refused
    viewer, _member = _viewer(request)
    screening = _screening(request.circle, screening_id)
    if not can_change_sharing(viewer, _facts(screening)):
        raise PermissionDenied
    form = ShareForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Dat ging niet goed. Probeer het nog eens."))
        return redirect("burden:result", circle_id=circle_id, screening_id=screening.pk)
    on, audience = form.cleaned_data["on"], form.cleaned_data["audience"]
    if audience == "team":
        services.set_sharing(screening, team=on)
        text = (
            _("De professionals kunnen deze uitslag nu zien.")
            if on
            else _("De professionals zien deze uitslag niet meer.")
        )
    else:
        services.set_sharing(screening, client=on)
        text = (
            _("De cliënt kan deze uitslag nu zien.")
            if on
            else _("De cliënt ziet deze uitslag niet meer.")
        )
    messages.success(request, text)
    return redirect("burden:result", circle_id=circle_id, screening_id=screening.pk)


@circle_view(Perm.VIEW_CIRCLE)
def consent(request, circle_id):
    """Standing consent: the professionals may see all results, until withdrawn."""
    if (refused := _post_only(request)) is not None:
        return refused
    viewer, member = _viewer(request)
    if not viewer.can_fill_in:
        raise PermissionDenied
    form = ConsentForm(request.POST)
    form.is_valid()
    on = form.cleaned_data.get("on", False)
    services.set_standing_consent(member, on)
    if on:
        messages.success(request, _("De professionals kunnen nu al uw uitslagen zien."))
    else:
        messages.success(
            request,
            _(
                "De professionals zien uw uitslagen niet meer, behalve de uitslagen "
                "die u los hebt gedeeld."
            ),
        )
    return redirect("burden:overview", circle_id=circle_id)


# --- FHIR -----------------------------------------------------------------------


def _fhir(resource) -> HttpResponse:
    return HttpResponse(resource.model_dump_json(), content_type=FHIR_JSON)


@circle_view(Perm.VIEW_CIRCLE)
def fhir_questionnaire(request, circle_id, instrument_id):
    """An instrument as a FHIR R4 Questionnaire (no personal data)."""
    instrument = _instrument(instrument_id[:60])
    if instrument is None:
        raise Http404
    return _fhir(fhir.questionnaire(instrument))


def _instrument_or_404(screening):
    """The instrument version the screening was answered with; if an organisation
    removed that file, the page is not found rather than broken."""
    try:
        return services.instrument_of(screening)
    except LookupError:
        raise Http404 from None


@circle_view(Perm.VIEW_CIRCLE)
def fhir_response(request, circle_id, screening_id):
    """One screening as a FHIR R4 QuestionnaireResponse, for those who may see it."""
    viewer, _member = _viewer(request)
    screening = _screening(request.circle, screening_id)
    if not can_see(viewer, _facts(screening)):
        raise PermissionDenied
    instrument = _instrument_or_404(screening)
    response = fhir.questionnaire_response(
        instrument,
        screening.answers,
        authored=screening.completed_at or screening.updated_at,
        status="completed" if screening.is_completed else "in-progress",
    )
    record(request, Action.VIEW, object_type="screening_fhir", object_id=screening.pk)
    return _fhir(response)
