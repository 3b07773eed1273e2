from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.invitations import services
from samenspel.invitations.models import Invitation
from tests import factories

pytestmark = pytest.mark.django_db


def _new_member(world):
    return factories.add_member(world["circle"], "carer", relation="friend")


def test_invite_shows_link_code_and_status_to_the_inviter(client, world):
    member = _new_member(world)
    client.force_login(world["users"]["pro_team"])
    url = reverse("invitations:circle", args=[world["circle"].pk])
    response = client.post(url, {"member": member.pk, "email": ""}, follow=True)
    html = response.content.decode()
    assert "Nieuwe uitnodiging klaar" in html
    assert "/uitnodiging/" in html
    assert "Uitgenodigd" in html
    # Shown once: a reload no longer shows the secret.
    assert "Nieuwe uitnodiging klaar" not in client.get(url).content.decode()


def test_member_of_other_circle_cannot_be_invited(client, world):
    stranger = factories.add_member(factories.make_circle(), "carer")
    client.force_login(world["users"]["pro_team"])
    url = reverse("invitations:circle", args=[world["circle"].pk])
    response = client.post(url, {"member": stranger.pk})
    assert response.status_code == 200
    assert "geldige keuze" in response.content.decode()
    assert not Invitation.objects.exists()


def test_accept_by_link_with_new_account_is_single_use(client, world):
    member = _new_member(world)
    new = services.invite(member, world["users"]["pro_team"])
    response = client.get(reverse("invitations:open", args=[new.token]), follow=True)
    assert "Uitnodiging voor het netwerk van Greet" in response.content.decode()
    response = client.post(
        reverse("invitations:accept"),
        {
            "username": "kees@example.org",
            "password1": "een-lang-wachtwoord-9",
            "password2": "een-lang-wachtwoord-9",
        },
        follow=True,
    )
    assert "Welkom! U staat nu in het netwerk." in response.content.decode()
    member.refresh_from_db()
    assert member.person.user.username == "kees@example.org"
    assert new.invitation.__class__.objects.get(pk=new.invitation.pk).status == "active"
    # Second use of the same link: clearly refused.
    client.logout()
    response = client.get(reverse("invitations:open", args=[new.token]), follow=True)
    assert "Deze uitnodiging is al gebruikt." in response.content.decode()


def test_accept_by_code_for_logged_in_user_keeps_one_person(client, world):
    """A volunteer elsewhere becomes mantelzorger here: one account, both roles."""
    member = _new_member(world)
    existing = factories.person_with_login(first_name="Lotte")
    new = services.invite(member, world["users"]["pro_team"])
    client.force_login(existing.user)
    messy_code = f" {new.code[:4].lower()}-{new.code[4:]} "
    response = client.post(reverse("invitations:code"), {"code": messy_code}, follow=True)
    assert "Uitnodiging accepteren" in response.content.decode()
    client.post(reverse("invitations:accept"))
    member.refresh_from_db()
    assert member.person == existing


def test_wrong_code_gives_a_clear_message(client):
    response = client.post(reverse("invitations:code"), {"code": "XXXX-XXXX"})
    assert "Deze code kennen we niet" in response.content.decode()
    response = client.get(reverse("invitations:open", args=["nonsense"]), follow=True)
    assert "Deze link klopt niet" in response.content.decode()


def test_expired_and_revoked_invitations(client, world):
    member = _new_member(world)
    new = services.invite(member, world["users"]["pro_team"])
    Invitation.objects.filter(pk=new.invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert Invitation.objects.get(pk=new.invitation.pk).status == "expired"
    response = client.get(reverse("invitations:open", args=[new.token]), follow=True)
    assert "Deze uitnodiging is verlopen" in response.content.decode()

    again = services.invite(member, world["users"]["pro_team"])
    client.force_login(world["users"]["client"])
    client.post(reverse("invitations:revoke", args=[world["circle"].pk, again.invitation.pk]))
    assert Invitation.objects.get(pk=again.invitation.pk).status == "revoked"
    client.logout()
    response = client.get(reverse("invitations:open", args=[again.token]), follow=True)
    assert "Deze uitnodiging is ingetrokken" in response.content.decode()


def test_new_invitation_replaces_the_open_one(world):
    member = _new_member(world)
    first = services.invite(member, world["users"]["pro_team"])
    services.invite(member, world["users"]["pro_team"])
    assert Invitation.objects.get(pk=first.invitation.pk).status == "revoked"


def test_revoking_a_member_kills_their_open_invitation(world):
    from samenspel.circles.services import revoke_member

    member = _new_member(world)
    new = services.invite(member, world["users"]["pro_team"])
    revoke_member(member)
    assert Invitation.objects.get(pk=new.invitation.pk).status == "revoked"
    with pytest.raises(services.InvitationError):
        services.accept(new.invitation.pk, factories.UserFactory())


def test_only_hashes_are_stored(world):
    new = services.invite(_new_member(world), world["users"]["pro_team"])
    stored = Invitation.objects.get(pk=new.invitation.pk)
    assert new.token not in (stored.token_hash, stored.code_hash)
    assert new.code not in (stored.token_hash, stored.code_hash)


def test_guessing_codes_is_slowed_down(client, world):
    from django.core.cache import cache

    from samenspel.invitations.views import CODE_TRIES

    cache.clear()
    new = services.invite(_new_member(world), world["users"]["pro_team"])
    for _ in range(CODE_TRIES):
        client.post(reverse("invitations:code"), {"code": "AAAA-AAAA"})
    response = client.post(reverse("invitations:code"), {"code": new.code})
    assert response.status_code == 429
    assert "Te vaak een verkeerde code" in response.content.decode()
    cache.clear()
