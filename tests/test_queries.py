"""Main pages do a fixed number of queries, however big the circle or caseload."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories

MAX_CIRCLE_PAGE_QUERIES = 14
# reads, savepoints, care/burden/referral bulk reads, 2 permission reads, and (issues 6–7)
# open reflection rounds (2), the own volunteer profile (1), proposals to answer or follow
# and introductions (3)
MAX_HOME_QUERIES = 26
# + 1 for referral reminders


def _count(client, url):
    """Queries of one page view, leaving out the audit log's batched bulk insert.

    The audit rows of a list page are written with one bulk insert; SQLite splits
    it into batches of about a hundred rows (its variable limit), which is not an
    N+1. `_audit_inserts` checks that part on its own.
    """
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len([q for q in ctx.captured_queries if not _is_audit_insert(q)])


def _is_audit_insert(query):
    return query["sql"].startswith('INSERT INTO "audit_auditevent"')


def _audit_inserts(client, url):
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return len([q for q in ctx.captured_queries if _is_audit_insert(q)])


def _circle_with(team, n_members):
    circle = factories.make_circle(team=team, needed_domains=["household", "company"])
    for i in range(n_members):
        kind = ("carer", "volunteer", "professional")[i % 3]
        factories.add_member(circle, kind, hours_per_week=i % 12, domains=["household"])
    return circle


@pytest.mark.django_db
def test_circle_page_queries_do_not_grow_with_members(client, team):
    pro = factories.person_with_login()
    factories.EmploymentFactory(person=pro, organisation=team)
    client.force_login(pro.user)
    small = _count(client, reverse("circles:detail", args=[_circle_with(team, 3).pk]))
    large = _count(client, reverse("circles:detail", args=[_circle_with(team, 30).pk]))
    assert large == small
    assert large <= MAX_CIRCLE_PAGE_QUERIES


def _care_circle(team, i):
    """A caseload circle; some have open slots, agreements to discuss, logbook signals."""
    import datetime as dt

    from django.utils import timezone

    from samenspel.logbook.services import write_entry

    circle = _circle_with(team, 4)
    if i % 10 == 0:  # nobody for the shopping yet
        factories.make_agreement(circle, "Boodschappen doen")
    if i % 10 == 5:  # to discuss again
        factories.make_agreement(
            circle,
            "Op bezoek gaan",
            performer=circle.members.filter(kind="carer").first(),
            review_date=timezone.localdate() - dt.timedelta(days=2),
        )
    if i % 4 == 1:  # a volunteer flags a worry, sometimes only for chosen people
        volunteer = circle.members.filter(kind="volunteer").first()
        chosen = i % 8 == 1
        write_entry(
            circle,
            author=volunteer.person,
            author_role="volunteer",
            text=f"Zorgen {i}",
            audience="chosen" if chosen else "professionals",
            recipients=circle.members.filter(kind="carer") if chosen else (),
            is_signal=True,
        )
    return circle


@pytest.mark.django_db
def test_professional_home_queries_do_not_grow_with_caseload(client, team):
    pro = factories.person_with_login()
    factories.EmploymentFactory(person=pro, organisation=team)
    client.force_login(pro.user)
    for i in range(5):
        circle = _care_circle(team, i)
    # Also a member of one circle, and coordinator of their own mother's circle.
    factories.add_member(circle, "professional", person=pro)
    mother = factories.make_circle()
    own = factories.add_member(mother, "carer", person=pro)
    mother.coordinator = own
    mother.save()
    factories.make_agreement(mother, "Boodschappen doen")
    small = _count(client, reverse("pages:home"))
    for i in range(5, 200):
        _care_circle(team, i)
    large = _count(client, reverse("pages:home"))
    assert large == small
    assert large <= MAX_HOME_QUERIES
    # Two bulk inserts: the caseload rows and the logbook previews (SQLite batches).
    assert _audit_inserts(client, reverse("pages:home")) <= 3
    response = client.get(reverse("pages:home"))
    assert len(response.context["caseload"]) == 200
    care = response.context["care"]
    assert care.log_signal_total == 50
    assert sum(1 for row in care.caseload_rows if row.signals) == 40
    assert [row.circle for row in care.coordinator_rows] == [mother]
