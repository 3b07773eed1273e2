"""Who sees a carer's burden screenings: the rules on their own, without a database."""

import pytest

from samenspel.domain.access import Relationship
from samenspel.domain.burden_access import (
    ScreeningFacts,
    Viewer,
    can_change_sharing,
    can_fill_in,
    can_see,
)
from samenspel.domain.vocabulary import AccessLevel, MemberKind

K = MemberKind
L = AccessLevel

OWNER = Viewer(Relationship(K.CARER, True, L.FULL), member_id=1)
OWNER_AGENDA = Viewer(Relationship(K.CARER, True, L.AGENDA), member_id=1)
OTHER_CARER = Viewer(Relationship(K.CARER, True, L.FULL), member_id=2)
CLIENT = Viewer(Relationship(K.CLIENT, True, L.FULL), member_id=3)
REPRESENTATIVE = Viewer(Relationship(K.CARER, True, L.AGENDA, True), member_id=4)
VOLUNTEER = Viewer(Relationship(K.VOLUNTEER, True, L.AGENDA), member_id=5)
PRO_MEMBER = Viewer(Relationship(K.PROFESSIONAL, True, L.FULL), member_id=6)
PRO_AGENDA = Viewer(Relationship(K.PROFESSIONAL, True, L.AGENDA), member_id=7)
TEAM = Viewer(Relationship(team_professional=True, team_consent=True))
TEAM_NO_CONSENT = Viewer(Relationship(team_professional=True, team_consent=False))
MAP_ONLY_OWNER = Viewer(Relationship(K.CARER, True, L.MAP_ONLY), member_id=1)
REVOKED_OWNER = Viewer(Relationship(K.CARER, False, L.FULL), member_id=1)
STRANGER = Viewer(Relationship())

EVERYONE = {
    "owner": OWNER,
    "owner_agenda": OWNER_AGENDA,
    "other_carer": OTHER_CARER,
    "client": CLIENT,
    "representative": REPRESENTATIVE,
    "volunteer": VOLUNTEER,
    "pro_member": PRO_MEMBER,
    "pro_agenda": PRO_AGENDA,
    "team": TEAM,
    "team_no_consent": TEAM_NO_CONSENT,
    "map_only_owner": MAP_ONLY_OWNER,
    "revoked_owner": REVOKED_OWNER,
    "stranger": STRANGER,
}
OWNERS = {"owner", "owner_agenda"}
PROS = {"pro_member", "team"}
CLIENT_SIDE = {"client", "representative"}


def seen_by(screening: ScreeningFacts) -> set[str]:
    return {name for name, viewer in EVERYONE.items() if can_see(viewer, screening)}


def done(**flags) -> ScreeningFacts:
    return ScreeningFacts(owner_member_id=1, completed=True, **flags)


@pytest.mark.parametrize(
    "screening, expected",
    [
        (done(), OWNERS),
        (done(shared_with_team=True), OWNERS | PROS),
        (done(standing_consent=True), OWNERS | PROS),
        (done(shared_with_client=True), OWNERS | CLIENT_SIDE),
        (
            done(shared_with_team=True, shared_with_client=True, standing_consent=True),
            OWNERS | PROS | CLIENT_SIDE,
        ),
    ],
)
def test_who_sees_a_completed_screening(screening, expected):
    assert seen_by(screening) == expected


def test_a_draft_is_only_for_its_carer_whatever_the_flags():
    draft = ScreeningFacts(
        owner_member_id=1,
        completed=False,
        shared_with_team=True,
        shared_with_client=True,
        standing_consent=True,
    )
    assert seen_by(draft) == OWNERS


def test_withdrawn_standing_consent_hides_unless_shared_one_by_one():
    assert seen_by(done(standing_consent=False)) == OWNERS
    assert seen_by(done(standing_consent=False, shared_with_team=True)) == OWNERS | PROS


def test_revoked_or_map_only_carers_lose_even_their_own_results():
    """Revocation works at once; the data stays, but not through this circle."""
    assert not can_see(REVOKED_OWNER, done())
    assert not can_see(MAP_ONLY_OWNER, done())


@pytest.mark.parametrize(
    "name, may_fill_in",
    [
        ("owner", True),
        ("owner_agenda", True),
        ("other_carer", True),
        ("representative", True),
        ("client", False),
        ("volunteer", False),
        ("pro_member", False),
        ("team", False),
        ("map_only_owner", False),
        ("revoked_owner", False),
        ("stranger", False),
    ],
)
def test_only_carers_fill_in(name, may_fill_in):
    assert EVERYONE[name].can_fill_in is may_fill_in


def test_only_the_owner_fills_in_and_shares_their_own():
    draft = ScreeningFacts(owner_member_id=1, completed=False)
    finished = done()
    assert can_fill_in(OWNER, draft) and not can_fill_in(OWNER, finished)
    assert can_change_sharing(OWNER, finished) and not can_change_sharing(OWNER, draft)
    for name in set(EVERYONE) - OWNERS:
        assert not can_fill_in(EVERYONE[name], draft), name
        assert not can_change_sharing(EVERYONE[name], finished), name


@pytest.mark.parametrize(
    "name, may_look",
    [
        ("owner", True),
        ("client", True),
        ("representative", True),
        ("pro_member", True),
        ("team", True),
        ("volunteer", False),
        ("pro_agenda", False),
        ("team_no_consent", False),
        ("stranger", False),
    ],
)
def test_who_may_open_the_burden_pages(name, may_look):
    assert EVERYONE[name].may_look is may_look
