"""Agreements through the pages: rules, warnings, conflicts, decision log, changes."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.agenda.models import Occurrence
from samenspel.agreements.models import Agreement, AgreementDecision, ChangeEvent
from samenspel.agreements.selectors import reviews_due
from samenspel.audit.models import AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db


def form_data(task, **extra):
    today = timezone.localdate()
    data = {
        "task": str(task.pk),
        "details": "",
        "performer": "",
        "backup": "",
        "responsible": "",
        "authority": "",
        "final_responsible": "",
        "frequency": "monthly",
        "start_date": today.isoformat(),
        "start_time": "10:00",
        "duration_minutes": "60",
        "end_date": "",
        "review_date": "",
        "note": "",
        "version": "",
        "confirmed_warnings": "",
    }
    data.update({k: str(v) for k, v in extra.items()})
    return data


@pytest.fixture
def carer_client(client, world):
    client.force_login(world["users"]["carer"])
    return client


def add_url(world):
    return reverse("agreements:add", args=[world["circle"].pk])


def test_a_carer_makes_an_agreement_with_a_decision_log(carer_client, world):
    carer, volunteer = world["members"]["carer"], world["members"]["volunteer"]
    data = form_data(
        factories.care_task("Op bezoek gaan"),
        performer=volunteer.pk,
        responsible=carer.pk,
        authority=carer.pk,
        details="Koffie en een praatje",
        note="Besproken aan de keukentafel",
    )
    data["participants"] = [str(carer.pk), str(volunteer.pk)]
    response = carer_client.post(add_url(world), data)
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "agreements:detail", args=[world["circle"].pk, agreement.pk]
    )
    assert agreement.performer == volunteer and agreement.made_by == carer.person
    decision = AgreementDecision.objects.get()
    assert decision.changes == ["created"]
    assert set(decision.participants.all()) == {carer, volunteer}
    assert decision.note == "Besproken aan de keukentafel"
    assert Occurrence.objects.filter(agreement=agreement, assignee=volunteer).exists()
    assert AuditEvent.objects.filter(object_type="agreement", action="create").exists()
    page = carer_client.get(response["Location"])
    assert "Besproken aan de keukentafel" in page.content.decode()


def test_a_volunteer_on_a_reserved_act_is_blocked_and_nothing_is_lost(carer_client, world):
    volunteer = world["members"]["volunteer"]
    data = form_data(
        factories.care_task("Insuline spuiten"),
        performer=volunteer.pk,
        details="Om 8 uur, pen in de koelkast",
    )
    response = carer_client.post(add_url(world), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not Agreement.objects.exists()
    assert "voorbehouden handeling" in html
    assert "Dit kan zo niet" in html
    assert "Om 8 uur, pen in de koelkast" in html  # the input is kept


def test_warnings_are_shown_first_and_saved_after_confirming(carer_client, world):
    carer = world["members"]["carer"]
    data = form_data(
        factories.care_task("Boodschappen doen"), performer=carer.pk, frequency="weekly"
    )
    data["weekdays"] = ["0"]
    first = carer_client.post(add_url(world), data)
    html = first.content.decode()
    assert first.status_code == 200 and not Agreement.objects.exists()
    assert "niemand die kan invallen" in html
    data["confirmed_warnings"] = confirmed_value(html)
    assert data["confirmed_warnings"].startswith("no_backup:")
    second = carer_client.post(add_url(world), data)
    assert second.status_code == 302
    assert Agreement.objects.get().weekdays == [0]


def confirmed_value(html: str) -> str:
    import re

    return re.search(r'name="confirmed_warnings" value="([^"]*)"', html).group(1)


def test_a_new_warning_after_confirming_asks_again(carer_client, world):
    carer = world["members"]["carer"]
    data = form_data(
        factories.care_task("Boodschappen doen"), performer=carer.pk, frequency="weekly"
    )
    data["weekdays"] = ["0"]
    data["confirmed_warnings"] = confirmed_value(
        carer_client.post(add_url(world), data).content.decode()
    )
    data["responsible"] = str(carer.pk)
    response = carer_client.post(add_url(world), data)  # also: nobody decides
    assert response.status_code == 200
    assert not Agreement.objects.exists()
    assert "niemand mag erover beslissen" in response.content.decode()


def test_bad_input_gets_dutch_errors_and_keeps_the_rest(carer_client, world):
    carer = world["members"]["carer"]
    data = form_data(
        factories.care_task("Boodschappen doen"),
        performer=carer.pk,
        backup=carer.pk,
        start_date="morgen",
        duration_minutes="2",
        details="Lijstje op de koelkast",
    )
    html = carer_client.post(add_url(world), data).content.decode()
    assert "Vul een datum in" in html
    assert "Vul minstens 5 minuten in" in html
    assert "Kies iemand anders dan degene die het doet" in html
    assert "Lijstje op de koelkast" in html
    assert not Agreement.objects.exists()


def test_members_of_another_circle_cannot_be_chosen(carer_client, world):
    other = factories.make_circle()
    stranger = factories.add_member(other, "carer")
    data = form_data(factories.care_task("Boodschappen doen"), performer=stranger.pk)
    response = carer_client.post(add_url(world), data)
    assert response.status_code == 200
    assert not Agreement.objects.exists()


def test_two_people_edit_the_same_agreement_the_second_gets_a_conflict(client, world):
    carer = world["members"]["carer"]
    agreement = factories.make_agreement(
        world["circle"], "Op bezoek gaan", performer=carer, frequency="monthly"
    )
    url = reverse("agreements:edit", args=[world["circle"].pk, agreement.pk])
    base = form_data(agreement.task, performer=carer.pk, version=agreement.version)
    client.force_login(world["users"]["client"])
    assert client.post(url, {**base, "details": "Eerste versie"}).status_code == 302
    client.force_login(world["users"]["carer"])
    response = client.post(url, {**base, "details": "Mijn tweede versie"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft deze afspraak net ook gewijzigd" in html
    assert "Mijn tweede versie" in html  # their input is kept
    agreement.refresh_from_db()
    assert agreement.details == "Eerste versie"  # nothing overwritten
    assert f'name="version" value="{agreement.version}"' in html
    # Saving again now works and wins.
    retry = client.post(
        url, {**base, "details": "Mijn tweede versie", "version": agreement.version}
    )
    assert retry.status_code == 302
    agreement.refresh_from_db()
    assert agreement.details == "Mijn tweede versie"
    assert agreement.decisions.count() == 3


def test_agenda_level_members_see_only_their_own_agreements(client, world):
    circle, volunteer = world["circle"], world["members"]["volunteer"]
    own = factories.make_agreement(
        circle, "Op bezoek gaan", performer=volunteer, frequency="monthly"
    )
    other = factories.make_agreement(
        circle, "Post en rekeningen", performer=world["members"]["carer"], frequency="monthly"
    )
    client.force_login(world["users"]["volunteer"])
    html = client.get(reverse("agreements:list", args=[circle.pk])).content.decode()
    assert "Op bezoek gaan" in html and "Post en rekeningen" not in html
    assert client.get(reverse("agreements:detail", args=[circle.pk, own.pk])).status_code == 200
    assert client.get(reverse("agreements:detail", args=[circle.pk, other.pk])).status_code == 404


def test_ending_an_agreement_removes_future_occurrences(carer_client, world):
    agreement = factories.make_agreement(
        world["circle"], "Op bezoek gaan", performer=world["members"]["carer"]
    )
    assert agreement.occurrences.exists()
    url = reverse("agreements:end", args=[world["circle"].pk, agreement.pk])
    assert carer_client.post(url, {"version": agreement.version}).status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "ended"
    assert not agreement.occurrences.filter(starts_at__gte=timezone.now()).exists()
    assert agreement.decisions.first().changes == ["ended"]


def test_a_change_marks_agreements_for_review_and_becomes_a_signal(carer_client, world):
    circle = world["circle"]
    a = factories.make_agreement(circle, "Boodschappen doen", performer=world["members"]["carer"])
    b = factories.make_agreement(circle, "Op bezoek gaan", frequency="monthly")
    meeting = timezone.localdate() + dt.timedelta(days=10)
    response = carer_client.post(
        reverse("agreements:change_add", args=[circle.pk]),
        {
            "kind": "carer",
            "description": "Ans heeft een nieuwe baan",
            "occurred_on": timezone.localdate().isoformat(),
            "meeting_on": meeting.isoformat(),
            "agreements": [str(a.pk)],
        },
    )
    assert response.status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, a.review_date) == ("to_review", meeting)
    assert b.status == "active"
    assert reviews_due([circle.pk], timezone.localdate()) == {circle.pk: (1, meeting)}
    page = carer_client.get(reverse("circles:detail", args=[circle.pk])).content.decode()
    assert "Afspraken bespreken (1)" in page
    # Renewing the agreement takes it off 'te herzien'.
    edit = reverse("agreements:edit", args=[circle.pk, a.pk])
    data = form_data(a.task, performer=a.performer_id, frequency="monthly", version=a.version)
    assert carer_client.post(edit, data).status_code == 302
    a.refresh_from_db()
    assert a.status == "active"
    assert "reviewed" in a.decisions.first().changes
    event = ChangeEvent.objects.get()
    handled = reverse("agreements:change_handled", args=[circle.pk, event.pk])
    assert carer_client.post(handled).status_code == 302
    event.refresh_from_db()
    assert event.status == "handled"


def test_a_meeting_in_the_past_is_refused(carer_client, world):
    response = carer_client.post(
        reverse("agreements:change_add", args=[world["circle"].pk]),
        {
            "kind": "need",
            "occurred_on": timezone.localdate().isoformat(),
            "meeting_on": "2020-01-01",
        },
    )
    assert response.status_code == 200
    assert "Kies een dag vanaf vandaag" in response.content.decode()
    assert not ChangeEvent.objects.exists()


def test_workplan_lists_who_does_what_with_contacts(client, world):
    circle, carer = world["circle"], world["members"]["carer"]
    carer.person.phone = "06-12345678"
    carer.person.save()
    factories.make_agreement(
        circle, "Boodschappen doen", performer=carer, weekdays=[0, 3], start_time=dt.time(9, 30)
    )
    factories.make_agreement(circle, "Op bezoek gaan", frequency="monthly")
    client.force_login(world["users"]["client"])
    html = client.get(reverse("agreements:workplan", args=[circle.pk])).content.decode()
    assert "Elke week op maandag en donderdag, om 09:30" in html
    assert "06-12345678" in html
    assert "Voor 1 taak is nog niemand." in html
    assert AuditEvent.objects.filter(object_type="workplan").exists()


def test_responsibility_pattern_is_shown_on_the_circle_page(client, world):
    circle = world["circle"]
    nurse = factories.add_member(circle, "professional", big_registered=True)
    factories.make_agreement(
        circle, "Insuline spuiten", performer=nurse, authority=nurse, frequency="monthly"
    )
    client.force_login(world["users"]["client"])
    html = client.get(reverse("circles:detail", args=[circle.pk])).content.decode()
    assert "Professionele verantwoordelijkheid" in html


def test_the_client_side_chooses_a_coordinator(client, world):
    circle, carer = world["circle"], world["members"]["carer"]
    client.force_login(world["users"]["client"])
    url = reverse("agreements:coordinator", args=[circle.pk])
    assert client.post(url, {"coordinator": carer.pk}).status_code == 302
    circle.refresh_from_db()
    assert circle.coordinator == carer


def test_agreement_list_query_count_does_not_grow(client, world):
    circle, carer = world["circle"], world["members"]["carer"]
    client.force_login(world["users"]["client"])
    url = reverse("agreements:list", args=[circle.pk])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    factories.make_agreement(circle, "Op bezoek gaan", performer=carer, frequency="monthly")
    few = count()
    for name in ("Boodschappen doen", "Post en rekeningen", "Samen wandelen", "Schoonmaken"):
        factories.make_agreement(circle, name, performer=carer, backup=None, frequency="monthly")
    assert count() == few
    assert few <= 16


def test_an_administrator_keeps_the_task_catalogue(client):
    from samenspel.accounts.models import User
    from samenspel.agreements.models import CareTask

    admin = User.objects.create_superuser("beheer", password=factories.PASSWORD)
    client.force_login(admin)
    listing = client.get(reverse("admin:agreements_caretask_changelist"))
    assert listing.status_code == 200
    assert "Insuline spuiten" in listing.content.decode()
    task = CareTask.objects.get(name="Wondverzorging")
    response = client.post(
        reverse("admin:agreements_caretask_change", args=[task.pk]),
        {
            "name": "Wondverzorging",
            "category": "nursing",
            "reserved_act": "on",
            "is_core": "on",
            "description": "",
            "is_active": "on",
            "order": "3",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.reserved_act


def test_a_professional_marks_a_nurse_as_big_registered(client, world):
    circle = world["circle"]
    nurse = factories.add_member(circle, "professional")
    client.force_login(world["users"]["client"])
    url = reverse("circles:member_edit", args=[circle.pk, nurse.pk])
    page = client.get(url)
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, [])}
    data.update(organisation=nurse.organisation_id, big_registered="on", version=nurse.version)
    data["domains"] = []
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    nurse.refresh_from_db()
    assert nurse.big_registered
    # Now the nurse may take the insulin agreement without a block.
    agreement = factories.make_agreement(circle, "Insuline spuiten", performer=nurse)
    assert agreement.performer == nurse


def test_a_confirmed_warning_about_another_person_asks_again(carer_client, world):
    carer, client_member = world["members"]["carer"], world["circle"].members.get(kind="client")
    data = form_data(
        factories.care_task("Op bezoek gaan"),
        responsible=carer.pk,
        authority=client_member.pk,
    )
    data["confirmed_warnings"] = confirmed_value(
        carer_client.post(add_url(world), data).content.decode()
    )
    data["responsible"] = str(world["members"]["volunteer"].pk)  # same warning, other person
    response = carer_client.post(add_url(world), data)
    assert response.status_code == 200
    assert not Agreement.objects.exists()
    assert "Vera" in response.content.decode()


def test_agenda_level_members_do_not_see_warnings_built_on_others_agreements(client, world):
    circle, carer, volunteer = (
        world["circle"],
        world["members"]["carer"],
        world["members"]["volunteer"],
    )
    factories.make_agreement(
        circle,
        "Schoonmaken",
        performer=carer,
        duration_minutes=720,
        frequency="daily",
        backup=volunteer,
    )
    client.force_login(world["users"]["volunteer"])
    html = client.get(reverse("agreements:list", args=[circle.pk])).content.decode()
    assert "Schoonmaken" in html  # the volunteer is the backup
    assert "uur per week" not in html  # but not Ans's hours
    client.force_login(world["users"]["carer"])
    html = client.get(reverse("agreements:list", args=[circle.pk])).content.decode()
    assert "uur per week" in html


def test_stopping_twice_is_harmless(carer_client, world):
    agreement = factories.make_agreement(world["circle"], "Op bezoek gaan", frequency="monthly")
    url = reverse("agreements:end", args=[world["circle"].pk, agreement.pk])
    carer_client.post(url, {"version": agreement.version})
    agreement.refresh_from_db()
    response = carer_client.post(url, {"version": agreement.version}, follow=True)
    assert "Deze afspraak was al gestopt." in response.content.decode()
    assert agreement.decisions.count() == 2
    assert carer_client.post(url, {"version": "²"}).status_code == 302


def test_an_agreement_stopped_while_editing_keeps_the_input(client, world):
    circle = world["circle"]
    agreement = factories.make_agreement(circle, "Op bezoek gaan", frequency="monthly")
    url = reverse("agreements:edit", args=[circle.pk, agreement.pk])
    data = form_data(agreement.task, version=agreement.version, details="Mijn nieuwe uitleg")
    client.force_login(world["users"]["client"])
    client.post(
        reverse("agreements:end", args=[circle.pk, agreement.pk]), {"version": agreement.version}
    )
    client.force_login(world["users"]["carer"])
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "intussen gestopt" in html and "Mijn nieuwe uitleg" in html


def test_stopped_professional_care_still_warns_when_a_carer_takes_over(carer_client, world):
    circle, carer = world["circle"], world["members"]["carer"]
    nurse = factories.add_member(circle, "professional", big_registered=True)
    care = factories.make_agreement(circle, "Wondverzorging", performer=nurse, frequency="monthly")
    end = reverse("agreements:end", args=[circle.pk, care.pk])
    carer_client.post(end, {"version": care.version})
    care.refresh_from_db()
    assert care.end_date == timezone.localdate()
    data = form_data(
        care.task,
        performer=carer.pk,
        start_date=(timezone.localdate() + dt.timedelta(days=1)).isoformat(),
    )
    html = carer_client.post(add_url(world), data).content.decode()
    assert "mogen nodige zorg van een professional niet vervangen" in html


def test_a_review_date_must_lie_ahead(carer_client, world):
    data = form_data(
        factories.care_task("Op bezoek gaan"), review_date=timezone.localdate().isoformat()
    )
    html = carer_client.post(add_url(world), data).content.decode()
    assert "Kies een dag na vandaag" in html
    assert not Agreement.objects.exists()


def test_revoking_someone_frees_their_roles_and_moments(client, world):
    from samenspel.circles.services import revoke_member

    circle, carer = world["circle"], world["members"]["carer"]
    agreement = factories.make_agreement(
        circle, "Boodschappen doen", performer=carer, responsible=carer
    )
    assert agreement.occurrences.filter(assignee=carer).exists()
    revoke_member(carer)
    agreement.refresh_from_db()
    assert (agreement.performer, agreement.responsible, agreement.status) == (
        None,
        None,
        "to_review",
    )
    assert not Occurrence.objects.filter(assignee=carer, starts_at__gte=timezone.now()).exists()


def test_changing_the_task_reopens_moments_claimed_by_someone_not_allowed(carer_client, world):
    from samenspel.agenda.services import claim

    circle, volunteer = world["circle"], world["members"]["volunteer"]
    nurse = factories.add_member(circle, "professional", big_registered=True)
    agreement = factories.make_agreement(circle, "Op bezoek gaan", frequency="monthly")
    occurrence = agreement.occurrences.first()
    claim(occurrence, volunteer)
    url = reverse("agreements:edit", args=[circle.pk, agreement.pk])
    data = form_data(
        factories.care_task("Insuline spuiten"),
        performer=nurse.pk,
        authority=nurse.pk,
        version=agreement.version,
    )
    response = carer_client.post(url, data, follow=True)
    assert "weer open" in response.content.decode()
    occurrence.refresh_from_db()
    assert occurrence.assignee is None


def test_a_map_only_member_cannot_coordinate(client, world):
    client.force_login(world["users"]["client"])
    url = reverse("agreements:coordinator", args=[world["circle"].pk])
    client.post(url, {"coordinator": world["members"]["map_only"].pk})
    world["circle"].refresh_from_db()
    assert world["circle"].coordinator is None
