"""Who reads which logbook entry: the rules on their own, without a database."""

import pytest

from samenspel.domain.access import Relationship
from samenspel.domain.logbook import (
    Audience,
    EntryFacts,
    ReaderFacts,
    can_acknowledge,
    can_flag_signal,
    can_read,
    preview,
    sees_signals,
)
from samenspel.domain.vocabulary import AccessLevel, MemberKind

K = MemberKind
L = AccessLevel


def reader(rel: Relationship, person: str, member: str | None) -> ReaderFacts:
    return ReaderFacts(rel, person_key=person, member_key=member)


CLIENT = reader(Relationship(K.CLIENT, True, L.FULL), "p-client", "m-client")
REPRESENTATIVE = reader(Relationship(K.CARER, True, L.AGENDA, True), "p-rep", "m-rep")
CARER = reader(Relationship(K.CARER, True, L.FULL), "p-carer", "m-carer")
VOLUNTEER = reader(Relationship(K.VOLUNTEER, True, L.AGENDA), "p-vol", "m-vol")
OTHER_VOLUNTEER = reader(Relationship(K.VOLUNTEER, True, L.AGENDA), "p-vol2", "m-vol2")
PRO_MEMBER = reader(Relationship(K.PROFESSIONAL, True, L.FULL), "p-pro", "m-pro")
PRO_AGENDA = reader(Relationship(K.PROFESSIONAL, True, L.AGENDA), "p-pro2", "m-pro2")
TEAM = reader(Relationship(team_professional=True, team_consent=True), "p-team", None)
TEAM_NO_CONSENT = reader(Relationship(team_professional=True, team_consent=False), "p-t2", None)
MAP_ONLY = reader(Relationship(K.CARER, True, L.MAP_ONLY), "p-map", "m-map")
REVOKED = reader(Relationship(K.CARER, False, L.FULL), "p-rev", "m-rev")
STRANGER = reader(Relationship(), "p-stranger", None)
# A wijkteam nurse who is mantelzorger in this circle acts as mantelzorger here.
NURSE_AS_CARER = reader(
    Relationship(K.CARER, True, L.AGENDA, team_professional=True, team_consent=True),
    "p-nurse",
    "m-nurse",
)

NO_ACCESS = [MAP_ONLY, REVOKED, STRANGER, TEAM_NO_CONSENT]


def entry(audience, author="p-carer", recipients=(), signal=False):
    return EntryFacts(author, Audience(audience), frozenset(recipients), signal)


@pytest.mark.parametrize("viewer", NO_ACCESS)
@pytest.mark.parametrize("audience", list(Audience))
def test_nobody_without_agenda_access_reads_anything(viewer, audience):
    own = entry(audience, author=viewer.person_key, recipients={viewer.member_key})
    assert not can_read(viewer, own)
    assert not can_read(viewer, entry(audience, signal=True))


@pytest.mark.parametrize(
    "viewer", [CLIENT, REPRESENTATIVE, CARER, VOLUNTEER, PRO_MEMBER, PRO_AGENDA, TEAM]
)
@pytest.mark.parametrize("audience", list(Audience))
def test_author_always_reads_own_entry(viewer, audience):
    assert can_read(viewer, entry(audience, author=viewer.person_key))


@pytest.mark.parametrize("viewer", [CLIENT, REPRESENTATIVE])
@pytest.mark.parametrize("audience", list(Audience))
def test_client_side_reads_every_entry(viewer, audience):
    assert can_read(viewer, entry(audience, author="p-vol", recipients={"m-pro"}))


@pytest.mark.parametrize(
    "viewer", [CLIENT, REPRESENTATIVE, CARER, VOLUNTEER, PRO_MEMBER, PRO_AGENDA, TEAM]
)
def test_circle_audience_reaches_everyone_with_access(viewer):
    assert can_read(viewer, entry("circle", author="p-someone"))


@pytest.mark.parametrize(
    ("viewer", "reads"),
    [
        (PRO_MEMBER, True),
        (PRO_AGENDA, False),  # the client gave this professional agenda access only
        (TEAM, True),
        (CARER, False),
        (VOLUNTEER, False),
        (NURSE_AS_CARER, False),
        (CLIENT, True),
    ],
)
def test_professionals_audience(viewer, reads):
    assert can_read(viewer, entry("professionals", author="p-author")) is reads


@pytest.mark.parametrize(
    ("viewer", "reads"),
    [
        (VOLUNTEER, True),  # chosen
        (OTHER_VOLUNTEER, False),
        (CARER, False),
        (PRO_MEMBER, False),  # professionals are not chosen by default
        (TEAM, False),
        (CLIENT, True),
        (REPRESENTATIVE, True),
    ],
)
def test_chosen_audience_only_the_chosen(viewer, reads):
    assert can_read(viewer, entry("chosen", author="p-author", recipients={"m-vol"})) is reads


@pytest.mark.parametrize(
    ("viewer", "reads"),
    [
        (PRO_MEMBER, True),
        (TEAM, True),
        (PRO_AGENDA, False),
        (CARER, False),
        (OTHER_VOLUNTEER, False),
    ],
)
def test_signal_is_always_readable_for_professionals(viewer, reads):
    signal = entry("chosen", author="p-author", recipients={"m-carer-x"}, signal=True)
    assert can_read(viewer, signal) is reads


@pytest.mark.parametrize(
    ("kind", "representative", "allowed"),
    [
        (K.CARER, False, True),
        (K.VOLUNTEER, False, True),
        (K.CARER, True, True),
        (K.PROFESSIONAL, False, False),
        (K.CLIENT, False, False),
        (None, False, False),  # a wijkteam professional without a member row
    ],
)
def test_who_can_flag_a_signal(kind, representative, allowed):
    assert can_flag_signal(kind, legal_representative=representative) is allowed


@pytest.mark.parametrize(
    ("viewer", "sees"),
    [
        (PRO_MEMBER, True),
        (TEAM, True),
        (PRO_AGENDA, False),  # no professional work in this circle
        (CLIENT, False),
        (CARER, False),
        (VOLUNTEER, False),
        (TEAM_NO_CONSENT, False),
        (NURSE_AS_CARER, False),
    ],
)
def test_signals_go_to_the_professionals(viewer, sees):
    assert sees_signals(viewer) is sees
    assert can_acknowledge(viewer) is sees


def test_preview_cuts_at_a_word():
    text = "woord " * 40
    short = preview(text, 20)
    assert short == "woord woord woord…"
    assert preview("  kort\n bericht ") == "kort bericht"
    assert len(preview("x" * 300)) == 121
