"""Care signals on the start page and for one circle: logbook signals, empty
slots in the agenda, agreements to discuss again."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.agenda.models import Occurrence
from samenspel.agreements.models import Agreement
from samenspel.circles.models import Circle
from samenspel.domain.access import Perm, permissions
from samenspel.domain.access import Relationship as Rel
from samenspel.domain.vocabulary import AccessLevel, MemberKind
from samenspel.logbook import services
from samenspel.logbook.models import LogEntry
from samenspel.pages.care_signals import circle_care_signals
from tests import factories

pytestmark = pytest.mark.django_db

HOME = "pages:home"


def home(client, user):
    client.force_login(user)
    response = client.get(reverse(HOME))
    assert response.status_code == 200
    return response


def flag(circle, member, text, audience="professionals", recipients=()):
    return services.write_entry(
        circle,
        author=member.person,
        author_role=member.kind,
        text=text,
        audience=audience,
        recipients=recipients,
        is_signal=True,
    )


def test_volunteer_signal_reaches_the_professional_until_seen(client, world):
    circle = world["circle"]
    entry = flag(circle, world["members"]["volunteer"], "Greet viel gisteren bijna. " * 10)
    page = home(client, world["users"]["pro_team"]).content.decode()
    assert "Signalen voor u" in page
    assert "Signaal van Vera Jansen" in page
    assert "Greet Bakker" in page
    assert "Greet viel gisteren bijna." in page
    assert ("Greet viel gisteren bijna. " * 10).strip() not in page  # only the start
    assert reverse("logbook:list", args=[circle.pk]) + f"#bericht-{entry.pk}" in page
    assert "1 signaal in het logboek" in page  # the chip in the caseload row

    client.post(reverse("logbook:acknowledge", args=[circle.pk, entry.pk]), {"next": reverse(HOME)})
    page = home(client, world["users"]["pro_team"]).content.decode()
    assert "Signalen voor u" not in page
    assert "signaal in het logboek" not in page


@pytest.mark.parametrize("who", ["client", "carer", "volunteer", "pro_other"])
def test_signals_are_only_for_professionals_of_the_circle(client, world, who):
    flag(world["circle"], world["members"]["volunteer"], "Zorgen om Greet")
    page = home(client, world["users"][who]).content.decode()
    assert "Signalen voor u" not in page
    assert "Zorgen om Greet" not in page


def test_signal_for_chosen_people_still_reaches_the_professional(client, world):
    """A signal is meant for the professionals, whatever audience it has."""
    m = world["members"]
    flag(world["circle"], m["volunteer"], "Alleen voor Ans bedoeld", "chosen", [m["carer"]])
    response = home(client, world["users"]["pro_team"])
    assert "Alleen voor Ans bedoeld" in response.content.decode()
    assert response.context["care"].log_signal_total == 1


def test_start_page_lists_at_most_the_newest_signals(client, world, monkeypatch):
    monkeypatch.setattr("samenspel.pages.care_signals.HOME_SIGNAL_LIMIT", 2)
    for i in range(3):
        flag(world["circle"], world["members"]["volunteer"], f"Zorg nummer {i}")
    response = home(client, world["users"]["pro_team"])
    care = response.context["care"]
    assert [i.entry.text for i in care.log_signals] == ["Zorg nummer 2", "Zorg nummer 1"]
    assert care.log_signal_total == 3
    assert care.caseload_rows[0].open_log_signals == 3


def _open_task(circle, **values):
    """An agreement nobody performs: its occurrences stay open."""
    return factories.make_agreement(circle, "Boodschappen doen", frequency="daily", **values)


def test_unfilled_and_review_due_on_the_caseload_row(client, world):
    circle = world["circle"]
    _open_task(circle)
    factories.make_agreement(
        circle,
        "Op bezoek gaan",
        performer=world["members"]["volunteer"],
        review_date=timezone.localdate() - dt.timedelta(days=1),
    )
    response = home(client, world["users"]["pro_team"])
    row = response.context["care"].caseload_rows[0]
    codes = [s.code for s in row.signals]
    # Ans cares 30 h a week and never filled in a burden screening: that one too.
    assert codes == ["unfilled_occurrences", "review_due", "burden_screening_due"]
    page = response.content.decode()
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    expected = Occurrence.objects.filter(
        circle=circle,
        assignee__isnull=True,
        starts_at__gte=timezone.now(),  # slots that already began today are past
        starts_at__lt=midnight + dt.timedelta(days=15),
    ).count()
    assert expected >= 14  # daily, for the coming 14 days (today too if still ahead)
    assert f"Taken zonder iemand ({expected})" in page
    assert "Afspraken bespreken (1)" in page


def test_filled_agenda_gives_no_signal(client, world):
    factories.make_agreement(world["circle"], performer=world["members"]["carer"])
    response = home(client, world["users"]["pro_team"])
    codes = [s.code for s in response.context["care"].caseload_rows[0].signals]
    assert codes == ["burden_screening_due"]  # only the burden reminder, no agenda signal


def test_coordinator_sees_the_agenda_signals_of_their_circle(client, world):
    circle = world["circle"]
    carer = world["members"]["carer"]
    Circle.objects.filter(pk=circle.pk).update(coordinator=carer)
    _open_task(circle)
    Agreement.objects.update(status=Agreement.Status.TO_REVIEW)
    response = home(client, world["users"]["carer"])
    page = response.content.decode()
    assert "De agenda vraagt aandacht" in page
    assert "Taken zonder iemand" in page
    assert "Afspraken bespreken (1)" in page
    (row,) = response.context["care"].coordinator_rows
    assert row.circle == circle

    # Another carer of the same circle is not the coordinator.
    page = home(client, world["users"]["volunteer"]).content.decode()
    assert "De agenda vraagt aandacht" not in page


def test_client_as_coordinator_and_revoked_coordinator(client, world):
    circle = world["circle"]
    _open_task(circle)
    client_member = circle.members.get(kind="client")
    Circle.objects.filter(pk=circle.pk).update(coordinator=client_member)
    assert "De agenda vraagt aandacht" in home(client, world["users"]["client"]).content.decode()
    Circle.objects.filter(pk=circle.pk).update(coordinator=world["members"]["revoked"])
    page = home(client, world["users"]["revoked"]).content.decode()
    assert "De agenda vraagt aandacht" not in page


def test_coordinator_without_signals_sees_no_section(client, world):
    Circle.objects.filter(pk=world["circle"].pk).update(coordinator=world["members"]["carer"])
    page = home(client, world["users"]["carer"]).content.decode()
    assert "De agenda vraagt aandacht" not in page


def test_cancelled_and_past_occurrences_do_not_count(world):
    circle = world["circle"]
    _open_task(circle)
    today = timezone.localdate()
    Occurrence.objects.filter(circle=circle).update(status=Occurrence.Status.CANCELLED)
    perms = permissions(Rel(MemberKind.PROFESSIONAL, True, AccessLevel.FULL))
    assert circle_care_signals(circle, viewer_perms=perms, today=today).signals == []


PRO = permissions(Rel(MemberKind.PROFESSIONAL, True, AccessLevel.FULL))
CARER = permissions(Rel(MemberKind.CARER, True, AccessLevel.FULL))
VOLUNTEER = permissions(Rel(MemberKind.VOLUNTEER, True, AccessLevel.AGENDA))
MAP_ONLY = permissions(Rel(MemberKind.CARER, True, AccessLevel.MAP_ONLY))


@pytest.mark.parametrize(
    ("perms", "codes", "log_count"),
    [
        (PRO, ["unfilled_occurrences", "review_due"], 2),
        (CARER, ["unfilled_occurrences", "review_due"], 0),
        (VOLUNTEER, ["unfilled_occurrences"], 0),  # can take a slot; no agreement work
        (MAP_ONLY, [], 0),
    ],
)
def test_circle_care_signals_by_viewer(world, perms, codes, log_count):
    circle = world["circle"]
    _open_task(circle, review_date=timezone.localdate())
    flag(circle, world["members"]["volunteer"], "Een")
    flag(circle, world["members"]["carer"], "Twee")
    seen = flag(circle, world["members"]["carer"], "Drie")
    services.acknowledge(circle, seen.pk, by=world["users"]["pro_team"].person)
    other = factories.make_circle()
    flag(other, factories.add_member(other, "carer"), "Elders")  # not this circle
    result = circle_care_signals(circle, viewer_perms=perms, today=timezone.localdate())
    assert [s.code for s in result.signals] == codes
    assert result.open_log_signals == log_count
    if codes:
        assert result.signals[0].title.startswith("Taken zonder iemand (")
        assert "{" not in result.signals[0].explanation  # values filled in


def test_urgent_unfilled_is_high(world):
    _open_task(world["circle"])
    result = circle_care_signals(world["circle"], viewer_perms=PRO, today=timezone.localdate())
    assert result.signals[0].severity == "high"  # the first open slot is today


def test_acknowledged_signals_do_not_count(world):
    circle = world["circle"]
    entry = flag(circle, world["members"]["volunteer"], "Zorgen")
    assert (
        circle_care_signals(circle, viewer_perms=PRO, today=timezone.localdate()).open_log_signals
        == 1
    )
    LogEntry.objects.filter(pk=entry.pk).update(acknowledged_at=timezone.now())
    assert (
        circle_care_signals(circle, viewer_perms=PRO, today=timezone.localdate()).open_log_signals
        == 0
    )
    assert Perm.RUN_SCAN in PRO


@pytest.mark.django_db
def test_logbook_previews_on_the_start_page_are_audited(client, world):
    from samenspel.audit.models import AuditEvent
    from samenspel.logbook.services import write_entry

    volunteer = world["members"]["volunteer"]
    entry = write_entry(
        world["circle"],
        author=volunteer.person,
        author_role="volunteer",
        text="Mevrouw viel bijna",
        audience="professionals",
        is_signal=True,
    )
    client.force_login(world["users"]["pro_team"])
    assert "Mevrouw viel bijna" in client.get("/").content.decode()
    assert AuditEvent.objects.filter(object_type="log_entry", object_id=str(entry.pk)).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "sees_reviews"), [("carer", True), ("volunteer", False)])
def test_a_coordinator_sees_reviews_only_with_full_access(client, world, who, sees_reviews):
    import datetime as dt

    from django.utils import timezone

    circle = world["circle"]
    circle.coordinator = world["members"][who]
    circle.save()
    factories.make_agreement(
        circle,
        "Op bezoek gaan",
        performer=world["members"]["carer"],
        review_date=timezone.localdate() - dt.timedelta(days=3),
    )
    client.force_login(world["users"][who])
    html = client.get("/").content.decode()
    assert ("Afspraken bespreken" in html) is sees_reviews
