"""Start-page block for volunteer coordinators: the most urgent WIFA reminders.

The integrator calls ``home_context(person)`` in the start-page view and
includes ``wifa/_home.html`` with that context (key ``wifa_home``).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from samenspel.wifa.selectors import home_reminders


def home_context(person, *, limit: int = 5) -> dict:
    found = home_reminders(person, limit=limit)
    rows = [
        {
            "organisation": organisation,
            "reminder": r,
            "text": r.render(gettext),
            "url": reverse(
                "wifa:volunteer",
                kwargs={"organisation_id": organisation.pk, "volunteer_id": r.volunteer_id},
            ),
            "overview_url": reverse("wifa:overview", kwargs={"organisation_id": organisation.pk}),
        }
        for organisation, r in found.items
    ]
    return {"wifa_home": {"rows": rows, "total": found.total, "more": found.total - len(rows)}}
