"""Every circle URL × every kind of user → allowed or denied, as designed.

The table below is the design. A new circle URL fails `test_every_circle_url_is_in_the_matrix`
until it is given a row here, so no page can slip past the permission layer.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from samenspel.agenda.services import request_swap
from samenspel.agreements.services import record_change
from samenspel.burden import catalogue
from samenspel.burden import services as burden_services
from samenspel.helprequests.services import propose
from samenspel.invitations.services import invite
from samenspel.logbook.models import LogEntry
from samenspel.mantelscan.models import Scan
from samenspel.socialmap.models import Offer
from samenspel.socialmap.referral_services import create_referral
from tests import helprequests_support
from tests.factories import OrganisationFactory, make_agreement

USERS = [
    "anonymous",
    "client",
    "carer",
    "volunteer",
    "map_only",
    "pro_team",
    "pro_other",
    "revoked",
]

# url name → (HTTP method, users allowed)
MATRIX = {
    "circles:detail": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "circles:needed_domains": ("get", {"client", "pro_team"}),
    "circles:member_add": ("get", {"client", "pro_team"}),
    "circles:member_edit": ("get", {"client", "carer", "pro_team"}),  # carer: own entry
    "circles:member_revoke": ("post", {"client"}),
    "circles:member_restore": ("post", {"client"}),
    "circles:access": ("get", {"client"}),
    "circles:audit": ("get", {"client"}),
    "invitations:circle": ("get", {"client", "pro_team"}),
    "invitations:revoke": ("post", {"client", "pro_team"}),
    "mantelscan:list": ("get", {"client", "carer", "pro_team"}),
    "mantelscan:start": ("post", {"pro_team"}),
    "mantelscan:step": ("get", {"pro_team"}),
    "mantelscan:detail": ("get", {"client", "carer", "pro_team"}),
    "mantelscan:compare": ("get", {"client", "carer", "pro_team"}),
    "agreements:list": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "agreements:add": ("get", {"client", "carer", "pro_team"}),
    "agreements:detail": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "agreements:edit": ("get", {"client", "carer", "pro_team"}),
    "agreements:end": ("post", {"client", "carer", "pro_team"}),
    "agreements:coordinator": ("post", {"client", "carer", "pro_team"}),
    "agreements:workplan": ("get", {"client", "carer", "pro_team"}),
    "agreements:changes": ("get", {"client", "carer", "pro_team"}),
    "agreements:change_add": ("get", {"client", "carer", "pro_team"}),
    "agreements:change_handled": ("post", {"client", "carer", "pro_team"}),
    "agenda:calendar": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "agenda:occurrence": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "agenda:feed_settings": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "agenda:claim": ("post", {"carer", "volunteer"}),
    "agenda:release": ("post", {"carer", "volunteer"}),
    "agenda:swap": ("post", {"carer", "volunteer"}),
    "agenda:swap_answer": ("post", {"carer", "volunteer"}),
    "agenda:cancel": ("post", {"client", "carer", "pro_team"}),
    "burden:overview": ("get", {"client", "carer", "pro_team"}),
    "burden:start": ("post", {"carer"}),
    "burden:consent": ("post", {"carer"}),
    "burden:history": ("get", {"client", "carer", "pro_team"}),
    "burden:fhir_questionnaire": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "burden:answer": ("get", {"carer"}),
    "burden:autosave": ("post", {"carer"}),
    "burden:result": ("get", {"carer", "pro_team"}),
    "burden:share": ("post", {"carer"}),
    "burden:fhir_response": ("get", {"carer", "pro_team"}),
    "referrals:list": ("get", {"client", "carer", "pro_team"}),
    "referrals:add": ("get", {"client", "carer", "pro_team"}),
    "referrals:detail": ("get", {"client", "carer", "pro_team"}),
    "referrals:update": ("post", {"client", "carer", "pro_team"}),
    "profiles:overview": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "profiles:take": ("get", {"client", "carer", "volunteer"}),
    "profiles:share": ("post", {"client", "carer", "volunteer"}),
    "logbook:list": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "logbook:acknowledge": ("post", {"pro_team"}),
    "helprequests:list": ("get", {"client", "carer", "pro_team"}),
    "helprequests:new": ("get", {"client", "carer", "pro_team"}),
    "helprequests:detail": ("get", {"client", "carer", "pro_team"}),
    "helprequests:withdraw": ("post", {"client", "carer", "pro_team"}),
    "helprequests:answer": ("post", {"client", "carer", "pro_team"}),
    "reflection:overview": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "reflection:round_open": ("post", {"client", "pro_team"}),
    "reflection:round_close": ("post", {"client", "pro_team"}),
    "reflection:answer": ("get", {"client", "carer", "volunteer", "pro_team"}),
    "reflection:results": ("get", {"client", "carer", "volunteer", "pro_team"}),
}


def _circle_url_names():
    names = set()

    def walk(patterns, namespace, prefix_has_circle):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace or namespace
                walk(p.url_patterns, ns, prefix_has_circle or "circle_id" in str(p.pattern))
            elif (
                isinstance(p, URLPattern)
                and p.name
                and (prefix_has_circle or "circle_id" in str(p.pattern))
            ):
                names.add(f"{namespace}:{p.name}")

    walk(get_resolver().url_patterns, None, False)
    return names


def test_every_circle_url_is_in_the_matrix():
    assert _circle_url_names() == set(MATRIX)


def _kwargs(name, world, objects):
    circle = world["circle"]
    kwargs = {"circle_id": circle.pk}
    if name.startswith("circles:member_") and name != "circles:member_add":
        member = "revoked" if name == "circles:member_restore" else "carer"
        kwargs["member_id"] = world["members"][member].pk
    if name == "invitations:revoke":
        kwargs["invitation_id"] = objects["invitation"].pk
    if name in ("mantelscan:step",):
        kwargs.update(scan_id=objects["scan"].pk, step=1)
    if name in ("agreements:detail", "agreements:edit", "agreements:end"):
        kwargs["agreement_id"] = objects["agreement"].pk
    if name in (
        "agenda:occurrence",
        "agenda:claim",
        "agenda:release",
        "agenda:swap",
        "agenda:cancel",
    ):
        kwargs["occurrence_id"] = objects["occurrence"].pk
    if name == "agenda:swap_answer":
        kwargs["swap_id"] = objects["swap"].pk
    if name == "agreements:change_handled":
        kwargs["change_id"] = objects["change"].pk
    if name == "burden:history":
        kwargs["member_id"] = world["members"]["carer"].pk
    if name == "burden:fhir_questionnaire":
        kwargs["instrument_id"] = "csi"
    if name in ("burden:answer", "burden:autosave"):
        kwargs["screening_id"] = objects["draft"].pk
    if name in ("burden:result", "burden:share", "burden:fhir_response"):
        kwargs["screening_id"] = objects["screening"].pk
    if name in ("referrals:detail", "referrals:update"):
        kwargs["referral_id"] = objects["referral"].pk
    if name == "logbook:acknowledge":
        kwargs["entry_id"] = objects["log_signal"].pk
    if name in ("reflection:round_close", "reflection:answer"):
        kwargs["round_id"] = objects["reflection_open"].pk
    if name == "reflection:results":
        kwargs["round_id"] = objects["reflection_closed"].pk
    if name in ("helprequests:detail", "helprequests:withdraw"):
        kwargs["request_id"] = objects["help_request"].pk
    if name == "helprequests:answer":
        kwargs["proposal_id"] = objects["proposal"].pk
    if name == "mantelscan:detail":
        kwargs["scan_id"] = objects["done_scan"].pk
    return kwargs


@pytest.fixture
def objects(world):
    circle = world["circle"]
    pro = world["users"]["pro_team"]
    volunteer = world["members"]["volunteer"]
    # The volunteer performs it: agenda-level members may open their own agreements.
    agreement = make_agreement(circle, "Op bezoek gaan", performer=volunteer, frequency="monthly")
    change = record_change(
        circle,
        {"kind": "need", "occurred_on": "2026-11-01", "agreements": [agreement]},
        by=circle.client,
    )
    occurrence = agreement.occurrences.first()
    swap = request_swap(occurrence, volunteer, world["members"]["carer"])
    carer = world["members"]["carer"]
    csi = catalogue.get("csi")
    screening, _ = burden_services.start_screening(carer, csi)
    burden_services.save_answers(screening, {item.id: "ja" for item in csi.items})
    burden_services.complete(screening)
    burden_services.set_sharing(screening, team=True)
    support = OrganisationFactory(name="Steunpunt", kind="carer_support")
    offer = Offer.objects.create(
        organisation=support,
        name="Mantelzorgcafé",
        description="Praten met andere mantelzorgers",
        categories=["carer_support"],
        last_verified="2026-10-01",
    )
    referral = create_referral(
        circle, member=carer, offer=offer, reason="Even op adem komen", by=circle.client
    )
    from samenspel.reflection import services as reflection_services

    reflection_closed = reflection_services.open_round(pro.person, "Voorjaar", circle=circle)
    reflection_services.close_round(reflection_closed)
    volunteer_org = helprequests_support.volunteer_org()
    help_request = helprequests_support.make_request(circle, volunteer_org)
    proposal = propose(
        help_request, helprequests_support.volunteer(volunteer_org, "Vera2"), by=None
    )
    return {
        "help_request": help_request,
        "proposal": proposal,
        "reflection_open": reflection_services.open_round(pro.person, "Najaar", circle=circle),
        "reflection_closed": reflection_closed,
        "referral": referral,
        "screening": screening,
        "draft": burden_services.start_screening(carer, catalogue.get("ediz"))[0],
        "occurrence": occurrence,
        "swap": swap,
        "agreement": agreement,
        "change": change,
        "log_signal": LogEntry.objects.create(
            circle=circle,
            author=volunteer.person,
            author_name=volunteer.person.full_name,
            author_role="volunteer",
            text="Mevrouw at slecht vandaag.",
            audience="professionals",
            is_signal=True,
        ),
        "invitation": invite(world["members"]["volunteer"], pro).invitation,
        "scan": Scan.objects.create(circle=circle, created_by=pro),
        "done_scan": Scan.objects.create(
            circle=circle,
            created_by=pro,
            completed_at="2026-01-01T10:00:00Z",
            snapshot={"members": [], "needed_domains": [], "signals": []},
        ),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("who", USERS)
def test_matrix(client, world, objects, name, who):
    method, allowed = MATRIX[name]
    url = reverse(name, kwargs=_kwargs(name, world, objects))
    if name == "mantelscan:compare":
        url += f"?a={objects['done_scan'].pk}&b={objects['done_scan'].pk}"
    if who != "anonymous":
        client.force_login(world["users"][who])
    data = {
        "burden:autosave": {"item": "q1", "value": "ja"},
        "referrals:update": {"version": "1", "status": "registered", "note": ""},
        "reflection:round_open": {"title": "Nieuwe ronde"},
        "helprequests:answer": {"answer": "accept"},
        "helprequests:withdraw": {"version": "1"},
    }.get(name, {})
    response = getattr(client, method)(url, data)
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif who in allowed:
        assert response.status_code in (200, 204, 302), response.status_code
        if response.status_code == 302:
            assert not response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 403


@pytest.mark.django_db
def test_revoked_member_is_denied_at_once(client, world):
    """The client revokes the carer; the carer's very next request is refused."""
    from samenspel.circles.services import revoke_member

    carer = world["members"]["carer"]
    client.force_login(world["users"]["carer"])
    url = reverse("circles:detail", args=[world["circle"].pk])
    assert client.get(url).status_code == 200
    revoke_member(carer)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_team_consent_withdrawn_shuts_out_team_professional(client, world):
    from samenspel.circles.services import set_team_consent

    client.force_login(world["users"]["pro_team"])
    url = reverse("circles:detail", args=[world["circle"].pk])
    assert client.get(url).status_code == 200
    set_team_consent(world["circle"], False)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_ids_of_another_circle_in_the_url_are_not_found(client, world):
    from tests import factories

    other = factories.make_circle(team=world["circle"].team)
    stranger = factories.add_member(other, "carer")
    client.force_login(world["users"]["pro_team"])
    url = reverse("circles:member_edit", args=[world["circle"].pk, stranger.pk])
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_legal_representative_has_the_clients_say(client, world):
    carer = world["members"]["carer"]
    url = reverse("circles:access", args=[world["circle"].pk])
    client.force_login(world["users"]["carer"])
    assert client.get(url).status_code == 403
    carer.is_legal_representative = True
    carer.save()
    assert client.get(url).status_code == 200
