"""Reads of MantelScans, shaped for pages."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from samenspel.circles.models import Circle, Member
from samenspel.domain.network import clean_hours
from samenspel.domain.vocabulary import INFORMAL_KINDS, CareDomain, MemberKind
from samenspel.mantelscan.models import Scan


def scans(circle: Circle) -> QuerySet[Scan]:
    return circle.scans.select_related("created_by__person")


def completed_scans(circle: Circle) -> QuerySet[Scan]:
    return scans(circle).filter(completed_at__isnull=False).order_by("-completed_at", "-id")


def scan_of_circle(circle: Circle, scan_id: int) -> Scan:
    """The scan, if it belongs to this circle; someone else's scan id gives 404."""
    return get_object_or_404(scans(circle), pk=scan_id)


def needed_domains(circle: Circle) -> frozenset[CareDomain]:
    return frozenset(
        CareDomain(d) for d in circle.needed_domains if d in CareDomain._value2member_map_
    )


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


def snapshot_members(snap: dict) -> list[dict]:
    """The members of a snapshot, made safe for display (old or odd data included)."""
    rows = []
    for raw in snap.get("members") or ():
        rows.append(
            {
                "key": str(raw.get("key", "")),
                "name": str(raw.get("name", "")),
                "kind": str(raw.get("kind", "")),
                "hours_per_week": clean_hours(raw.get("hours_per_week", 0)),
                "domains": [str(d) for d in raw.get("domains") or ()],
                "closeness": raw.get("closeness", ""),
                "sofa_roles": [str(r) for r in raw.get("sofa_roles") or ()],
            }
        )
    return rows


def snapshot_informal_hours(snap: dict) -> float:
    kinds = {str(k) for k in INFORMAL_KINDS}
    return sum(m["hours_per_week"] for m in snapshot_members(snap) if m["kind"] in kinds)
