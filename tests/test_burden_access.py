"""Who sees a mantelzorger's burden results: consent per measurement, standing
consent and its withdrawal, sharing with the client, drafts, other circles."""

import pytest
from django.urls import reverse

from samenspel.burden import catalogue, selectors, services
from samenspel.burden.models import Screening
from samenspel.circles.access import relationship
from samenspel.circles.models import Member
from samenspel.domain.burden_access import can_see
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, circle, *args):
    return reverse(f"burden:{name}", args=[circle.pk, *args])


def completed(member, value="ja", **flags):
    instrument = catalogue.get("csi")
    screening, _ = services.start_screening(member, instrument)
    services.save_answers(screening, {it.id: value for it in instrument.items})
    services.complete(screening)
    if flags:
        Screening.objects.filter(pk=screening.pk).update(**flags)
        screening.refresh_from_db()
    return screening


@pytest.fixture
def people(world):
    """The world's users plus a professional member, a second carer and a
    legal representative (a carer on agenda level)."""
    circle = world["circle"]
    users = dict(world["users"])
    pro = factories.add_member(circle, "professional", person=factories.person_with_login())
    other = factories.add_member(
        circle, "carer", person=factories.person_with_login(first_name="Otto")
    )
    rep = factories.add_member(
        circle,
        "carer",
        person=factories.person_with_login(first_name="Rita"),
        access_level="agenda",
        is_legal_representative=True,
    )
    users.update(
        pro_member=pro.person.user, other_carer=other.person.user, representative=rep.person.user
    )
    return users


ALL = [
    "client",
    "representative",
    "carer",
    "other_carer",
    "volunteer",
    "map_only",
    "revoked",
    "pro_team",
    "pro_member",
    "pro_other",
]
PROFESSIONALS = {"pro_team", "pro_member"}
CLIENT_SIDE = {"client", "representative"}


def status(client, user, path, method="get", data=None):
    client.force_login(user)
    response = getattr(client, method)(path, data or {})
    client.logout()
    return response.status_code


@pytest.mark.parametrize(
    "who, expected",
    [
        ("carer", 200),
        ("other_carer", 200),
        ("client", 200),
        ("representative", 200),
        ("pro_team", 200),
        ("pro_member", 200),
        ("volunteer", 403),
        ("map_only", 403),
        ("revoked", 403),
        ("pro_other", 403),
    ],
)
def test_who_opens_the_overview(client, world, people, who, expected):
    assert status(client, people[who], url("overview", world["circle"])) == expected


def _seen_by(client, world, people, screening):
    circle = world["circle"]
    return {
        who
        for who in ALL
        if status(client, people[who], url("result", circle, screening.pk)) == 200
    }


def test_without_consent_only_the_carer_sees_the_result(client, world, people):
    screening = completed(world["members"]["carer"])
    assert _seen_by(client, world, people, screening) == {"carer"}
    # The history page opens for professionals and the client side, but empty.
    client.force_login(people["pro_team"])
    page = client.get(url("history", world["circle"], screening.member_id)).content.decode()
    assert "Er zijn geen uitslagen die u mag zien." in page
    assert url("result", world["circle"], screening.pk) not in page


def test_shared_with_team_is_seen_by_the_professionals_only(client, world, people):
    screening = completed(world["members"]["carer"], shared_with_team=True)
    assert _seen_by(client, world, people, screening) == {"carer"} | PROFESSIONALS


def test_shared_with_client_is_seen_by_the_client_side_only(client, world, people):
    screening = completed(world["members"]["carer"], shared_with_client=True)
    assert _seen_by(client, world, people, screening) == {"carer"} | CLIENT_SIDE


def test_standing_consent_shows_all_results_until_withdrawn(client, world, people):
    carer = world["members"]["carer"]
    earlier = completed(carer)
    shared_one = completed(carer, shared_with_team=True)
    services.set_standing_consent(carer, True)
    later = completed(carer, "nee")
    for screening in (earlier, shared_one, later):
        assert _seen_by(client, world, people, screening) == {"carer"} | PROFESSIONALS

    services.set_standing_consent(carer, False)
    assert _seen_by(client, world, people, earlier) == {"carer"}
    assert _seen_by(client, world, people, later) == {"carer"}
    # A measurement shared on its own stays shared.
    assert _seen_by(client, world, people, shared_one) == {"carer"} | PROFESSIONALS


def test_drafts_are_never_shown_to_others(client, world, people):
    carer = world["members"]["carer"]
    services.set_standing_consent(carer, True)
    draft, _ = services.start_screening(carer, catalogue.get("csi"))
    Screening.objects.filter(pk=draft.pk).update(shared_with_team=True, shared_with_client=True)
    circle = world["circle"]
    for who in ALL:
        expected = {200, 302} if who == "carer" else {403}
        for name in ("answer", "result", "fhir_response"):
            assert status(client, people[who], url(name, circle, draft.pk)) in expected, (who, name)
    for who in ("pro_team", "client"):
        client.force_login(people[who])
        page = client.get(url("overview", circle)).content.decode()
        assert url("result", circle, draft.pk) not in page


