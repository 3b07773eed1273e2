"""Reads of the agenda, shaped for pages and signals."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Min

from samenspel.agenda.models import Occurrence
from samenspel.domain import thresholds as t
from samenspel.domain.recurrence import AMSTERDAM, localize


def unfilled_counts(circle_ids, today: date, *, now: datetime | None = None) -> dict:
    """{circle_id: (count, first day)} of open occurrences from now until the horizon.

    One query for any number of circles (start page of a professional).
    """
    start = now or localize(datetime.combine(today, time()))
    end = localize(datetime.combine(today + timedelta(days=t.UNFILLED_HORIZON_DAYS + 1), time()))
    rows = (
        Occurrence.objects.filter(
            circle_id__in=list(circle_ids),
            assignee__isnull=True,
            status=Occurrence.Status.SCHEDULED,
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .values("circle_id")
        .annotate(count=Count("id"), first=Min("starts_at"))
    )
    return {
        row["circle_id"]: (row["count"], row["first"].astimezone(AMSTERDAM).date()) for row in rows
    }
