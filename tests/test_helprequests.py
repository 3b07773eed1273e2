"""Help requests: filing, the boundary rule, the coordinator's pages, access
and query counts."""

from importlib import import_module

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.agreements.models import CareTask
from samenspel.domain import helprequests as hr
from samenspel.domain.tasks import TaskCategory, TaskFacts
from samenspel.helprequests import selectors, services
from samenspel.helprequests.forms import HelpRequestForm
from samenspel.helprequests.models import HelpRequest, Proposal
from tests import factories
from tests.helprequests_support import (
    coordinator,
    make_request,
    request_data,
    volunteer,
    volunteer_org,
)

# --- Domain (no database) -------------------------------------------------------------


def test_source_follows_who_files():
    assert hr.source_for("client") == hr.Source.CLIENT
    assert hr.source_for("carer") == hr.Source.CARER
    assert hr.source_for("carer", legal_representative=True) == hr.Source.CLIENT
    assert hr.source_for("professional") == hr.Source.PROFESSIONAL
    assert hr.source_for(None) == hr.Source.PROFESSIONAL  # team professional, not a member


@pytest.mark.parametrize(
    "category,reserved,refused",
    [
        (TaskCategory.NURSING, True, True),  # voorbehouden handeling
        (TaskCategory.NURSING, False, True),  # nursing
        (TaskCategory.PERSONAL_CARE, False, False),  # only for allowed volunteers
        (TaskCategory.WELLBEING, False, False),
        (TaskCategory.PRACTICAL, False, False),
    ],
)
def test_request_boundary(category, reserved, refused):
    task = TaskFacts("t", "Taak", category, reserved_act=reserved)
    finding = hr.request_boundary(task)
    assert (finding is not None) is refused
    if refused:
        assert "wijkverpleging" in finding.alternative.lower()


pytestmark_db = pytest.mark.django_db


@pytest.fixture
def org():
    return volunteer_org()


# --- A voorbehouden handeling never reaches a volunteer -------------------------------------


@pytestmark_db
def test_form_refuses_a_reserved_act_with_reason_and_alternative(org):
    data = {
        "task": factories.care_task("Insuline spuiten").pk,
        "details": "Elke ochtend insuline.",
        "slots": ["0-morning"],
        "duration_minutes": "30",
        "frequency": "weekly",
        "urgency": "3",
        "organisation": org.pk,
    }
    form = HelpRequestForm(
        data, tasks=CareTask.objects.all(), organisations=selectors.volunteer_organisations()
    )
    assert not form.is_valid()
    error = form.errors["task"][0]
    assert error == "Dit mag een vrijwilliger niet doen. Vraag de wijkverpleging."
    # The rest of what was typed stays in the form.
    assert form["details"].value() == "Elke ochtend insuline."


@pytestmark_db
def test_service_refuses_a_reserved_act(world, org):
    with pytest.raises(services.WorkflowError) as error:
        make_request(world["circle"], org, "Insuline spuiten")
    assert error.value.code == services.BOUNDARY
    assert error.value.detail.code == "reserved_act_volunteer"
    assert not HelpRequest.objects.exists()


@pytestmark_db
def test_shortlist_never_offers_a_reserved_act(world, org):
    """Even a request that got past the checks (old data) reaches nobody."""
    volunteer(org, "Vera", training=["personal_care"])
    req = make_request(world["circle"], org)
    HelpRequest.objects.filter(pk=req.pk).update(task=factories.care_task("Insuline spuiten"))
    req = HelpRequest.objects.select_related("task", "organisation").get(pk=req.pk)
    candidates, excluded = selectors.shortlist(req, timezone.localdate())
    assert candidates == []
    assert "voorbehouden handeling" in " ".join(excluded[0].reasons)
    coord = coordinator(org)
    with pytest.raises(services.WorkflowError) as error:
        services.propose(req, excluded[0].profile, by=coord)
    assert error.value.code == services.NOT_A_MATCH


@pytestmark_db
def test_personal_care_reaches_only_trained_volunteers_of_an_allowing_organisation(world):
    org = volunteer_org(allows_personal_care=True)
    trained = volunteer(org, "Tineke", training=["personal_care"], skills=["personal_care"])
    untrained = volunteer(org, "Ugur", skills=["personal_care"])
    req = make_request(
        world["circle"], org, "Steunkousen aan- en uittrekken", wanted_skills=["personal_care"]
    )
    candidates, excluded = selectors.shortlist(req, timezone.localdate())
    assert [c.profile for c in candidates] == [trained]
    assert [e.profile for e in excluded] == [untrained]


