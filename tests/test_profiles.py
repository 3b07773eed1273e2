"""Collaboration-profile pages: taking it, sharing, privacy, access."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.audit.models import AuditEvent
from samenspel.domain import profiles as domain
from samenspel.profiles import services
from samenspel.profiles.demo import add_demo_profiles
from samenspel.profiles.models import ProfileAnswer
from tests import factories

pytestmark = pytest.mark.django_db


def _url(name, circle):
    return reverse(f"profiles:{name}", args=[circle.pk])


def _leaning(profile, high=5, low=2):
    return {s.id: str(high if s.profile == profile else low) for s in domain.STATEMENTS}


def _checked(page):
    """The radio buttons checked on the take page, as {statement: value}."""
    return dict(re.findall(r'<input type="radio" name="(s\d+)" value="(\d)"[^>]*checked', page))


def _login(client, world, who):
    client.force_login(world["users"][who])


def test_take_complete_shows_result(client, world):
    circle = world["circle"]
    _login(client, world, "volunteer")
    assert client.get(_url("take", circle)).status_code == 200
    response = client.post(_url("take", circle), _leaning("rebel"))
    assert response.status_code == 302
    assert response["Location"].endswith(_url("overview", circle) + "#uitslag")
    answer = ProfileAnswer.objects.get(member=world["members"]["volunteer"])
    assert answer.best_fit == ["rebel"] and answer.completed_at and not answer.shared
    page = client.get(_url("overview", circle)).content.decode()
    assert "Dit profiel past het best bij u:" in page
    assert "Rebel" in page
    assert AuditEvent.objects.filter(
        circle=circle, object_type="collaboration_profile", action="create"
    ).exists()


def test_missing_answers_are_listed_and_kept(client, world):
    circle = world["circle"]
    _login(client, world, "carer")
    data = _leaning("kenner")
    del data["s04"], data["s12"]
    data["s09"] = "7"  # not on the scale: counts as missing
    response = client.post(_url("take", circle), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "U hebt 3 vragen nog niet beantwoord." in page
    for sid in ("s04", "s09", "s12"):
        assert f'href="#vraag-{sid}"' in page
    assert 'href="#vraag-s01"' not in page
    # The given answers stay checked in the form.
    assert _checked(page) == {sid: v for sid, v in data.items() if sid != "s09"}
    answer = ProfileAnswer.objects.get(member=world["members"]["carer"])
    assert answer.completed_at is None and answer.best_fit == []
    assert "s04" not in answer.answers and answer.answers["s01"] == 2
    # Coming back later: the stored answers fill the form.
    page = client.get(_url("take", circle)).content.decode()
    assert _checked(page) == {sid: v for sid, v in data.items() if sid != "s09"}


def test_redoing_incomplete_removes_result(world):
    member = world["members"]["carer"]
    services.save_answers(member, _leaning("prater"))
    services.set_shared(member, True)
    partial = _leaning("prater")
    del partial["s01"]
    row, gaps = services.save_answers(member, partial)
    assert gaps == ("s01",) and row.completed_at is None and row.best_fit == []


def test_share_toggle(client, world):
    circle = world["circle"]
    member = world["members"]["carer"]
    _login(client, world, "carer")
    # Nothing to share before completing.
    client.post(_url("share", circle), {"shared": "1"})
    assert not ProfileAnswer.objects.filter(member=member, shared=True).exists()
    services.save_answers(member, _leaning("luisteraar"))
    client.post(_url("share", circle), {"shared": "1"})
    assert ProfileAnswer.objects.get(member=member).shared
    client.post(_url("share", circle), {"shared": "0"})
    assert not ProfileAnswer.objects.get(member=member).shared
    assert client.get(_url("share", circle)).status_code == 405
    assert AuditEvent.objects.filter(
        circle=circle, object_type="collaboration_profile", summary="no longer shared"
    ).exists()


def test_others_see_only_shared_results_never_answers(client, world):
    circle = world["circle"]
    carer = world["members"]["carer"]
    volunteer = world["members"]["volunteer"]
    carer.person.last_name = "Zijlstra"
    carer.person.save()
    services.save_answers(carer, _leaning("kenner"))
    services.save_answers(volunteer, _leaning("rebel"))
    services.set_shared(volunteer, True)

    _login(client, world, "client")
    page = client.get(_url("overview", circle)).content.decode()
    assert "Vera" in page  # shared
    assert "Zijlstra" not in page  # not shared
    assert "1 persoon heeft een profiel gedeeld." in page
    assert "Uw score per profiel" not in page  # the client has not taken it
    # The kenner–rebel pair needs the unshared kenner: not shown.
    assert "Waar het kan schuren" not in page

    services.set_shared(carer, True)
    page = client.get(_url("overview", circle)).content.decode()
    assert "Zijlstra" in page and "Waar het kan schuren" in page

    # The volunteer's own scores and answers appear only on the volunteer's pages.
    _login(client, world, "carer")
    page = client.get(_url("take", circle)).content.decode()
    assert _checked(page) == _leaning("kenner")  # the carer's own, not the volunteer's
    page = client.get(_url("overview", circle)).content.decode()
    assert "Uw score per profiel" in page and "Kenner" in page


def test_team_professional_sees_mix_but_cannot_take(client, world):
    circle = world["circle"]
    services.save_answers(world["members"]["volunteer"], _leaning("rebel"))
    services.set_shared(world["members"]["volunteer"], True)
    _login(client, world, "pro_team")
    page = client.get(_url("overview", circle))
    assert page.status_code == 200
    assert "Vera" in page.content.decode()
    assert "Uw profiel" not in page.content.decode()
    assert client.get(_url("take", circle)).status_code == 403
    assert client.post(_url("take", circle), _leaning("rebel")).status_code == 403
    assert client.post(_url("share", circle), {"shared": "1"}).status_code == 403
    assert not ProfileAnswer.objects.filter(
        member__circle=circle, member__kind="professional"
    ).exists()


@pytest.mark.parametrize("who", ["pro_other", "revoked", "map_only"])
def test_no_access(client, world, who):
    circle = world["circle"]
    _login(client, world, who)
    for name in ("overview", "take"):
        assert client.get(_url(name, circle)).status_code == 403
    assert client.post(_url("share", circle), {"shared": "1"}).status_code == 403
    assert client.post(_url("take", circle), _leaning("rebel")).status_code == 403
    assert not ProfileAnswer.objects.exists()


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(_url("overview", world["circle"]))
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_overview_query_count_is_constant(client, world):
    circle = world["circle"]
    services.save_answers(world["members"]["volunteer"], _leaning("rebel"))
    services.set_shared(world["members"]["volunteer"], True)
    _login(client, world, "carer")
    client.get(_url("overview", circle))
    with CaptureQueriesContext(connection) as few:
        client.get(_url("overview", circle))
    for i in range(5):
        member = factories.add_member(circle, "volunteer")
        services.save_answers(member, _leaning(domain.PROFILE_IDS[i]))
        services.set_shared(member, True)
    with CaptureQueriesContext(connection) as many:
        response = client.get(_url("overview", circle))
    assert response.content.decode().count("<td>") >= 10
    assert len(many) == len(few)


def test_demo_profiles_are_deterministic_and_idempotent(world):
    circle = world["circle"]
    first = add_demo_profiles([circle], seed=1)
    assert first >= 4  # every active member with a login
    snapshot = sorted(ProfileAnswer.objects.values_list("member_id", "best_fit", "shared"))
    assert add_demo_profiles([circle], seed=1) == 0
    ProfileAnswer.objects.all().delete()
    assert add_demo_profiles([circle], seed=1) == first
    assert sorted(ProfileAnswer.objects.values_list("member_id", "best_fit", "shared")) == snapshot
    assert all(row.completed_at for row in ProfileAnswer.objects.all())


@pytest.mark.parametrize("who", ["client", "carer", "volunteer"])
def test_every_active_member_can_take_it(client, world, who):
    circle = world["circle"]
    _login(client, world, who)
    assert client.get(_url("take", circle)).status_code == 200
    assert client.post(_url("take", circle), _leaning("prater")).status_code == 302
    client.post(_url("share", circle), {"shared": "1"})
    row = ProfileAnswer.objects.get(member__person__user=world["users"][who])
    assert row.best_fit == ["prater"] and row.shared
