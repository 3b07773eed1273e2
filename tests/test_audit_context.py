"""Changes are audited where they are made, whoever makes them (issue 13)."""

import pytest
from django.urls import reverse

from samenspel.audit import context
from samenspel.audit.models import AuditEvent
from samenspel.circles import services

pytestmark = pytest.mark.django_db


def test_a_change_from_a_command_or_the_shell_is_recorded_as_the_system(world):
    carer = world["members"]["carer"]
    services.revoke_member(carer)
    event = AuditEvent.objects.get(object_type="member", object_id=str(carer.pk))
    assert (event.action, event.actor_id, event.actor_role) == ("revoke", None, "system")
    assert event.actor_name == "Samenspel (systeem)"
    assert event.circle_id == world["circle"].pk


def test_acting_as_names_the_person_and_role(world):
    user = world["users"]["client"]
    with context.acting_as(user, role="client"):
        services.set_team_consent(world["circle"], False)
    assert context.current() is context.SYSTEM  # and it is undone afterwards
    event = AuditEvent.objects.get(object_type="circle", summary="team_consent=False")
    assert (event.actor_id, event.actor_role) == (user.pk, "client")
    assert event.actor_name == user.person.full_name


def test_through_a_page_the_row_carries_the_user_and_their_circle_role(client, world):
    client.force_login(world["users"]["client"])
    carer = world["members"]["carer"]
    url = reverse("circles:member_revoke", args=[world["circle"].pk, carer.pk])
    assert client.post(url).status_code == 302
    rows = AuditEvent.objects.filter(object_type="member", object_id=str(carer.pk))
    assert [(r.action, r.actor_id, r.actor_role) for r in rows] == [
        ("revoke", world["users"]["client"].pk, "client")
    ]  # one row: the view no longer writes its own


def test_a_request_that_records_nothing_does_not_load_the_user():
    """The middleware keeps Django's lazy user: no user or person query per request."""
    from django.test import RequestFactory
    from django.utils.functional import SimpleLazyObject

    from samenspel.audit.middleware import AuditActorMiddleware

    def not_to_be_loaded():
        raise AssertionError("the user was loaded")

    request = RequestFactory().get("/")
    request.user = SimpleLazyObject(not_to_be_loaded)
    seen = []
    response = AuditActorMiddleware(lambda r: seen.append(context.current()) or "ok")(request)
    assert response == "ok" and seen[0].role == ""
