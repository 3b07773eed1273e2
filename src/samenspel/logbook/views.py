"""The logbook pages. Thin: access via `circle_view`, rules in `domain.logbook`,
reads via selectors, writes via services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record
from samenspel.circles.access import circle_view
from samenspel.domain.access import Perm
from samenspel.domain.logbook import can_acknowledge, can_flag_signal
from samenspel.logbook import selectors, services
from samenspel.logbook.forms import LogEntryForm
from samenspel.logbook.models import LogEntry

Action = AuditEvent.Action
PAGE_SIZE = 20
MAX_ID = 2**63 - 1


@circle_view(Perm.VIEW_AGENDA)
def entry_list(request, circle_id):
    """Newest notes first, with the form to write one at the top."""
    circle, access = request.circle, request.access
    rel = access.relationship
    person = request.user.person
    member = request.access.member
    reader = selectors.reader_facts(rel, person, member.pk if member else None)
    may_write = Perm.WRITE_LOG in access
    if request.method == "POST" and not may_write:
        raise PermissionDenied
    form = None
    if may_write:
        form = LogEntryForm(
            request.POST if request.method == "POST" else None,
            recipients=selectors.recipient_choices(circle, member),
            can_flag_signal=can_flag_signal(
                rel.member_kind, legal_representative=rel.legal_representative
            ),
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        entry = services.write_entry(
            circle,
            author=person,
            author_role=access.role,
            text=data["text"],
            audience=data["audience"],
            recipients=data["recipients"],
            is_signal=data.get("is_signal", False),
        )
        if entry.is_signal:
            messages.success(
                request, _("Uw bericht staat in het logboek. De professional ziet uw signaal.")
            )
        else:
            messages.success(request, _("Uw bericht staat in het logboek."))
        return redirect("logbook:list", circle_id=circle.pk)

    page = Paginator(selectors.readable_entries(circle, reader), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    record(request, Action.VIEW, object_type="logbook", object_id=circle.pk)
    return render(
        request,
        "logbook/list.html",
        {
            "circle": circle,
            "access": access,
            "form": form,
            "page": page,
            "can_acknowledge": can_acknowledge(reader),
        },
    )


def _safe_next(request) -> str:
    """Back to the start page when the button was pressed there; else the logbook."""
    home = reverse("pages:home")
    return home if request.POST.get("next") == home else ""


@circle_view(Perm.RUN_SCAN)
def acknowledge(request, circle_id, entry_id):
    """A professional lets the writer know the signal was seen."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if entry_id > MAX_ID:
        raise Http404
    circle = request.circle
    entry = get_object_or_404(
        LogEntry.objects.only("pk"), pk=entry_id, circle=circle, is_signal=True
    )
    if services.acknowledge(circle, entry.pk, by=request.user.person):
        messages.success(request, _("Het signaal staat nu op gezien."))
    else:
        messages.info(request, _("Dit signaal was al gezien."))
    target = _safe_next(request)
    return redirect(target or f"{reverse('logbook:list', args=[circle.pk])}#bericht-{entry.pk}")
