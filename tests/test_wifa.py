"""WIFA pages for the volunteer coordinator: access, adding entries, reminders,
audit rows, query counts, start-page reminders and the demo."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from samenspel.audit.models import AuditEvent
from samenspel.circles.models import Member
from samenspel.volunteers.models import VolunteerAgreement, VolunteerProfile
from samenspel.wifa import selectors, services
from samenspel.wifa.demo import add_demo_wifa
from samenspel.wifa.models import WifaEntry
from tests import factories

pytestmark = pytest.mark.django_db

MAX_OVERVIEW_QUERIES = 14


def _org(name="De Schakel"):
    return factories.OrganisationFactory(name=name, kind="volunteer_organisation")


def _coordinator(org, **person):
    person = factories.person_with_login(**person)
    factories.EmploymentFactory(person=person, organisation=org, discipline="volunteer_coordinator")
    return person


def _volunteer(org, *, login=False, days_ago=0, **person):
    person = factories.person_with_login(**person) if login else factories.PersonFactory(**person)
    profile = VolunteerProfile.objects.create(person=person, organisation=org)
    if days_ago:
        VolunteerProfile.objects.filter(pk=profile.pk).update(
            created_at=timezone.now() - dt.timedelta(days=days_ago)
        )
        profile.refresh_from_db()
    return profile


def _pair(profile, *, days_ago=0, pro_name="Petra", client=None, **volunteer_member):
    """Put the volunteer (there for their own organisation) and a professional in
    one client's circle."""
    circle = factories.make_circle(client=client)
    volunteer_member.setdefault("organisation", profile.organisation)
    vol = factories.add_member(circle, "volunteer", person=profile.person, **volunteer_member)
    pro = factories.add_member(
        circle, "professional", person=factories.PersonFactory(first_name=pro_name)
    )
    if days_ago:
        Member.objects.filter(pk__in=[vol.pk, pro.pk]).update(
            created_at=timezone.now() - dt.timedelta(days=days_ago)
        )
    return pro.person


@pytest.fixture
def setup():
    org = _org()
    coordinator = _coordinator(org, first_name="Cora")
    volunteer = _volunteer(org, login=True, first_name="Anouk", last_name="de Vries")
    return {"org": org, "coordinator": coordinator, "volunteer": volunteer}


def _overview_url(org):
    return reverse("wifa:overview", kwargs={"organisation_id": org.pk})


def _volunteer_url(profile):
    return reverse(
        "wifa:volunteer",
        kwargs={"organisation_id": profile.organisation_id, "volunteer_id": profile.pk},
    )


def _thanks_url(profile):
    return reverse(
        "wifa:thanks",
        kwargs={"organisation_id": profile.organisation_id, "volunteer_id": profile.pk},
    )


