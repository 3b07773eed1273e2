"""Who reads which logbook entry, and who can flag a worry for the professional.

The logbook (overdracht) holds short notes between the people around the
client. The writer picks an audience; the client's access decisions come
first: without the agenda permission nobody reads anything. The client and a
legal representative read every entry about the client (regie, and the AVG
right of access), so no audience can hide a note from them.

A carer or volunteer can mark a note as a signal for the professional (seed
001: volunteers have a signalling role). A signal is meant for the
professionals, so they can always read it, whatever audience it has: a
signal they could not read would be a worry nobody can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from samenspel.domain.access import Perm, Relationship, permissions
from samenspel.domain.vocabulary import MemberKind


class Audience(StrEnum):
    CIRCLE = "circle"  # everyone who may open the logbook
    PROFESSIONALS = "professionals"
    CHOSEN = "chosen"  # the chosen members (plus the author and the client side)


@dataclass(frozen=True)
class ReaderFacts:
    """One user looking at one circle's logbook."""

    relationship: Relationship
    person_key: str | None = None  # the user's person, to recognise own entries
    member_key: str | None = None  # the user's member row here (None: via the team)

    @property
    def perms(self) -> frozenset[Perm]:
        return permissions(self.relationship)

    @property
    def can_view(self) -> bool:
        return Perm.VIEW_AGENDA in self.perms

    @property
    def client_side(self) -> bool:
        """The client or their legal representative."""
        rel = self.relationship
        return self.can_view and (rel.member_kind == MemberKind.CLIENT or rel.legal_representative)

    @property
    def professional(self) -> bool:
        """A professional in the circle, or of the wijkteam looking in with consent.

        A professional member the client put on "agenda" is not one here: the
        client's choice limits what they read, also professionals-only notes.
        """
        rel = self.relationship
        if Perm.VIEW_DETAILS not in self.perms:
            return False
        if rel.is_member:
            return rel.member_kind == MemberKind.PROFESSIONAL
        return rel.team_professional


@dataclass(frozen=True)
class EntryFacts:
    author_key: str | None  # the author's person (None: the account was removed)
    audience: Audience
    recipient_keys: frozenset[str] = frozenset()  # member keys, for CHOSEN
    is_signal: bool = False


def can_read(viewer: ReaderFacts, entry: EntryFacts) -> bool:
    """Whether `viewer` may read `entry`. The query in logbook.selectors mirrors this."""
    if not viewer.can_view:
        return False
    if viewer.person_key is not None and entry.author_key == viewer.person_key:
        return True
    if viewer.client_side:
        return True
    if entry.is_signal and viewer.professional:
        return True
    if entry.audience == Audience.CIRCLE:
        return True
    if entry.audience == Audience.PROFESSIONALS:
        return viewer.professional
    if entry.audience == Audience.CHOSEN:
        return viewer.member_key is not None and viewer.member_key in entry.recipient_keys
    return False


def can_flag_signal(author_kind: MemberKind | None, *, legal_representative: bool = False) -> bool:
    """Carers, volunteers and legal representatives can mark a note as a signal.

    Professionals act on signals themselves; the client talks to them directly
    (and reads everything anyway).
    """
    if legal_representative:
        return True
    return author_kind in (MemberKind.CARER, MemberKind.VOLUNTEER)


def sees_signals(viewer: ReaderFacts) -> bool:
    """Who gets signals on their start page and marks them as seen: the
    professionals doing professional work in the circle."""
    return Perm.RUN_SCAN in viewer.perms


def can_acknowledge(viewer: ReaderFacts) -> bool:
    return sees_signals(viewer)


def preview(text: str, limit: int = 120) -> str:
    """The first words of a note for a list, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(",.;:") + "…"
