"""The demo data command: complete, idempotent, realistic, and every log-in works."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.models import Person, User
from samenspel.agenda.models import Occurrence
from samenspel.agenda.services import AgendaError, claim
from samenspel.agreements import selectors as agreement_selectors
from samenspel.agreements.models import Agreement, AgreementDecision, ChangeEvent
from samenspel.burden.models import Screening, StandingConsent
from samenspel.circles import selectors
from samenspel.circles.models import Circle, Member
from samenspel.demo import loader as demo
from samenspel.domain.agreements import boundary_findings, carer_hours, circle_findings
from samenspel.invitations.models import Invitation
from samenspel.logbook.models import LogEntry
from samenspel.organisations.models import Employment, Organisation
from samenspel.socialmap.models import Offer

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo_data(django_db_setup, django_db_blocker):
    """Load the demo once for this module and roll it back afterwards.

    The tests run inside this outer transaction (their own atomic blocks become
    savepoints), so nothing leaks into other test modules. The clock stops at the instant
    of loading, so "today" is the same for the load and every test after it, also when
    the module runs across midnight.
    """
    out = StringIO()
    clock = time_machine.travel(timezone.now(), tick=False)
    with clock, django_db_blocker.unblock(), transaction.atomic():
        call_command("samenspel", "demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def reports():
    return [
        (c, selectors.report_for(c, selectors.active_members(c)))
        for c in Circle.objects.select_related("client")
    ]


def test_counts_and_organisations(demo_data):
    assert "Netwerken:      48" in demo_data
    assert Circle.objects.count() >= 40
    Kind = Organisation.Kind
    gemeente = Organisation.objects.get(kind=Kind.MUNICIPALITY, name="Gemeente Lindeveen")
    teams = Organisation.objects.filter(kind=Kind.NEIGHBOURHOOD_TEAM)
    assert {t.name for t in teams} == {"Wijkteam Lindeveen-Noord", "Wijkteam Lindeveen-Zuid"}
    assert all(t.parent == gemeente for t in teams)
    for kind in Kind.values:
        assert Organisation.objects.filter(kind=kind).exists(), kind
    schakel = Organisation.objects.get(name="Vrijwilligerscentrale De Schakel")
    assert schakel.allows_personal_care is False
    for team in teams:
        assert Employment.objects.filter(organisation=team, is_team_lead=True).count() == 1
        assert team.circles.count() >= 20  # both teams carry a real caseload
    # Every circle has the client as a member and says what help is needed.
    for circle in Circle.objects.all():
        assert circle.members.filter(kind="client", person=circle.client_id).exists()
        assert circle.needed_domains


DEMO_MODELS = (
    Organisation,
    Person,
    User,
    Circle,
    Member,
    Invitation,
    Agreement,
    AgreementDecision,
    Occurrence,
    LogEntry,
    ChangeEvent,
    Screening,
    StandingConsent,
    Offer,
)


def counts():
    return [m.objects.count() for m in DEMO_MODELS]


def test_second_run_adds_nothing():
    before = counts()
    out = StringIO()
    call_command("samenspel", stdout=out)  # the subcommand defaults to "demo"
    assert "Demodata staat er al." in out.getvalue()
    assert counts() == before
    # Refreshing a current demo only tops up the agenda horizon: nothing to add today.
    assert demo.refresh_demo() == 0
    assert demo.load_demo() is None
    assert counts() == before


@pytest.mark.parametrize("username", [u for u, _role in demo.DEMO_LOGINS])
def test_every_demo_login_works(username):
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": username, "password": demo.DEMO_PASSWORD}
    )
    assert response.status_code == 302, username
    page = client.get("/")
    assert page.status_code == 200
    user = User.objects.get(username=username)
    person = getattr(user, "person", None)
    if username == "beheerder":
        assert user.is_superuser and user.is_staff and person is None
        assert reverse("admin:index") in page.content.decode()
    else:
        assert person.first_name in page.content.decode()


def test_demo_personas():
    greet = Person.objects.get(user__username="client")
    henk = Member.objects.get(person__user__username="mantelzorger")
    assert greet.full_name == "Greet Bakker"
    assert greet.memberships.get().kind == "client"
    assert henk.circle.client == greet
    assert (henk.relation, henk.access_level) == ("partner", "full")
    assert henk.hours_per_week >= 30
    assert set(henk.sofa_roles) == {"partner", "help_seeker"}

    pro = Person.objects.get(user__username="professional")
    assert pro.employments.get().discipline == "social_worker"
    assert pro.employments.get().organisation.name == "Wijkteam Lindeveen-Noord"
    assert pro.memberships.filter(kind="professional", access_level="full").count() >= 3
    teams = selectors.team_ids(pro.employments.select_related("organisation"))
    assert len(selectors.professional_caseload(pro, teams)) >= 20

    nurse = Person.objects.get(user__username="professional2").employments.get()
    assert (nurse.discipline, nurse.organisation.name) == (
        "district_nurse",
        "Wijkteam Lindeveen-Zuid",
    )
    lead = Person.objects.get(user__username="teamleider").employments.get()
    assert lead.is_team_lead and lead.organisation.name == "Wijkteam Lindeveen-Noord"


def test_volunteer_has_several_roles():
    roles = Member.objects.filter(person__user__username="vrijwilliger")
    volunteering = roles.filter(kind="volunteer")
    assert volunteering.count() == 2
    assert all(m.organisation.name == "Vrijwilligerscentrale De Schakel" for m in volunteering)
    assert roles.filter(kind="carer", relation="child").count() == 1


def test_mix_of_circles_is_realistic():
    results = reports()
    isolated = [c for c, r in results if r.isolated]
    heavy = [c for c, r in results if any(s.code == "carer_heavy_hours" for s in r.signals)]
    calm = [c for c, r in results if r.highest_severity != "high"]
    strong = [c for c, r in results if r.informal_count >= 4]
    assert 3 <= len(isolated) <= 8
    assert len(heavy) >= len(results) // 5  # roughly a quarter has an overloaded carer
    assert len(calm) >= 5
    assert len(strong) >= 5


def test_members_are_filled_in_sensibly():
    members = Member.objects.exclude(kind="client")
    assert not members.filter(motivation="").exists()
    assert members.filter(status="revoked").exists()
    for m in members.filter(kind="professional"):
        assert m.access_level == "full"
        assert m.discipline in Employment.Discipline.values
        assert m.organisation_id is not None
    for m in members.filter(kind="volunteer"):
        # Circle volunteers give 2–4 h; a matched help request can be half an hour.
        assert 0 < m.hours_per_week <= 4
        assert m.organisation.kind == "volunteer_organisation"
    carers = members.filter(kind="carer")
    assert all(m.sofa_roles and m.relation for m in carers)
    assert not carers.filter(relation__in=["partner", "child"], hours_per_week__gte=4).exclude(
        closeness=1
    )
    assert carers.filter(access_level="map_only").exists()
    statuses = {i.status for i in Invitation.objects.all()}
    assert {"invited", "active", "expired", "revoked"} <= statuses


# --- Agreements, agenda, logbook and changes (issue 3) --------------------------------


def next_14_days():
    now = timezone.now()
    return Occurrence.objects.filter(
        starts_at__gte=now,
        starts_at__lt=now + timedelta(days=14),
        status=Occurrence.Status.SCHEDULED,
    )


def sanne_caseload() -> set[int]:
    sanne = Person.objects.get(user__username="professional")
    teams = selectors.team_ids(sanne.employments.select_related("organisation"))
    return {s.circle.pk for s in selectors.professional_caseload(sanne, teams)}


def test_summary_mentions_agreements(demo_data):
    assert "Afspraken:" in demo_data
    assert Agreement.objects.count() >= 150
    circles_with = Circle.objects.filter(agreements__isnull=False).distinct().count()
    assert circles_with >= Circle.objects.count() - 2


def test_greet_has_a_rich_agenda():
    circle = Circle.objects.get(client__user__username="client")
    henk = Member.objects.get(circle=circle, person__user__username="mantelzorger")
    assert circle.coordinator == henk
    assert circle.agreements.count() >= 8
    today = timezone.localdate()
    assert circle.occurrences.filter(starts_at__date__gte=today + timedelta(days=100)).exists()
    open_slots = next_14_days().filter(circle=circle, assignee__isnull=True)
    assert open_slots.count() >= 2
    # Henk can claim the open shopping or visit.
    slot = open_slots.filter(agreement__task__name__in=["Boodschappen doen", "Op bezoek gaan"])
    occurrence = slot.first()
    claim(occurrence, henk)
    occurrence.refresh_from_db()
    assert occurrence.assignee == henk
    # The district nurse gives the insulin, and is registered for it.
    insulin = circle.agreements.get(task__name="Insuline spuiten")
    assert insulin.performer.kind == "professional" and insulin.performer.big_registered
    # Henk is overloaded by his agreed hours, and has responsibility without say.
    facts = [agreement_selectors.agreement_facts(a) for a in circle.agreements.all()]
    assert carer_hours(facts)[str(henk.pk)] >= 20
    codes = {f.code for f in circle_findings(facts)}
    assert {"carer_overload", "responsibility_without_authority", "no_backup"} <= codes
    # A review date has passed.
    assert circle.agreements.filter(review_date__lt=today).exists()


def test_volunteer_is_told_why_she_cannot_give_insulin():
    anouk = Member.objects.filter(person__user__username="vrijwilliger", kind="volunteer")
    open_insulin = next_14_days().filter(
        circle__in=anouk.values("circle"),
        agreement__task__name="Insuline spuiten",
        assignee__isnull=True,
    )
    occurrence = open_insulin.select_related("agreement__task").first()
    assert occurrence is not None
    member = anouk.get(circle=occurrence.circle)
    with pytest.raises(AgendaError) as err:
        claim(occurrence, member)
    assert err.value.code == "blocked"
    assert err.value.finding.code == "reserved_act_volunteer"
    # Her own volunteering is wellbeing: visits or walks.
    tasks = set(
        Agreement.objects.filter(performer__in=anouk).values_list("task__category", flat=True)
    )
    assert tasks == {"wellbeing"}


def test_the_volunteers_circles_have_open_slots():
    circles = Member.objects.filter(person__user__username="vrijwilliger").values("circle")
    assert len(circles) == 3
    for circle in Circle.objects.filter(pk__in=circles):
        assert circle.agreements.count() >= 4
        assert next_14_days().filter(circle=circle, assignee__isnull=True).count() >= 2
    # Somebody said 'ik kan niet' in each circle she volunteers in.
    released = Occurrence.objects.filter(released_by__isnull=False, circle__in=circles)
    assert released.values("circle").distinct().count() == 2


def test_informal_care_takes_over_where_home_care_stops():
    anouk = Member.objects.get(person__user__username="vrijwilliger", kind="carer")
    assert anouk.circle.coordinator == anouk
    facts = [agreement_selectors.agreement_facts(a) for a in anouk.circle.agreements.all()]
    codes = {f.code for f in circle_findings(facts)}
    assert "informal_replaces_professional" in codes
    assert anouk.circle.agreements.filter(end_date__isnull=False).exists()


def test_open_signal_in_sannes_caseload():
    caseload = sanne_caseload()
    signals = LogEntry.objects.filter(is_signal=True, circle__in=caseload)
    waiting = signals.filter(acknowledged_at__isnull=True)
    assert waiting.exists()
    assert all(e.author_role in ("carer", "volunteer") for e in signals)
    assert signals.filter(acknowledged_at__isnull=False).exists()
    greet = Circle.objects.get(client__user__username="client")
    audiences = set(greet.log_entries.values_list("audience", flat=True))
    assert audiences == {"circle", "professionals", "chosen"}
    chosen = greet.log_entries.get(audience="chosen")
    assert [m.person.user.username for m in chosen.recipients.all()] == ["mantelzorger"]
    assert not LogEntry.objects.filter(created_at__gt=timezone.now()).exists()


def test_open_change_event_puts_agreements_to_review():
    events = ChangeEvent.objects.filter(status="open", circle__in=sanne_caseload())
    event = events.get()
    agreements = event.agreements.all()
    assert agreements.exists()
    assert all(a.status == "to_review" for a in agreements)
    assert all(a.review_date == event.meeting_on for a in agreements)
    today = timezone.localdate()
    due = agreement_selectors.reviews_due(Circle.objects.values_list("pk", flat=True), today)
    assert event.circle_id in due
    assert any(earliest < today for _count, earliest in due.values())


def test_all_responsibility_patterns_appear():
    patterns = {
        agreement_selectors.pattern_of(agreement_selectors.current_agreements(c)).pattern
        for c in Circle.objects.all()
    }
    assert {"professional", "shared", "voluntary"} <= patterns


def test_no_agreement_crosses_a_boundary():
    agreements = agreement_selectors.with_people(Agreement.objects.all())
    blocks = [
        (a, f)
        for a in agreements
        for f in boundary_findings(agreement_selectors.agreement_facts(a))
        if f.is_block
    ]
    assert blocks == []
    # Volunteers never hold nursing or personal care, not even as backup.
    assert not Agreement.objects.filter(
        performer__kind="volunteer", task__category__in=["nursing", "personal_care"]
    ).exists()
    assert not Agreement.objects.filter(
        backup__kind="volunteer", task__category__in=["nursing", "personal_care"]
    ).exists()


def test_burden_histories_show_every_band_and_a_rising_trend():
    from samenspel.burden import catalogue

    seen = set(Screening.objects.values_list("instrument_id", "band_id"))
    for instrument_id in ("csi", "ediz", "checkin"):
        bands = {b.id for b in catalogue.get(instrument_id).bands}
        assert {(instrument_id, b) for b in bands} <= seen, instrument_id
    henk = Member.objects.get(person__user__username="mantelzorger")
    totals = list(
        Screening.objects.filter(member=henk, instrument_id="csi")
        .order_by("completed_at")
        .values_list("total", flat=True)
    )
    assert len(totals) >= 3 and totals == sorted(totals) and totals[-1] >= 7


def test_burden_signals_reach_the_right_professionals():
    for username in ("professional", "professional2"):
        client = Client()
        client.force_login(User.objects.get(username=username))
        rows = client.get(reverse("pages:home")).context["care"].caseload_rows
        codes = {s.code for row in rows for s in row.signals}
        assert {"burden_high", "burden_rising", "burden_screening_due"} <= codes, username
    # Henk shares through standing consent: his high score is on Sanne's page.
    client = Client()
    client.force_login(User.objects.get(username="professional"))
    assert "Henk is zwaar belast" in client.get(reverse("pages:home")).content.decode()


# --- Sociale kaart (issue 5) ------------------------------------------------------------


def test_socialmap_covers_every_category_with_realistic_entries(demo_data):
    from samenspel.domain import socialmap as sm

    offers = list(Offer.objects.select_related("organisation", "maintainer"))
    assert len(offers) >= 60
    assert f"Sociale kaart:  {len(offers)}" in demo_data
    assert {c for o in offers for c in o.categories} == {str(c) for c in sm.Category}
    assert {f for o in offers for f in o.wmo_fields} == set(sm.WMO_FIELDS)
    assert {o.cost for o in offers} == {str(c) for c in sm.Cost}
    assert {g for o in offers for g in o.target_groups} == {str(g) for g in sm.TargetGroup}
    assert all(o.contact_name and o.opening_hours and o.description for o in offers)
    assert all(o.maintainer.username == "kaartbeheerder" for o in offers)
    assert len({o.name for o in offers}) == len(offers)
    # About one in ten entries was not checked for a year: the flag shows.
    today = timezone.localdate()
    due = [o for o in offers if sm.verification_due(o.last_verified, today)]
    assert 0.05 <= len(due) / len(offers) <= 0.2
    assert all(o.last_verified <= today for o in offers)
    # Only the demo's wijken, and most offers serve the whole gemeente.
    from samenspel.demo.socialmap import WIJKEN

    assert {w for o in offers for w in o.wijken} <= set(WIJKEN)


def test_socialmap_organisations_include_the_community():
    names = set(Organisation.objects.filter(kind="community").values_list("name", flat=True))
    for expected in (
        "Protestantse Gemeente Lindeveen",
        "Moskee Al-Amal",
        "Sportvereniging LVV Lindeveen",
        "Bibliotheek Lindeveen",
        "Buurtvereniging Oude Dorp",
        "Wandelclub De Stappers",
    ):
        assert expected in names
    # The steunpunt and De Schakel of the circles are the ones on the map.
    steunpunt = Organisation.objects.get(name=demo.CARER_SUPPORT)
    assert any("carer_support" in o.categories for o in steunpunt.offers.all())
    schakel = Organisation.objects.get(name=demo.VOLUNTEER_CENTRE)
    assert any("volunteer_centre" in o.categories for o in schakel.offers.all())


def test_kaartbeheerder_may_manage_the_map_but_sees_no_circles():
    user = User.objects.get(username="kaartbeheerder")
    assert user.has_perm("socialmap.manage_socialmap")
    assert not user.is_staff
    assert user.person.full_name == "Ingrid Verbeek"
    assert not user.person.memberships.exists()
    assert not user.person.employments.exists()
    others = User.objects.exclude(username__in=["kaartbeheerder", "beheerder"])
    assert not any(u.has_perm("socialmap.manage_socialmap") for u in others)


def test_every_circle_lies_in_a_wijk_of_its_team():
    from samenspel.demo.socialmap import TEAM_WIJKEN

    for circle in Circle.objects.select_related("team"):
        assert circle.wijk in TEAM_WIJKEN[circle.team.name], circle
    greet = Circle.objects.get(client__user__username="client")
    assert greet.wijk == "Lindeveen-Noord"
    used = set(Circle.objects.values_list("wijk", flat=True))
    assert used == {w for wijken in TEAM_WIJKEN.values() for w in wijken}


def test_demo_offers_are_searchable_in_every_wijk():
    from samenspel.socialmap.search import Filters, search

    names = [o.name for o in search("mantelzorgers")]
    assert "Gesprek met een mantelzorgconsulent" in names
    for wijk in Circle.objects.values_list("wijk", flat=True).distinct():
        for category in ("respite", "carer_support", "buddy", "neighbourhood", "volunteer_centre"):
            assert search("", Filters(category=category, wijk=wijk)).exists(), (wijk, category)


def test_refresh_adds_the_socialmap_to_an_older_demo():
    from samenspel.socialmap.models import Referral

    Referral.objects.all().delete()
    Offer.objects.all().delete()
    Circle.objects.update(wijk="")
    User.objects.filter(username="kaartbeheerder").delete()

    demo.refresh_demo()

    assert Offer.objects.count() >= 60
    assert not Circle.objects.filter(wijk="").exists()
    user = User.objects.get(username="kaartbeheerder")
    assert user.check_password(demo.DEMO_PASSWORD)
    assert user.has_perm("socialmap.manage_socialmap")
    before = counts()
    demo.refresh_demo()
    assert counts() == before


def test_reflection_tools_in_the_demo():
    from samenspel.profiles.models import ProfileAnswer
    from samenspel.teams.models import ThermometerRound

    rounds = ThermometerRound.objects.filter(team__name="Wijkteam Lindeveen-Noord")
    assert rounds.count() == 2 and all(r.closed_at for r in rounds)
    assert (
        ProfileAnswer.objects.filter(shared=True).values("member__circle").distinct().count() >= 3
    )
    client = Client()
    client.force_login(User.objects.get(username="teamleider"))
    html = client.get(reverse("pages:home")).content.decode()
    assert "Teamthermometer" in html
    assert "Open acties in het werkplan" in html  # the team lead keeps the werkplan going


def test_the_sociale_kaart_demo_is_a_csv_file_that_moves_with_today():
    """The offers are data loaded by the product's importer; their check dates move along
    so the same entries are overdue for a check on any day the demo is loaded."""
    import csv
    import io

    from samenspel.demo.socialmap import CSV_DATED, csv_as_of

    def checked(text):
        return [r["laatst_gecontroleerd"] for r in csv.DictReader(io.StringIO(text))]

    then = checked(csv_as_of(CSV_DATED))
    later = checked(csv_as_of(CSV_DATED + timedelta(days=400)))
    assert len(then) == Offer.objects.count()
    assert max(then) <= CSV_DATED.isoformat()
    assert later == [
        (timezone.datetime.fromisoformat(d).date() + timedelta(days=400)).isoformat() for d in then
    ]