# --- Access --------------------------------------------------------------------
def test_coordinator_sees_overview_and_volunteer_page(client, setup):
    client.force_login(setup["coordinator"].user)
    response = client.get(_overview_url(setup["org"]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Waarderen" in body and "Afstemmen" in body
    assert "Anouk de Vries" in body
    assert client.get(_volunteer_url(setup["volunteer"])).status_code == 200


def test_overview_shows_the_four_aspects_as_cards_not_a_table(client, setup):
    """On a 360 px screen a four-column table needs sideways scrolling."""
    client.force_login(setup["coordinator"].user)
    body = client.get(_overview_url(setup["org"])).content.decode()
    assert "thermo-table" not in body
    for aspect in ("waarderen", "informeren", "faciliteren", "afstemmen"):
        assert f'<h3 id="wifa-aspect-{aspect}-h">' in body
        assert f'<section aria-labelledby="wifa-aspect-{aspect}-h">' in body
    assert "0 van de 1 vrijwilligers kregen waardering in de laatste 4 maanden." in body


@pytest.mark.parametrize("page", ["overview", "volunteer", "thanks"])
def test_volunteer_and_other_organisation_get_403(client, setup, page):
    other = _coordinator(_org("Andere Club"))
    url = {
        "overview": _overview_url(setup["org"]),
        "volunteer": _volunteer_url(setup["volunteer"]),
        "thanks": _thanks_url(setup["volunteer"]),
    }[page]
    for user in (setup["volunteer"].person.user, other.user):
        client.force_login(user)
        response = client.post(url) if page == "thanks" else client.get(url)
        assert response.status_code == 403
    assert not WifaEntry.objects.exists()


def test_wijkteam_professional_gets_404_for_a_team_id(client, setup, team):
    pro = factories.person_with_login()
    factories.EmploymentFactory(person=pro, organisation=team)
    client.force_login(pro.user)
    response = client.get(reverse("wifa:overview", kwargs={"organisation_id": team.pk}))
    assert response.status_code == 404


def test_volunteer_of_another_organisation_is_not_found(client, setup):
    stranger = _volunteer(_org("Andere Club"))
    client.force_login(setup["coordinator"].user)
    url = reverse(
        "wifa:volunteer",
        kwargs={"organisation_id": setup["org"].pk, "volunteer_id": stranger.pk},
    )
    assert client.get(url).status_code == 404


def test_anonymous_is_sent_to_login(client, setup):
    response = client.get(_overview_url(setup["org"]))
    assert response.status_code == 302
    assert "login" in response["Location"] or "inloggen" in response["Location"]


def test_thanks_is_post_only(client, setup):
    client.force_login(setup["coordinator"].user)
    assert client.get(_thanks_url(setup["volunteer"])).status_code == 405


# --- Adding entries ------------------------------------------------------------
def test_add_entry_saves_aspect_from_kind_and_audits(client, setup):
    client.force_login(setup["coordinator"].user)
    day = timezone.localdate() - dt.timedelta(days=3)
    response = client.post(
        _volunteer_url(setup["volunteer"]),
        {"kind": "info_client", "happened_on": day.isoformat(), "note": "Cliënt is moe."},
    )
    assert response.status_code == 302
    entry = WifaEntry.objects.get()
    assert (entry.aspect, entry.kind, entry.happened_on, entry.note) == (
        "informeren",
        "info_client",
        day,
        "Cliënt is moe.",
    )
    assert entry.recorded_by == setup["coordinator"]
    audit = AuditEvent.objects.get(action="create")
    assert (audit.object_type, audit.object_id) == ("wifa_entry", str(entry.pk))
    assert audit.actor == setup["coordinator"].user
    assert audit.actor_role == "coordinator"


def test_future_date_keeps_input_with_dutch_error(client, setup):
    client.force_login(setup["coordinator"].user)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        _volunteer_url(setup["volunteer"]),
        {"kind": "kaartje", "happened_on": tomorrow.isoformat(), "note": "Mooie bloemen"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "De datum kan niet in de toekomst liggen." in body
    assert 'aria-describedby="id_happened_on_error"' in body
    assert tomorrow.isoformat() in body
    assert "Mooie bloemen" in body
    assert 'value="kaartje" selected' in body
    assert not WifaEntry.objects.exists()


def test_unreadable_date_and_missing_kind_give_dutch_errors(client, setup):
    client.force_login(setup["coordinator"].user)
    response = client.post(
        _volunteer_url(setup["volunteer"]), {"kind": "", "happened_on": "morgen"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies wat er gebeurd is." in body
    assert "Vul een geldige datum in" in body
    assert 'value="morgen"' in body


def test_meeting_with_professional_needs_one_of_the_pairs(client, setup):
    profile = setup["volunteer"]
    pro = _pair(profile, pro_name="Petra")
    stranger = factories.PersonFactory()
    client.force_login(setup["coordinator"].user)
    today = timezone.localdate().isoformat()
    response = client.post(_volunteer_url(profile), {"kind": "overleg", "happened_on": today})
    assert response.status_code == 400
    assert "Kies met welke professional u overlegd heeft." in response.content.decode()
    response = client.post(
        _volunteer_url(profile),
        {"kind": "overleg", "happened_on": today, "professional": stranger.pk},
    )
    assert response.status_code == 400
    assert "Kies een professional uit de lijst." in response.content.decode()
    response = client.post(
        _volunteer_url(profile), {"kind": "overleg", "happened_on": today, "professional": pro.pk}
    )
    assert response.status_code == 302
    assert WifaEntry.objects.get().professional == pro
    state = selectors.volunteer_state(profile)
    assert state.pairs[0].last_afstemming == timezone.localdate()


def test_quick_thanks_button(client, setup):
    client.force_login(setup["coordinator"].user)
    response = client.post(_thanks_url(setup["volunteer"]), {"next": "overview"})
    assert response.status_code == 302
    assert response["Location"] == _overview_url(setup["org"])
    entry = WifaEntry.objects.get()
    assert (entry.kind, entry.aspect, entry.happened_on) == (
        "bedankje",
        "waarderen",
        timezone.localdate(),
    )
    assert AuditEvent.objects.filter(action="create", object_type="wifa_entry").count() == 1


def test_service_refuses_future_and_unknown_kind(setup):
    today = timezone.localdate()
    with pytest.raises(services.WifaError):
        services.add_entry(
            setup["volunteer"],
            kind="gesprek",
            happened_on=today + dt.timedelta(days=1),
            recorded_by=None,
        )
    with pytest.raises(services.WifaError):
        services.add_entry(setup["volunteer"], kind="feest", happened_on=today, recorded_by=None)


# --- Reading: audit and content ----------------------------------------------
def test_reading_a_log_is_audited(client, setup):
    services.add_entry(
        setup["volunteer"],
        kind="gesprek",
        happened_on=timezone.localdate(),
        note="Gaat goed",
        recorded_by=setup["coordinator"],
    )
    client.force_login(setup["coordinator"].user)
    body = client.get(_volunteer_url(setup["volunteer"])).content.decode()
    assert "Gaat goed" in body
    view = AuditEvent.objects.get(action="view", object_type="wifa_log")
    assert view.object_id == str(setup["volunteer"].pk)
    client.get(_overview_url(setup["org"]))
    assert AuditEvent.objects.filter(action="view", object_type="wifa_overview").count() == 1


def test_overview_writes_a_view_row_per_volunteer_in_one_insert(client, setup):
    org = setup["org"]
    others = [_volunteer(org, first_name=f"V{i}") for i in range(3)]
    gone = _volunteer(org, first_name="Weg")
    VolunteerProfile.objects.filter(pk=gone.pk).update(is_active=False)  # not shown
    client.force_login(setup["coordinator"].user)
    with CaptureQueriesContext(connection) as ctx:
        client.get(_overview_url(org))
    inserts = [q for q in ctx.captured_queries if 'INSERT INTO "audit_auditevent"' in q["sql"]]
    rows = AuditEvent.objects.filter(action="view", object_type="wifa_volunteer")
    shown = {str(p.pk) for p in [setup["volunteer"], *others]}
    assert set(rows.values_list("object_id", flat=True)) == shown
    assert rows.count() == len(shown)
    assert {r.actor for r in rows} == {setup["coordinator"].user}
    assert len(inserts) == 2  # the aggregate row and one bulk insert


def test_overview_lists_lapses_most_urgent_first(client, setup):
    org = setup["org"]
    today = timezone.localdate()
    lapsed = _volunteer(org, first_name="Bert", days_ago=400)
    for kind, ago in (("onkosten", 390), ("verzekering", 390), ("kaartje", 20)):
        services.add_entry(
            lapsed, kind=kind, happened_on=today - dt.timedelta(days=ago), recorded_by=None
        )
    services.add_entry(
        lapsed, kind="gesprek", happened_on=today - dt.timedelta(days=100), recorded_by=None
    )
    client.force_login(setup["coordinator"].user)
    body = client.get(_overview_url(org)).content.decode()
    assert "Lang geen contact met Bert" in body
    assert "Bel of bezoek Bert Jansen en vraag hoe het gaat." in body
    # Bert's contact lapse (100 days) is urgent; Anouk is new and has nothing due yet.
    assert "Anouk de Vries is lang niet bedankt" not in body
    assert 'class="signal signal-high"' in body


def test_pair_without_afstemming_shows_on_volunteer_page(client, setup):
    profile = setup["volunteer"]
    shared = factories.PersonFactory(first_name="Gerrit", last_name="Zonnebloem")
    _pair(profile, days_ago=70, pro_name="Petra", client=shared)
    client.force_login(setup["coordinator"].user)
    body = client.get(_volunteer_url(profile)).content.decode()
    assert "Anouk de Vries en Petra Jansen stemmen niet af" in body
    assert "Samen met professionals" in body
    # Which client they share stays out of the coordinator's view.
    assert "Zonnebloem" not in body and "Gerrit" not in body
    body = client.get(_overview_url(setup["org"])).content.decode()
    assert "Petra Jansen" in body
    assert "Zonnebloem" not in body and "Gerrit" not in body


def test_map_only_memberships_make_no_pair(setup):
    profile = setup["volunteer"]
    _pair(profile, access_level="map_only")
    assert selectors.volunteer_state(profile).pairs == ()
    circle = factories.make_circle()
    factories.add_member(
        circle, "volunteer", person=profile.person, organisation=profile.organisation
    )
    factories.add_member(circle, "professional", access_level="map_only")
    assert selectors.volunteer_state(profile).pairs == ()


def test_membership_for_another_organisation_makes_no_pair(setup):
    profile = setup["volunteer"]
    _pair(profile, organisation=_org("Andere Club"))
    assert selectors.volunteer_state(profile).pairs == ()
    _pair(profile, pro_name="Pim")
    (pair,) = selectors.volunteer_state(profile).pairs
    assert pair.professional_name.startswith("Pim")


def _agreement(profile, *, days_ago=30, **values):
    return VolunteerAgreement.objects.create(
        profile=profile,
        start_date=timezone.localdate() - dt.timedelta(days=days_ago),
        **values,
    )


def test_the_current_agreement_arranges_expenses_and_insurance(setup):
    profile = _volunteer(setup["org"], first_name="Bas", days_ago=60)
    today = timezone.localdate()

    def codes():
        return {
            r.code
            for r in selectors.organisation_wifa(setup["org"], today).reminders
            if r.volunteer_id == profile.pk
        }

    assert "no_facilities" in codes()
    _agreement(profile, days_ago=40, insured=True, expenses="€ 0,23 per kilometer")
    assert "no_facilities" not in codes()
    assert selectors.volunteer_state(profile).facilities == {"insurance", "expenses"}
    # A newer agreement without them is the one that counts now.
    _agreement(profile, days_ago=5, insured=False, expenses="")
    assert "no_facilities" in codes()
    # One that starts next month does not count yet.
    newcomer = _volunteer(setup["org"], first_name="Nina", days_ago=20)
    _agreement(newcomer, days_ago=-30, insured=True, expenses="Reiskosten")
    assert selectors.volunteer_state(newcomer).facilities == frozenset()


def test_inactive_member_is_no_pair(setup):
    profile = setup["volunteer"]
    _pair(profile)
    Member.objects.filter(person=profile.person).update(status="revoked")
    assert selectors.volunteer_state(profile).pairs == ()


# --- Query counts ----------------------------------------------------------------
def _org_with(n: int, *, agreements: bool = False):
    org = _org(f"Org {n}")
    coordinator = _coordinator(org)
    today = timezone.localdate()
    rows = []
    for i in range(n):
        profile = _volunteer(org)
        rows += [
            WifaEntry(
                volunteer=profile,
                aspect="waarderen",
                kind="bedankje",
                happened_on=today - dt.timedelta(days=i),
            ),
            WifaEntry(
                volunteer=profile,
                aspect="afstemmen",
                kind="gesprek",
                happened_on=today - dt.timedelta(days=2 * i),
            ),
        ]
        if i % 10 == 0:
            _pair(profile, days_ago=100)
        if agreements and i % 3 == 0:
            _agreement(profile, insured=True, expenses="Reiskosten")
    WifaEntry.objects.bulk_create(rows)
    return org, coordinator


def _queries(client, url, *, without_audit=False):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    if without_audit:
        return len([q for q in ctx.captured_queries if "audit_auditevent" not in q["sql"]])
    return len(ctx.captured_queries)


def _audit_inserts(client, url):
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return [q for q in ctx.captured_queries if 'INSERT INTO "audit_auditevent"' in q["sql"]]


def test_overview_queries_do_not_grow_with_volunteers(client):
    small_org, small_coord = _org_with(3, agreements=True)
    large_org, large_coord = _org_with(200, agreements=True)
    client.force_login(small_coord.user)
    small = _queries(client, _overview_url(small_org))
    small_reads = _queries(client, _overview_url(small_org), without_audit=True)
    client.force_login(large_coord.user)
    large_reads = _queries(client, _overview_url(large_org), without_audit=True)
    assert large_reads == small_reads
    assert small <= MAX_OVERVIEW_QUERIES
    # The view rows go in one bulk insert; SQLite splits a big one in batches
    # (at most 999 parameters a statement), PostgreSQL does not.
    assert len(_audit_inserts(client, _overview_url(large_org))) <= 3


def test_volunteer_page_queries_do_not_grow_with_entries(client, setup):
    profile = setup["volunteer"]
    client.force_login(setup["coordinator"].user)
    pro = _pair(profile)
    services.add_entry(
        profile,
        kind="overleg",
        happened_on=timezone.localdate(),
        professional_id=pro.pk,
        recorded_by=setup["coordinator"],
    )
    few = _queries(client, _volunteer_url(profile))
    for i in range(40):
        services.add_entry(
            profile,
            kind="overleg" if i % 2 else "nieuwsbrief",
            happened_on=timezone.localdate() - dt.timedelta(days=i),
            professional_id=pro.pk if i % 2 else None,
            recorded_by=setup["coordinator"],
        )
    assert _queries(client, _volunteer_url(profile)) == few


# --- Start page ----------------------------------------------------------------
def test_home_reminders_for_the_coordinators_organisations(setup):
    org = setup["org"]
    second = _org("Tweede Club")
    factories.EmploymentFactory(person=setup["coordinator"], organisation=second)
    _volunteer(org, first_name="Oud", days_ago=200)
    _volunteer(second, first_name="Ouder", days_ago=300)
    found = selectors.home_reminders(setup["coordinator"], limit=3)
    assert found.total == 8  # contact, appreciation, information, facilities: twice
    assert len(found.items) == 3
    assert {o.pk for o, _r in found.items} <= {org.pk, second.pk}
    assert found.items[0][1].volunteer_name.startswith("Ouder")  # longest overdue first
    assert selectors.home_reminders(setup["volunteer"].person).total == 0
    assert selectors.home_reminders(None).total == 0


# --- Demo ------------------------------------------------------------------------
def test_demo_shows_every_story_and_is_idempotent(setup):
    org = setup["org"]
    today = timezone.localdate()
    profiles = [setup["volunteer"]] + [
        _volunteer(org, first_name=f"Vrijwilliger{i}") for i in range(9)
    ]
    for p in profiles[4::5]:  # the pair stories get a professional
        _pair(p, days_ago=300)
    added = add_demo_wifa(org, today, seed=1)
    assert added > 100
    assert add_demo_wifa(org, today, seed=1) == 0
    assert WifaEntry.objects.count() == added
    assert not WifaEntry.objects.filter(happened_on__gt=today).exists()
    data = selectors.organisation_wifa(org, today)
    codes = {r.code for r in data.reminders}
    assert {"no_contact", "no_appreciation", "pair_no_afstemming"} <= codes
    well = {s.volunteer_id for s in data.states} - {r.volunteer_id for r in data.reminders}
    assert len(well) >= 2


def test_demo_without_pairs_shows_a_new_volunteer_without_basics(setup):
    org = setup["org"]
    for i in range(4):
        _volunteer(org, first_name=f"V{i}")
    add_demo_wifa(org, timezone.localdate(), seed=2)
    codes = {r.code for r in selectors.organisation_wifa(org, timezone.localdate()).reminders}
    assert "no_facilities" in codes


def test_overview_shows_the_most_urgent_reminders_and_counts_the_rest(client):
    org, coordinator = _org_with(40)  # every one lacks expenses and insurance
    client.force_login(coordinator.user)
    body = client.get(_overview_url(org)).content.decode()
    assert body.count('class="signal signal-') == 30
    total = len(selectors.organisation_wifa(org, timezone.localdate()).reminders)
    assert f"Er zijn nog {total - 30} herinneringen." in body


def test_date_field_is_iso_for_the_date_picker_and_has_no_future(client, setup):
    client.force_login(setup["coordinator"].user)
    body = client.get(_volunteer_url(setup["volunteer"])).content.decode()
    today = timezone.localdate().isoformat()
    assert f'type="date" name="happened_on" value="{today}" max="{today}"' in body


def test_home_block_renders_links_and_the_rest_count(setup):
    from django.template.loader import render_to_string

    from samenspel.wifa.home import home_context

    _volunteer(setup["org"], first_name="Oud", days_ago=200)
    context = home_context(setup["coordinator"], limit=2)
    assert context["wifa_home"]["total"] == 4 and context["wifa_home"]["more"] == 2
    html = render_to_string("wifa/_home.html", context)
    assert html.count('class="signal signal-') == 2
    assert f"/vrijwilligers/{setup['org'].pk}/wifa/" in html
    assert "En nog 2 herinneringen." in html
    assert (
        render_to_string("wifa/_home.html", home_context(setup["volunteer"].person)).strip() == ""
    )


def test_home_context_audits_the_reminders_it_shows_in_one_insert(rf, setup):
    from samenspel.wifa.home import home_context

    old = _volunteer(setup["org"], first_name="Oud", days_ago=200)
    older = _volunteer(setup["org"], first_name="Ouder", days_ago=300)
    home_context(setup["coordinator"])  # no request: nothing written
    assert not AuditEvent.objects.exists()
    request = rf.get("/")
    request.user = setup["coordinator"].user
    with CaptureQueriesContext(connection) as ctx:
        context = home_context(setup["coordinator"], request, limit=5)
    inserts = [q for q in ctx.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 1
    shown = {str(row["reminder"].volunteer_id) for row in context["wifa_home"]["rows"]}
    assert shown == {str(old.pk), str(older.pk)}
    rows = AuditEvent.objects.filter(action="view", object_type="wifa_volunteer")
    assert sorted(rows.values_list("object_id", flat=True)) == sorted(shown)
    assert {r.actor for r in rows} == {setup["coordinator"].user}
    # A person with nothing to show writes nothing.
    request.user = setup["volunteer"].person.user
    home_context(setup["volunteer"].person, request)
    assert rows.count() == len(shown)


def test_volunteer_page_has_one_thanks_button_with_the_first_name(client, setup):
    profile = _volunteer(setup["org"], first_name="Mila", last_name="Bos", days_ago=200)
    client.force_login(setup["coordinator"].user)
    body = client.get(_volunteer_url(profile)).content.decode()
    assert "Mila Bos is lang niet bedankt" in body  # the reminder is there ...
    assert body.count(f'action="{_thanks_url(profile)}"') == 1  # ... with one button
    assert "Ik heb Mila vandaag bedankt" in body
    assert "Aandacht voor vrijwilligers" in body and "Vrijwilligers volgen" not in body
    overview = client.get(_overview_url(setup["org"])).content.decode()
    assert "<h1>Aandacht voor vrijwilligers" in overview
    assert "Ik heb Mila Bos vandaag bedankt" in overview


def test_pair_page_does_not_contradict_itself(client, setup):
    """An overleg from before they shared a circle is not their last afstemming."""
    profile = setup["volunteer"]
    pro = _pair(profile, days_ago=10)
    today = timezone.localdate()
    long_ago = today - dt.timedelta(days=100)
    services.add_entry(
        profile,
        kind="overleg",
        happened_on=long_ago,
        note="",
        professional_id=pro.pk,
        recorded_by=setup["coordinator"],
        today=today,
    )
    client.force_login(setup["coordinator"].user)
    body = client.get(_volunteer_url(profile)).content.decode()
    pairs = body[body.index('class="card-list wifa-pairs"') :]
    pairs = pairs[: pairs.index("</ul>")]
    assert "<table" not in pairs
    assert date_format(today - dt.timedelta(days=10), "j F Y") in pairs
    assert "Nog geen overleg sinds dan" in pairs and "Nog geen contact sinds dan" in pairs
    assert date_format(long_ago, "j F Y") not in pairs


def test_overview_lists_volunteers_as_cards_with_word_dates(client, setup):
    profile = setup["volunteer"]
    services.thank(profile, recorded_by=setup["coordinator"])
    client.force_login(setup["coordinator"].user)
    body = client.get(_overview_url(setup["org"])).content.decode()
    assert "<table" not in body and 'class="card-list wifa-volunteers"' in body
    today = timezone.localdate()
    assert date_format(today, "j F Y") in body
    assert today.strftime("%-d-%-m-%Y") not in body
