"""The shared agenda: calendar views, claiming, releasing, swapping, the feed page."""

import datetime as dt
import hashlib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.agenda import selectors
from samenspel.agenda.models import CalendarFeed, Occurrence, SwapRequest
from samenspel.audit.models import AuditEvent
from samenspel.domain.recurrence import AMSTERDAM
from tests import factories

pytestmark = pytest.mark.django_db

VIEWERS = ["client", "carer", "volunteer", "pro_team"]
NO_ACCESS = ["map_only", "revoked", "pro_other"]
MAX_CALENDAR_QUERIES = 14


def calendar_url(circle, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("agenda:calendar", args=[circle.pk]) + (f"?{query}" if query else "")


def occ_url(occurrence, name="agenda:occurrence"):
    return reverse(name, args=[occurrence.circle_id, occurrence.pk])


def first_of(agreement) -> Occurrence:
    return Occurrence.objects.filter(agreement=agreement).order_by("starts_at").first()


def local_day(occurrence) -> str:
    return occurrence.starts_at.astimezone(AMSTERDAM).date().isoformat()


def text_of(response) -> str:
    """The visible text, roughly: tags out, whitespace folded (for phrases across tags)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def members(world):
    return world["members"]


@pytest.fixture
def open_shopping(world):
    """Weekly shopping nobody does yet: every occurrence is open."""
    return factories.make_agreement(world["circle"], "Boodschappen doen")


@pytest.fixture
def open_insulin(world):
    nurse = factories.add_member(world["circle"], "professional", big_registered=True)
    return factories.make_agreement(
        world["circle"],
        "Insuline spuiten",
        performer=None,
        authority=nurse,
        frequency="daily",
    )


# --- Calendar -----------------------------------------------------------------------


@pytest.mark.parametrize("who", VIEWERS)
@pytest.mark.parametrize("view", ["week", "maand", "lijst"])
def test_people_who_see_the_agenda_open_every_view(client, world, open_shopping, who, view):
    occurrence = first_of(open_shopping)
    client.force_login(world["users"][who])
    response = client.get(calendar_url(world["circle"], weergave=view, datum=local_day(occurrence)))
    assert response.status_code == 200
    assert response.context["view"] == view
    assert occurrence in [item for _day, items in response.context["days"] for item in items]
    page = response.content.decode()
    assert "Boodschappen doen" in page
    assert "Nog niemand" in page
    assert occ_url(occurrence) in page
    assert AuditEvent.objects.filter(
        action="view", object_type="agenda", circle=world["circle"]
    ).exists()


@pytest.mark.parametrize("who", NO_ACCESS)
def test_others_do_not_see_the_agenda(client, world, open_shopping, who):
    client.force_login(world["users"][who])
    assert client.get(calendar_url(world["circle"])).status_code == 403
    assert client.get(occ_url(first_of(open_shopping))).status_code == 403


def test_anonymous_goes_to_login(client, world):
    response = client.get(calendar_url(world["circle"]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_week_view_shows_seven_days_from_monday(client, world):
    client.force_login(world["users"]["carer"])
    response = client.get(calendar_url(world["circle"], weergave="week", datum="2026-03-26"))
    days = [d for d, _items in response.context["days"]]
    assert days[0] == dt.date(2026, 3, 23) and days[-1] == dt.date(2026, 3, 29)
    assert len(days) == 7


def test_month_view_is_a_table_of_whole_weeks(client, world):
    client.force_login(world["users"]["carer"])
    response = client.get(calendar_url(world["circle"], weergave="maand", datum="2026-03-15"))
    weeks = response.context["weeks"]
    assert all(len(week) == 7 for week in weeks)
    assert weeks[0][0][0] == dt.date(2026, 2, 23)  # the Monday before 1 March
    assert weeks[-1][-1][0] == dt.date(2026, 4, 5)  # the Sunday after 31 March
    page = response.content.decode()
    assert "<caption>" in page and 'scope="col"' in page
    assert "datum=2026-02-01" in page and "datum=2026-04-01" in page  # previous / next


def test_list_view_shows_only_days_with_tasks(client, world, members):
    agreement = factories.make_agreement(
        world["circle"], "Op bezoek gaan", performer=members["carer"], frequency="weekly"
    )
    client.force_login(world["users"]["carer"])
    response = client.get(calendar_url(world["circle"], weergave="lijst"))
    days = response.context["days"]
    assert days and all(items for _day, items in days)
    # The list shows whole local days, today and the next LIST_DAYS - 1 (not "now + 30 days":
    # from a Saturday after 10:00 that would also count the Monday 10:00 just past the end).
    today = timezone.localdate()
    start, end = selectors.local_bounds(today, today + dt.timedelta(days=selectors.LIST_DAYS))
    shown = Occurrence.objects.filter(agreement=agreement, starts_at__gte=start, starts_at__lt=end)
    assert len(days) == shown.count()


@pytest.mark.parametrize(
    "params",
    [
        {"datum": "gisteren"},
        {"datum": "2026-02-31"},
        {"datum": "9999-12-31", "weergave": "maand"},
        {"datum": "0001-01-01", "weergave": "week"},
        {"weergave": "jaar"},
        {"wie": "<script>"},
    ],
)
def test_bad_parameters_show_today_instead_of_an_error(client, world, params):
    client.force_login(world["users"]["carer"])
    response = client.get(calendar_url(world["circle"], **params))
    assert response.status_code == 200
    today = timezone.localdate()
    assert response.context["period"].start <= today < response.context["period"].end


def test_only_my_tasks(client, world, members):
    circle = world["circle"]
    factories.make_agreement(circle, "Boodschappen doen", performer=members["carer"])
    mine = factories.make_agreement(circle, "Op bezoek gaan", performer=members["volunteer"])
    client.force_login(world["users"]["volunteer"])
    day = local_day(first_of(mine))
    everyone = client.get(calendar_url(circle, datum=day, wie="iedereen")).content.decode()
    assert "Boodschappen doen" in everyone and "Op bezoek gaan" in everyone
    only_mine = client.get(calendar_url(circle, datum=day, wie="ik"))
    assert "Op bezoek gaan" in only_mine.content.decode()
    assert "Boodschappen doen" not in only_mine.content.decode()
    assert only_mine.context["only_mine"] is True


def test_team_professional_sees_everything_and_has_no_my_filter(client, world, members):
    circle = world["circle"]
    agreement = factories.make_agreement(circle, "Boodschappen doen", performer=members["carer"])
    client.force_login(world["users"]["pro_team"])
    response = client.get(calendar_url(circle, datum=local_day(first_of(agreement)), wie="ik"))
    assert response.context["can_filter"] is False
    assert "Boodschappen doen" in response.content.decode()
    assert "Alleen mijn taken" not in response.content.decode()


def test_calendar_plans_ahead_when_opened(client, world, open_shopping):
    """Occurrences beyond the stored horizon are made when someone looks."""
    Occurrence.objects.filter(agreement=open_shopping).delete()
    type(open_shopping).objects.filter(pk=open_shopping.pk).update(generated_until=None)
    client.force_login(world["users"]["carer"])
    client.get(calendar_url(world["circle"]))
    assert Occurrence.objects.filter(agreement=open_shopping).count() >= 15


@pytest.mark.parametrize("view", ["week", "maand", "lijst"])
def test_calendar_queries_do_not_grow_with_occurrences(client, world, members, view, time_machine):
    # The week view shows what is left of this week: on a Monday morning that is the whole
    # week, so three daily agreements add at least ten moments on any day the suite runs.
    time_machine.move_to(dt.datetime(2026, 12, 7, 8, 0, tzinfo=AMSTERDAM), tick=True)
    circle = world["circle"]
    factories.make_agreement(circle, "Boodschappen doen", performer=members["carer"])
    client.force_login(world["users"]["carer"])
    url = calendar_url(circle, weergave=view)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx.captured_queries), response.context["item_count"]

    client.get(url)
    small, few = count()
    for name, who in [
        ("Op bezoek gaan", members["volunteer"]),
        ("Dagelijks even bellen", members["carer"]),
        ("Samen wandelen", None),
    ]:
        factories.make_agreement(circle, name, performer=who, frequency="daily")
    large, many = count()
    assert many >= few + 10
    assert large == small
    assert large <= MAX_CALENDAR_QUERIES


# --- One occurrence -------------------------------------------------------------


def test_occurrence_page_shows_task_time_and_people(client, world, members):
    agreement = factories.make_agreement(
        world["circle"],
        "Boodschappen doen",
        performer=members["carer"],
        backup=members["volunteer"],
        details="Ook de krant meenemen.",
    )
    occurrence = first_of(agreement)
    client.force_login(world["users"]["client"])
    response = client.get(occ_url(occurrence))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Boodschappen doen" in page
    assert members["carer"].person.full_name in page
    assert members["volunteer"].person.full_name in page  # the backup
    assert "Ook de krant meenemen." in page
    assert occurrence.starts_at.astimezone(AMSTERDAM).strftime("%H:%M") in page
    assert "Ik doe het" not in page  # the client does not take shifts
    assert AuditEvent.objects.filter(
        action="view", object_type="occurrence", object_id=str(occurrence.pk)
    ).exists()


def test_agenda_level_member_does_not_read_details_of_others_agreements(client, world, members):
    agreement = factories.make_agreement(
        world["circle"],
        "Boodschappen doen",
        performer=members["carer"],
        details="Pincode ligt in de la.",
    )
    client.force_login(world["users"]["volunteer"])
    response = client.get(occ_url(first_of(agreement)))
    assert response.status_code == 200
    assert "Pincode ligt in de la." not in response.content.decode()


def test_occurrence_of_another_circle_is_not_found(client, world, team):
    other = factories.make_circle(team=team)
    foreign = first_of(factories.make_agreement(other, "Boodschappen doen"))
    client.force_login(world["users"]["carer"])
    circle = world["circle"]
    for name in ("agenda:occurrence", "agenda:claim"):
        url = reverse(name, args=[circle.pk, foreign.pk])
        response = client.post(url) if name == "agenda:claim" else client.get(url)
        assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.assignee_id is None
    huge = reverse("agenda:occurrence", args=[circle.pk, 2**70])
    assert client.get(huge).status_code == 404


def test_carer_claims_an_open_task(client, world, members, open_shopping):
    occurrence = first_of(open_shopping)
    client.force_login(world["users"]["carer"])
    page = client.get(occ_url(occurrence)).content.decode()
    assert "Ik doe het" in page
    response = client.post(occ_url(occurrence, "agenda:claim"), follow=True)
    assert response.status_code == 200
    occurrence.refresh_from_db()
    assert occurrence.assignee == members["carer"]
    assert occurrence.follows_agreement is False
    text = text_of(response)
    assert "Dank u wel! U doet nu: Boodschappen doen" in text
    assert members["carer"].person.full_name in text
    assert AuditEvent.objects.filter(
        action="update", object_type="occurrence", object_id=str(occurrence.pk), summary="claimed"
    ).exists()


def test_volunteer_cannot_take_a_reserved_act_and_sees_why(client, world, open_insulin):
    occurrence = first_of(open_insulin)
    client.force_login(world["users"]["volunteer"])
    response = client.post(occ_url(occurrence, "agenda:claim"))
    assert response.status_code == 200
    text = text_of(response)
    assert 'role="alert"' in response.content.decode()
    assert "Dit mag u niet doen" in text
    assert "voorbehouden handeling" in text
    assert "Laat de wijkverpleging dit doen." in text  # the alternative
    assert "Ik doe het" not in text  # no point in pressing it again
    occurrence.refresh_from_db()
    assert occurrence.assignee_id is None
    assert not AuditEvent.objects.filter(action="update", object_type="occurrence").exists()


def test_carer_may_take_a_reserved_act_with_a_warning(client, world, members, open_insulin):
    occurrence = first_of(open_insulin)
    client.force_login(world["users"]["carer"])
    response = client.post(occ_url(occurrence, "agenda:claim"), follow=True)
    occurrence.refresh_from_db()
    assert occurrence.assignee == members["carer"]
    text = text_of(response)
    assert "Dank u wel!" in text
    assert "Let op:" in text and "verpleegkundige het heeft geleerd" in text


def test_second_claim_gets_a_clear_message(client, world, members, open_shopping):
    occurrence = first_of(open_shopping)
    Occurrence.objects.filter(pk=occurrence.pk).update(assignee=members["carer"])
    client.force_login(world["users"]["volunteer"])
    response = client.post(occ_url(occurrence, "agenda:claim"), follow=True)
    assert "Iemand anders heeft deze taak net op zich genomen." in text_of(response)
    occurrence.refresh_from_db()
    assert occurrence.assignee == members["carer"]


@pytest.mark.parametrize("who", ["client", "pro_team", "map_only", "revoked", "pro_other"])
def test_only_helpers_can_claim(client, world, open_shopping, who):
    occurrence = first_of(open_shopping)
    client.force_login(world["users"][who])
    assert client.post(occ_url(occurrence, "agenda:claim")).status_code == 403
    occurrence.refresh_from_db()
    assert occurrence.assignee_id is None


def test_claiming_needs_post(client, world, open_shopping):
    occurrence = first_of(open_shopping)
    client.force_login(world["users"]["carer"])
    assert client.get(occ_url(occurrence, "agenda:claim")).status_code == 405
    occurrence.refresh_from_db()
    assert occurrence.assignee_id is None


def test_past_occurrence_cannot_be_claimed(client, world, open_shopping):
    occurrence = first_of(open_shopping)
    past = timezone.now() - dt.timedelta(days=2)
    Occurrence.objects.filter(pk=occurrence.pk).update(
        starts_at=past, ends_at=past + dt.timedelta(hours=1)
    )
    client.force_login(world["users"]["carer"])
    assert "Ik doe het" not in client.get(occ_url(occurrence)).content.decode()
    client.post(occ_url(occurrence, "agenda:claim"))
    occurrence.refresh_from_db()
    assert occurrence.assignee_id is None


# --- Release and swap ------------------------------------------------------------


@pytest.fixture
def carer_shopping(world, members):
    return first_of(
        factories.make_agreement(world["circle"], "Boodschappen doen", performer=members["carer"])
    )


def test_release_opens_the_task_for_others(client, world, members, carer_shopping):
    client.force_login(world["users"]["carer"])
    response = client.post(occ_url(carer_shopping, "agenda:release"), follow=True)
    assert "staat nu open in de agenda" in text_of(response)
    carer_shopping.refresh_from_db()
    assert carer_shopping.assignee_id is None
    assert carer_shopping.released_by == members["carer"]
    assert AuditEvent.objects.filter(summary="released", object_id=str(carer_shopping.pk)).exists()
    # The volunteer now sees it as open and can take it.
    client.force_login(world["users"]["volunteer"])
    page = text_of(client.get(occ_url(carer_shopping)))
    assert "Ik doe het" in page and "kan deze keer niet" in page


def test_someone_else_cannot_release_my_task(client, world, members, carer_shopping):
    client.force_login(world["users"]["volunteer"])
    client.post(occ_url(carer_shopping, "agenda:release"))
    carer_shopping.refresh_from_db()
    assert carer_shopping.assignee == members["carer"]


def test_swap_asked_and_accepted(client, world, members, carer_shopping):
    client.force_login(world["users"]["carer"])
    page = client.get(occ_url(carer_shopping)).content.decode()
    assert "Vraag iemand om te ruilen" in page
    response = client.post(
        occ_url(carer_shopping, "agenda:swap"),
        {"requested_to": members["volunteer"].pk, "message": "Ik moet werken."},
        follow=True,
    )
    assert "We hebben Vera gevraagd" in text_of(response)
    swap = SwapRequest.objects.get()
    assert swap.status == "pending" and swap.requested_to == members["volunteer"]
    carer_shopping.refresh_from_db()
    assert carer_shopping.assignee == members["carer"]  # until Vera says yes

    client.force_login(world["users"]["volunteer"])
    calendar_page = client.get(calendar_url(world["circle"])).content.decode()
    assert "Iemand vraagt of u wilt ruilen" in calendar_page
    detail = client.get(occ_url(carer_shopping)).content.decode()
    assert "Ik moet werken." in detail
    url = reverse("agenda:swap_answer", args=[world["circle"].pk, swap.pk])
    response = client.post(url, {"answer": "accept"}, follow=True)
    assert "Deze taak is nu van u." in text_of(response)
    carer_shopping.refresh_from_db()
    swap.refresh_from_db()
    assert carer_shopping.assignee == members["volunteer"]
    assert swap.status == "accepted"
    # Answering twice does nothing more.
    client.post(url, {"answer": "decline"})
    swap.refresh_from_db()
    assert swap.status == "accepted"


def test_swap_declined_keeps_the_task(client, world, members, carer_shopping):
    swap = SwapRequest.objects.create(
        occurrence=carer_shopping, requested_by=members["carer"], requested_to=members["volunteer"]
    )
    client.force_login(world["users"]["volunteer"])
    url = reverse("agenda:swap_answer", args=[world["circle"].pk, swap.pk])
    client.post(url, {"answer": "decline"})
    swap.refresh_from_db()
    carer_shopping.refresh_from_db()
    assert swap.status == "declined"
    assert carer_shopping.assignee == members["carer"]


def test_only_the_asked_person_answers_a_swap(client, world, members, carer_shopping):
    swap = SwapRequest.objects.create(
        occurrence=carer_shopping, requested_by=members["carer"], requested_to=members["volunteer"]
    )
    client.force_login(world["users"]["carer"])
    url = reverse("agenda:swap_answer", args=[world["circle"].pk, swap.pk])
    response = client.post(url, {"answer": "accept"}, follow=True)
    assert "niet (meer) van u" in text_of(response)
    swap.refresh_from_db()
    carer_shopping.refresh_from_db()
    assert swap.status == "pending"
    assert carer_shopping.assignee == members["carer"]


def test_swap_of_another_circle_is_not_found(client, world, team):
    other = factories.make_circle(team=team)
    asker = factories.add_member(other, "carer")
    occurrence = first_of(factories.make_agreement(other, "Boodschappen doen", performer=asker))
    swap = SwapRequest.objects.create(
        occurrence=occurrence, requested_by=asker, requested_to=world["members"]["volunteer"]
    )
    client.force_login(world["users"]["volunteer"])
    url = reverse("agenda:swap_answer", args=[world["circle"].pk, swap.pk])
    assert client.post(url, {"answer": "accept"}).status_code == 404
    swap.refresh_from_db()
    assert swap.status == "pending"


def test_swap_form_errors_keep_the_message(client, world, members, carer_shopping):
    client.force_login(world["users"]["carer"])
    response = client.post(
        occ_url(carer_shopping, "agenda:swap"), {"requested_to": "", "message": "Sorry!"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kies wie u wilt vragen." in page
    assert "Sorry!" in page
    long = client.post(
        occ_url(carer_shopping, "agenda:swap"),
        {"requested_to": members["volunteer"].pk, "message": "x" * 301},
    )
    assert "Uw bericht is te lang" in long.content.decode()
    assert not SwapRequest.objects.exists()


@pytest.mark.parametrize("target", ["map_only", "revoked", "client", "other_circle"])
def test_swap_only_to_active_helpers_of_this_circle(client, world, members, carer_shopping, target):
    if target == "other_circle":
        person = factories.person_with_login()
        member = factories.add_member(factories.make_circle(), "carer", person=person)
    elif target == "client":
        member = world["circle"].members.get(kind="client")
    else:
        member = members[target]
    client.force_login(world["users"]["carer"])
    response = client.post(occ_url(carer_shopping, "agenda:swap"), {"requested_to": member.pk})
    assert response.status_code == 200
    assert "Kies iemand uit de lijst." in response.content.decode()
    assert not SwapRequest.objects.exists()


def test_swap_to_a_volunteer_is_blocked_for_a_reserved_act(client, world, members):
    nurse = factories.add_member(world["circle"], "professional", big_registered=True)
    agreement = factories.make_agreement(
        world["circle"],
        "Insuline spuiten",
        performer=members["carer"],
        authority=nurse,
        frequency="daily",
    )
    occurrence = first_of(agreement)
    client.force_login(world["users"]["carer"])
    response = client.post(
        occ_url(occurrence, "agenda:swap"), {"requested_to": members["volunteer"].pk}
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "Dit mag Vera niet doen" in text
    assert "voorbehouden handeling" in text
    assert not SwapRequest.objects.exists()


# --- Phone calendar settings ------------------------------------------------------


def feed_settings_url(world):
    return reverse("agenda:feed_settings", args=[world["circle"].pk])


def test_member_makes_a_private_address_shown_once(client, world, members):
    client.force_login(world["users"]["volunteer"])
    assert client.get(feed_settings_url(world)).status_code == 200
    response = client.post(feed_settings_url(world), {"action": "maken"}, follow=True)
    assert response.redirect_chain[-1][1] == 302  # reloading does not make another
    assert "no-store" in response["Cache-Control"]
    url = response.context["new_url"]
    match = re.fullmatch(r"http://testserver/agenda/feed/([A-Za-z0-9_-]+)\.ics", url)
    assert match, url
    token = match.group(1)
    page = response.content.decode()
    assert url in page and "webcal://testserver/agenda/feed/" in page
    feed = CalendarFeed.objects.get(member=members["volunteer"], revoked_at__isnull=True)
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in feed.token_hash
    assert AuditEvent.objects.filter(action="create", object_type="calendar_feed").exists()
    # Shown once: the next visit does not show it again.
    assert token not in client.get(feed_settings_url(world)).content.decode()


def test_new_address_replaces_the_old_one_and_stop_revokes(client, world, members):
    client.force_login(world["users"]["carer"])
    client.post(feed_settings_url(world), {"action": "maken"})
    client.post(feed_settings_url(world), {"action": "maken"})
    feeds = CalendarFeed.objects.filter(member=members["carer"])
    assert feeds.count() == 2
    assert feeds.filter(revoked_at__isnull=True).count() == 1
    response = client.post(feed_settings_url(world), {"action": "stoppen"}, follow=True)
    assert "Het adres werkt niet meer." in text_of(response)
    assert not feeds.filter(revoked_at__isnull=True).exists()
    assert AuditEvent.objects.filter(action="revoke", object_type="calendar_feed").exists()


def test_team_professional_gets_an_explanation_not_an_address(client, world):
    client.force_login(world["users"]["pro_team"])
    response = client.get(feed_settings_url(world))
    assert response.status_code == 200
    assert "geen adres maken" in text_of(response)
    assert client.post(feed_settings_url(world), {"action": "maken"}).status_code == 403
    assert not CalendarFeed.objects.exists()


@pytest.mark.parametrize("who", NO_ACCESS)
def test_feed_settings_refused_without_agenda_access(client, world, who):
    client.force_login(world["users"][who])
    assert client.post(feed_settings_url(world), {"action": "maken"}).status_code == 403
    assert not CalendarFeed.objects.exists()


# --- Selectors --------------------------------------------------------------------


def test_periods():
    week = selectors.period_for("week", dt.date(2026, 3, 29))
    assert (week.start, week.end) == (dt.date(2026, 3, 23), dt.date(2026, 3, 30))
    month = selectors.period_for("maand", dt.date(2026, 1, 31))
    assert month.previous == dt.date(2025, 12, 1) and month.next == dt.date(2026, 2, 1)
    listing = selectors.period_for("lijst", dt.date(2026, 3, 1))
    assert (listing.end - listing.start).days == selectors.LIST_DAYS
    assert selectors.parse_day("2026-13-01", dt.date(2026, 5, 5)) == dt.date(2026, 5, 5)


# --- Found in review ------------------------------------------------------------------


def test_a_swap_cannot_be_accepted_once_the_task_is_out_of_bounds(world, members):
    from samenspel.agenda import services
    from samenspel.agreements.services import save_agreement

    circle = world["circle"]
    nurse = factories.add_member(circle, "professional", big_registered=True)
    agreement = factories.make_agreement(circle, "Op bezoek gaan", performer=members["carer"])
    occurrence = first_of(agreement)
    swap = services.request_swap(occurrence, members["carer"], members["volunteer"])
    values = {
        "task": factories.care_task("Insuline spuiten"),
        "performer": nurse,
        "authority": nurse,
        "frequency": agreement.frequency,
        "weekdays": agreement.weekdays,
        "start_date": agreement.start_date,
        "start_time": agreement.start_time,
        "duration_minutes": 60,
    }
    save_agreement(
        circle, values, by=circle.client, agreement=agreement, expected_version=agreement.version
    )
    swap.refresh_from_db()
    assert swap.status == SwapRequest.Status.WITHDRAWN
    swap.status = SwapRequest.Status.PENDING  # even if it were still pending:
    swap.save()
    with pytest.raises(services.AgendaError) as refused:
        services.answer_swap(swap, members["volunteer"], accept=True)
    assert refused.value.code == "blocked"


def test_open_tasks_a_volunteer_may_not_do_keep_their_details(client, world, members):
    nurse = factories.add_member(world["circle"], "professional", big_registered=True)
    agreement = factories.make_agreement(
        world["circle"], "Insuline spuiten", authority=nurse, details="Dosis 14 E in de buik"
    )
    occurrence = first_of(agreement)
    client.force_login(world["users"]["volunteer"])
    assert "Dosis 14 E" not in client.get(occ_url(occurrence)).content.decode()
    client.force_login(world["users"]["carer"])
    assert "Dosis 14 E" in client.get(occ_url(occurrence)).content.decode()


def test_a_feed_does_not_come_back_after_revoke_and_restore(client, world, members):
    from samenspel.agenda.services import issue_feed
    from samenspel.circles.services import restore_member, revoke_member, set_access_level

    volunteer = members["volunteer"]
    token = issue_feed(volunteer)
    url = reverse("agenda_feed:feed", args=[token])
    assert client.get(url).status_code == 200
    revoke_member(volunteer)
    restore_member(volunteer, "agenda")
    assert client.get(url).status_code == 404
    token = issue_feed(volunteer)
    set_access_level(volunteer, "map_only")
    set_access_level(volunteer, "agenda")
    assert client.get(reverse("agenda_feed:feed", args=[token])).status_code == 404


def test_only_on_the_map_frees_the_moments(world, members):
    from samenspel.circles.services import set_access_level

    agreement = factories.make_agreement(
        world["circle"], "Op bezoek gaan", performer=members["carer"]
    )
    set_access_level(members["carer"], "map_only")
    assert not agreement.occurrences.filter(assignee=members["carer"]).exists()


def test_a_cancelled_task_is_not_called_taken(client, world, members, open_shopping):
    occurrence = first_of(open_shopping)
    Occurrence.objects.filter(pk=occurrence.pk).update(status=Occurrence.Status.CANCELLED)
    client.force_login(world["users"]["carer"])
    response = client.post(occ_url(occurrence, "agenda:claim"), follow=True)
    assert "Deze taak gaat niet door." in text_of(response)


def test_one_moment_can_be_cancelled_and_restored(client, world, open_shopping):
    occurrence = first_of(open_shopping)
    client.force_login(world["users"]["carer"])
    url = reverse("agenda:cancel", args=[occurrence.circle_id, occurrence.pk])
    response = client.post(url, follow=True)
    assert "Deze keer gaat niet door." in text_of(response)
    occurrence.refresh_from_db()
    assert occurrence.status == Occurrence.Status.CANCELLED
    claim = client.post(occ_url(occurrence, "agenda:claim"), follow=True)
    assert "Deze taak gaat niet door." in text_of(claim)
    client.post(url, {"gaat_door": "ja"})
    occurrence.refresh_from_db()
    assert occurrence.status == Occurrence.Status.SCHEDULED
    assert AuditEvent.objects.filter(object_type="occurrence", summary="restored").exists()


def test_a_volunteer_cannot_cancel_a_moment(client, world, open_shopping):
    occurrence = first_of(open_shopping)
    client.force_login(world["users"]["volunteer"])
    url = reverse("agenda:cancel", args=[occurrence.circle_id, occurrence.pk])
    assert client.post(url).status_code == 403
