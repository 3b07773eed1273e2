"""Attacks found in review: nobody can widen their own access around the client."""

import pytest
from django.urls import reverse

from samenspel.circles.models import Member
from samenspel.invitations import services
from tests import factories

pytestmark = pytest.mark.django_db

NEW = {
    "first_name": "Nep",
    "last_name": "Vertegenwoordiger",
    "kind": "carer",
    "relation": "child",
    "hours_per_week": "1",
    "closeness": "1",
    "is_legal_representative": "on",
}


def test_professional_cannot_create_a_legal_representative(client, world):
    client.force_login(world["users"]["pro_team"])
    client.post(reverse("circles:member_add", args=[world["circle"].pk]), NEW)
    member = Member.objects.get(person__first_name="Nep")
    assert member.is_legal_representative is False
    assert member.access_level == "map_only"  # until the client decides


def test_professional_cannot_add_a_professional_with_full_access(client, world):
    client.force_login(world["users"]["pro_team"])
    org = factories.OrganisationFactory(kind="care_provider")
    data = {**NEW, "kind": "professional", "organisation": org.pk, "discipline": "home_care"}
    client.post(reverse("circles:member_add", args=[world["circle"].pk]), data)
    assert Member.objects.get(person__first_name="Nep").access_level == "map_only"


def test_client_adds_with_a_say_and_may_name_a_representative(client, world):
    client.force_login(world["users"]["client"])
    client.post(reverse("circles:member_add", args=[world["circle"].pk]), NEW)
    member = Member.objects.get(person__first_name="Nep")
    assert member.is_legal_representative is True
    assert member.access_level == "agenda"


def test_inviter_cannot_accept_their_own_invitation(world):
    member = factories.add_member(world["circle"], "carer", access_level="full")
    pro = world["users"]["pro_team"]
    new = services.invite(member, pro)
    with pytest.raises(services.InvitationError) as error:
        services.accept(new.invitation.pk, pro)
    assert error.value.reason == "own_invitation"
    member.refresh_from_db()
    assert member.person.user_id is None


def test_professional_member_cannot_turn_into_a_representative(client, world):
    pro = factories.person_with_login(first_name="Paul")
    own = factories.add_member(world["circle"], "professional", person=pro)
    client.force_login(pro.user)
    url = reverse("circles:member_edit", args=[world["circle"].pk, own.pk])
    form = client.get(url).context["form"]
    assert "is_legal_representative" not in form.fields
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        kind="carer",
        relation="child",
        is_legal_representative="on",
        organisation=own.organisation_id,
        version=own.version,
    )
    client.post(url, data)
    own.refresh_from_db()
    assert (own.kind, own.is_legal_representative) == ("professional", False)
    assert client.get(reverse("circles:access", args=[world["circle"].pk])).status_code == 403


def test_an_invitation_cannot_hand_over_someone_elses_place(world):
    carer = world["members"]["carer"]  # already has an account
    new = services.invite(carer, world["users"]["client"])
    intruder = factories.person_with_login(first_name="Eve")
    with pytest.raises(services.InvitationError) as error:
        services.accept(new.invitation.pk, intruder.user)
    assert error.value.reason == "taken"
    carer.refresh_from_db()
    assert carer.person.user == world["users"]["carer"]


def test_members_with_an_account_are_not_offered_for_invitation(client, world):
    client.force_login(world["users"]["pro_team"])
    form = client.get(reverse("invitations:circle", args=[world["circle"].pk])).context["form"]
    offered = set(form.fields["member"].queryset)
    assert world["members"]["carer"] not in offered
