"""The private calendar feed: what a phone gets, and when it gets nothing."""

import datetime as dt
import hashlib

import icalendar
import pytest
from django.urls import reverse

from samenspel.agenda import services
from samenspel.agenda.models import CalendarFeed, Occurrence
from samenspel.audit.models import AuditEvent
from samenspel.domain.recurrence import AMSTERDAM
from tests import factories

pytestmark = pytest.mark.django_db


def feed_url(token):
    return reverse("agenda_feed:feed", args=[token])


def uids(response) -> set[str]:
    cal = icalendar.Calendar.from_ical(response.content)
    return {str(event["UID"]) for event in cal.walk("VEVENT")}


def uid(occurrence) -> str:
    return f"occ-{occurrence.pk}@samenspel"


@pytest.fixture
def agenda(world):
    """Open shopping, the carer's visit, the volunteer's walk, an open insulin task,
    and a circle next door with its own open task."""
    circle, members = world["circle"], world["members"]
    nurse = factories.add_member(circle, "professional", big_registered=True)
    other = factories.make_circle()
    return {
        "open": factories.make_agreement(circle, "Boodschappen doen"),
        "carer": factories.make_agreement(circle, "Op bezoek gaan", performer=members["carer"]),
        "volunteer": factories.make_agreement(
            circle, "Samen wandelen", performer=members["volunteer"]
        ),
        "insulin": factories.make_agreement(
            circle, "Insuline spuiten", authority=nurse, frequency="daily"
        ),
        "elsewhere": factories.make_agreement(other, "Boodschappen doen"),
    }


def occurrences_of(agreement):
    return set(Occurrence.objects.filter(agreement=agreement))


def test_volunteer_feed_has_own_tasks_and_open_ones_they_may_take(client, world, agenda):
    token = services.issue_feed(world["members"]["volunteer"])
    response = client.get(feed_url(token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    found = uids(response)
    assert {uid(o) for o in occurrences_of(agenda["volunteer"])} <= found
    assert {uid(o) for o in occurrences_of(agenda["open"])} <= found
    # Not the carer's visit, not the insulin a volunteer may not do, nothing next door.
    for key in ("carer", "insulin", "elsewhere"):
        assert not {uid(o) for o in occurrences_of(agenda[key])} & found, key
    circle_ids = set(
        Occurrence.objects.filter(pk__in=[int(u[4:].split("@")[0]) for u in found]).values_list(
            "circle_id", flat=True
        )
    )
    assert circle_ids == {world["circle"].pk}


def test_carer_feed_includes_open_insulin(client, world, agenda):
    token = services.issue_feed(world["members"]["carer"])
    found = uids(client.get(feed_url(token)))
    assert {uid(o) for o in occurrences_of(agenda["carer"])} <= found
    assert {uid(o) for o in occurrences_of(agenda["insulin"])} <= found
    assert not {uid(o) for o in occurrences_of(agenda["volunteer"])} & found


def test_client_feed_holds_the_whole_agenda(client, world, agenda):
    client_member = world["circle"].members.get(kind="client")
    token = services.issue_feed(client_member)
    found = uids(client.get(feed_url(token)))
    for key in ("open", "carer", "volunteer", "insulin"):
        assert {uid(o) for o in occurrences_of(agenda[key])} <= found, key
    assert not {uid(o) for o in occurrences_of(agenda["elsewhere"])} & found


def test_calendar_content_and_time_zone(client, world, agenda):
    token = services.issue_feed(world["members"]["volunteer"])
    response = client.get(feed_url(token))
    cal = icalendar.Calendar.from_ical(response.content)
    assert str(cal["PRODID"])
    assert str(cal["X-WR-CALNAME"]) == "Samenspel – Greet"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    first = Occurrence.objects.filter(agreement=agenda["volunteer"]).first()
    event = next(e for e in cal.walk("VEVENT") if str(e["UID"]) == uid(first))
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DTSTART") == first.starts_at
    assert event.decoded("DTSTART").astimezone(AMSTERDAM).time() == dt.time(10)
    assert event.decoded("DTEND") == first.ends_at
    assert str(event["SUMMARY"]) == "Samen wandelen"
    assert "DTSTAMP" in event
    assert str(event["URL"]).endswith(
        reverse("agenda:occurrence", args=[world["circle"].pk, first.pk])
    )
    open_event = next(
        e for e in cal.walk("VEVENT") if str(e["UID"]) == uid(first_open(agenda["open"]))
    )
    assert "open" in str(open_event["SUMMARY"])


def first_open(agreement):
    return Occurrence.objects.filter(agreement=agreement).first()


def test_fetching_is_recorded(client, world, agenda):
    member = world["members"]["volunteer"]
    token = services.issue_feed(member)
    client.get(feed_url(token))
    feed = CalendarFeed.objects.get(member=member)
    assert feed.last_fetched_at is not None
    event = AuditEvent.objects.get(object_type="calendar_feed", action="view")
    assert event.actor == member.person.user
    assert event.actor_role == "feed"
    assert event.circle == world["circle"]


def test_tokens_are_stored_only_as_hashes(world):
    token = services.issue_feed(world["members"]["carer"])
    feed = CalendarFeed.objects.get()
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in feed.token_hash
    assert len(token) >= 40  # 32 random bytes


def test_revoked_or_replaced_tokens_give_404(client, world, agenda):
    member = world["members"]["carer"]
    old = services.issue_feed(member)
    new = services.issue_feed(member)
    assert client.get(feed_url(old)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200
    services.revoke_feeds(member)
    assert client.get(feed_url(new)).status_code == 404


@pytest.mark.parametrize(
    "change",
    [
        {"status": "revoked"},
        {"access_level": "map_only"},
    ],
)
def test_feed_stops_when_access_is_taken_away(client, world, agenda, change):
    member = world["members"]["carer"]
    token = services.issue_feed(member)
    type(member).objects.filter(pk=member.pk).update(**change)
    response = client.get(feed_url(token))
    assert response.status_code == 404
    assert b"VCALENDAR" not in response.content
    assert not AuditEvent.objects.filter(object_type="calendar_feed").exists()


def test_feed_stops_when_the_account_is_disabled(client, world, agenda):
    member = world["members"]["carer"]
    token = services.issue_feed(member)
    user = member.person.user
    user.is_active = False
    user.save()
    assert client.get(feed_url(token)).status_code == 404


@pytest.mark.parametrize("token", ["onbekend", "a" * 43, "x" * 100])
def test_unknown_tokens_give_404(client, world, token):
    services.issue_feed(world["members"]["carer"])
    assert client.get(feed_url(token)).status_code == 404


def test_feed_is_read_only(client, world, agenda):
    token = services.issue_feed(world["members"]["carer"])
    assert client.post(feed_url(token)).status_code == 405
