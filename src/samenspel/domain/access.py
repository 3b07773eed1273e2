"""Who may do what in a circle: role + membership + the client's consent.

The Django layer gathers the facts about one user and one circle into a
`Relationship`; this module alone decides. Keeping the policy here makes the
authorization matrix testable without a database.
"""

from dataclasses import dataclass
from enum import StrEnum

from samenspel.domain.vocabulary import AccessLevel, MemberKind


class Perm(StrEnum):
    VIEW_CIRCLE = "view_circle"  # open the circle: who is there
    VIEW_DETAILS = "view_details"  # hours, domains, motivations, signals, scans
    EDIT_OWN = "edit_own"  # edit one's own entry on the map
    EDIT_MEMBERS = "edit_members"  # add and edit members
    INVITE = "invite"  # invite members to log in
    MANAGE_ACCESS = "manage_access"  # decide who sees what, revoke
    RUN_SCAN = "run_scan"  # walk through a MantelScan
    VIEW_AUDIT = "view_audit"  # "wie heeft mijn gegevens bekeken"
    VIEW_AGENDA = "view_agenda"  # the circle's agenda, own agreements, the logbook
    WRITE_LOG = "write_log"  # write in the logbook
    TAKE_SHIFTS = "take_shifts"  # claim open tasks, ask for a replacement or swap
    MANAGE_AGREEMENTS = "manage_agreements"  # make and change agreements, record changes


@dataclass(frozen=True)
class Relationship:
    member_kind: MemberKind | None = None  # None: not a member of this circle
    member_active: bool = False
    access_level: AccessLevel | None = None
    legal_representative: bool = False
    team_professional: bool = False  # works in the wijkteam the circle belongs to
    team_consent: bool = False  # the client lets their wijkteam look in

    @property
    def is_member(self) -> bool:
        return self.member_kind is not None


_CLIENT = frozenset(Perm) - {Perm.RUN_SCAN, Perm.TAKE_SHIFTS}
_AGENDA = frozenset(
    {Perm.VIEW_CIRCLE, Perm.EDIT_OWN, Perm.VIEW_AGENDA, Perm.WRITE_LOG, Perm.TAKE_SHIFTS}
)
_FULL = _AGENDA | {Perm.VIEW_DETAILS}
_PROFESSIONAL_WORK = frozenset(
    {
        Perm.VIEW_CIRCLE,
        Perm.VIEW_DETAILS,
        Perm.EDIT_MEMBERS,
        Perm.INVITE,
        Perm.RUN_SCAN,
        Perm.VIEW_AGENDA,
        Perm.WRITE_LOG,
        Perm.MANAGE_AGREEMENTS,
    }
)


def permissions(rel: Relationship) -> frozenset[Perm]:
    """All permissions a user has on one circle; empty means no access at all.

    For a member, the level the client chose for them is final: working in the
    circle's wijkteam does not widen it, and revocation beats every route in.
    Agreements are made by the client, the professionals and mantelzorgers with
    full access; volunteers take part in them but do not set them (seed 001).
    """
    if rel.is_member:
        if not rel.member_active:
            return frozenset()
        if rel.member_kind == MemberKind.CLIENT:
            return _CLIENT
        if rel.legal_representative:
            return _CLIENT | {Perm.TAKE_SHIFTS}
        if rel.access_level == AccessLevel.FULL:
            if rel.member_kind == MemberKind.PROFESSIONAL:
                return _FULL | _PROFESSIONAL_WORK
            if rel.member_kind == MemberKind.CARER:
                return _FULL | {Perm.MANAGE_AGREEMENTS}
            return _FULL
        if rel.access_level == AccessLevel.AGENDA:
            return _AGENDA
        return frozenset()
    if rel.team_professional and rel.team_consent:
        return _PROFESSIONAL_WORK
    return frozenset()


def in_caseload(rel: Relationship) -> bool:
    """Whether a circle belongs on a professional's start page: they do
    professional work there, as a member or through their team."""
    if rel.is_member and rel.member_kind != MemberKind.PROFESSIONAL:
        return False  # e.g. a nurse who is mantelzorger for her own mother
    return Perm.RUN_SCAN in permissions(rel)


class EditScope(StrEnum):
    FULL = "full"  # every field of the entry (role changes need MANAGE_ACCESS too)
    OWN = "own"  # what one may change about oneself: hours, domains, contact, motivation


def edit_scope(
    perms: frozenset[Perm], *, target_kind: MemberKind, is_self: bool
) -> EditScope | None:
    """How much of one member's entry a user may edit; None means not at all.

    The client's own entry is not edited through the member form by anyone:
    it is the centre of the circle, not a helper in it.
    """
    if Perm.EDIT_MEMBERS in perms and target_kind != MemberKind.CLIENT:
        return EditScope.FULL
    if is_self and Perm.EDIT_OWN in perms:
        return EditScope.OWN
    return None


def access_can_change(target_kind: MemberKind) -> bool:
    """Access levels and revocation apply to helpers, never to the client."""
    return target_kind != MemberKind.CLIENT


# Someone whose access was taken away comes back with the cautious level.
RESTORED_ACCESS_LEVEL = AccessLevel.AGENDA


def default_access_level(kind: MemberKind, *, added_by_client: bool) -> AccessLevel:
    """What a new member may see. The client decides: someone added by others is
    only on the map until the client (or their representative) chooses."""
    if not added_by_client:
        return AccessLevel.MAP_ONLY
    return AccessLevel.FULL if kind == MemberKind.PROFESSIONAL else AccessLevel.AGENDA


def role_name(rel: Relationship) -> str:
    """The role a user acts in, as written to the audit log."""
    if rel.is_member:
        if rel.legal_representative:
            return "legal_representative"
        return str(rel.member_kind)
    if rel.team_professional:
        return "team_professional"
    return "none"
