"""The shared agenda: calendar, one occurrence with its actions, and the phone feed.

Thin: access through `circle_view`, reads via selectors, writes via services.
A blocked claim or swap re-renders the occurrence page with the reason and
what can be done instead, so the user does not lose their place.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samenspel.agenda import ical, selectors, services
from samenspel.agenda.forms import SwapAnswerForm, SwapForm
from samenspel.agenda.models import CalendarFeed, Occurrence, SwapRequest
from samenspel.agenda.selectors import View
from samenspel.agenda.services import AgendaError
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles.access import circle_view, relationship_of
from samenspel.domain.access import Perm, permissions
from samenspel.domain.recurrence import AMSTERDAM

Action = AuditEvent.Action
MAX_ID = 2**63 - 1
NEW_FEED_KEY = "samenspel_new_feed_token"


def _when(occurrence: Occurrence) -> str:
    return date_format(occurrence.starts_at.astimezone(AMSTERDAM), "l j F, H:i")


def _occurrence_or_404(request, occurrence_id: int) -> Occurrence:
    """Only occurrences of this circle; an id from another circle is simply not found."""
    if occurrence_id > MAX_ID:
        raise Http404
    occurrence = selectors.occurrence_of_circle(request.circle, occurrence_id)
    if occurrence is None:
        raise Http404
    return occurrence


def _detail_url(occurrence: Occurrence) -> str:
    return reverse("agenda:occurrence", args=[occurrence.circle_id, occurrence.pk])


# --- Calendar --------------------------------------------------------------------


@circle_view(Perm.VIEW_AGENDA)
def calendar(request, circle_id):
    """Week, month or list view of the circle's agenda, or only the viewer's tasks."""
    circle, access = request.circle, request.access
    services.ensure_horizon(circle)
    today = timezone.localdate()
    view = request.GET.get("weergave")
    if view not in View.ALL:
        view = View.WEEK
    day = selectors.parse_day(request.GET.get("datum"), today)
    me = request.access.member
    can_filter = me is not None and Perm.TAKE_SHIFTS in access
    only_mine = can_filter and request.GET.get("wie") == "ik"
    period = selectors.period_for(view, day)
    items = selectors.calendar_items(circle, period.start, period.end, me if only_mine else None)
    days = selectors.by_day(items, period.days())
    if view == View.LIST:
        days = [(d, day_items) for d, day_items in days if day_items]
    record(
        request,
        Action.VIEW,
        object_type="agenda",
        object_id=circle.pk,
        summary=f"{view} {period.start.isoformat()}{' ik' if only_mine else ''}",
    )
    return render(
        request,
        "agenda/calendar.html",
        {
            "circle": circle,
            "access": access,
            "view": view,
            "views": [
                (View.WEEK, _("Week")),
                (View.MONTH, _("Maand")),
                (View.LIST, _("Lijst")),
            ],
            "period": period,
            "days": days,
            "weeks": selectors.in_weeks(days) if view == View.MONTH else [],
            "item_count": len(items),
            "today": today,
            "me": me,
            "can_filter": can_filter,
            "only_mine": only_mine,
            "wie": "ik" if only_mine else "iedereen",
            "incoming_swaps": selectors.pending_swaps_to(circle, me),
        },
    )


# --- One occurrence ----------------------------------------------------------------


def _render_occurrence(
    request, occurrence, me, *, problem=None, swap_form=None, status=200
) -> HttpResponse:
    access = request.access
    future = occurrence.starts_at >= timezone.now()
    may_take = me is not None and Perm.TAKE_SHIFTS in access and future
    is_mine = me is not None and occurrence.assignee_id == me.pk
    can_release = may_take and is_mine
    if can_release and swap_form is None:
        swap_form = SwapForm(targets=selectors.swap_targets(occurrence, me))
    incoming, outgoing = selectors.swaps_for(occurrence, me)
    record(request, Action.VIEW, object_type="occurrence", object_id=occurrence.pk)
    return render(
        request,
        "agenda/occurrence.html",
        {
            "circle": request.circle,
            "access": access,
            "occurrence": occurrence,
            "agreement": occurrence.agreement,
            "me": me,
            "is_mine": is_mine,
            "is_past": not future,
            # After a refused claim the button goes: pressing it again cannot help.
            "can_claim": may_take and occurrence.is_open and problem is None,
            "can_release": can_release,
            "swap_form": swap_form if can_release else None,
            "incoming_swaps": incoming if may_take else [],
            "outgoing_swaps": outgoing,
            "show_details": selectors.may_see_details(occurrence, me, access.perms),
            "problem": problem,
            "can_cancel": future and Perm.MANAGE_AGREEMENTS in access,
        },
        status=status,
    )


@circle_view(Perm.VIEW_AGENDA)
def occurrence_detail(request, circle_id, occurrence_id):
    occurrence = _occurrence_or_404(request, occurrence_id)
    return _render_occurrence(request, occurrence, request.access.member)


def _blocked(request, occurrence, me, error: AgendaError, title: str, **kwargs):
    """Show the rule's reason and the alternative on the page itself (status 200:
    the user did nothing wrong by asking)."""
    rendered = error.finding.render(_)
    problem = {"title": title, "reason": rendered.reason, "alternative": rendered.alternative}
    return _render_occurrence(request, occurrence, me, problem=problem, **kwargs)


def _acting_member(request):
    me = request.access.member
    if me is None:
        raise PermissionDenied  # TAKE_SHIFTS is for members; this is a safety net
    return me


@circle_view(Perm.TAKE_SHIFTS)
@require_POST
def claim(request, circle_id, occurrence_id):
    """'Ik doe het': take an open occurrence."""
    occurrence = _occurrence_or_404(request, occurrence_id)
    me = _acting_member(request)
    try:
        warning = services.claim(occurrence, me)
    except AgendaError as error:
        if error.code == "blocked":
            return _blocked(request, occurrence, me, error, _("Dit mag u niet doen"))
        messages.error(request, error.message)
        return redirect(_detail_url(occurrence))
    messages.success(
        request,
        _("Dank u wel! U doet nu: %(task)s, %(when)s.")
        % {"task": occurrence.agreement.task.name, "when": _when(occurrence)},
    )
    if warning is not None:
        rendered = warning.render(_)
        messages.warning(request, f"{_('Let op:')} {rendered.reason} {rendered.alternative}")
    return redirect(_detail_url(occurrence))


@circle_view(Perm.TAKE_SHIFTS)
@require_POST
def release(request, circle_id, occurrence_id):
    """'Ik kan niet': the occurrence becomes open for the others."""
    occurrence = _occurrence_or_404(request, occurrence_id)
    me = _acting_member(request)
    try:
        services.release(occurrence, me)
    except AgendaError as error:
        messages.error(request, error.message)
        return redirect(_detail_url(occurrence))
    messages.success(
        request,
        _(
            "U doet deze taak niet meer. Hij staat nu open in de agenda, zodat iemand "
            "anders hem kan doen."
        ),
    )
    return redirect(_detail_url(occurrence))


@circle_view(Perm.TAKE_SHIFTS)
@require_POST
def swap(request, circle_id, occurrence_id):
    """Ask one named person to take over this occurrence."""
    occurrence = _occurrence_or_404(request, occurrence_id)
    me = _acting_member(request)
    form = SwapForm(request.POST, targets=selectors.swap_targets(occurrence, me))
    if occurrence.assignee_id != me.pk:
        messages.error(request, AgendaError("not_yours").message)
        return redirect(_detail_url(occurrence))
    if not form.is_valid():
        return _render_occurrence(request, occurrence, me, swap_form=form)
    target = form.cleaned_data["requested_to"]
    try:
        services.request_swap(occurrence, me, target, form.cleaned_data["message"])
    except AgendaError as error:
        if error.code == "blocked":
            title = _("Dit mag %(name)s niet doen") % {"name": target.person.first_name}
            return _blocked(request, occurrence, me, error, title, swap_form=form)
        messages.error(request, error.message)
        return redirect(_detail_url(occurrence))
    messages.success(
        request,
        _(
            "We hebben %(name)s gevraagd of die deze taak van u wil overnemen. "
            "Tot %(name)s ja zegt, blijft de taak van u."
        )
        % {"name": target.person.first_name},
    )
    return redirect(_detail_url(occurrence))


@circle_view(Perm.TAKE_SHIFTS)
@require_POST
def swap_answer(request, circle_id, swap_id):
    """The asked person says yes (the task becomes theirs) or no."""
    me = _acting_member(request)
    if swap_id > MAX_ID:
        raise Http404
    swap_request = (
        SwapRequest.objects.select_related("occurrence__agreement__task", "requested_by__person")
        .filter(pk=swap_id, occurrence__circle=request.circle)
        .first()
    )
    if swap_request is None:
        raise Http404  # also for swaps of another circle
    occurrence = swap_request.occurrence
    if swap_request.requested_to_id != me.pk:
        messages.error(request, AgendaError("not_yours").message)
        return redirect(_detail_url(occurrence))
    form = SwapAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies ja of nee."))
        return redirect(_detail_url(occurrence))
    accept = form.cleaned_data["answer"] == "accept"
    try:
        services.answer_swap(swap_request, me, accept=accept)
    except AgendaError as error:
        messages.error(request, error.message)
        return redirect(_detail_url(occurrence))
    name = swap_request.requested_by.person.first_name
    if accept:
        messages.success(request, _("Dank u wel! Deze taak is nu van u."))
    else:
        messages.success(
            request, _("U heeft nee gezegd. %(name)s ziet dat in de agenda.") % {"name": name}
        )
    return redirect(_detail_url(occurrence))


# --- Phone calendar ------------------------------------------------------------------


@circle_view(Perm.VIEW_AGENDA)
def feed_settings(request, circle_id):
    """Make, show once, or stop the member's private calendar address."""
    circle = request.circle
    me = request.access.member
    if me is None:
        if request.method == "POST":
            raise PermissionDenied
        return render(
            request,
            "agenda/feed_settings.html",
            {"circle": circle, "access": request.access, "not_member": True},
        )
    new_url = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "maken":
            token = services.issue_feed(me)
            record(request, Action.CREATE, object_type="calendar_feed", object_id=me.pk)
            # Post/redirect/get: reloading the page must not make (and stop) another
            # address. The token waits in the session for the one page that shows it.
            request.session[NEW_FEED_KEY] = token
            return redirect("agenda:feed_settings", circle_id=circle.pk)
        elif action == "stoppen":
            stopped = services.revoke_feeds(me)
            record(request, Action.REVOKE, object_type="calendar_feed", object_id=me.pk)
            if stopped:
                messages.success(
                    request,
                    _("Het adres werkt niet meer. Uw telefoon krijgt geen nieuwe taken meer."),
                )
            else:
                messages.info(request, _("U had geen adres dat nog werkte."))
            return redirect("agenda:feed_settings", circle_id=circle.pk)
        else:
            messages.error(request, _("Dit lukte niet. Probeer het opnieuw."))
            return redirect("agenda:feed_settings", circle_id=circle.pk)
    token = request.session.pop(NEW_FEED_KEY, None)
    if token and services.feed_for_token(token) is not None:
        new_url = request.build_absolute_uri(reverse("agenda_feed:feed", args=[token]))
    active = CalendarFeed.objects.filter(member=me, revoked_at__isnull=True).first()
    response = render(
        request,
        "agenda/feed_settings.html",
        {
            "circle": circle,
            "access": request.access,
            "active_feed": active,
            "new_url": new_url,
            "webcal_url": "webcal://" + new_url.split("://", 1)[1] if new_url else None,
        },
    )
    if new_url:
        response["Cache-Control"] = "private, no-store"  # the address is shown only once
    return response


