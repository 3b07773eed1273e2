"""The access policy on its own: role + membership + the client's consent."""

import pytest

from samenspel.domain.access import Perm, Relationship, permissions, role_name
from samenspel.domain.vocabulary import AccessLevel, MemberKind

CLIENT = Relationship(MemberKind.CLIENT, True, AccessLevel.FULL)
CARER_FULL = Relationship(MemberKind.CARER, True, AccessLevel.FULL)
CARER_AGENDA = Relationship(MemberKind.CARER, True, AccessLevel.AGENDA)
MAP_ONLY = Relationship(MemberKind.CARER, True, AccessLevel.MAP_ONLY)
REPRESENTATIVE = Relationship(MemberKind.CARER, True, AccessLevel.AGENDA, True)
PRO_MEMBER = Relationship(MemberKind.PROFESSIONAL, True, AccessLevel.FULL)
TEAM = Relationship(team_professional=True, team_consent=True)
TEAM_NO_CONSENT = Relationship(team_professional=True, team_consent=False)
STRANGER = Relationship()


AGENDA_WORK = {Perm.VIEW_CIRCLE, Perm.EDIT_OWN, Perm.VIEW_AGENDA, Perm.WRITE_LOG, Perm.TAKE_SHIFTS}
PRO_WORK = {
    Perm.VIEW_CIRCLE,
    Perm.VIEW_DETAILS,
    Perm.EDIT_MEMBERS,
    Perm.INVITE,
    Perm.RUN_SCAN,
    Perm.VIEW_AGENDA,
    Perm.WRITE_LOG,
    Perm.MANAGE_AGREEMENTS,
}
VOLUNTEER_FULL = Relationship(MemberKind.VOLUNTEER, True, AccessLevel.FULL)


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        (CLIENT, set(Perm) - {Perm.RUN_SCAN, Perm.TAKE_SHIFTS}),
        (REPRESENTATIVE, set(Perm) - {Perm.RUN_SCAN}),
        (CARER_FULL, AGENDA_WORK | {Perm.VIEW_DETAILS, Perm.MANAGE_AGREEMENTS}),
        (VOLUNTEER_FULL, AGENDA_WORK | {Perm.VIEW_DETAILS}),
        (CARER_AGENDA, AGENDA_WORK),
        (MAP_ONLY, set()),
        (PRO_MEMBER, PRO_WORK | AGENDA_WORK),
        (TEAM, PRO_WORK),
        (TEAM_NO_CONSENT, set()),
        (STRANGER, set()),
    ],
)
def test_permissions(rel, expected):
    assert permissions(rel) == frozenset(expected)


@pytest.mark.parametrize("rel", [CLIENT, CARER_FULL, PRO_MEMBER, REPRESENTATIVE])
def test_revocation_beats_every_route_in(rel):
    from dataclasses import replace

    revoked = replace(rel, member_active=False, team_professional=True, team_consent=True)
    assert permissions(revoked) == frozenset()


def test_nobody_but_the_client_side_manages_access():
    for rel in (CARER_FULL, PRO_MEMBER, TEAM):
        assert Perm.MANAGE_ACCESS not in permissions(rel)
        assert Perm.VIEW_AUDIT not in permissions(rel)


def test_role_names_for_the_audit_log():
    assert role_name(REPRESENTATIVE) == "legal_representative"
    assert role_name(TEAM) == "team_professional"
    assert role_name(CARER_AGENDA) == "carer"
    assert role_name(STRANGER) == "none"


@pytest.mark.parametrize("level", [AccessLevel.MAP_ONLY, AccessLevel.AGENDA])
def test_the_clients_choice_beats_the_team_route(level):
    """A team professional the client put on 'map only' or 'agenda' stays there."""
    rel = Relationship(
        MemberKind.PROFESSIONAL, True, level, team_professional=True, team_consent=True
    )
    assert Perm.VIEW_DETAILS not in permissions(rel)
    assert Perm.RUN_SCAN not in permissions(rel)


def test_caseload_is_where_professional_work_is_allowed():
    from samenspel.domain.access import in_caseload

    assert in_caseload(TEAM)
    assert in_caseload(PRO_MEMBER)
    assert not in_caseload(TEAM_NO_CONSENT)
    family = Relationship(
        MemberKind.CARER, True, AccessLevel.FULL, team_professional=True, team_consent=True
    )
    assert not in_caseload(family)
    assert not in_caseload(
        Relationship(
            MemberKind.PROFESSIONAL,
            True,
            AccessLevel.AGENDA,
            team_professional=True,
            team_consent=True,
        )
    )


def test_edit_scope():
    from samenspel.domain.access import EditScope, edit_scope

    pro = permissions(TEAM)
    carer = permissions(CARER_AGENDA)
    assert edit_scope(pro, target_kind=MemberKind.CARER, is_self=False) == EditScope.FULL
    assert edit_scope(pro, target_kind=MemberKind.CLIENT, is_self=False) is None
    assert edit_scope(carer, target_kind=MemberKind.CARER, is_self=True) == EditScope.OWN
    assert edit_scope(carer, target_kind=MemberKind.CARER, is_self=False) is None
    assert edit_scope(permissions(MAP_ONLY), target_kind=MemberKind.CARER, is_self=True) is None


def test_new_members_wait_for_the_clients_choice():
    from samenspel.domain.access import default_access_level

    assert default_access_level(MemberKind.PROFESSIONAL, added_by_client=False) == "map_only"
    assert default_access_level(MemberKind.CARER, added_by_client=True) == "agenda"
    assert default_access_level(MemberKind.PROFESSIONAL, added_by_client=True) == "full"
