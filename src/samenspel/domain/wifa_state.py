"""What the log says per volunteer: the facts in, and the state the rules read.

Reduced once per volunteer (last contact, last moment per aspect, facilities
in place, per professional the last overleg), so the reminders and the
figures never walk the log themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from samenspel.domain.wifa_kinds import AFSTEMMEN, BASIC_FACILITIES, KINDS_BY_ID


# --- Facts in ------------------------------------------------------------------
@dataclass(frozen=True)
class EntryFact:
    """One logged moment (or the latest of its kind): enough for the rules."""

    kind: str
    happened_on: dt.date
    professional_id: int | None = None


@dataclass(frozen=True)
class PairFact:
    """A professional who is active in a circle where the volunteer is active."""

    professional_id: int
    professional_name: str
    shared_since: dt.date


@dataclass(frozen=True)
class VolunteerFacts:
    volunteer_id: int
    name: str
    started_on: dt.date
    entries: tuple[EntryFact, ...] = ()
    pairs: tuple[PairFact, ...] = ()
    # From the current volunteer agreement (see ``agreement_facilities``).
    agreed_facilities: frozenset[str] = frozenset()


# --- State: what the log says per volunteer ------------------------------------
@dataclass(frozen=True)
class PairState:
    professional_id: int
    professional_name: str
    shared_since: dt.date
    last_afstemming: dt.date | None
    last_contact: dt.date | None

    @property
    def afstemming_since_start(self) -> dt.date | None:
        """The last overleg, if it was after they started working together. An
        earlier one (about another client, say) does not count."""
        if self.last_afstemming is not None and self.last_afstemming >= self.shared_since:
            return self.last_afstemming
        return None

    @property
    def contact_since_start(self) -> dt.date | None:
        """The last moment together, counted the same way as the overleg."""
        if self.last_contact is not None and self.last_contact >= self.shared_since:
            return self.last_contact
        return None


@dataclass(frozen=True)
class VolunteerState:
    volunteer_id: int
    name: str
    started_on: dt.date
    last_contact: dt.date | None
    last_by_aspect: dict[str, dt.date] = field(default_factory=dict)
    facilities: frozenset[str] = frozenset()
    pairs: tuple[PairState, ...] = ()

    @property
    def missing_basics(self) -> frozenset[str]:
        return BASIC_FACILITIES - self.facilities


def _latest(current: dt.date | None, day: dt.date) -> dt.date:
    return day if current is None or day > current else current


def state(facts: VolunteerFacts) -> VolunteerState:
    """Last contact, last moment per aspect, facilities and pair dates."""
    last_contact = None
    by_aspect: dict[str, dt.date] = {}
    facilities = set(facts.agreed_facilities)
    pair_afstemming: dict[int, dt.date] = {}
    pair_contact: dict[int, dt.date] = {}
    for entry in facts.entries:
        k = KINDS_BY_ID.get(entry.kind)
        if k is None:
            continue
        by_aspect[k.aspect] = _latest(by_aspect.get(k.aspect), entry.happened_on)
        if k.personal_contact:
            last_contact = _latest(last_contact, entry.happened_on)
        if k.facility:
            facilities.add(k.facility)
        if entry.professional_id is not None:
            pid = entry.professional_id
            pair_contact[pid] = _latest(pair_contact.get(pid), entry.happened_on)
            if k.aspect == AFSTEMMEN:
                pair_afstemming[pid] = _latest(pair_afstemming.get(pid), entry.happened_on)
    pairs = tuple(
        PairState(
            p.professional_id,
            p.professional_name,
            p.shared_since,
            pair_afstemming.get(p.professional_id),
            pair_contact.get(p.professional_id),
        )
        for p in sorted(facts.pairs, key=lambda p: (p.professional_name, p.professional_id))
    )
    return VolunteerState(
        facts.volunteer_id,
        facts.name,
        facts.started_on,
        last_contact,
        by_aspect,
        frozenset(facilities),
        pairs,
    )
