"""Reads of MantelScans, shaped for pages."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from samenspel.circles.models import Circle, Member
from samenspel.domain.vocabulary import MemberKind
from samenspel.mantelscan.models import Scan


def scans(circle: Circle) -> QuerySet[Scan]:
    return circle.scans.select_related("created_by__person")


def completed_scans(circle: Circle) -> QuerySet[Scan]:
    return scans(circle).filter(completed_at__isnull=False).order_by("-completed_at", "-id")


def scan_of_circle(circle: Circle, scan_id: int) -> Scan:
    """The scan, if it belongs to this circle; someone else's scan id gives 404."""
    return get_object_or_404(scans(circle), pk=scan_id)


def helpers(members: list[Member]) -> list[Member]:
    """Everyone who can help: the active members except the client."""
    return [m for m in members if m.kind != MemberKind.CLIENT]


def carers(members: list[Member]) -> list[Member]:
    return [m for m in members if m.kind == MemberKind.CARER]


def member_names(circle: Circle, snap: dict | None = None) -> dict[str, str]:
    """Member key → name: names frozen in the snapshot win over today's names.

    Revoked members are included, so notes about someone who left stay readable.
    """
    names = {
        str(pk): f"{first} {last}".strip()
        for pk, first, last in circle.members.values_list(
            "pk", "person__first_name", "person__last_name"
        )
    }
    for m in (snap or {}).get("members") or ():
        names[str(m.get("key", ""))] = str(m.get("name", ""))
    return names
