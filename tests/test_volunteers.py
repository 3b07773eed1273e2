"""Volunteer profiles and agreements: access, validation, boundary refusal, audit,
query counts, the printable agreement, the volunteer's own page and the demo."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.models import Person
from samenspel.audit.models import AuditEvent
from samenspel.organisations.models import Employment
from samenspel.volunteers import selectors
from samenspel.volunteers.models import VolunteerAgreement, VolunteerProfile
from tests import factories

pytestmark = pytest.mark.django_db

# Every test here runs at the instant this module was loaded (the clock stopped there), so
# TODAY stays today even when a run crosses midnight.
NOW = timezone.now()
TODAY = timezone.localdate(NOW)


@pytest.fixture(autouse=True)
def _clock_stopped_at_load(time_machine):
    time_machine.move_to(NOW, tick=False)


def _org(name, **kw):
    return factories.OrganisationFactory(name=name, kind="volunteer_organisation", **kw)


def _profile(org, person=None, **kw):
    values = {
        "kind": "regular",
        "vog_status": "valid",
        "vog_date": TODAY - dt.timedelta(days=100),
        "motives_asked_on": TODAY - dt.timedelta(days=10),
        "skills": ["company"],
        **kw,
    }
    return VolunteerProfile.objects.create(
        person=person or factories.PersonFactory(), organisation=org, **values
    )


@pytest.fixture
def setup():
    org = _org("De Schakel")
    other = _org("Vrijwilligers Elders")
    coordinator = factories.person_with_login(first_name="Wilma", last_name="Kok")
    factories.EmploymentFactory(
        person=coordinator, organisation=org, discipline="volunteer_coordinator"
    )
    outsider = factories.person_with_login(first_name="Olga")
    factories.EmploymentFactory(person=outsider, organisation=other)
    volunteer = _profile(
        org, factories.person_with_login(first_name="Anouk"), contact_person=coordinator
    )
    colleague = _profile(org, factories.PersonFactory(first_name="Bram"))
    return {
        "org": org,
        "other": other,
        "coordinator": coordinator,
        "outsider": outsider,
        "volunteer": volunteer,
        "colleague": colleague,
    }


def _login(client, person):
    client.force_login(person.user)
    return client


def _form_data(org, **overrides):
    data = {
        "first_name": "Sem",
        "last_name": "de Boer",
        "email": "sem@example.com",
        "phone": "06-12345678",
        "organisation": org.pk,
        "contact_person": "",
        "kind": "regular",
        "supervisor": "",
        "skills": ["company", "shopping"],
        "motives": ["social_contact"],
        "languages": ["nl"],
        "availability": ["0-morning", "2-evening"],
        "wijk": "Oude Dorp",
        "latitude": "",
        "longitude": "",
        "max_distance_km": "5",
        "preferences": [],
        "training": ["intro"],
        "vog_status": "valid",
        "vog_date": (TODAY - dt.timedelta(days=30)).isoformat(),
        "is_active": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _agreement_data(**overrides):
    data = {
        "tasks": [factories.care_task("Op bezoek gaan").pk],
        "not_allowed_notes": "",
        "expenses": "€ 0,23 per km, max € 180 per maand",
        "insured": "on",
        "insurance_notes": "Vrijwilligersverzekering van de gemeente",
        "contact_person": "",
        "start_date": TODAY.isoformat(),
        "evaluation_date": (TODAY + dt.timedelta(days=90)).isoformat(),
    }
    data.update(overrides)
    return data


def _urls(s):
    org, v = s["org"].pk, s["volunteer"].pk
    return {
        "list": reverse("volunteers:list", kwargs={"organisation_id": org}),
        "intake": reverse("volunteers:intake", kwargs={"organisation_id": org}),
        "detail": reverse("volunteers:detail", kwargs={"organisation_id": org, "profile_id": v}),
        "edit": reverse("volunteers:edit", kwargs={"organisation_id": org, "profile_id": v}),
        "agreement_new": reverse(
            "volunteers:agreement_new", kwargs={"organisation_id": org, "profile_id": v}
        ),
    }


# --- Access ---------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, setup):
    for url in [*_urls(setup).values(), reverse("my_volunteering:home")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:login"))


def test_coordinator_of_another_organisation_gets_403(client, setup):
    _login(client, setup["outsider"])
    for name, url in _urls(setup).items():
        assert client.get(url).status_code == 403, name
    assert client.post(_urls(setup)["intake"], _form_data(setup["org"])).status_code == 403
    assert not Person.objects.filter(email="sem@example.com").exists()


def test_coordinator_sees_every_page(client, setup):
    _login(client, setup["coordinator"])
    for name, url in _urls(setup).items():
        assert client.get(url).status_code == 200, name


def test_volunteer_sees_only_their_own_profile(client, setup):
    _login(client, setup["volunteer"].person)
    urls = _urls(setup)
    assert client.get(urls["detail"]).status_code == 200
    other = reverse(
        "volunteers:detail",
        kwargs={"organisation_id": setup["org"].pk, "profile_id": setup["colleague"].pk},
    )
    assert client.get(other).status_code == 403
    for name in ("list", "intake", "edit", "agreement_new"):
        assert client.get(urls[name]).status_code == 403, name


def test_profile_in_another_organisation_is_404(client, setup):
    _login(client, setup["outsider"])
    url = reverse(
        "volunteers:detail",
        kwargs={"organisation_id": setup["other"].pk, "profile_id": setup["volunteer"].pk},
    )
    assert client.get(url).status_code == 404


def test_huge_ids_are_404(client, setup):
    _login(client, setup["coordinator"])
    url = reverse(
        "volunteers:detail", kwargs={"organisation_id": setup["org"].pk, "profile_id": 2**64}
    )
    assert client.get(url).status_code == 404


# --- Intake and profile validation -----------------------------------------------------


def test_intake_creates_person_and_profile_with_audit(client, setup):
    _login(client, setup["coordinator"])
    response = client.post(_urls(setup)["intake"], _form_data(setup["org"]))
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(person__email="sem@example.com")
    assert profile.availability == ["0-morning", "2-evening"]
    assert profile.motives_asked_on == TODAY
    assert profile.person.phone == "06-12345678"
    assert AuditEvent.objects.filter(
        object_type="volunteer_profile", object_id=str(profile.pk), action="create"
    ).exists()


def test_intake_links_an_existing_person_without_ties_by_email(client, setup):
    existing = factories.PersonFactory(first_name="Sem", last_name="", email="SEM@example.com")
    _login(client, setup["coordinator"])
    response = client.post(_urls(setup)["intake"], _form_data(setup["org"]), follow=True)
    assert Person.objects.filter(email__iexact="sem@example.com").count() == 1
    assert VolunteerProfile.objects.get(person=existing)
    existing.refresh_from_db()
    assert existing.last_name == "de Boer"  # filled in, as it was empty
    text = response.content.decode()
    assert "Het profiel is aan die persoon gekoppeld" in text


def _ties(setup):
    """People who already are something in Samenspel, each with their own address."""
    with_login = factories.person_with_login(first_name="Lotte", email="lotte@example.com")
    client_person = factories.PersonFactory(first_name="Cor", email="cor@example.com")
    circle = factories.make_circle(client=client_person)
    carer = factories.PersonFactory(first_name="Kees", email="kees@example.com")
    factories.add_member(circle, "carer", person=carer)
    employee = factories.PersonFactory(first_name="Els", email="els@example.com")
    factories.EmploymentFactory(person=employee, organisation=setup["other"])
    return [with_login, client_person, carer, employee]


def test_intake_never_takes_over_a_person_with_ties(client, setup):
    """A typed e-mail address is not proof: a client, a carer, an employee or
    someone with a login keeps their record; the volunteer gets a new one."""
    _login(client, setup["coordinator"])
    for person in _ties(setup):
        before = (person.first_name, person.last_name, person.phone)
        response = client.post(
            _urls(setup)["intake"],
            _form_data(setup["org"], email=person.email.upper(), phone="06-99999999"),
            follow=True,
        )
        assert response.status_code == 200, person
        text = response.content.decode()
        assert "De vrijwilliger is toegevoegd als nieuwe persoon." in text
        assert person.first_name not in text  # nothing about the existing record
        person.refresh_from_db()
        assert (person.first_name, person.last_name, person.phone) == before
        assert not VolunteerProfile.objects.filter(person=person).exists()
        profile = VolunteerProfile.objects.get(person__first_name="Sem")
        assert profile.person != person
        assert profile.person.phone == "06-99999999"
        profile.delete()


def test_new_and_separate_intake_say_the_same(client, setup):
    """The message must not tell whether the address is already in use."""
    _login(client, setup["coordinator"])
    fresh = client.post(_urls(setup)["intake"], _form_data(setup["org"]), follow=True)
    factories.person_with_login(email="taken@example.com")
    taken = client.post(
        _urls(setup)["intake"],
        _form_data(setup["org"], first_name="Tim", email="taken@example.com"),
        follow=True,
    )
    messages = [[str(m) for m in r.context["messages"]] for r in (fresh, taken)]
    assert messages[0] == messages[1] == ["De vrijwilliger is toegevoegd als nieuwe persoon."]


def test_edit_never_writes_the_details_of_someone_with_a_login(client, setup):
    person = setup["volunteer"].person  # Anouk has a login
    person.email, person.phone = "anouk@example.com", "06-11111111"
    person.save()
    _login(client, setup["coordinator"])
    page = client.get(_urls(setup)["edit"]).content.decode()
    assert 'name="email"' not in page and 'name="first_name"' not in page
    assert "past naam, e-mail en telefoon zelf aan" in page
    assert "anouk@example.com" in page  # shown read-only
    data = _form_data(
        setup["org"], first_name="Hacked", email="evil@example.com", phone="06-66666666"
    )
    assert client.post(_urls(setup)["edit"], data).status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.email, person.phone) == (
        "Anouk",
        "anouk@example.com",
        "06-11111111",
    )
    setup["volunteer"].refresh_from_db()
    assert setup["volunteer"].availability == ["0-morning", "2-evening"]  # profile did save


def test_edit_still_writes_the_details_of_someone_without_a_login(client, setup):
    _login(client, setup["coordinator"])
    url = reverse(
        "volunteers:edit",
        kwargs={"organisation_id": setup["org"].pk, "profile_id": setup["colleague"].pk},
    )
    assert 'name="email"' in client.get(url).content.decode()
    client.post(url, _form_data(setup["org"], first_name="Bram", email="bram@example.com"))
    setup["colleague"].person.refresh_from_db()
    assert setup["colleague"].person.email == "bram@example.com"


def test_intake_refuses_someone_who_is_already_a_volunteer(client, setup):
    setup["colleague"].person.email = "bram@example.com"
    setup["colleague"].person.save()
    elsewhere = _profile(
        setup["other"], factories.PersonFactory(first_name="Gijs", email="gijs@example.com")
    )
    _login(client, setup["coordinator"])
    for email, person in (
        ("bram@example.com", setup["colleague"].person),
        ("GIJS@example.com", elsewhere.person),
    ):
        response = client.post(_urls(setup)["intake"], _form_data(setup["org"], email=email))
        assert response.status_code == 400
        text = response.content.decode()
        assert (
            "Bij dit e-mailadres hoort al een vrijwilliger. Neem contact op met de beheerder."
            in text
        )
        assert person.first_name not in text
        assert "is al vrijwilliger bij" not in text
        assert "Vrijwilligers Elders" not in text
    assert VolunteerProfile.objects.count() == 3


@pytest.mark.parametrize("kind", ["reintegration", "school_internship", "employer"])
def test_supervisor_required_for_kinds_that_need_one(client, setup, kind):
    _login(client, setup["coordinator"])
    response = client.post(_urls(setup)["intake"], _form_data(setup["org"], kind=kind))
    assert response.status_code == 400
    text = response.content.decode()
    assert "Bij deze soort vrijwilliger is een begeleider verplicht" in text
    assert 'value="sem@example.com"' in text  # input kept
    assert not VolunteerProfile.objects.filter(person__email="sem@example.com").exists()
    ok = client.post(
        _urls(setup)["intake"],
        _form_data(setup["org"], kind=kind, supervisor="Jet (UWV)"),
    )
    assert ok.status_code == 302
    assert VolunteerProfile.objects.get(person__email="sem@example.com").supervisor == "Jet (UWV)"


def test_regular_volunteer_needs_no_supervisor_and_stores_none(client, setup):
    _login(client, setup["coordinator"])
    client.post(_urls(setup)["intake"], _form_data(setup["org"], supervisor="Iemand"))
    assert VolunteerProfile.objects.get(person__email="sem@example.com").supervisor == ""


def test_vog_date_required_when_valid(client, setup):
    _login(client, setup["coordinator"])
    response = client.post(_urls(setup)["intake"], _form_data(setup["org"], vog_date=""))
    assert response.status_code == 400
    assert "Vul de datum van de VOG in" in response.content.decode()
    ok = client.post(
        _urls(setup)["intake"], _form_data(setup["org"], vog_status="requested", vog_date="")
    )
    assert ok.status_code == 302


def test_vog_date_not_in_the_future(client, setup):
    _login(client, setup["coordinator"])
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    response = client.post(_urls(setup)["intake"], _form_data(setup["org"], vog_date=tomorrow))
    assert response.status_code == 400
    assert "kan niet in de toekomst liggen" in response.content.decode()


def test_contact_point_must_work_at_the_organisation(client, setup):
    _login(client, setup["coordinator"])
    # Olga works elsewhere: she is not even a choice.
    response = client.post(
        _urls(setup)["intake"], _form_data(setup["org"], contact_person=setup["outsider"].pk)
    )
    assert response.status_code == 400


def test_coordinates_both_or_none(client, setup):
    _login(client, setup["coordinator"])
    response = client.post(_urls(setup)["intake"], _form_data(setup["org"], latitude="52,1"))
    assert response.status_code == 400
    assert "Vul beide getallen in" in response.content.decode()
    ok = client.post(
        _urls(setup)["intake"], _form_data(setup["org"], latitude="52,1", longitude="5,1")
    )
    assert ok.status_code == 302
    profile = VolunteerProfile.objects.get(person__email="sem@example.com")
    assert (profile.latitude, profile.longitude) == (52.1, 5.1)


def test_edit_sets_motives_date_when_motives_change(client, setup):
    profile = setup["volunteer"]
    profile.motives_asked_on = TODAY - dt.timedelta(days=400)
    profile.motives = ["social_contact"]
    profile.save()
    _login(client, setup["coordinator"])
    data = _form_data(
        setup["org"],
        first_name="Anouk",
        email="",
        motives=["social_contact"],
        availability=["1-afternoon"],
    )
    assert client.post(_urls(setup)["edit"], data).status_code == 302
    profile.refresh_from_db()
    assert profile.motives_asked_on == TODAY - dt.timedelta(days=400)  # unchanged motives
    assert profile.availability == ["1-afternoon"]
    data["motives"] = ["social_contact", "learn"]
    client.post(_urls(setup)["edit"], data)
    profile.refresh_from_db()
    assert profile.motives_asked_on == TODAY
    update = AuditEvent.objects.filter(object_type="volunteer_profile", action="update").first()
    assert "motives" in update.summary


def test_edit_form_shows_the_availability_grid_accessibly(client, setup):
    setup["volunteer"].availability = ["3-evening"]
    setup["volunteer"].save()
    _login(client, setup["coordinator"])
    text = client.get(_urls(setup)["edit"]).content.decode()
    assert "<legend>Wanneer beschikbaar?</legend>" in text
    assert 'id="slot-3-evening" checked' in text
    assert 'id="slot-0-morning">' in text
    assert text.count('name="availability"') == 21
    assert "donderdag avond" in text  # the hidden label says day and part


# --- List -----------------------------------------------------------------------------


def test_list_flags_and_filters(client, setup):
    org = setup["org"]
    expired = _profile(org, vog_date=TODAY - dt.timedelta(days=365 * 3 + 2), skills=["transport"])
    motives = _profile(org, motives_asked_on=TODAY - dt.timedelta(days=400), wijk="Oude Dorp")
    no_supervisor = _profile(org, kind="reintegration", supervisor="")
    inactive = _profile(org, is_active=False)
    _login(client, setup["coordinator"])
    url = _urls(setup)["list"]
    response = client.get(url)
    rows = {r.profile.pk: r for r in response.context["rows"]}
    assert inactive.pk not in rows
    assert rows[expired.pk].flags.vog_problem
    assert rows[motives.pk].flags.motives_due
    assert rows[no_supervisor.pk].flags.supervisor_missing
    assert not rows[setup["volunteer"].pk].flags.any
    text = response.content.decode()
    assert "VOG ontbreekt of verlopen" in text and "Begeleider ontbreekt" in text

    def pks(query):
        return {r.profile.pk for r in client.get(url, query).context["rows"]}

    assert pks({"kan": "transport"}) == {expired.pk}
    assert pks({"vog": "problem"}) == {expired.pk}
    assert pks({"wijk": "Oude Dorp"}) == {motives.pk}
    assert pks({"soort": "reintegration"}) == {no_supervisor.pk}
    assert inactive.pk in pks({"status": "all"})
    assert pks({"status": "inactive"}) == {inactive.pk}
    assert len(pks({"soort": "nonsense"})) == 5  # a wrong value drops only that filter


def test_list_is_a_card_per_volunteer_that_fits_a_phone(client, setup):
    """A six-column table hid the "Let op" flags and the agreement off-screen at 360 px."""
    org = setup["org"]
    expired = _profile(
        org,
        factories.PersonFactory(first_name="Els", last_name="Vos"),
        vog_date=TODAY - dt.timedelta(days=365 * 3 + 2),
        wijk="Oude Dorp",
    )
    VolunteerAgreement.objects.create(
        profile=expired, start_date=dt.date(2026, 8, 5), evaluation_date=dt.date(2026, 11, 5)
    )
    _login(client, setup["coordinator"])
    text = client.get(_urls(setup)["list"]).content.decode()
    assert "<table" not in text
    assert 'class="card-list volunteer-cards"' in text
    card = text[text.index("Els Vos") :]
    card = card[: card.index("</li>")]
    assert "wijk Oude Dorp" in card
    assert "Let op" in card and "VOG ontbreekt of verlopen" in card
    assert "sinds 5 augustus 2026" in card and "evaluatie op 5 november 2026" in card
    assert "5-8-2026" not in text


def test_list_writes_one_view_row_per_volunteer(client, setup):
    _login(client, setup["coordinator"])
    client.get(_urls(setup)["list"])
    ids = set(
        AuditEvent.objects.filter(object_type="volunteer_profile", action="view").values_list(
            "object_id", flat=True
        )
    )
    assert ids == {str(setup["volunteer"].pk), str(setup["colleague"].pk)}


def _list_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_does_not_grow(client, setup):
    org = setup["org"]
    _login(client, setup["coordinator"])
    url = _urls(setup)["list"]
    visit, washing = factories.care_task("Op bezoek gaan"), factories.care_task("Wassen en douchen")
    first = VolunteerAgreement.objects.create(profile=setup["volunteer"], start_date=TODAY)
    first.tasks.set([visit])
    few = _list_queries(client, url)
    for i in range(20):
        p = _profile(org, contact_person=setup["coordinator"], skills=["company", "transport"])
        a = VolunteerAgreement.objects.create(profile=p, start_date=TODAY - dt.timedelta(days=i))
        a.tasks.set([visit, washing])  # washing is refused: every row gets the flag
    response = client.get(url)
    assert sum(r.flags.tasks_not_allowed for r in response.context["rows"]) == 20
    many = _list_queries(client, url)
    assert many == few


# --- Agreement ------------------------------------------------------------------------


def test_agreement_refuses_a_reserved_act_with_the_reason(client, setup):
    _login(client, setup["coordinator"])
    insulin = factories.care_task("Insuline spuiten")
    response = client.post(
        _urls(setup)["agreement_new"],
        _agreement_data(tasks=[insulin.pk, factories.care_task("Op bezoek gaan").pk]),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Insuline spuiten is een voorbehouden handeling (Wet BIG)" in text
    assert "Een vrijwilliger mag dit niet doen" in text
    assert "€ 0,23 per km" in text  # input kept
    assert not VolunteerAgreement.objects.exists()


def test_personal_care_needs_training_and_organisation_consent(client, setup):
    _login(client, setup["coordinator"])
    washing = factories.care_task("Wassen en douchen").pk
    url = _urls(setup)["agreement_new"]
    response = client.post(url, _agreement_data(tasks=[washing]))
    assert response.status_code == 400
    assert "persoonlijke verzorging" in response.content.decode()
    setup["org"].allows_personal_care = True
    setup["org"].save()
    assert client.post(url, _agreement_data(tasks=[washing])).status_code == 400
    setup["volunteer"].training = ["personal_care"]
    setup["volunteer"].save()
    assert client.post(url, _agreement_data(tasks=[washing])).status_code == 302
    assert list(VolunteerAgreement.objects.get().tasks.values_list("pk", flat=True)) == [washing]


def test_agreement_form_does_not_offer_forbidden_tasks(client, setup):
    _login(client, setup["coordinator"])
    response = client.get(_urls(setup)["agreement_new"])
    offered = {str(w.data["value"]) for _g, ws in response.context["task_groups"] for w in ws}
    assert str(factories.care_task("Insuline spuiten").pk) not in offered
    assert str(factories.care_task("Wondverzorging").pk) not in offered
    assert str(factories.care_task("Boodschappen doen").pk) in offered


def test_evaluation_must_come_after_start(client, setup):
    _login(client, setup["coordinator"])
    response = client.post(
        _urls(setup)["agreement_new"], _agreement_data(evaluation_date=TODAY.isoformat())
    )
    assert response.status_code == 400
    assert "De evaluatie moet na de startdatum zijn" in response.content.decode()


def test_new_agreement_keeps_history_and_current_is_latest_started(client, setup):
    _login(client, setup["coordinator"])
    url = _urls(setup)["agreement_new"]
    old_start = (TODAY - dt.timedelta(days=200)).isoformat()
    client.post(url, _agreement_data(start_date=old_start, evaluation_date=""))
    client.post(url, _agreement_data())
    future = (TODAY + dt.timedelta(days=30)).isoformat()
    client.post(url, _agreement_data(start_date=future, evaluation_date=""))
    assert VolunteerAgreement.objects.count() == 3
    again = client.post(url, _agreement_data())
    assert again.status_code == 400  # same start date twice
    agreements = selectors.agreements_of(setup["volunteer"])
    assert selectors.current_agreement(agreements, TODAY).start_date == TODAY
    audit = AuditEvent.objects.filter(object_type="volunteer_agreement", action="create")
    assert audit.count() == 3


def test_print_page_renders_for_coordinator_and_volunteer(client, setup):
    _login(client, setup["coordinator"])
    client.post(
        _urls(setup)["agreement_new"],
        _agreement_data(not_allowed_notes="Geen geld aannemen"),
    )
    agreement = VolunteerAgreement.objects.get()
    url = reverse(
        "volunteers:agreement",
        kwargs={
            "organisation_id": setup["org"].pk,
            "profile_id": setup["volunteer"].pk,
            "agreement_id": agreement.pk,
        },
    )
    response = client.get(url)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Op bezoek gaan" in text
    # Plain words instead of the law's name; the print button works on phones.
    assert "Geen medische handelingen die alleen een arts of verpleegkundige mag doen" in text
    assert "Wet BIG" not in text and "BIG-registratie" not in text
    assert "Geen geld aannemen" in text
    assert "€ 0,23 per km, max € 180 per maand" in text
    assert "via de organisatie" in text
    assert 'class="no-print"' in text
    assert "data-print" in text and "js/print.js" in text
    assert "printknop van uw browser" not in text
    assert AuditEvent.objects.filter(
        object_type="volunteer_agreement", object_id=str(agreement.pk), action="view"
    ).exists()
    _login(client, setup["volunteer"].person)
    assert client.get(url).status_code == 200
    _login(client, setup["outsider"])
    assert client.get(url).status_code == 403


def _agreement_url(setup, agreement):
    return reverse(
        "volunteers:agreement",
        kwargs={
            "organisation_id": setup["org"].pk,
            "profile_id": setup["volunteer"].pk,
            "agreement_id": agreement.pk,
        },
    )


def test_tasks_refused_since_saving_are_not_printed_as_allowed(client, setup):
    """The organisation withdrew its consent for personal care after the agreement
    was made: the printed agreement, the profile, the list and the volunteer's own
    page must not present washing as allowed any more."""
    org, profile = setup["org"], setup["volunteer"]
    org.allows_personal_care = True
    org.save()
    profile.training = ["personal_care"]
    profile.save()
    _login(client, setup["coordinator"])
    washing = factories.care_task("Wassen en douchen")
    visit = factories.care_task("Op bezoek gaan")
    url = _urls(setup)["agreement_new"]
    assert client.post(url, _agreement_data(tasks=[washing.pk, visit.pk])).status_code == 302
    agreement = VolunteerAgreement.objects.get()
    page = client.get(_agreement_url(setup, agreement))
    assert sorted(t.name for t in page.context["tasks"]) == ["Op bezoek gaan", "Wassen en douchen"]
    assert "Niet meer toegestaan" not in page.content.decode()

    org.allows_personal_care = False
    org.save()
    page = client.get(_agreement_url(setup, agreement))
    assert [t.name for t in page.context["tasks"]] == ["Op bezoek gaan"]
    text = page.content.decode()
    may = text.split('id="may-title"', 1)[1].split("</section>", 1)[0]
    assert "Niet meer toegestaan: maak een nieuwe afspraak" in may
    warning = may.split('id="not-allowed-tasks"', 1)[1]
    assert "Wassen en douchen" in warning and "persoonlijke verzorging" in warning
    assert "Wassen en douchen" not in may.split('id="not-allowed-tasks"', 1)[0]

    detail = client.get(_urls(setup)["detail"])
    assert detail.context["flags"].tasks_not_allowed
    assert "taken die de vrijwilliger niet meer mag doen" in detail.content.decode()
    listing = client.get(_urls(setup)["list"])
    rows = {r.profile.pk: r for r in listing.context["rows"]}
    assert rows[profile.pk].flags.tasks_not_allowed
    assert not rows[setup["colleague"].pk].flags.tasks_not_allowed
    assert "Afspraak: taken niet meer toegestaan" in listing.content.decode()

    _login(client, profile.person)
    mine = client.get(reverse("my_volunteering:home"))
    assert [t.name for t in mine.context["tasks"]] == ["Op bezoek gaan"]
    assert "Dit mag u niet meer doen" in mine.content.decode()


def test_new_agreement_prefilled_from_the_previous_one_is_audited(client, setup):
    previous = VolunteerAgreement.objects.create(
        profile=setup["volunteer"], start_date=TODAY - dt.timedelta(days=30), expenses="Geen"
    )
    _login(client, setup["coordinator"])
    response = client.get(_urls(setup)["agreement_new"])
    assert response.status_code == 200
    assert response.context["form"].initial["expenses"] == "Geen"
    event = AuditEvent.objects.get(object_type="volunteer_agreement", action="view")
    assert event.object_id == str(previous.pk)
    assert event.actor == setup["coordinator"].user


def test_first_agreement_form_writes_no_view_row(client, setup):
    _login(client, setup["coordinator"])
    assert client.get(_urls(setup)["agreement_new"]).status_code == 200
    assert not AuditEvent.objects.filter(object_type="volunteer_agreement").exists()


def test_detail_view_is_audited(client, setup):
    _login(client, setup["coordinator"])
    client.get(_urls(setup)["detail"])
    event = AuditEvent.objects.get(object_type="volunteer_profile", action="view")
    assert event.object_id == str(setup["volunteer"].pk)
    assert event.actor == setup["coordinator"].user
    assert event.actor_role == "coordinator"


# --- The volunteer's own page -----------------------------------------------------------


def test_my_page_shows_own_profile_and_agreement(client, setup):
    agreement = VolunteerAgreement.objects.create(
        profile=setup["volunteer"], start_date=TODAY, expenses="Geen"
    )
    agreement.tasks.set([factories.care_task("Samen wandelen")])
    _login(client, setup["volunteer"].person)
    response = client.get(reverse("my_volunteering:home"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Vraag Wilma Kok om het aan te passen" in text
    assert "Samen wandelen" in text
    assert "Bram" not in text
    # Spoken to, not about: the page is hers.
    assert "Wat kunt en wilt u doen?" in text and "Waarom u dit doet" in text
    assert "Wat kan en wil de vrijwilliger?" not in text
    assert f'href="{reverse("my_proposals:list")}"' in text and "Mijn voorstellen" in text
    assert AuditEvent.objects.filter(object_type="volunteer_agreement", action="view").exists()


def test_my_page_for_someone_without_profile(client, setup):
    _login(client, setup["outsider"])
    response = client.get(reverse("my_volunteering:home"))
    assert response.status_code == 200
    assert "niet als vrijwilliger" in response.content.decode()


def test_index_sends_coordinator_to_their_list_and_volunteer_to_own_page(client, setup):
    _login(client, setup["coordinator"])
    assert client.get(reverse("volunteers:index")).url == _urls(setup)["list"]
    _login(client, setup["volunteer"].person)
    assert client.get(reverse("volunteers:index")).url == reverse("my_volunteering:home")


# --- Start page summary -------------------------------------------------------------------


def test_home_summary(setup):
    _profile(setup["org"], vog_status="none", vog_date=None)
    _profile(setup["org"], motives_asked_on=None)
    summary = selectors.home_summary(setup["coordinator"], TODAY)
    (row,) = summary.organisations
    assert (row.volunteers, row.vog_problems, row.motives_due) == (4, 1, 1)
    assert summary.own_profile is None
    own = selectors.home_summary(setup["volunteer"].person, TODAY)
    assert own.organisations == [] and own.own_profile == setup["volunteer"]
    assert selectors.home_summary(None, TODAY).empty


# --- Demo -----------------------------------------------------------------------------------


def test_demo_volunteers_are_idempotent_and_varied():
    from samenspel.volunteers.demo import WIJK_COORDINATES, add_demo_volunteers

    org = _org("Vrijwilligerscentrale De Schakel")
    wilma = factories.PersonFactory(first_name="Wilma", last_name="Kok")
    Employment.objects.create(person=wilma, organisation=org, discipline="volunteer_coordinator")
    people = [factories.PersonFactory() for _ in range(5)]
    created = add_demo_volunteers(org, people, TODAY, seed=7)
    assert created >= 30
    assert add_demo_volunteers(org, people, TODAY, seed=7) == 0
    profiles = list(VolunteerProfile.objects.filter(organisation=org))
    assert len(profiles) == created
    assert {p.kind for p in profiles} == {
        "regular",
        "reintegration",
        "school_internship",
        "employer",
    }
    assert all(p.supervisor for p in profiles if p.kind != "regular")
    assert all(p.contact_person == wilma for p in profiles)
    assert all(p.wijk in WIJK_COORDINATES and p.latitude for p in profiles)
    flags = [selectors.flags_for(p, TODAY) for p in profiles]
    assert any(f.vog_problem for f in flags) and any(f.motives_due for f in flags)
    assert VolunteerAgreement.objects.filter(profile__organisation=org).count() >= 10
    for a in VolunteerAgreement.objects.prefetch_related("tasks"):
        assert all(not t.reserved_act and t.category != "nursing" for t in a.tasks.all())


def test_dates_and_vog_read_the_same_everywhere(client, setup):
    profile = setup["volunteer"]
    profile.vog_date = dt.date(2025, 10, 18)
    profile.motives_asked_on = dt.date(2026, 4, 26)
    profile.save()
    _login(client, setup["coordinator"])
    text = client.get(_urls(setup)["detail"]).content.decode()
    assert "VOG in orde (afgegeven 18 oktober 2025)" in text
    assert "gevraagd op 26 april 2026" in text
    assert "Wat kan en wil de vrijwilliger?" in text  # the coordinator reads about her
    assert "18-10-2025" not in text and "26-4-2026" not in text


def test_agreement_reads_as_plain_sentences(client, setup):
    _login(client, setup["coordinator"])
    client.post(_urls(setup)["agreement_new"], _agreement_data())
    text = client.get(_agreement_url(setup, VolunteerAgreement.objects.get())).content.decode()
    assert "Uit de takenlijst" not in text
    assert "Dus ook niet:" in text
    assert (
        "<strong>Verzekering:</strong> via de organisatie "
        "(Vrijwilligersverzekering van de gemeente)." in text
    )
    assert "De vrijwilliger is verzekerd" not in text
    assert '<button type="button" class="button no-print" data-print>Afdrukken</button>' in text
