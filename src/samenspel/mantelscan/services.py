"""Writes of a MantelScan. The steps edit the circle through circles.services;
the scan itself keeps the conversation notes and, at the end, a frozen snapshot.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.circles import selectors as circle_selectors
from samenspel.circles.models import Circle, Member
from samenspel.circles.services import EditConflict, update_member
from samenspel.common.errors import ApplicationError
from samenspel.domain.scan_compare import snapshot
from samenspel.mantelscan.models import Scan

NOTE_KEYS = ("who", "strengths", "risks", "agreements", "advice")

Action = AuditEvent.Action


class ScanCompleted(ApplicationError):
    """A finished scan is a record of that day; it is not changed afterwards."""


def start_scan(circle: Circle, user) -> Scan:
    scan = Scan.objects.create(circle=circle, created_by=user)
    _log(Action.CREATE, scan)
    return scan


def _log(action, scan: Scan, summary: str = "") -> None:
    circle = scan.circle_id
    log(action, object_type="mantelscan", object_id=scan.pk, summary=summary, circle=circle)


def _locked_open_scan(scan: Scan) -> Scan:
    locked = Scan.objects.select_for_update().get(pk=scan.pk)
    if locked.is_complete:
        raise ScanCompleted
    return locked


@transaction.atomic
def save_step(scan: Scan, step: int, notes: dict | None = None, burden: dict | None = None) -> Scan:
    """Merge this step's notes into the scan and move the scan on to the next step."""
    locked = _locked_open_scan(scan)
    merged = dict(locked.notes or {})
    for key, value in (notes or {}).items():
        if key in NOTE_KEYS:
            merged[key] = value
    if burden is not None:
        merged["burden"] = {**(merged.get("burden") or {}), **burden}
    locked.notes = merged
    locked.current_step = max(locked.current_step, min(step + 1, Scan.STEPS))
    locked.save(update_fields=["notes", "current_step", "updated_at"])
    scan.notes, scan.current_step = locked.notes, locked.current_step
    _log(Action.UPDATE, scan, f"step={step}")
    return scan


@dataclass
class MemberSave:
    updated: list[Member] = field(default_factory=list)
    conflicts: list[Member] = field(default_factory=list)


def save_members(rows: list[tuple[Member, dict, int | None]], *, summary: str = "") -> MemberSave:
    """Save several members at once, all or nothing.

    Each row is (member, values, version the form was opened with). Members whose
    values did not change are left alone, so an unrelated edit by someone else
    is no conflict. When any member was changed by someone else in the meantime,
    nothing is saved and the conflicting members are returned.
    """
    result = MemberSave()
    with transaction.atomic():
        for member, values, version in rows:
            if all(_same(getattr(member, k), v) for k, v in values.items()):
                continue
            try:
                update_member(member, values, expected_version=version or 0, summary=summary)
            except EditConflict:
                result.conflicts.append(member)
            else:
                result.updated.append(member)
        if result.conflicts:
            transaction.set_rollback(True)
            result.updated = []
    return result


def _same(current, new) -> bool:
    if isinstance(new, list):
        return sorted(map(str, current or [])) == sorted(map(str, new))
    return current == new


def build_snapshot(circle: Circle) -> dict:
    members = circle_selectors.active_members(circle)
    facts = circle_selectors.facts_of(members)
    return snapshot(
        facts,
        {str(m.pk): m.sofa_roles or [] for m in members},
        circle_selectors.care_domains(circle.needed_domains),
        circle_selectors.analyse_circle(circle, facts),
    )


@transaction.atomic
def complete_scan(scan: Scan) -> Scan:
    """Freeze the circle as it is now and close the scan."""
    locked = _locked_open_scan(scan)
    locked.snapshot = build_snapshot(locked.circle)
    locked.completed_at = timezone.now()
    locked.current_step = Scan.STEPS
    locked.save(update_fields=["snapshot", "completed_at", "current_step", "updated_at"])
    scan.snapshot, scan.completed_at = locked.snapshot, locked.completed_at
    scan.current_step = locked.current_step
    _log(Action.UPDATE, scan, "completed")
    return scan
