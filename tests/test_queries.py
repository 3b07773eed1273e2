"""Main pages do a fixed number of queries, however big the circle or caseload."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories

MAX_CIRCLE_PAGE_QUERIES = 14
MAX_HOME_QUERIES = 14


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


@pytest.mark.django_db
def test_professional_home_queries_do_not_grow_with_caseload(client, team):
    pro = factories.person_with_login()
    factories.EmploymentFactory(person=pro, organisation=team)
    client.force_login(pro.user)
    for _ in range(5):
        _circle_with(team, 4)
    small = _count(client, reverse("core:home"))
    for _ in range(195):
        _circle_with(team, 4)
    large = _count(client, reverse("core:home"))
    assert large == small
    assert large <= MAX_HOME_QUERIES
    assert _audit_inserts(client, reverse("core:home")) <= 2  # one bulk insert, batched
    response = client.get(reverse("core:home"))
    assert len(response.context["caseload"]) == 200
