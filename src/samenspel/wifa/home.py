"""Start-page block for volunteer coordinators: the most urgent WIFA reminders.

The integrator calls ``home_context(person, request, organisations=...)`` in the
start-page view and includes ``wifa/_home.html`` with that context (key
``wifa_home``). With a request, the reminders shown are written to the audit log
(one insert).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext

from samenspel.audit.services import record_object_views
from samenspel.volunteers.policy import COORDINATOR_ROLE
from samenspel.wifa.selectors import home_reminders


def home_context(person, request=None, *, limit: int = 5, organisations=None) -> dict:
    """`organisations`: the coordinated volunteer organisations, when the caller
    has them already (saves a query); otherwise they are looked up."""
    found = home_reminders(person, limit=limit, organisations=organisations)
    rows = [
        {
            "organisation": organisation,
            "reminder": r,
            "text": r.render(gettext, lambda day: date_format(day, "j F Y")),
            "url": reverse(
                "wifa:volunteer",
                kwargs={"organisation_id": organisation.pk, "volunteer_id": r.volunteer_id},
            ),
            "overview_url": reverse("wifa:overview", kwargs={"organisation_id": organisation.pk}),
        }
        for organisation, r in found.items
    ]
    if request is not None and rows:
        _audit_shown(request, rows)
    return {"wifa_home": {"rows": rows, "total": found.total, "more": found.total - len(rows)}}


def _audit_shown(request, rows) -> None:
    """The block names volunteers (and professionals in pair reminders): one view
    row per volunteer shown, in a single insert."""
    shown = dict.fromkeys(row["reminder"].volunteer_id for row in rows)
    record_object_views(
        request, ((None, COORDINATOR_ROLE, vid) for vid in shown), object_type="wifa_volunteer"
    )
