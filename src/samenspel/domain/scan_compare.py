"""Compare two MantelScan snapshots: what changed in the circle between scans.

A snapshot is a plain JSON-able dict stored with each scan, so an old scan stays
readable even after members are edited or removed. Repeating the scan and
looking at the difference is how the network is followed over time
(domain.md §4: repeat measurements to see the trend).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from samenspel.domain.network import (
    MemberFacts,
    NetworkReport,
    clean_closeness,
    clean_hours,
)
from samenspel.domain.vocabulary import INFORMAL_KINDS, CareDomain, MemberKind

SNAPSHOT_VERSION = 1
COMPARED_FIELDS = ("kind", "hours_per_week", "domains", "closeness", "sofa_roles")


def snapshot(
    members: Iterable[MemberFacts],
    sofa_roles: Mapping[str, Iterable[str]],
    needed_domains: Iterable[CareDomain],
    report: NetworkReport,
) -> dict[str, Any]:
    """Freeze the circle as data. Client members are left out (the client is the centre).

    Signals keep code, severity, member key and the title rendered *without*
    translation (Dutch source text); the caller may translate on display.
    Lists are sorted so equal circles give equal snapshots.
    """
    return {
        "version": SNAPSHOT_VERSION,
        "members": [
            {
                "key": str(m.key),
                "name": m.name,
                "kind": str(m.kind),
                "hours_per_week": clean_hours(m.hours_per_week),
                "domains": sorted(str(d) for d in m.domains),
                "closeness": clean_closeness(m.closeness),
                "sofa_roles": sorted(str(r) for r in sofa_roles.get(str(m.key), ())),
            }
            for m in members
            if m.kind != MemberKind.CLIENT
        ],
        "needed_domains": sorted(str(d) for d in needed_domains),
        "signals": [
            {
                "code": s.code,
                "severity": str(s.severity),
                "member_key": s.member_key,
                "title": s.render().title,
                # Code, values and domains let a later reader see the title in
                # their own language (see network.stored_signal).
                "params": dict(s.params),
                "domains": [str(d) for d in s.domains],
            }
            for s in report.signals
        ],
    }


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class MemberChange:
    key: str
    name: str  # the name in the new snapshot
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class SignalRef:
    code: str
    severity: str
    title: str
    member_key: str | None = None
    params: tuple[tuple[str, str], ...] = ()
    domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScanDiff:
    added_members: tuple[str, ...]  # names
    removed_members: tuple[str, ...]  # names
    changed_members: tuple[MemberChange, ...]
    informal_hours_old: float
    informal_hours_new: float
    signals_new: tuple[SignalRef, ...]
    signals_resolved: tuple[SignalRef, ...]
    needed_domains_added: tuple[str, ...] = ()
    needed_domains_removed: tuple[str, ...] = ()

    @property
    def informal_hours_delta(self) -> float:
        return self.informal_hours_new - self.informal_hours_old

    @property
    def has_changes(self) -> bool:
        return bool(
            self.added_members
            or self.removed_members
            or self.changed_members
            or self.signals_new
            or self.signals_resolved
            or self.needed_domains_added
            or self.needed_domains_removed
        )


def snapshot_members(snap: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The members of a snapshot, normalised so old or hand-edited data is safe
    to compare and to show."""
    return [
        {
            "key": str(raw.get("key", "")),
            "name": str(raw.get("name", "")),
            "kind": str(raw.get("kind", "")),
            "hours_per_week": clean_hours(raw.get("hours_per_week", 0.0)),
            "domains": sorted(str(d) for d in raw.get("domains") or ()),
            "closeness": clean_closeness(raw.get("closeness", 2)),
            "sofa_roles": sorted(str(r) for r in raw.get("sofa_roles") or ()),
        }
        for raw in snap.get("members") or ()
    ]


def _members(snap: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["key"]: m for m in snapshot_members(snap)}


def informal_hours(members: Iterable[Mapping[str, Any]]) -> float:
    """Hours per week of mantelzorgers and volunteers in normalised snapshot members."""
    kinds = {str(k) for k in INFORMAL_KINDS}
    return sum(m["hours_per_week"] for m in members if m["kind"] in kinds)


def _signals(snap: Mapping[str, Any]) -> dict[tuple[str, str], SignalRef]:
    """Signals by identity: code plus the member it is about (titles may change wording)."""
    out: dict[tuple[str, str], SignalRef] = {}
    for raw in snap.get("signals") or ():
        ref = SignalRef(
            code=str(raw.get("code", "")),
            severity=str(raw.get("severity", "")),
            title=str(raw.get("title", "")),
            member_key=raw.get("member_key"),
            params=tuple(sorted((raw.get("params") or {}).items())),
            domains=tuple(raw.get("domains") or ()),
        )
        out.setdefault((ref.code, ref.member_key or ""), ref)
    return out


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> ScanDiff:
    """What is different in ``new`` compared with ``old``; members are matched by key."""
    old_m, new_m = _members(old), _members(new)
    changed: list[MemberChange] = []
    for key, after in new_m.items():
        before = old_m.get(key)
        if before is None:
            continue
        changes = tuple(
            FieldChange(f, before[f], after[f]) for f in COMPARED_FIELDS if before[f] != after[f]
        )
        if changes:
            changed.append(MemberChange(key=key, name=after["name"], changes=changes))

    old_s, new_s = _signals(old), _signals(new)
    old_needed = set(map(str, old.get("needed_domains") or ()))
    new_needed = set(map(str, new.get("needed_domains") or ()))
    return ScanDiff(
        added_members=tuple(m["name"] for k, m in new_m.items() if k not in old_m),
        removed_members=tuple(m["name"] for k, m in old_m.items() if k not in new_m),
        changed_members=tuple(changed),
        informal_hours_old=informal_hours(old_m.values()),
        informal_hours_new=informal_hours(new_m.values()),
        signals_new=tuple(s for k, s in new_s.items() if k not in old_s),
        signals_resolved=tuple(s for k, s in old_s.items() if k not in new_s),
        needed_domains_added=tuple(sorted(new_needed - old_needed)),
        needed_domains_removed=tuple(sorted(old_needed - new_needed)),
    )