@require_safe
def feed(request, token):
    """The .ics file a phone calendar subscribes to. No log-in: the token is the key,
    so every check of `circle_view` is done here again for the feed's owner."""
    calendar_feed = services.feed_for_token(token)
    if calendar_feed is None:
        raise Http404
    member = calendar_feed.member
    user = member.person.user
    if user is None or not user.is_active:
        raise Http404
    circle = member.circle
    # The team route does not apply: a feed belongs to a member of the circle.
    rel = relationship_of(member, team_professional=False, team_consent=circle.team_consent)
    perms = permissions(rel)
    if Perm.VIEW_AGENDA not in perms:
        raise Http404
    services.ensure_horizon(circle)
    now = timezone.now()
    items = selectors.feed_items(member, perms, now=now)
    body = ical.build_calendar(
        name=f"Samenspel – {circle.client.first_name}",
        items=items,
        member_id=member.pk,
        now=now,
        link=lambda o: request.build_absolute_uri(_detail_url(o)),
        calendar_uid=f"feed-{calendar_feed.pk}@samenspel",
    )
    services.mark_fetched(calendar_feed)
    services.record_feed_fetch(calendar_feed, len(items))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = 'inline; filename="samenspel.ics"'
    return response


@circle_view(Perm.MANAGE_AGREEMENTS)
@require_POST
def cancel(request, circle_id, occurrence_id):
    """One moment does not happen (or happens after all); the agreement stays."""
    occurrence = _occurrence_or_404(request, occurrence_id)
    cancelled = request.POST.get("gaat_door") != "ja"
    try:
        changed = services.set_cancelled(occurrence, cancelled=cancelled)
    except AgendaError as error:
        messages.error(request, error.message)
        return redirect(_detail_url(occurrence))
    if changed:
        if cancelled:
            messages.success(request, _("Deze keer gaat niet door. Het staat zo in de agenda."))
        else:
            messages.success(request, _("Deze keer gaat toch door."))
    return redirect(_detail_url(occurrence))