def test_the_team_loses_sight_when_the_client_withdraws_team_consent(client, world, people):
    circle = world["circle"]
    screening = completed(world["members"]["carer"], shared_with_team=True)
    circle.team_consent = False
    circle.save()
    assert status(client, people["pro_team"], url("result", circle, screening.pk)) == 403
    assert status(client, people["pro_member"], url("result", circle, screening.pk)) == 200


@pytest.mark.parametrize("who", sorted(set(ALL) - {"carer"}))
def test_only_the_carer_starts_shares_and_gives_consent(client, world, people, who):
    circle = world["circle"]
    carer = world["members"]["carer"]
    screening = completed(carer, shared_with_team=True, shared_with_client=True)
    draft, _ = services.start_screening(carer, catalogue.get("ediz"))
    user = people[who]
    assert status(
        client, user, url("share", circle, screening.pk), "post", {"audience": "team"}
    ) in {403}
    assert status(
        client, user, url("autosave", circle, draft.pk), "post", {"item": "q1", "value": "ja"}
    ) in {403}
    screening.refresh_from_db()
    assert screening.shared_with_team
    draft.refresh_from_db()
    assert draft.answers == {}
    # Other carers may start and consent for themselves, never for Ans.
    if who in ("other_carer", "representative"):
        assert status(client, user, url("consent", circle), "post", {"on": "on"}) == 302
        assert not selectors.has_standing_consent(carer.pk)
    else:
        assert status(client, user, url("consent", circle), "post", {"on": "on"}) == 403
        assert status(client, user, url("start", circle), "post", {"instrument": "csi"}) == 403


def test_volunteers_and_professionals_cannot_fill_in(client, world, people):
    circle = world["circle"]
    for who in ("volunteer", "pro_team", "pro_member", "client"):
        assert (
            status(client, people[who], url("start", circle), "post", {"instrument": "csi"}) == 403
        )
    assert not Screening.objects.exists()
    # A carer with agenda access (the representative) does fill in their own.
    assert (
        status(
            client, people["representative"], url("start", circle), "post", {"instrument": "csi"}
        )
        == 302
    )


def test_ids_from_another_circle_are_not_found(client, world, people, other_team):
    other_circle = factories.make_circle(team=other_team)
    stranger = factories.add_member(other_circle, "carer")
    foreign = completed(stranger, shared_with_team=True, shared_with_client=True)
    circle = world["circle"]
    client.force_login(people["carer"])
    for name in ("answer", "result", "share", "fhir_response", "autosave"):
        method = client.post if name in ("share", "autosave") else client.get
        assert method(url(name, circle, foreign.pk)).status_code == 404, name
    assert client.get(url("history", circle, stranger.pk)).status_code == 404
    # Not a carer: a volunteer's member id has no burden history.
    volunteer = world["members"]["volunteer"]
    assert client.get(url("history", circle, volunteer.pk)).status_code == 404
    assert client.get(url("result", circle, 2**63)).status_code == 404


def test_fhir_questionnaire_is_for_everyone_who_opens_the_circle(client, world, people):
    circle = world["circle"]
    path = url("fhir_questionnaire", circle, "csi")
    allowed = {who for who in ALL if status(client, people[who], path) == 200}
    assert allowed == set(ALL) - {"map_only", "revoked", "pro_other"}


def test_overview_lists_only_what_the_viewer_may_see(client, world, people):
    circle = world["circle"]
    carer = world["members"]["carer"]
    hidden = completed(carer)
    for_team = completed(carer, "nee", shared_with_team=True)
    client.force_login(people["pro_team"])
    page = client.get(url("overview", circle)).content.decode()
    assert url("result", circle, for_team.pk) in page
    assert url("result", circle, hidden.pk) not in page
    client.force_login(people["client"])
    page = client.get(url("overview", circle)).content.decode()
    assert "Er zijn nog geen uitslagen met u gedeeld." in page


def test_domain_rule_and_query_agree(world, people):
    """`can_see` and `visible_filter` give the same answer for every viewer
    and every kind of screening."""
    circle = world["circle"]
    carer = world["members"]["carer"]
    other = Member.objects.get(circle=circle, person__user=people["other_carer"])
    services.set_standing_consent(other, True)
    rows = [
        completed(carer),
        completed(carer, shared_with_team=True),
        completed(carer, shared_with_client=True),
        completed(other),
        services.start_screening(carer, catalogue.get("ediz"))[0],
        services.start_screening(other, catalogue.get("ediz"))[0],
    ]
    consent = selectors.consent_members([carer.pk, other.pk])
    checked = 0
    for who in ALL:
        user = people[who]
        member = selectors.own_member(circle, user.person)
        viewer = selectors.viewer_for(relationship(user, circle), member)
        in_sql = set(selectors.visible_results(circle, viewer).values_list("pk", flat=True))
        for s in rows:
            facts = selectors.facts(s, standing_consent=s.member_id in consent)
            assert can_see(viewer, facts) == (s.pk in in_sql), (who, s.pk)
            checked += 1
    assert checked == len(ALL) * len(rows)
