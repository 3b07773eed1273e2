"""The logbook (overdracht): who reads and writes what, signals, bad input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.audit.models import AuditEvent
from samenspel.circles.access import relationship
from samenspel.circles.models import Member
from samenspel.domain.logbook import can_read
from samenspel.logbook import selectors, services
from samenspel.logbook.models import LogEntry
from tests import factories

pytestmark = pytest.mark.django_db

READERS = ["client", "carer", "volunteer", "pro_team"]
NO_ACCESS = ["map_only", "revoked", "pro_other"]


def list_url(circle):
    return reverse("logbook:list", args=[circle.pk])


def ack_url(circle, entry):
    return reverse("logbook:acknowledge", args=[circle.pk, entry.pk])


def write(circle, author_member_or_person, text, audience="circle", recipients=(), **kw):
    person = getattr(author_member_or_person, "person", author_member_or_person)
    role = getattr(author_member_or_person, "kind", "team_professional")
    return services.write_entry(
        circle,
        author=person,
        author_role=role,
        text=text,
        audience=audience,
        recipients=recipients,
        **kw,
    )


@pytest.fixture
def pro_member(world):
    """A district nurse who is a member of the circle (full access)."""
    return factories.add_member(
        world["circle"], "professional", person=factories.person_with_login(first_name="Noor")
    )


@pytest.mark.parametrize("who", READERS)
def test_people_with_agenda_access_open_the_logbook(client, world, who):
    client.force_login(world["users"][who])
    response = client.get(list_url(world["circle"]))
    assert response.status_code == 200
    assert AuditEvent.objects.filter(
        action="view", object_type="logbook", circle=world["circle"]
    ).exists()


@pytest.mark.parametrize("who", NO_ACCESS)
def test_others_are_refused(client, world, who):
    client.force_login(world["users"][who])
    assert client.get(list_url(world["circle"])).status_code == 403
    response = client.post(list_url(world["circle"]), {"text": "Hallo", "audience": "circle"})
    assert response.status_code == 403
    assert not LogEntry.objects.exists()


def test_anonymous_goes_to_login(client, world):
    response = client.get(list_url(world["circle"]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_carer_writes_a_note(client, world):
    client.force_login(world["users"]["carer"])
    response = client.post(
        list_url(world["circle"]),
        {"text": "  Greet sliep slecht vannacht.  ", "audience": "circle"},
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get()
    assert entry.text == "Greet sliep slecht vannacht."
    assert entry.author == world["members"]["carer"].person
    assert entry.author_role == "carer"
    assert entry.author_name == "Ans Jansen"
    assert not entry.is_signal
    assert AuditEvent.objects.filter(
        action="create", object_type="log_entry", object_id=str(entry.pk)
    ).exists()
    page = client.get(list_url(world["circle"])).content.decode()
    assert "Greet sliep slecht vannacht." in page
    assert "Mantelzorger" in page


def test_form_tells_the_client_reads_everything(client, world):
    client.force_login(world["users"]["volunteer"])
    page = client.get(list_url(world["circle"])).content.decode()
    assert "De cliënt kan alle berichten lezen." in page


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"text": "", "audience": "circle"}, "Schrijf eerst een bericht."),
        ({"text": "   ", "audience": "circle"}, "Schrijf eerst een bericht."),
        ({"text": "x" * 2001, "audience": "circle"}, "Uw bericht is te lang"),
        ({"text": "Geheim", "audience": "chosen"}, "Kies minstens één persoon"),
        ({"text": "Geheim", "audience": "everyone"}, "Kies wie dit mag lezen."),
    ],
)
def test_bad_input_gives_dutch_error_and_keeps_text(client, world, data, error):
    client.force_login(world["users"]["carer"])
    response = client.post(list_url(world["circle"]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert error in page
    assert "Er ging iets mis" in page
    if data["text"].strip():
        assert data["text"][:50] in page  # what was typed stays
    assert not LogEntry.objects.exists()


def test_recipients_must_belong_to_this_circle(client, world):
    other_circle = factories.make_circle()
    stranger = factories.add_member(other_circle, "carer")
    client.force_login(world["users"]["carer"])
    response = client.post(
        list_url(world["circle"]),
        {"text": "Alleen voor jou", "audience": "chosen", "recipients": [stranger.pk]},
    )
    assert response.status_code == 200
    assert "Kies alleen mensen uit de lijst." in response.content.decode()
    assert not LogEntry.objects.exists()


def test_people_without_access_cannot_be_chosen(client, world):
    circle = world["circle"]
    author = world["members"]["carer"]
    choices = set(selectors.recipient_choices(circle, author))
    assert world["members"]["volunteer"] in choices
    assert author not in choices
    assert world["members"]["map_only"] not in choices
    assert world["members"]["revoked"] not in choices
    assert not any(m.kind == "client" for m in choices)
    client.force_login(world["users"]["carer"])
    response = client.post(
        list_url(circle),
        {"text": "x", "audience": "chosen", "recipients": [world["members"]["map_only"].pk]},
    )
    assert "Kies alleen mensen uit de lijst." in response.content.decode()


def test_chosen_audience_saves_recipients_and_other_audiences_none(client, world):
    client.force_login(world["users"]["carer"])
    volunteer = world["members"]["volunteer"]
    client.post(
        list_url(world["circle"]),
        {"text": "Voor Vera", "audience": "chosen", "recipients": [volunteer.pk]},
    )
    client.post(
        list_url(world["circle"]),
        {"text": "Voor iedereen", "audience": "circle", "recipients": [volunteer.pk]},
    )
    chosen = LogEntry.objects.get(text="Voor Vera")
    assert list(chosen.recipients.all()) == [volunteer]
    assert not LogEntry.objects.get(text="Voor iedereen").recipients.exists()


def _mixed_entries(world, pro_member):
    circle, m = world["circle"], world["members"]
    pro_team = world["users"]["pro_team"].person
    return {
        "circle": write(circle, m["volunteer"], "Voor iedereen"),
        "pros": write(circle, m["carer"], "Voor de professionals", "professionals"),
        "to_vera": write(circle, m["carer"], "Voor Vera", "chosen", [m["volunteer"]]),
        "to_noor": write(circle, m["volunteer"], "Voor Noor", "chosen", [pro_member]),
        "team_own": write(circle, pro_team, "Notitie van Pieter", "chosen", [m["carer"]]),
        "signal": write(
            circle, m["volunteer"], "Zorgen om Greet", "chosen", [m["carer"]], is_signal=True
        ),
    }


EXPECTED = {
    "client": {"circle", "pros", "to_vera", "to_noor", "team_own", "signal"},
    "carer": {"circle", "pros", "to_vera", "team_own", "signal"},  # own + chosen
    "volunteer": {"circle", "to_vera", "to_noor", "signal"},
    "pro_team": {"circle", "pros", "team_own", "signal"},
    "noor": {"circle", "pros", "to_noor", "signal"},
}


@pytest.mark.parametrize("who", EXPECTED)
def test_each_reader_sees_exactly_what_the_rules_allow(client, world, pro_member, who):
    entries = _mixed_entries(world, pro_member)
    user = pro_member.person.user if who == "noor" else world["users"][who]
    client.force_login(user)
    page = client.get(list_url(world["circle"])).content.decode()
    for key, entry in entries.items():
        assert (entry.text in page) is (key in EXPECTED[who]), key


@pytest.mark.parametrize("who", [*READERS, *NO_ACCESS, "noor"])
def test_query_filter_agrees_with_the_domain_rule(world, pro_member, who):
    _mixed_entries(world, pro_member)
    circle = world["circle"]
    user = pro_member.person.user if who == "noor" else world["users"][who]
    person = user.person
    member = selectors.own_member(circle, person)
    reader = selectors.reader_facts(
        relationship(user, circle), person, member.pk if member else None
    )
    by_query = set(selectors.readable_entries(circle, reader))
    all_entries = LogEntry.objects.prefetch_related("recipients")
    by_rule = {e for e in all_entries if can_read(reader, selectors.entry_facts(e))}
    assert by_query == by_rule
    assert len(list(selectors.readable_entries(circle, reader))) == len(by_query)  # no repeats


def test_only_carers_and_volunteers_get_the_signal_checkbox(client, world):
    circle = world["circle"]
    for who, shown in [
        ("carer", True),
        ("volunteer", True),
        ("client", False),
        ("pro_team", False),
    ]:
        client.force_login(world["users"][who])
        page = client.get(list_url(circle)).content.decode()
        assert ('name="is_signal"' in page) is shown, who


def test_professional_cannot_sneak_in_a_signal(client, world):
    client.force_login(world["users"]["pro_team"])
    client.post(list_url(world["circle"]), {"text": "Hoi", "audience": "circle", "is_signal": "on"})
    assert LogEntry.objects.get().is_signal is False


def test_volunteer_flags_a_signal(client, world):
    client.force_login(world["users"]["volunteer"])
    client.post(
        list_url(world["circle"]),
        {"text": "Greet at bijna niets.", "audience": "professionals", "is_signal": "on"},
    )
    entry = LogEntry.objects.get()
    assert entry.is_signal and entry.acknowledged_at is None
    page = client.get(list_url(world["circle"])).content.decode()
    assert "Signaal" in page
    assert "Nog niet gezien door een professional." in page


def test_professional_acknowledges_once(client, world, pro_member):
    circle = world["circle"]
    entry = write(circle, world["members"]["volunteer"], "Zorgen", is_signal=True)
    client.force_login(world["users"]["pro_team"])
    assert "Ik heb dit gezien" in client.get(list_url(circle)).content.decode()
    response = client.post(ack_url(circle, entry))
    assert response.status_code == 302
    assert response.url.endswith(f"#bericht-{entry.pk}")
    entry.refresh_from_db()
    first_at = entry.acknowledged_at
    assert first_at is not None
    assert entry.acknowledged_by == world["users"]["pro_team"].person
    # A second click, or another professional: the first acknowledgement stays.
    client.force_login(pro_member.person.user)
    client.post(ack_url(circle, entry))
    entry.refresh_from_db()
    assert entry.acknowledged_at == first_at
    assert entry.acknowledged_by == world["users"]["pro_team"].person
    assert AuditEvent.objects.filter(action="update", object_type="log_entry").count() == 1
    page = client.get(list_url(circle)).content.decode()
    assert "Gezien door Pieter Jansen" in page


@pytest.mark.parametrize("who", ["carer", "volunteer", "client", "map_only", "pro_other"])
def test_only_professionals_acknowledge(client, world, who):
    circle = world["circle"]
    entry = write(circle, world["members"]["volunteer"], "Zorgen", is_signal=True)
    client.force_login(world["users"][who])
    assert client.post(ack_url(circle, entry)).status_code == 403
    entry.refresh_from_db()
    assert entry.acknowledged_at is None


def test_acknowledge_needs_post_a_signal_and_this_circle(client, world):
    circle = world["circle"]
    signal = write(circle, world["members"]["volunteer"], "Zorgen", is_signal=True)
    plain = write(circle, world["members"]["volunteer"], "Gewoon")
    other = factories.make_circle(team=circle.team)
    client.force_login(world["users"]["pro_team"])
    assert client.get(ack_url(circle, signal)).status_code == 405
    assert client.post(ack_url(circle, plain)).status_code == 404
    assert client.post(ack_url(other, signal)).status_code == 404  # other circle's URL
    assert client.post(f"/kring/{circle.pk}/logboek/{10**30}/gezien/").status_code == 404
    signal.refresh_from_db()
    assert signal.acknowledged_at is None


def test_acknowledge_from_the_start_page_goes_back_there(client, world):
    circle = world["circle"]
    entry = write(circle, world["members"]["volunteer"], "Zorgen", is_signal=True)
    client.force_login(world["users"]["pro_team"])
    home = reverse("pages:home")
    assert client.post(ack_url(circle, entry), {"next": home}).url == home
    # Anything else is ignored: no open redirect.
    entry2 = write(circle, world["members"]["volunteer"], "Nog iets", is_signal=True)
    response = client.post(ack_url(circle, entry2), {"next": "https://evil.example/"})
    assert response.url.startswith(list_url(circle))


def test_newest_first_and_paginated(client, world):
    circle = world["circle"]
    for i in range(25):
        write(circle, world["members"]["carer"], f"Bericht nummer {i:02d}")
    client.force_login(world["users"]["carer"])
    first = client.get(list_url(circle))
    texts = [e.text for e in first.context["page"]]
    assert len(texts) == 20
    assert texts[0] == "Bericht nummer 24"
    second = client.get(list_url(circle) + "?pagina=2")
    assert [e.text for e in second.context["page"]][-1] == "Bericht nummer 00"
    assert len(second.context["page"]) == 5
    assert client.get(list_url(circle) + "?pagina=abc").status_code == 200


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _fill(world, n):
    circle, m = world["circle"], world["members"]
    extra = [factories.add_member(circle, "volunteer") for _ in range(3)]
    for i in range(n):
        audience = ("circle", "professionals", "chosen")[i % 3]
        write(
            circle,
            (m["carer"], m["volunteer"], extra[i % 3])[i % 3],
            f"Bericht {i}",
            audience,
            [m["volunteer"], m["carer"], *extra] if audience == "chosen" else (),
            is_signal=i % 4 == 0,
        )
        if i % 8 == 0:
            services.acknowledge(circle, LogEntry.objects.latest("id").pk, by=m["carer"].person)


@pytest.mark.parametrize("who", ["client", "volunteer", "pro_team"])
def test_logbook_queries_do_not_grow_with_entries(client, world, who):
    client.force_login(world["users"][who])
    url = list_url(world["circle"])
    _fill(world, 3)
    small = _count(client, url)
    _fill(world, 40)
    large = _count(client, url)
    assert large == small
    assert large <= 16  # incl. the request's savepoint pair and the audit insert


def test_revoked_member_loses_the_logbook_at_once(client, world):
    volunteer = world["members"]["volunteer"]
    client.force_login(world["users"]["volunteer"])
    assert client.get(list_url(world["circle"])).status_code == 200
    Member.objects.filter(pk=volunteer.pk).update(status="revoked")
    assert client.get(list_url(world["circle"])).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["99999999999999999999", "²", "-1"])
def test_odd_recipient_ids_give_a_form_error_not_a_crash(client, world, bad):
    from samenspel.logbook.models import LogEntry

    client.force_login(world["users"]["carer"])
    url = reverse("logbook:list", args=[world["circle"].pk])
    response = client.post(url, {"text": "Hallo", "audience": "chosen", "recipients": [bad]})
    assert response.status_code == 200
    assert "Kies alleen mensen uit de lijst." in response.content.decode()
    assert not LogEntry.objects.exists()