@pytestmark_db
def test_shortlist_ranks_and_explains(world, org):
    good = volunteer(org, "Anouk", skills=["company"], languages=["nl", "tr"])
    weaker = volunteer(org, "Bram", skills=["odd_jobs"], languages=["nl"])
    no_vog = volunteer(org, "Chris", vog_status="none", vog_date=None)
    req = make_request(world["circle"], org, languages=["tr"])
    candidates, excluded = selectors.shortlist(req, timezone.localdate())
    assert [c.profile for c in candidates] == [good, weaker]
    assert candidates[0].score > candidates[1].score
    assert candidates[0].reasons
    assert [e.profile for e in excluded] == [no_vog]
    assert "VOG" in " ".join(excluded[0].reasons)


@pytestmark_db
def test_family_in_the_circle_is_not_a_candidate(world, org):
    son = volunteer(org, "Sem")
    factories.add_member(world["circle"], "carer", person=son.person)
    req = make_request(world["circle"], org)
    candidates, excluded = selectors.shortlist(req, timezone.localdate())
    assert candidates == [] and excluded[0].profile == son


# --- Filing through the circle page ------------------------------------------------------------


@pytestmark_db
@pytest.mark.parametrize(
    "who,source", [("client", "client"), ("carer", "carer"), ("pro_team", "professional")]
)
def test_file_a_request_records_the_source(client, world, org, who, source):
    client.force_login(world["users"][who])
    circle = world["circle"]
    circle.wijk = "Oude Dorp"
    circle.save()
    url = reverse("helprequests:new", args=[circle.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'value="Oude Dorp"' in page.content.decode()  # the wijk starts at the client's
    data = {
        "task": factories.care_task("Op bezoek gaan").pk,
        "details": "Een praatje op dinsdag.",
        "slots": ["1-afternoon"],
        "duration_minutes": "90",
        "frequency": "weekly",
        "wijk": "Oude Dorp",
        "languages": ["nl"],
        "preferences": ["older_people"],
        "urgency": "2",
        "organisation": org.pk,
    }
    response = client.post(url, data)
    assert response.status_code == 302
    req = HelpRequest.objects.get()
    assert req.source == source and req.status == "open" and req.slots == ["1-afternoon"]
    assert req.created_by == world["users"][who].person


@pytestmark_db
def test_form_errors_are_dutch_and_input_is_kept(client, world, org):
    client.force_login(world["users"]["client"])
    url = reverse("helprequests:new", args=[world["circle"].pk])
    response = client.post(
        url,
        {
            "task": factories.care_task("Insuline spuiten").pk,
            "details": "Iets met mijn medicijnen",
            "duration_minutes": "5",
            "frequency": "weekly",
            "urgency": "2",
            "organisation": org.pk,
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dit mag een vrijwilliger niet doen." in body
    assert "Vul minstens 15 minuten in." in body
    assert "Kies een of meer dagdelen" in body
    assert "Iets met mijn medicijnen" in body
    assert 'aria-describedby="id_details_helptext"' in body


# --- Access ----------------------------------------------------------------------------------

CIRCLE_SIDE = {"client", "carer", "pro_team"}


@pytestmark_db
@pytest.mark.parametrize(
    "who", ["client", "carer", "volunteer", "map_only", "pro_team", "pro_other", "revoked"]
)
def test_circle_pages_only_for_the_circle_side(client, world, org, who):
    req = make_request(world["circle"], org)
    client.force_login(world["users"][who])
    circle = world["circle"].pk
    for url in (
        reverse("helprequests:list", args=[circle]),
        reverse("helprequests:new", args=[circle]),
        reverse("helprequests:detail", args=[circle, req.pk]),
    ):
        assert client.get(url).status_code == (200 if who in CIRCLE_SIDE else 403), url


@pytestmark_db
def test_coordinator_pages_only_for_the_addressed_organisation(client, world, org):
    req = make_request(world["circle"], org)
    other = volunteer_org("Humanitas")
    outsider = coordinator(other, "Olga")
    urls = [
        reverse("matching:open", args=[org.pk]),
        reverse("matching:shortlist", args=[org.pk, req.pk]),
        reverse("matching:batch", args=[org.pk]),
    ]
    assert client.get(urls[0]).status_code == 302  # anonymous → log in
    client.force_login(outsider.user)
    for url in urls:
        assert client.get(url).status_code == 403
    # Their own organisation's page does not show another organisation's request.
    assert client.get(reverse("matching:shortlist", args=[other.pk, req.pk])).status_code == 404
    # A professional of the circle's team is no coordinator either.
    client.force_login(world["users"]["pro_team"])
    assert client.get(urls[0]).status_code == 403
    # A volunteer of the organisation is not its coordinator.
    client.force_login(volunteer(org, "Vera2").person.user)
    assert client.get(urls[0]).status_code == 403


@pytestmark_db
def test_coordinator_sees_facts_not_the_circle(client, world, org):
    req = make_request(world["circle"], org)
    volunteer(org, "Anouk")
    client.force_login(coordinator(org).user)
    body = client.get(reverse("matching:shortlist", args=[org.pk, req.pk])).content.decode()
    assert "Op bezoek gaan" in body and "Noord" in body
    assert "Stel Anouk Vos voor" in body
    assert world["circle"].client.full_name not in body
    assert reverse("circles:detail", args=[world["circle"].pk]) not in body
    from samenspel.audit.models import AuditEvent

    assert AuditEvent.objects.filter(circle=world["circle"], object_type="help_request").exists()


@pytestmark_db
def test_coordinator_proposes_from_the_shortlist(client, world, org):
    req = make_request(world["circle"], org)
    vol = volunteer(org, "Anouk")
    client.force_login(coordinator(org).user)
    url = reverse("matching:propose", args=[org.pk, req.pk])
    response = client.post(url, {"volunteer": vol.pk})
    assert response.status_code == 302
    req.refresh_from_db()
    assert req.status == "proposed" and req.proposals.get().volunteer == vol
    # Again: refused with a message, no second proposal.
    again = client.post(url, {"volunteer": vol.pk}, follow=True)
    assert "al iemand voorgesteld" in again.content.decode()
    assert req.proposals.count() == 1


@pytestmark_db
def test_batch_page_compares_optimal_with_greedy_and_proposes(client, world, org):
    for _i in range(3):
        make_request(world["circle"], org, wanted_skills=["company"])
    for name in ("Anouk", "Bram"):
        volunteer(org, name)
    client.force_login(coordinator(org).user)
    url = reverse("matching:batch", args=[org.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["optimal_total"] >= page.context["greedy_total"]
    # Two volunteers with room for two matches each (MAX_ACTIVE_MATCHES) cover all three.
    assert page.context["proposable"] == 3
    client.post(url, {"pair": page.context["pairs"]})
    assert HelpRequest.objects.filter(status="proposed").count() == 3


# --- Query counts ---------------------------------------------------------------------------------


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytestmark_db
def test_open_requests_page_queries_do_not_grow(client, world, org):
    coord = coordinator(org)
    vol = volunteer(org, "Anouk")
    client.force_login(coord.user)
    url = reverse("matching:open", args=[org.pk])
    first = make_request(world["circle"], org)
    services.propose(first, vol, by=coord)
    few = _count(client, url)
    for _ in range(8):
        make_request(world["circle"], org)
    for name in ("B", "C", "D"):
        services.propose(make_request(world["circle"], org), volunteer(org, name), by=coord)
    assert _count(client, url) == few


@pytestmark_db
def test_shortlist_page_queries_do_not_grow(client, world, org):
    coord = coordinator(org)
    req = make_request(world["circle"], org)
    volunteer(org, "Anouk")
    client.force_login(coord.user)
    url = reverse("matching:shortlist", args=[org.pk, req.pk])
    few = _count(client, url)
    for i in range(15):
        volunteer(org, f"V{i}", vog_status="none" if i % 3 == 0 else "valid")
    other = make_request(world["circle"], org)
    services.propose(other, volunteer(org, "Busy"), by=coord)
    assert _count(client, url) == few


@pytestmark_db
def test_home_items(world, org):
    coord = coordinator(org)
    vol = volunteer(org, "Anouk")
    req = make_request(world["circle"], org)
    make_request(world["circle"], org)
    services.propose(req, vol, by=coord)
    items = selectors.home_items(coord)
    assert items["coordinator"][0]["open_requests"] == 1
    assert [p.help_request for p in selectors.home_items(vol.person)["volunteer"]] == [req]
    client_items = selectors.home_items(world["circle"].client)["circle"]
    assert [p.help_request for p in client_items] == [req]
    assert selectors.home_items(world["users"]["volunteer"].person)["circle"] == []
    assert selectors.home_items(None) == {
        "coordinator": [],
        "volunteer": [],
        "volunteer_introductions": [],
        "circle": [],
        "circle_following": [],
        "introductions": [],
    }


@pytestmark_db
def test_request_data_helper_matches_form_fields():
    assert set(request_data(None)) <= set(services.REQUEST_FIELDS)


@pytestmark_db
def test_demo_has_open_requests_and_proposals_in_every_state():
    from samenspel.demo.loader import SEED, load_demo
    from samenspel.helprequests.demo import add_demo_helprequests
    from samenspel.helprequests.models import Proposal

    load_demo()  # calls add_demo_helprequests
    today = timezone.localdate()
    assert HelpRequest.objects.count() >= 20
    assert add_demo_helprequests(today, SEED) == 0  # idempotent
    requests = HelpRequest.objects.all()
    assert requests.filter(status="open").count() >= 15
    sources = [r.source for r in requests]
    professional = sources.count("professional")
    assert abs(professional - (len(sources) - professional)) <= len(sources) // 5
    states = set(Proposal.objects.values_list("status", flat=True))
    assert states >= {"proposed", "accepted", "introduction", "started", "evaluated", "ended"}
    assert states >= {"declined"}
    declined = set(Proposal.objects.filter(status="declined").values_list("declined_by", flat=True))
    assert declined == {"volunteer", "client"}
    half = Proposal.objects.filter(status="proposed")
    assert half.filter(
        volunteer_accepted_at__isnull=False, client_accepted_at__isnull=True
    ).exists()
    assert half.filter(
        volunteer_accepted_at__isnull=True, client_accepted_at__isnull=False
    ).exists()
    anouk = selectors.home_items(_person("vrijwilliger"))
    assert anouk["volunteer"], "Anouk (demo login vrijwilliger) has a proposal to answer"
    assert selectors.home_items(_person("coordinator"))["coordinator"][0]["open_requests"] >= 15
    # No request for a reserved act exists, and every started volunteer is an agenda member.
    assert not requests.filter(task__reserved_act=True).exists()
    for p in Proposal.objects.filter(status__in=["started", "evaluated"]).select_related("member"):
        assert p.member.kind == "volunteer" and p.member.access_level == "agenda"
    # Kennismakingen at a visiting hour, not the clock time the demo ran.
    for p in Proposal.objects.filter(introduction_at__isnull=False):
        local = timezone.localtime(p.introduction_at)
        assert (local.hour, local.minute) == (10, 30)


def _person(username):
    from samenspel.accounts.models import User

    return User.objects.get(username=username).person


# --- Review fixes (issue 6) ----------------------------------------------------------------


@pytestmark_db
def test_batch_does_not_spend_volunteers_on_pairs_that_cannot_be_proposed(world, org):
    """Anouk fits best but declined this request before: the batch gives it to
    Bram instead of showing a pair that can never be made."""
    coord = coordinator(org)
    anouk = volunteer(org, "Anouk")
    bram = volunteer(org, "Bram", skills=[], languages=[], wijk="Zuid")
    req = make_request(world["circle"], org)
    p = services.propose(req, anouk, by=coord)
    services.decline(p, hr.Side.VOLUNTEER, "Geen tijd", by=None, expected_version=p.version)
    result = selectors.batch(org, timezone.localdate())
    assert result.optimal.pairs == {req.pk: bram.pk}
    assert result.greedy.pairs == {req.pk: bram.pk}
    # Family in the circle (a carer row, also when revoked) is not spent either.
    carer = world["members"]["carer"]
    revoked = world["members"]["revoked"]
    from samenspel.volunteers.models import VolunteerProfile

    family = {
        VolunteerProfile.objects.create(
            person=person,
            organisation=org,
            skills=["company", "walking"],
            languages=["nl"],
            availability=["0-morning"],
            wijk="Noord",
            vog_status="valid",
            vog_date=timezone.localdate(),
        ).pk
        for person in (carer.person, revoked.person)
    }
    second = make_request(world["circle"], org, "Samen wandelen", wanted_skills=["walking"])
    result = selectors.batch(org, timezone.localdate())
    assert not family & set(result.optimal.pairs.values())
    assert not family & set(result.greedy.pairs.values())
    assert result.optimal.pairs.get(second.pk) in (anouk.pk, bram.pk)


@pytestmark_db
def test_batch_post_makes_exactly_the_pairs_shown(client, world, org):
    coord = coordinator(org)
    anouk = volunteer(org, "Anouk")
    first = make_request(world["circle"], org)
    client.force_login(coord.user)
    url = reverse("matching:batch", args=[org.pk])
    page = client.get(url)
    assert page.context["pairs"] == [f"{first.pk}:{anouk.pk}"]
    assert f'name="pair" value="{first.pk}:{anouk.pk}"' in page.content.decode()
    # Meanwhile a new request and a better volunteer came: not part of what was seen.
    later = make_request(world["circle"], org)
    volunteer(org, "Bram")
    response = client.post(url, {"pair": page.context["pairs"]}, follow=True)
    assert "1 voorstellen gemaakt." in response.content.decode()
    assert first.proposals.get().volunteer == anouk
    assert not later.proposals.exists()
    # Posting the same again: refused per pair and counted as skipped.
    again = client.post(url, {"pair": page.context["pairs"] + ["x:1"]}, follow=True)
    assert "2 voorstellen zijn niet gemaakt" in again.content.decode()
    assert first.proposals.count() == 1
    # Nothing posted: no recomputation, a message.
    empty = client.post(url, follow=True)
    assert "Vink minstens één voorstel aan." in empty.content.decode()
    assert not later.proposals.exists()


@pytestmark_db
def test_batch_proposals_are_in_the_clients_audit_log(client, world, org):
    from samenspel.audit.models import AuditEvent

    coord = coordinator(org)
    volunteer(org, "Anouk")
    req = make_request(world["circle"], org)
    client.force_login(coord.user)
    url = reverse("matching:batch", args=[org.pk])
    pairs = client.get(url).context["pairs"]
    client.post(url, {"pair": pairs})
    proposal = req.proposals.get()
    event = AuditEvent.objects.get(circle=world["circle"], object_type="proposal", action="create")
    assert event.object_id == str(proposal.pk) and event.actor == coord.user


@pytestmark_db
def test_a_request_filed_with_a_wijk_gets_its_centre_and_distance_excludes(world, org):
    """Filed in the app (no address): the wijk's centre comes from the
    organisation's volunteers there, so a volunteer far away is excluded."""
    volunteer(org, "Anouk", wijk="Noord", latitude=52.10, longitude=5.12)
    volunteer(org, "Nina", wijk=" noord ", latitude=52.12, longitude=5.12)
    far = volunteer(org, "Verre", wijk="Elders", latitude=52.50, longitude=5.12)
    far.max_distance_km = 5
    far.save()
    req = make_request(world["circle"], org)  # circle wijk "Noord", no coordinates given
    assert req.latitude == pytest.approx(52.11) and req.longitude == pytest.approx(5.12)
    candidates, excluded = selectors.shortlist(req, timezone.localdate())
    assert far.pk in {row.profile.pk for row in excluded}
    assert far.pk not in {row.profile.pk for row in candidates}
    # A wijk without any known place keeps an unknown distance.
    other = make_request(world["circle"], org, wijk="Zuid")
    assert other.latitude is None and other.longitude is None


@pytestmark_db
def test_open_requests_page_shows_who_asked(client, world, org):
    circle = world["circle"]
    make_request(circle, org)
    services.file_request(circle, request_data(org), by=circle.client, source=hr.Source.CLIENT)
    other_org = volunteer_org("Humanitas")
    make_request(circle, other_org)  # another organisation's request is not counted
    client.force_login(coordinator(org).user)
    page = client.get(reverse("matching:open", args=[org.pk])).content.decode()
    assert "Wie vraagt om hulp?" in page
    assert "kwamen 2 hulpvragen binnen" in page
    assert "<td>1</td><td>50%</td>" in page


# --- Second review fixes ---------------------------------------------------------------


@pytestmark_db
def test_home_items_tell_who_waits(world, org, team):
    import datetime as dt

    from samenspel.circles.models import Member
    from samenspel.helprequests.models import Proposal

    coord = coordinator(org)
    vol = volunteer(org, "Anouk")
    pro_team = world["users"]["pro_team"].person
    carer = world["members"]["carer"].person
    req = make_request(world["circle"], org, by=carer)
    p = services.propose(req, vol, by=coord)
    old = timezone.now() - dt.timedelta(days=selectors.STALE_PROPOSAL_DAYS + 1)
    Proposal.objects.filter(pk=p.pk).update(created_at=old)
    items = selectors.home_items(coord)
    assert items["coordinator"][0]["stale_proposals"] == 1
    assert items["coordinator"][0]["evaluations_due"] == 0
    # The wijkteam with consent follows it; without consent not.
    assert [x.pk for x in selectors.home_items(pro_team)["circle_following"]] == [p.pk]
    circle = world["circle"]
    circle.team_consent = False
    circle.save()
    assert selectors.home_items(pro_team)["circle_following"] == []
    # A professional member with full access follows it; with agenda access not.
    pro = factories.add_member(circle, "professional", person=factories.person_with_login())
    assert [x.pk for x in selectors.home_items(pro.person)["circle_following"]] == [p.pk]
    Member.objects.filter(pk=pro.pk).update(access_level="agenda")
    assert selectors.home_items(pro.person)["circle_following"] == []
    # The carer who filed it answers it, so it is under "circle", not twice.
    carer_items = selectors.home_items(carer)
    assert [x.pk for x in carer_items["circle"]] == [p.pk]
    assert carer_items["circle_following"] == []
    # A kennismaking: the volunteer and the named professional see it.
    services.accept(p, hr.Side.VOLUNTEER, by=vol.person)
    services.accept(p, hr.Side.CLIENT, by=circle.client)
    p.refresh_from_db()
    at = timezone.now() + dt.timedelta(days=2)
    services.plan_introduction(
        p, at=at, with_person=pro.person, by=coord, expected_version=p.version
    )
    assert [x.pk for x in selectors.home_items(vol.person)["volunteer_introductions"]] == [p.pk]
    assert [x.pk for x in selectors.home_items(pro.person)["introductions"]] == [p.pk]
    Proposal.objects.filter(pk=p.pk).update(introduction_at=timezone.now() - dt.timedelta(days=2))
    assert selectors.home_items(vol.person)["volunteer_introductions"] == []
    assert selectors.home_items(pro.person)["introductions"] == []
    # Evaluations due: started, the date today or earlier.
    p.refresh_from_db()
    services.start(p, by=coord, expected_version=p.version)
    Proposal.objects.filter(pk=p.pk).update(evaluation_due=timezone.localdate())
    assert selectors.home_items(coord)["coordinator"][0]["evaluations_due"] == 1


@pytestmark_db
def test_home_items_queries_are_fixed(world, org, team):
    coord = coordinator(org)
    person = world["users"]["pro_team"].person
    employments = list(person.employments.select_related("organisation"))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            selectors.home_items(person, employments=employments)
            selectors.home_items(coord)
        return len(ctx.captured_queries)

    few = count()
    for name in ("A", "B", "C"):
        services.propose(make_request(world["circle"], org), volunteer(org, name), by=coord)
    assert count() == few


@pytestmark_db
def test_circle_side_sees_who_said_no_but_not_the_volunteers_reason(client, world, org):
    coord = coordinator(org)
    req = make_request(world["circle"], org)
    p = services.propose(req, volunteer(org, "Anouk"), by=coord)
    services.decline(
        p, hr.Side.VOLUNTEER, "Mijn moeder is ziek.", by=None, expected_version=p.version
    )
    q = services.propose(req, volunteer(org, "Bram"), by=coord)
    services.decline(q, hr.Side.CLIENT, "Liever een vrouw.", by=None, expected_version=q.version)
    client.force_login(world["users"]["carer"])
    body = client.get(reverse("helprequests:detail", args=[world["circle"].pk, req.pk]))
    body = body.content.decode()
    assert "De vrijwilliger zei nee." in body
    assert "Mijn moeder is ziek." not in body
    assert "Liever een vrouw." in body


@pytestmark_db
def test_request_page_shows_both_notes_and_queries_do_not_grow(client, world, org):
    import datetime as dt

    from samenspel.helprequests.models import Proposal

    coord = coordinator(org)
    req = make_request(world["circle"], org)
    client.force_login(world["users"]["client"])
    url = reverse("helprequests:detail", args=[world["circle"].pk, req.pk])

    def add(name):
        p = services.propose(req, volunteer(org, name), by=coord)
        services.decline(p, hr.Side.CLIENT, "Nee", by=None, expected_version=p.version)
        pro = factories.person_with_login(first_name=f"Pro{name}")
        Proposal.objects.filter(pk=p.pk).update(
            introduction_at=timezone.now() + dt.timedelta(days=1),
            introduction_with=pro,
            evaluation_note="Het klikt.",
            end_note="Verhuisd.",
        )

    add("A")
    few = _count(client, url)
    body = client.get(url).content.decode()
    assert "Het klikt." in body and "Verhuisd." in body
    for name in ("B", "C", "D"):
        add(name)
    assert _count(client, url) == few


# --- Plain words on the help-request pages (UX review at 360 px) ---------------------------


def _new_form(org, data=None, **kwargs):
    return HelpRequestForm(
        data,
        tasks=CareTask.objects.filter(is_active=True).order_by("category", "order", "name"),
        organisations=selectors.volunteer_organisations(),
        **kwargs,
    )


@pytestmark_db
def test_new_request_form_offers_no_nursing_and_refuses_it_in_plain_words(org):
    factories.care_task("Insuline spuiten")
    form = _new_form(org)
    offered = [name for _group, options in form.fields["task"].choices[1:] for _pk, name in options]
    assert "Op bezoek gaan" in offered
    nursing = CareTask.objects.filter(category=TaskCategory.NURSING)
    reserved = CareTask.objects.filter(reserved_act=True)
    assert nursing.exists() and reserved.exists()
    assert not set(offered) & {t.name for t in nursing | reserved}
    groups = [str(group) for group, _options in form.fields["task"].choices[1:]]
    assert any(g.startswith("Persoonlijke verzorging (alleen een opgeleide") for g in groups)
    posted = _new_form(
        org,
        {
            "task": factories.care_task("Insuline spuiten").pk,
            "details": "Elke ochtend.",
            "slots": ["0-morning"],
            "duration_minutes": "30",
            "frequency": "weekly",
            "urgency": "2",
            "organisation": org.pk,
        },
    )
    assert not posted.is_valid()
    assert posted.errors["task"] == ["Dit mag een vrijwilliger niet doen. Vraag de wijkverpleging."]


@pytestmark_db
def test_new_request_form_speaks_to_the_client_and_fills_in_what_it_can(org):
    form = _new_form(org, for_client=True)
    assert form.fields["languages"].label == "Welke talen spreekt u?"
    labels = dict(form.fields["preferences"].choices)
    assert labels["older_people"] == "Ik ben ouder" and labels["dementia"] == "Ik heb dementie"
    assert form["languages"].value() == ["nl"]
    assert form["organisation"].value() == org.pk  # the only volunteer organisation
    assert "vrijwilligerscentrale" in str(form.fields["organisation"].help_text)
    other = _new_form(org)
    assert dict(other.fields["preferences"].choices)["women_only"] == (
        "Alleen een vrouw als vrijwilliger"
    )
    volunteer_org("Tweede organisatie")
    assert _new_form(org)["organisation"].value() is None


@pytestmark_db
def test_new_request_page_shows_the_slot_grid_in_one_word_labels(client, world, org):
    client.force_login(world["users"]["client"])
    body = client.get(reverse("helprequests:new", args=[world["circle"].pk])).content.decode()
    assert '<table class="table availability">' in body
    assert body.count('name="slots"') == 21
    assert '<span class="visually-hidden">woensdagochtend</span>' in body
    assert "woensdag ochtend" not in body


@pytestmark_db
def test_slots_are_one_word_on_the_coordinator_pages(client, world, org):
    coord = coordinator(org)
    make_request(world["circle"], org, slots=["2-morning", "0-evening"])
    client.force_login(coord.user)
    body = client.get(reverse("matching:open", args=[org.pk])).content.decode()
    assert "maandagavond, woensdagochtend" in body or "woensdagochtend" in body
    assert "woensdag ochtend" not in body


@pytestmark_db
def test_open_list_counts_requests_with_a_proposal_and_links_the_running_matches(
    client, world, org
):
    coord = coordinator(org)
    first = make_request(world["circle"], org)
    make_request(world["circle"], org)
    services.propose(first, volunteer(org, "Anouk"), by=coord)
    client.force_login(coord.user)
    body = client.get(reverse("matching:open", args=[org.pk])).content.decode()
    assert "2 open hulpvragen, waarvan 1 al met een voorstel" in body
    assert '<section id="lopend"' in body


@pytestmark_db
def test_shortlist_says_who_was_asked_before(client, world, org):
    coord = coordinator(org)
    req = make_request(world["circle"], org)
    anouk = volunteer(org, "Anouk")
    proposal = services.propose(req, anouk, by=coord)
    services.decline(
        proposal, hr.Side.VOLUNTEER, "Te ver weg", by=anouk.person, expected_version=None
    )
    client.force_login(coord.user)
    body = client.get(reverse("matching:shortlist", args=[org.pk, req.pk])).content.decode()
    assert "Eerder gevraagd: Anouk Vos. Zij of hij zei nee." in body
    assert "<q>Te ver weg</q>" in body


@pytestmark_db
def test_volunteer_reads_the_reasons_about_herself(client, world, org):
    coord = coordinator(org)
    req = make_request(world["circle"], org)
    vera = volunteer(org)
    proposal = services.propose(req, vera, by=coord)
    client.force_login(vera.person.user)
    body = client.get(reverse("my_proposals:detail", args=[proposal.pk])).content.decode()
    assert "U kunt helpen met: gezelschap en een praatje" in body
    assert "Past bij wat de vrijwilliger zoekt" not in body
    assert "0 km" not in body
    english = client.get(
        reverse("my_proposals:detail", args=[proposal.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "You can help with: company and a chat" in english
    assert "Kan helpen met" not in english and "Can help with" not in english


@pytestmark_db
def test_a_proposal_stores_its_reasons_as_data_not_sentences(world, org):
    proposal = services.propose(make_request(world["circle"], org), volunteer(org), by=None)
    proposal.refresh_from_db()
    skills = next(r for r in proposal.reasons if r["msgid"] == "Kan helpen met: {skills}")
    assert skills["you"] == "U kunt helpen met: {skills}"
    assert skills["params"]["skills"]["labels"] == ["Gezelschap en een praatje"]
    assert all(set(r) == {"msgid", "you", "params"} for r in proposal.reasons)


@pytestmark_db
def test_coordinator_reads_the_stored_reasons_translated(client, world, org):
    coord = coordinator(org)
    proposal = services.propose(make_request(world["circle"], org), volunteer(org), by=coord)
    client.force_login(coord.user)
    url = reverse("matching:proposal", args=[org.pk, proposal.pk])
    body = client.get(url).content.decode()
    assert "Kan helpen met: gezelschap en een praatje" in body
    assert "U kunt helpen" not in body
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Can help with: company and a chat" in english
    assert "Kan helpen met" not in english


@pytestmark_db
def test_a_sentence_stored_before_reasons_were_data_is_shown_as_it_was(client, world, org):
    """The data migration wraps an old sentence as {"text": ...}; it is shown
    as written (it has no msgid), to the coordinator and to the volunteer."""
    from django.apps import apps

    migration = import_module("samenspel.helprequests.migrations.0003_reasons_as_data")
    coord = coordinator(org)
    vera = volunteer(org)
    proposal = services.propose(make_request(world["circle"], org), vera, by=coord)
    fresh = proposal.reasons[0]
    Proposal.objects.filter(pk=proposal.pk).update(reasons=["Kent de cliënt al", fresh])
    migration.forwards(apps, None)
    proposal.refresh_from_db()
    assert proposal.reasons == [{"text": "Kent de cliënt al"}, fresh]
    client.force_login(coord.user)
    body = client.get(reverse("matching:proposal", args=[org.pk, proposal.pk])).content.decode()
    assert "<li>Kent de cliënt al</li>" in body
    client.force_login(vera.person.user)
    body = client.get(reverse("my_proposals:detail", args=[proposal.pk])).content.decode()
    assert "<li>Kent de cliënt al</li>" in body
    migration.backwards(apps, None)
    proposal.refresh_from_db()
    assert proposal.reasons[0] == "Kent de cliënt al"
    assert isinstance(proposal.reasons[1], str)


@pytestmark_db
def test_coordinator_stops_a_proposal_in_plain_words(client, world, org):
    coord = coordinator(org)
    proposal = services.propose(make_request(world["circle"], org), volunteer(org), by=coord)
    client.force_login(coord.user)
    body = client.get(reverse("matching:proposal", args=[org.pk, proposal.pk])).content.decode()
    assert "Voorstel stoppen?" in body and "Stop dit voorstel" in body
    assert (
        'id="id_decline-reason_helptext">Schrijf kort waarom. Dit blijft bij de hulpvraag staan.'
        in body
    )
    assert "De coördinator zoekt dan verder." not in body


@pytestmark_db
def test_batch_rows_are_ticked_checkboxes_and_an_unticked_one_is_left_out(client, world, org):
    coord = coordinator(org)
    anouk, bram = volunteer(org, "Anouk"), volunteer(org, "Bram")
    first, second = make_request(world["circle"], org), make_request(world["circle"], org)
    client.force_login(coord.user)
    url = reverse("matching:batch", args=[org.pk])
    page = client.get(url)
    body = page.content.decode()
    pairs = page.context["pairs"]
    assert len(pairs) == 2
    for pair in pairs:
        assert f'type="checkbox" name="pair" value="{pair}"' in body
    assert 'type="hidden" name="pair"' not in body
    assert "Maak de aangevinkte voorstellen" in body
    assert "<summary>Vergelijking met de snelle verdeling</summary>" in body
    kept = pairs[0]
    client.post(url, {"pair": [kept]})
    made = [p for r in (first, second) for p in r.proposals.all()]
    assert [f"{p.help_request_id}:{p.volunteer_id}" for p in made] == [kept]
    assert {anouk.pk, bram.pk} >= {p.volunteer_id for p in made}
