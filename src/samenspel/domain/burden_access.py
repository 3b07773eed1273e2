"""Who sees a mantelzorger's burden screenings (draagkracht en draaglast).

The results belong to the carer (issue 4). The carer fills in and sees all of
their own screenings, drafts included. The circle's professionals see a
completed screening only when the carer shared that one, or while the carer's
standing consent holds: withdrawing it hides the earlier results again,
except those shared one by one. The client (or legal representative) sees a
result only when the carer shared it with them. Nobody else ever does, and a
draft is never shown to anyone but its carer.

The query in `burden.selectors.visible_filter` says the same thing in SQL;
tests check the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.domain.access import Perm, Relationship, permissions
from samenspel.domain.vocabulary import AccessLevel, MemberKind

# Carers with these levels may fill in screenings; "only on the map" cannot
# open the circle at all.
FILL_IN_LEVELS = frozenset({AccessLevel.FULL, AccessLevel.AGENDA})


@dataclass(frozen=True)
class Viewer:
    """One user looking at one circle's screenings."""

    relationship: Relationship
    member_id: int | None = None  # the user's active member row here (None: via the team)

    @property
    def perms(self) -> frozenset[Perm]:
        return permissions(self.relationship)

    @property
    def can_fill_in(self) -> bool:
        """A mantelzorger of this circle: they screen their own burden here."""
        rel = self.relationship
        return (
            self.member_id is not None
            and Perm.VIEW_CIRCLE in self.perms
            and rel.member_kind == MemberKind.CARER
            and (rel.access_level in FILL_IN_LEVELS or rel.legal_representative)
        )

    @property
    def professional(self) -> bool:
        """Does professional work here: a professional member with full access,
        or of the wijkteam looking in with the client's consent."""
        return Perm.RUN_SCAN in self.perms

    @property
    def client_side(self) -> bool:
        """The client or their legal representative."""
        rel = self.relationship
        return Perm.VIEW_CIRCLE in self.perms and (
            rel.member_kind == MemberKind.CLIENT or rel.legal_representative
        )

    @property
    def may_look(self) -> bool:
        """Whether the burden pages are for this user at all (others: 403)."""
        return self.can_fill_in or self.professional or self.client_side


@dataclass(frozen=True)
class ScreeningFacts:
    owner_member_id: int
    completed: bool
    shared_with_team: bool = False  # consent for this one measurement
    shared_with_client: bool = False
    standing_consent: bool = False  # the owner's standing consent, not withdrawn


def can_see(viewer: Viewer, screening: ScreeningFacts) -> bool:
    """Whether `viewer` may see this screening (answers and result)."""
    if not viewer.may_look:
        return False
    if viewer.member_id is not None and viewer.member_id == screening.owner_member_id:
        return True
    if not screening.completed:
        return False
    if viewer.professional and (screening.shared_with_team or screening.standing_consent):
        return True
    return viewer.client_side and screening.shared_with_client


def can_change_sharing(viewer: Viewer, screening: ScreeningFacts) -> bool:
    """Only the carer decides who sees their result, and only once it is done."""
    return (
        viewer.can_fill_in and viewer.member_id == screening.owner_member_id and screening.completed
    )


def can_fill_in(viewer: Viewer, screening: ScreeningFacts) -> bool:
    """Only the carer answers their own open screening."""
    return (
        viewer.can_fill_in
        and viewer.member_id == screening.owner_member_id
        and not screening.completed
    )
