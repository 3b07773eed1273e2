"""The proposal workflow: every step, refused steps, declining, the start."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.circles.access import relationship
from samenspel.circles.models import Member
from samenspel.domain import helprequests as hr
from samenspel.domain.access import Perm, permissions
from samenspel.helprequests import services
from samenspel.helprequests.models import HelpRequest, Proposal
from tests import factories
from tests.helprequests_support import coordinator, make_request, volunteer, volunteer_org

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    org = volunteer_org()
    coord = coordinator(org)
    vol = volunteer(org, "Anouk")
    req = make_request(world["circle"], org)
    return {"org": org, "coord": coord, "vol": vol, "req": req, "circle": world["circle"]}


def _proposal(setup):
    return services.propose(setup["req"], setup["vol"], by=setup["coord"])


def _fresh(obj):
    obj.refresh_from_db()
    return obj


def _to_introduction(setup):
    p = _proposal(setup)
    services.accept(p, hr.Side.VOLUNTEER, by=setup["vol"].person)
    services.accept(p, hr.Side.CLIENT, by=setup["circle"].client)
    at = timezone.now() + dt.timedelta(days=3)
    services.plan_introduction(
        p, at=at, with_person=setup["coord"], by=setup["coord"], expected_version=p.version
    )
    return p


# --- Domain table -------------------------------------------------------------


def test_domain_accept_needs_both_sides():
    state = hr.ProposalState(hr.ProposalStatus.PROPOSED)
    one = hr.after_accept(state, hr.Side.VOLUNTEER)
    assert one.status == hr.ProposalStatus.PROPOSED
    assert hr.waiting_on(one) == {hr.Side.CLIENT}
    both = hr.after_accept(one, hr.Side.CLIENT)
    assert both.status == hr.ProposalStatus.ACCEPTED
    assert not hr.allowed(both, hr.Step.ACCEPT, hr.Side.CLIENT)


@pytest.mark.parametrize(
    "status,step,side,ok",
    [
        ("proposed", "start", "coordinator", False),
        ("proposed", "plan_introduction", "coordinator", False),
        ("accepted", "plan_introduction", "coordinator", True),
        ("accepted", "plan_introduction", "client", False),
        ("introduction", "start", "coordinator", True),
        ("introduction", "start", "volunteer", False),
        ("started", "decline", "client", False),
        ("started", "evaluate", "coordinator", True),
        ("evaluated", "end", "coordinator", True),
        ("ended", "evaluate", "coordinator", False),
        ("declined", "accept", "volunteer", False),
        ("introduction", "decline", "volunteer", True),
    ],
)
def test_domain_allowed_table(status, step, side, ok):
    state = hr.ProposalState(hr.ProposalStatus(status))
    assert hr.allowed(state, hr.Step(step), hr.Side(side)) is ok


def test_domain_request_status_follows_proposals():
    open_ = hr.RequestStatus.OPEN
    assert hr.request_status_for(["declined"], hr.RequestStatus.PROPOSED) == open_
    assert hr.request_status_for(["declined", "proposed"], open_) == hr.RequestStatus.PROPOSED
    assert hr.request_status_for(["started"], open_) == hr.RequestStatus.MATCHED
    assert hr.request_status_for(["ended"], hr.RequestStatus.MATCHED) == hr.RequestStatus.CLOSED
    assert hr.request_status_for(["proposed"], hr.RequestStatus.WITHDRAWN) == "withdrawn"


# --- Services -----------------------------------------------------------------------


def test_whole_workflow_until_ended(setup):
    p = _proposal(setup)
    assert _fresh(setup["req"]).status == hr.RequestStatus.PROPOSED
    p = services.accept(p, hr.Side.VOLUNTEER, by=setup["vol"].person)
    assert p.status == hr.ProposalStatus.PROPOSED and p.volunteer_accepted_at
    p = services.accept(p, hr.Side.CLIENT, by=setup["circle"].client)
    assert p.status == hr.ProposalStatus.ACCEPTED
    assert p.client_accepted_by == setup["circle"].client
    at = timezone.now() + dt.timedelta(days=3)
    p = services.plan_introduction(
        p, at=at, with_person=setup["coord"], by=setup["coord"], expected_version=p.version
    )
    assert p.status == hr.ProposalStatus.INTRODUCTION
    p = services.start(p, by=setup["coord"], expected_version=p.version)
    assert p.status == hr.ProposalStatus.STARTED
    assert p.evaluation_due == p.started_on + dt.timedelta(days=hr.EVALUATION_AFTER_DAYS)
    assert _fresh(setup["req"]).status == hr.RequestStatus.MATCHED
    p = services.evaluate(
        p, on=timezone.localdate(), note="Gaat goed.", by=setup["coord"], expected_version=p.version
    )
    assert p.status == hr.ProposalStatus.EVALUATED and p.evaluation_note == "Gaat goed."
    p = services.end(p, by=setup["coord"], expected_version=p.version)
    assert p.status == hr.ProposalStatus.ENDED
    assert _fresh(setup["req"]).status == hr.RequestStatus.CLOSED
    # Need to know: the member row the match made is revoked again.
    assert not Member.objects.get(pk=p.member_id).is_active


def test_start_makes_exactly_one_member_with_agenda_access(setup):
    p = _to_introduction(setup)
    p = services.start(p, by=setup["coord"], expected_version=p.version)
    members = Member.objects.filter(circle=setup["circle"], person=setup["vol"].person)
    assert members.count() == 1
    member = members.get()
    assert member.kind == "volunteer"
    assert member.access_level == "agenda"
    assert member.organisation == setup["org"]
    assert member.is_active and p.member == member and p.member_created
    # The level shows the circle and agenda, not details, audit or agreements work.
    perms = permissions(relationship(setup["vol"].person.user, setup["circle"]))
    assert Perm.VIEW_CIRCLE in perms and Perm.VIEW_AGENDA in perms
    assert Perm.VIEW_DETAILS not in perms and Perm.VIEW_AUDIT not in perms
    assert Perm.MANAGE_AGREEMENTS not in perms

    # Starting again (double POST, stale page) changes nothing and says why.
    with pytest.raises(services.WorkflowError) as error:
        services.start(p, by=setup["coord"], expected_version=p.version)
    assert error.value.code == services.NOT_ALLOWED
    with pytest.raises(services.WorkflowError) as error:
        services.start(p, by=setup["coord"], expected_version=p.version - 1)
    assert error.value.code == services.CONFLICT
    assert members.count() == 1


def test_ensure_member_is_idempotent_and_keeps_existing_row(setup):
    p = _to_introduction(setup)
    existing = factories.add_member(
        setup["circle"], "volunteer", person=setup["vol"].person, access_level="full"
    )
    p = services.start(p, by=setup["coord"], expected_version=p.version)
    assert p.member == existing and not p.member_created
    p = Proposal.objects.select_related("help_request__task", "volunteer").get(pk=p.pk)
    member, created = services.ensure_member(p)
    assert member == existing and not created
    assert _fresh(existing).access_level == "full"  # the client's choice stays


def test_illegal_steps_are_refused(setup):
    p = _proposal(setup)
    with pytest.raises(services.WorkflowError):
        services.start(p, by=setup["coord"], expected_version=p.version)
    with pytest.raises(services.WorkflowError):
        services.plan_introduction(
            p, at=timezone.now(), with_person=None, by=setup["coord"], expected_version=p.version
        )
    with pytest.raises(services.WorkflowError):
        services.evaluate(p, on=timezone.localdate(), note="x", by=None, expected_version=p.version)
    with pytest.raises(services.WorkflowError):
        services.end(p, by=None, expected_version=p.version)
    services.accept(p, hr.Side.VOLUNTEER, by=None)
    with pytest.raises(services.WorkflowError) as error:
        services.accept(p, hr.Side.VOLUNTEER, by=None)
    assert error.value.code == services.NOT_ALLOWED
    with pytest.raises(services.WorkflowError):
        services.accept(p, hr.Side.COORDINATOR, by=None)
    assert Member.objects.filter(person=setup["vol"].person).count() == 0


def test_decline_needs_a_reason_and_reopens_the_request(setup):
    p = _proposal(setup)
    with pytest.raises(services.WorkflowError) as error:
        services.decline(p, hr.Side.CLIENT, "   ", by=None, expected_version=p.version)
    assert error.value.code == services.NO_REASON
    p = services.decline(
        p, hr.Side.CLIENT, "Mevrouw wil liever iemand ouder.", by=None, expected_version=p.version
    )
    assert p.status == hr.ProposalStatus.DECLINED and p.declined_by == "client"
    assert _fresh(setup["req"]).status == hr.RequestStatus.OPEN
    # The same volunteer is not proposed again for this request.
    with pytest.raises(services.WorkflowError) as error:
        services.propose(setup["req"], setup["vol"], by=setup["coord"])
    assert error.value.code == services.NOT_A_MATCH


def test_volunteer_can_decline_at_introduction_but_not_after_start(setup):
    p = _to_introduction(setup)
    p = services.decline(
        p, hr.Side.VOLUNTEER, "Het past niet in mijn week.", by=None, expected_version=p.version
    )
    assert p.status == hr.ProposalStatus.DECLINED
    assert _fresh(setup["req"]).status == hr.RequestStatus.OPEN


def test_stale_decline_is_a_conflict(setup):
    p = _proposal(setup)
    old = p.version
    services.accept(p, hr.Side.VOLUNTEER, by=None)
    with pytest.raises(services.WorkflowError) as error:
        services.decline(p, hr.Side.CLIENT, "Toch niet", by=None, expected_version=old)
    assert error.value.code == services.CONFLICT


def test_second_proposal_for_a_proposed_request_is_refused(setup):
    _proposal(setup)
    other = volunteer(setup["org"], "Bram")
    with pytest.raises(services.WorkflowError) as error:
        services.propose(setup["req"], other, by=setup["coord"])
    assert error.value.code == services.NOT_ALLOWED


def test_withdraw_declines_open_proposals(setup):
    p = _proposal(setup)
    req = _fresh(setup["req"])
    services.withdraw_request(req, expected_version=req.version, by=None)
    assert _fresh(req).status == hr.RequestStatus.WITHDRAWN
    assert _fresh(p).status == hr.ProposalStatus.DECLINED
    with pytest.raises(services.WorkflowError):
        services.withdraw_request(req, expected_version=_fresh(req).version, by=None)


def test_batch_makes_proposals_for_optimal_pairs(setup):
    from samenspel.helprequests import selectors

    second = make_request(
        setup["circle"], setup["org"], "Samen wandelen", wanted_skills=["walking"]
    )
    volunteer(setup["org"], "Bram", skills=["walking"])
    result = selectors.batch(setup["org"], timezone.localdate())
    assert set(result.optimal.pairs) == {setup["req"].pk, second.pk}
    assert result.optimal.total_score >= result.greedy.total_score
    made, skipped = services.propose_batch(setup["org"], result.optimal.pairs, by=setup["coord"])
    assert (len(made), skipped) == (2, 0)
    assert HelpRequest.objects.filter(status="proposed").count() == 2


# --- Pages ---------------------------------------------------------------------------


def _login(client, person):
    client.force_login(person.user)


def test_volunteer_page_lists_and_answers_own_proposals(client, setup):
    p = _proposal(setup)
    _login(client, setup["vol"].person)
    page = client.get(reverse("my_proposals:list"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Op bezoek gaan" in body
    assert "Greet" not in body  # only the request's facts until the start
    response = client.post(
        reverse("my_proposals:answer", args=[p.pk]), {"answer": "accept", "version": p.version}
    )
    assert response.status_code == 302
    assert _fresh(p).volunteer_accepted_at is not None
    # A double POST gives a message, not a crash.
    again = client.post(
        reverse("my_proposals:answer", args=[p.pk]),
        {"answer": "accept", "version": p.version},
        follow=True,
    )
    assert "kan nu niet meer" in again.content.decode()


def test_volunteer_decline_without_reason_keeps_the_page(client, setup):
    p = _proposal(setup)
    _login(client, setup["vol"].person)
    response = client.post(
        reverse("my_proposals:answer", args=[p.pk]),
        {"answer": "decline", f"p{p.pk}-version": p.version, f"p{p.pk}-reason": " "},
    )
    assert response.status_code == 400
    assert "Schrijf kort waarom het niet past." in response.content.decode()
    assert _fresh(p).status == hr.ProposalStatus.PROPOSED


def test_other_volunteer_gets_404(client, setup):
    p = _proposal(setup)
    other = volunteer(setup["org"], "Bram")
    _login(client, other.person)
    assert client.get(reverse("my_proposals:detail", args=[p.pk])).status_code == 404
    response = client.post(
        reverse("my_proposals:answer", args=[p.pk]), {"answer": "accept", "version": p.version}
    )
    assert response.status_code == 404
    assert _fresh(p).volunteer_accepted_at is None


def test_volunteer_sees_circle_link_only_after_start(client, setup):
    p = _to_introduction(setup)
    _login(client, setup["vol"].person)
    url = reverse("my_proposals:detail", args=[p.pk])
    circle_url = reverse("circles:detail", args=[setup["circle"].pk])
    assert circle_url not in client.get(url).content.decode()
    services.start(p, by=setup["coord"], expected_version=_fresh(p).version)
    assert circle_url in client.get(url).content.decode()
    assert client.get(circle_url).status_code == 200
    assert client.get(reverse("circles:audit", args=[setup["circle"].pk])).status_code == 403


def test_client_side_answers_on_the_request_page(client, setup, world):
    p = _proposal(setup)
    _login(client, setup["circle"].client)
    url = reverse("helprequests:answer", args=[setup["circle"].pk, p.pk])
    response = client.post(url, {"answer": "decline", f"p{p.pk}-version": p.version})
    assert response.status_code == 400
    assert "Schrijf kort waarom het niet past." in response.content.decode()
    client.post(url, {"answer": "accept", "version": p.version})
    assert _fresh(p).client_accepted_at is not None
    # The volunteer of the circle (agenda level) may not answer for the client.
    _login(client, world["users"]["volunteer"].person)
    assert client.post(url, {"answer": "accept"}).status_code == 403


def test_proposal_of_another_circle_is_404(client, setup, team):
    p = _proposal(setup)
    other = factories.make_circle(team=team, client=factories.person_with_login())
    _login(client, other.client)
    url = reverse("helprequests:answer", args=[other.pk, p.pk])
    assert client.post(url, {"answer": "accept"}).status_code == 404


def test_coordinator_steps_through_pages(client, setup):
    p = _proposal(setup)
    services.accept(p, hr.Side.VOLUNTEER, by=None)
    services.accept(p, hr.Side.CLIENT, by=None)
    p = _fresh(p)
    _login(client, setup["coord"])
    org = setup["org"].pk
    page = client.get(reverse("matching:proposal", args=[org, p.pk]))
    assert page.status_code == 200
    step = reverse("matching:proposal_step", args=[org, p.pk])
    # Bad input keeps the form with a Dutch error.
    bad = client.post(step, {"step": "plan_introduction", "intro-version": p.version})
    assert bad.status_code == 400 and "Kies een datum." in bad.content.decode()
    pro = setup["circle"].team.employments.first().person
    when = timezone.localdate() + dt.timedelta(days=2)
    client.post(
        step,
        {
            "step": "plan_introduction",
            "intro-version": p.version,
            "intro-date": when.isoformat(),
            "intro-time": "10:30",
            "intro-professional": pro.pk,
        },
    )
    p = _fresh(p)
    assert p.status == hr.ProposalStatus.INTRODUCTION and p.introduction_with == pro
    client.post(step, {"step": "start", "start-version": p.version})
    assert _fresh(p).status == hr.ProposalStatus.STARTED
    # The same click again: a clear message.
    again = client.post(step, {"step": "start", "start-version": p.version}, follow=True)
    assert "Dit kan nu niet meer." in again.content.decode()
    assert Member.objects.filter(person=setup["vol"].person, circle=setup["circle"]).count() == 1


# --- Review fixes (issue 6) ------------------------------------------------------------


def _start(p, setup, client_side=None):
    """Both sides say yes, a kennismaking is planned, the coordinator starts."""
    services.accept(p, hr.Side.VOLUNTEER, by=p.volunteer.person)
    services.accept(p, hr.Side.CLIENT, by=client_side or setup["circle"].client)
    p = _fresh(p)
    services.plan_introduction(
        p,
        at=timezone.now() + dt.timedelta(days=1),
        with_person=setup["coord"],
        by=setup["coord"],
        expected_version=p.version,
    )
    p = _fresh(p)
    return services.start(p, by=setup["coord"], expected_version=p.version)


def _profile_for(person, org, **values):
    from samenspel.volunteers.models import VolunteerProfile

    defaults = {
        "skills": ["company"],
        "motives": ["social_contact"],
        "languages": ["nl"],
        "availability": ["0-morning"],
        "wijk": "Noord",
        "vog_status": "valid",
        "vog_date": timezone.localdate() - dt.timedelta(days=10),
    }
    return VolunteerProfile.objects.create(
        person=person, organisation=org, **{**defaults, **values}
    )


def test_a_revoked_carer_is_not_proposable_and_never_restored(setup, world):
    """Privacy: the client took this carer's access away; becoming a volunteer
    of the organisation must not bring them back into the circle."""
    revoked = world["members"]["revoked"]
    vp = _profile_for(revoked.person, setup["org"])
    req = make_request(setup["circle"], setup["org"], "Samen wandelen")
    with pytest.raises(services.WorkflowError) as error:
        services.propose(req, vp, by=setup["coord"])
    assert error.value.code == services.NOT_A_MATCH
    assert "Alleen de cliënt kan die toegang teruggeven." in " ".join(error.value.detail)
    # Even a proposal that got through earlier cannot start.
    p = Proposal.objects.create(help_request=req, volunteer=vp, score=50, reasons=[])
    p = Proposal.objects.select_related("help_request__task", "volunteer").get(pk=p.pk)
    with pytest.raises(services.WorkflowError) as error:
        services.ensure_member(p)
    assert error.value.code == services.ACCESS_REVOKED
    assert not _fresh(revoked).is_active


def test_a_revoked_volunteer_row_is_not_restored_by_start(setup):
    p = _to_introduction(setup)
    row = factories.add_member(setup["circle"], "volunteer", person=setup["vol"].person)
    from samenspel.circles.services import revoke_member

    revoke_member(row)
    with pytest.raises(services.WorkflowError) as error:
        services.start(p, by=setup["coord"], expected_version=_fresh(p).version)
    assert error.value.code == services.NOT_A_MATCH
    assert not _fresh(row).is_active
    assert _fresh(p).status == hr.ProposalStatus.INTRODUCTION


def test_ensure_member_refuses_a_row_in_another_role(setup, world):
    carer = world["members"]["carer"]
    vp = _profile_for(carer.person, setup["org"])
    req = make_request(setup["circle"], setup["org"], "Samen wandelen")
    p = Proposal.objects.create(help_request=req, volunteer=vp, score=50, reasons=[])
    p = Proposal.objects.select_related("help_request__task", "volunteer").get(pk=p.pk)
    with pytest.raises(services.WorkflowError) as error:
        services.ensure_member(p)
    assert error.value.code == services.OTHER_ROLE
    assert _fresh(carer).kind == "carer"


def test_member_row_goes_when_the_last_of_two_matches_ends(setup):
    vol = setup["vol"]
    vol.availability = ["0-morning", "2-afternoon"]
    vol.save()
    second = make_request(setup["circle"], setup["org"], slots=["2-afternoon"])
    p1 = _start(_proposal(setup), setup)
    p2 = _start(services.propose(second, vol, by=setup["coord"]), setup)
    assert p1.member_created and not p2.member_created and p1.member_id == p2.member_id
    p1 = services.end(p1, by=setup["coord"], expected_version=p1.version)
    assert Member.objects.get(pk=p1.member_id).is_active  # still helps through p2
    services.end(p2, by=setup["coord"], expected_version=p2.version)
    assert not Member.objects.get(pk=p1.member_id).is_active


def test_a_row_the_client_made_stays_after_the_match(setup):
    row = factories.add_member(setup["circle"], "volunteer", person=setup["vol"].person)
    p = _start(_proposal(setup), setup)
    assert not p.member_created
    services.end(p, by=setup["coord"], expected_version=p.version)
    assert _fresh(row).is_active


def test_start_and_accept_check_the_pair_again(setup, client):
    p = _proposal(setup)
    vol = setup["vol"]
    vol.vog_status = "none"
    vol.vog_date = None
    vol.save()
    with pytest.raises(services.WorkflowError) as error:
        services.accept(p, hr.Side.VOLUNTEER, by=vol.person)
    assert error.value.code == services.NOT_A_MATCH
    assert any("VOG" in r for r in error.value.detail)
    vol.vog_status = "valid"
    vol.vog_date = timezone.localdate() - dt.timedelta(days=10)
    vol.save()
    services.decline(p, hr.Side.COORDINATOR, "Opnieuw", by=None, expected_version=_fresh(p).version)
    p = _to_introduction({**setup, "req": make_request(setup["circle"], setup["org"])})
    vol.is_active = False
    vol.save()
    with pytest.raises(services.WorkflowError) as error:
        services.start(p, by=setup["coord"], expected_version=_fresh(p).version)
    assert error.value.code == services.NOT_A_MATCH
    assert _fresh(p).status == hr.ProposalStatus.INTRODUCTION
    # The coordinator's page says why; no crash.
    _login(client, setup["coord"])
    step = reverse("matching:proposal_step", args=[setup["org"].pk, p.pk])
    page = client.post(step, {"step": "start", "start-version": _fresh(p).version}, follow=True)
    assert "niet meer actief" in page.content.decode()
    # The volunteer gets a plain message, no reasons.
    vol.is_active = True
    vol.save()
    q = _proposal({**setup, "req": make_request(setup["circle"], setup["org"])})
    vol.vog_status = "none"
    vol.save()
    _login(client, vol.person)
    answer = client.post(
        reverse("my_proposals:answer", args=[q.pk]),
        {"answer": "accept", "version": q.version},
        follow=True,
    )
    assert "kan deze hulp nu niet doen" in answer.content.decode()


@pytest.mark.skipif(
    not __import__("django.db").db.connection.features.has_select_for_update,
    reason="row locks need a database that has them",
)
def test_propose_locks_the_volunteer_before_counting(setup):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        _proposal(setup)
    locked = [
        q["sql"]
        for q in ctx.captured_queries
        if "FOR UPDATE" in q["sql"] and "volunteers_volunteerprofile" in q["sql"]
    ]
    assert locked


def test_volunteer_sees_only_who_said_no_not_the_client_sides_reason(client, setup):
    p = _proposal(setup)
    services.decline(
        p, hr.Side.CLIENT, "Mevrouw is bang voor mannen.", by=None, expected_version=p.version
    )
    _login(client, setup["vol"].person)
    body = client.get(reverse("my_proposals:detail", args=[p.pk])).content.decode()
    assert "bang voor mannen" not in body
    assert "De kant van de cliënt zei nee." in body
    assert "bang voor mannen" not in client.get(reverse("my_proposals:list")).content.decode()
    # Their own reason they do see.
    q = _proposal({**setup, "req": make_request(setup["circle"], setup["org"])})
    services.decline(
        q, hr.Side.VOLUNTEER, "Geen tijd op maandag.", by=None, expected_version=q.version
    )
    body = client.get(reverse("my_proposals:detail", args=[q.pk])).content.decode()
    assert "Geen tijd op maandag." in body


def test_volunteer_reads_before_the_start_are_audited(client, setup):
    from samenspel.audit.models import AuditEvent

    p = _proposal(setup)
    _login(client, setup["vol"].person)
    views = AuditEvent.objects.filter(
        circle=setup["circle"], object_type="proposal", action="view", object_id=str(p.pk)
    )
    client.get(reverse("my_proposals:detail", args=[p.pk]))
    assert views.count() == 1
    client.get(reverse("my_proposals:list"))
    assert views.count() == 2


def test_volunteer_list_page_queries_do_not_grow(client, setup, team):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    vol = setup["vol"]
    _proposal(setup)
    _login(client, vol.person)
    url = reverse("my_proposals:list")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for i in range(4):
        other = factories.make_circle(
            team=team, client=factories.person_with_login(first_name=f"C{i}")
        )
        p = services.propose(make_request(other, setup["org"]), vol, by=setup["coord"])
        services.decline(p, hr.Side.VOLUNTEER, "Nee", by=None, expected_version=p.version)
    assert count() == few


# --- Second review fixes ---------------------------------------------------------------


def _end(p, setup, note=""):
    p = _fresh(p)
    return services.end(p, note=note, by=setup["coord"], expected_version=p.version)


def test_a_volunteer_whose_match_ended_can_be_proposed_again(setup):
    """The end closed the row, not the client: a new match may reopen it (at
    agenda level) and the start does so, on the same row."""
    p = _end(_start(_proposal(setup), setup), setup)
    row = Member.objects.get(pk=p.member_id)
    assert not row.is_active and p.member_revoked_at == row.revoked_at
    again = make_request(setup["circle"], setup["org"], "Samen wandelen")
    q = _start(services.propose(again, setup["vol"], by=setup["coord"]), setup)
    row = _fresh(row)
    assert q.member_id == row.pk and q.member_created
    assert row.is_active and row.access_level == "agenda"
    # The client takes the access away now: that one stays refused.
    from samenspel.circles.services import revoke_member

    revoke_member(row)
    third = make_request(setup["circle"], setup["org"], "Op bezoek gaan")
    with pytest.raises(services.WorkflowError) as error:
        services.propose(third, setup["vol"], by=setup["coord"])
    assert error.value.code == services.NOT_A_MATCH


def test_a_row_the_client_reopened_and_revoked_stays_refused(setup):
    from samenspel.circles.services import restore_member, revoke_member

    p = _end(_start(_proposal(setup), setup), setup)
    row = restore_member(Member.objects.get(pk=p.member_id), "agenda")
    revoke_member(row)
    again = make_request(setup["circle"], setup["org"], "Samen wandelen")
    with pytest.raises(services.WorkflowError) as error:
        services.propose(again, setup["vol"], by=setup["coord"])
    assert error.value.code == services.NOT_A_MATCH
    stale = Proposal.objects.create(help_request=again, volunteer=setup["vol"], score=1)
    stale = Proposal.objects.select_related("help_request__task", "volunteer").get(pk=stale.pk)
    with pytest.raises(services.WorkflowError) as error:
        services.ensure_member(stale)
    assert error.value.code == services.ACCESS_REVOKED


def test_start_refuses_a_row_only_on_the_map(setup, client):
    from samenspel.helprequests import selectors

    row = factories.add_member(
        setup["circle"], "volunteer", person=setup["vol"].person, access_level="map_only"
    )
    pool = selectors.volunteer_pool(setup["org"], timezone.localdate())
    assert setup["circle"].pk not in pool.facts[0].circle_ids  # no continuity bonus
    p = _to_introduction(setup)
    with pytest.raises(services.WorkflowError) as error:
        services.start(p, by=setup["coord"], expected_version=_fresh(p).version)
    assert error.value.code == services.MAP_ONLY
    assert _fresh(p).status == hr.ProposalStatus.INTRODUCTION
    assert _fresh(row).access_level == "map_only"
    _login(client, setup["coord"])
    step = reverse("matching:proposal_step", args=[setup["org"].pk, p.pk])
    page = client.post(step, {"step": "start", "start-version": _fresh(p).version}, follow=True)
    assert "eerst toegang geven tot het netwerk" in page.content.decode()


def test_volunteer_opens_the_circle_only_while_the_row_opens_it(setup):
    from samenspel.circles.services import revoke_member, set_access_level
    from samenspel.helprequests import policy

    p = _start(_proposal(setup), setup)

    def may():
        return policy.may_open_circle(Proposal.objects.select_related("member").get(pk=p.pk))

    assert may()
    set_access_level(Member.objects.get(pk=p.member_id), "map_only")
    assert not may()
    revoke_member(Member.objects.get(pk=p.member_id))
    assert not may()


def test_end_keeps_the_evaluation_note(setup):
    p = _start(_proposal(setup), setup)
    p = services.evaluate(
        p, on=timezone.localdate(), note="Het klikt.", by=setup["coord"], expected_version=p.version
    )
    p = _end(p, setup, note="De cliënt verhuist.")
    assert p.evaluation_note == "Het klikt." and p.end_note == "De cliënt verhuist."


def test_coordinator_and_member_steps_are_audited_with_one_role(client, setup, world):
    from samenspel.audit.models import AuditEvent

    p = _to_introduction(setup)
    _login(client, setup["coord"])
    step = reverse("matching:proposal_step", args=[setup["org"].pk, p.pk])
    client.get(reverse("matching:proposal", args=[setup["org"].pk, p.pk]))
    client.post(step, {"step": "start", "start-version": _fresh(p).version})
    p = _fresh(p)
    client.post(step, {"step": "end", "end-version": p.version, "end-note": "Klaar."})
    events = AuditEvent.objects.filter(circle=setup["circle"], actor=setup["coord"].user)
    assert set(events.values_list("actor_role", flat=True)) == {"coordinator"}
    member = events.filter(object_type="member", object_id=str(p.member_id))
    assert set(member.values_list("action", flat=True)) == {"create", "revoke"}
    # The volunteer's own reads carry their role.
    q = _proposal({**setup, "req": make_request(setup["circle"], setup["org"], "Samen wandelen")})
    _login(client, setup["vol"].person)
    client.get(reverse("my_proposals:detail", args=[q.pk]))
    own = AuditEvent.objects.filter(actor=setup["vol"].person.user, object_type="proposal")
    assert set(own.values_list("actor_role", flat=True)) == {"volunteer"}
    # The client reads it in plain words.
    client.force_login(world["users"]["client"])
    page = client.get(reverse("circles:audit", args=[setup["circle"].pk])).content.decode()
    assert "Vrijwilligerscoördinator" in page
    assert "Een voorstel voor een vrijwilliger" in page
    assert "volunteer_coordinator" not in page


def test_kennismaking_professionals_follow_consent_and_access(setup, world, team):
    from samenspel.helprequests import selectors

    circle = setup["circle"]
    full = factories.add_member(circle, "professional", person=factories.person_with_login())
    factories.add_member(
        circle, "professional", person=factories.person_with_login(), access_level="agenda"
    )
    team_pro = world["users"]["pro_team"].person
    names = set(selectors.introduction_professionals(setup["req"]))
    assert names == {full.person, team_pro}
    circle.team_consent = False
    circle.save()
    req = HelpRequest.objects.select_related("circle").get(pk=setup["req"].pk)
    assert selectors.introduction_professionals(req) == [full.person]


def test_coordinator_page_lists_professionals_only_when_planning(client, setup):
    p = _proposal(setup)
    _login(client, setup["coord"])
    url = reverse("matching:proposal", args=[setup["org"].pk, p.pk])
    assert not client.get(url).context["professionals"].exists()
    services.accept(p, hr.Side.VOLUNTEER, by=setup["vol"].person)
    services.accept(p, hr.Side.CLIENT, by=setup["circle"].client)
    assert client.get(url).context["professionals"].exists()
