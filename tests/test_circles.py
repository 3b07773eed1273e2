import pytest
from django.urls import reverse

from samenspel.audit.models import AuditEvent
from samenspel.circles.models import Member

pytestmark = pytest.mark.django_db

VALID = {
    "first_name": "Kees",
    "last_name": "de Boer",
    "kind": "carer",
    "relation": "neighbour",
    "domains": ["practical"],
    "hours_per_week": "3",
    "closeness": "2",
    "motivation": "Ik woon naast haar en help graag.",
    "sofa_roles": ["next_of_kin"],
}


def _login(client, world, who):
    client.force_login(world["users"][who])


def test_professional_adds_a_carer_and_it_is_audited(client, world):
    _login(client, world, "pro_team")
    circle = world["circle"]
    response = client.post(reverse("circles:member_add", args=[circle.pk]), VALID)
    assert response.status_code == 302
    member = Member.objects.get(circle=circle, person__first_name="Kees")
    assert member.relation == "neighbour"
    assert member.sofa_roles == ["next_of_kin"]
    assert AuditEvent.objects.filter(
        circle=circle, action="create", object_id=str(member.pk), actor_role="team_professional"
    ).exists()
    page = client.get(reverse("circles:detail", args=[circle.pk])).content.decode()
    assert "Kees de Boer" in page
    assert "Faciliteren" in page  # SOFA role "naaste" asks the professional to facilitate


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"first_name": ""}, "first_name", "Dit veld is verplicht."),
        ({"first_name": "x" * 81}, "first_name", "niet meer dan 80 tekens"),
        ({"hours_per_week": "veel"}, "hours_per_week", "Vul een getal in, bijvoorbeeld 4 of 2,5."),
        ({"hours_per_week": "2,55"}, "hours_per_week", "één cijfer achter de komma"),
        ({"hours_per_week": "-2"}, "hours_per_week", "niet lager zijn dan 0"),
        ({"hours_per_week": "500"}, "hours_per_week", "Een week heeft 168 uur"),
        ({"relation": ""}, "relation", "Kies de relatie"),
        ({"kind": "client"}, "kind", "geen beschikbare keuze"),
        ({"closeness": "9"}, "closeness", "geen beschikbare keuze"),
        ({"kind": "volunteer", "organisation": "999999"}, "organisation", "niet beschikbaar"),
        ({"kind": "volunteer"}, "organisation", "Kies de organisatie"),
        ({"motivation": "a" * 501}, "motivation", "niet meer dan 500 tekens"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_keeps_the_input(client, world, change, field, message):
    _login(client, world, "pro_team")
    data = {**VALID, **change}
    response = client.post(reverse("circles:member_add", args=[world["circle"].pk]), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert 'value="de Boer"' in html  # what the user typed is still there
    assert not Member.objects.filter(person__last_name="de Boer").exists()


def test_edit_conflict_keeps_the_second_persons_input(client, world):
    _login(client, world, "pro_team")
    carer = world["members"]["carer"]
    url = reverse("circles:member_edit", args=[world["circle"].pk, carer.pk])
    form = client.get(url).context["form"]
    first = {**{k: v for k, v in form.initial.items() if v is not None}}
    first.update(organisation="", hours_per_week="20", version=carer.version)
    second = {**first, "hours_per_week": "12", "motivation": "Mijn tekst"}
    assert client.post(url, first).status_code == 302
    response = client.post(url, second)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Iemand anders heeft deze gegevens net ook gewijzigd" in html
    assert "Mijn tekst" in html
    carer.refresh_from_db()
    assert carer.hours_per_week == 20
    # Saving again from the refreshed form now works.
    third = {**second, "version": response.context["form"].data["version"]}
    assert client.post(url, third).status_code == 302
    carer.refresh_from_db()
    assert carer.hours_per_week == 12


def test_member_edits_own_entry_but_not_role(client, world):
    _login(client, world, "carer")
    carer = world["members"]["carer"]
    url = reverse("circles:member_edit", args=[world["circle"].pk, carer.pk])
    response = client.post(
        url,
        {
            "hours_per_week": "25",
            "domains": ["household"],
            "kind": "professional",
            "version": carer.version,
        },
    )
    assert response.status_code == 302
    carer.refresh_from_db()
    assert carer.hours_per_week == 25
    assert carer.kind == "carer"


def test_member_cannot_edit_someone_else(client, world):
    _login(client, world, "carer")
    other = world["members"]["volunteer"]
    url = reverse("circles:member_edit", args=[world["circle"].pk, other.pk])
    assert client.get(url).status_code == 403


def test_agenda_member_sees_who_is_there_but_no_details(client, world):
    _login(client, world, "volunteer")
    response = client.get(reverse("circles:detail", args=[world["circle"].pk]))
    html = response.content.decode()
    assert "Ans" in html
    assert "report" not in response.context
    assert "Waar is het netwerk kwetsbaar?" not in html
    assert "<svg" not in html


def test_circle_page_shows_ecogram_and_signal(client, world):
    _login(client, world, "carer")
    html = client.get(reverse("circles:detail", args=[world["circle"].pk])).content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "Waar is het netwerk kwetsbaar?" in html
    assert "signal-high" in html  # Ans gives 30 hours a week


def test_client_sets_access_level_and_withdraws_team_consent(client, world):
    _login(client, world, "client")
    circle = world["circle"]
    volunteer = world["members"]["volunteer"]
    url = reverse("circles:access", args=[circle.pk])
    assert client.post(url, {"member": volunteer.pk, "access_level": "map_only"}).status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.access_level == "map_only"
    client.post(url, {"team_consent_form": "1"})
    circle.refresh_from_db()
    assert circle.team_consent is False


def test_access_page_refuses_member_of_other_circle_and_bad_level(client, world):
    from tests import factories

    _login(client, world, "client")
    url = reverse("circles:access", args=[world["circle"].pk])
    stranger = factories.add_member(factories.make_circle(), "carer")
    assert client.post(url, {"member": stranger.pk, "access_level": "full"}).status_code == 404
    assert client.post(url, {"member": "abc", "access_level": "full"}).status_code == 404
    volunteer = world["members"]["volunteer"]
    response = client.post(url, {"member": volunteer.pk, "access_level": "alles!"}, follow=True)
    assert "Kies wat deze persoon mag zien." in response.content.decode()


def test_client_revokes_member_and_sees_it_in_the_audit_log(client, world):
    _login(client, world, "carer")
    client.get(reverse("circles:detail", args=[world["circle"].pk]))
    client.logout()
    _login(client, world, "client")
    carer = world["members"]["carer"]
    client.post(reverse("circles:member_revoke", args=[world["circle"].pk, carer.pk]))
    carer.refresh_from_db()
    assert carer.status == "revoked"
    html = client.get(reverse("circles:audit", args=[world["circle"].pk])).content.decode()
    assert "Wie heeft mijn gegevens bekeken" in html
    assert carer.person.full_name in html
    assert "Mantelzorger" in html


def test_client_cannot_revoke_themselves(client, world):
    _login(client, world, "client")
    circle = world["circle"]
    me = circle.members.get(kind="client")
    response = client.post(reverse("circles:member_revoke", args=[circle.pk, me.pk]))
    assert response.status_code == 403


def test_every_page_view_is_audited(client, world):
    _login(client, world, "pro_team")
    before = AuditEvent.objects.count()
    client.get(reverse("circles:detail", args=[world["circle"].pk]))
    event = AuditEvent.objects.latest("id")
    assert AuditEvent.objects.count() == before + 1
    assert (event.action, event.actor_role, event.circle_id) == (
        "view",
        "team_professional",
        world["circle"].pk,
    )


def test_audit_log_is_append_only(world):
    from samenspel.audit.models import AppendOnlyError

    event = AuditEvent.objects.create(
        actor_name="x", actor_role="client", action="view", object_type="circle"
    )
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(summary="changed")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def test_start_pages_per_role(client, world):
    circle = world["circle"]
    expectations = {
        "client": "Mijn netwerk",
        "carer": "Netwerken waar ik in sta",
        "volunteer": "Netwerken waar ik in sta",
        "pro_team": "Mijn cliënten",
    }
    for who, heading in expectations.items():
        _login(client, world, who)
        html = client.get(reverse("pages:home")).content.decode()
        assert heading in html, who
        assert circle.client.full_name in html or who == "client"
    _login(client, world, "pro_other")
    html = client.get(reverse("pages:home")).content.decode()
    assert circle.client.full_name not in html


def test_professional_home_lists_open_signals(client, world):
    _login(client, world, "pro_team")
    response = client.get(reverse("pages:home"))
    (summary,) = response.context["caseload"]
    assert any(s.code == "carer_heavy_hours" for s in summary.report.signals)
    assert "chip-high" in response.content.decode()


def test_caseload_is_sorted_most_urgent_first(client, world):
    from tests import factories

    # "Aafke" sorts before "Greet" by name: only urgency puts Greet first.
    calm = factories.make_circle(
        team=world["circle"].team, client=factories.PersonFactory(first_name="Aafke")
    )
    for _ in range(4):
        factories.add_member(calm, "carer", hours_per_week=2, domains=["household"])
    _login(client, world, "pro_team")
    caseload = client.get(reverse("pages:home")).context["caseload"]
    assert [s.circle for s in caseload] == [world["circle"], calm]


@pytest.mark.parametrize(
    ("next_url", "goes_back"),
    [
        ("/kring/{pk}/mantelscan/", True),
        ("https://evil.example/", False),
        ("/kring/999999/", False),
    ],
)
def test_add_member_returns_only_inside_the_same_circle(client, world, next_url, goes_back):
    _login(client, world, "pro_team")
    circle = world["circle"]
    target = next_url.format(pk=circle.pk)
    response = client.post(
        reverse("circles:member_add", args=[circle.pk]), {**VALID, "next": target}
    )
    expected = target if goes_back else reverse("circles:detail", args=[circle.pk])
    assert response["Location"] == expected


def test_opening_a_members_form_is_audited(client, world):
    _login(client, world, "pro_team")
    carer = world["members"]["carer"]
    client.get(reverse("circles:member_edit", args=[world["circle"].pk, carer.pk]))
    assert AuditEvent.objects.filter(
        action="view", object_type="member", object_id=str(carer.pk)
    ).exists()


def test_circle_page_shows_contact_frequency(client, world):
    _login(client, world, "pro_team")
    html = client.get(reverse("circles:detail", args=[world["circle"].pk])).content.decode()
    assert "Contact: elke dag" in html


def test_team_professional_put_on_map_only_by_the_client_sees_nothing(client, world):
    """The client's choice for a member beats the team route, on every page."""
    from tests import factories

    pro = world["users"]["pro_team"]
    factories.add_member(
        world["circle"], "professional", person=pro.person, access_level="map_only"
    )
    client.force_login(pro)
    assert client.get(reverse("circles:detail", args=[world["circle"].pk])).status_code == 403
    assert client.get(reverse("pages:home")).context["caseload"] == []


def test_caseload_audit_rows_name_the_route_in(client, world):
    _login(client, world, "pro_team")
    client.get(reverse("pages:home"))
    event = AuditEvent.objects.filter(object_type="caseload").latest("id")
    assert event.actor_role == "team_professional"


@pytest.mark.parametrize("bad", ["²", "9" * 30, "", "1e3"])
def test_odd_member_ids_are_not_found_not_a_server_error(client, world, bad):
    _login(client, world, "client")
    url = reverse("circles:access", args=[world["circle"].pk])
    assert client.post(url, {"member": bad, "access_level": "full"}).status_code == 404


def test_other_http_methods_are_refused(client, world):
    _login(client, world, "client")
    url = reverse("circles:access", args=[world["circle"].pk])
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405


def test_restore_only_works_for_a_revoked_member(client, world):
    _login(client, world, "client")
    carer = world["members"]["carer"]
    url = reverse("circles:member_restore", args=[world["circle"].pk, carer.pk])
    assert client.post(url).status_code == 404
    carer.refresh_from_db()
    assert carer.access_level == "full"


def test_circle_menu_is_complete_on_every_circle_page(client, world):
    _login(client, world, "client")
    for name in ("circles:access", "circles:audit", "circles:needed_domains"):
        html = client.get(reverse(name, args=[world["circle"].pk])).content.decode()
        assert "Wie heeft mijn gegevens bekeken" in html, name


def test_carers_see_signals_without_professional_advice_or_stances(client, world):
    """Advice and SOFA stances are for professionals; a carer reads about
    themselves in plain words with an offer to talk."""
    _login(client, world, "carer")
    html = client.get(reverse("circles:detail", args=[world["circle"].pk])).content.decode()
    assert "Waar is het netwerk kwetsbaar?" in html
    assert "Wat kunt u doen?" not in html
    assert "Wilt u hierover praten?" in html
    assert "Partner in de zorg" in html
    assert "Samenwerken" not in html
    client.force_login(world["users"]["pro_team"])
    html = client.get(reverse("circles:detail", args=[world["circle"].pk])).content.decode()
    assert "Wat kunt u doen?" in html
    assert "Samenwerken" in html


def test_consent_changes_are_logged_with_their_value(client, world):
    _login(client, world, "client")
    client.post(reverse("circles:access", args=[world["circle"].pk]), {"team_consent_form": "1"})
    assert AuditEvent.objects.filter(summary="team_consent=False").exists()


def test_start_page_asks_the_policy_whether_a_circle_opens(client, world):
    """A legal representative may open the circle whatever level is stored."""
    carer = world["members"]["carer"]
    carer.access_level = "map_only"
    carer.is_legal_representative = True
    carer.save()
    _login(client, world, "carer")
    html = client.get(reverse("pages:home")).content.decode()
    assert reverse("circles:detail", args=[world["circle"].pk]) in html
    assert "geen inzage" not in html
    _login(client, world, "map_only")
    assert "geen inzage" in client.get(reverse("pages:home")).content.decode()
