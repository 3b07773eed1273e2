"""Several people press "Ik doe het" on the same open task at once: exactly one wins.

The claim is one conditional UPDATE (`... WHERE assignee IS NULL`). The HTTP
test fires parallel logged-in requests at a live server; it needs PostgreSQL,
where requests really run side by side and row locks decide. The service
test runs on both databases.
"""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPRedirectHandler, Request, build_opener

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from samenspel.agenda import services
from samenspel.agenda.models import Occurrence
from samenspel.agenda.services import AgendaError
from samenspel.audit.models import AuditEvent
from tests import factories

PARALLEL = 8
WON = "Dank u wel! U doet nu"
LOST = "Iemand anders heeft deze taak net op zich genomen."


def _open_occurrence(circle) -> Occurrence:
    agreement = factories.make_agreement(circle, "Boodschappen doen")
    return Occurrence.objects.filter(agreement=agreement).order_by("starts_at").first()


@pytest.mark.django_db
def test_second_claim_is_refused_by_the_service(world):
    occurrence = _open_occurrence(world["circle"])
    carer, volunteer = world["members"]["carer"], world["members"]["volunteer"]
    services.claim(occurrence, carer)
    with pytest.raises(AgendaError) as refused:
        services.claim(occurrence, volunteer)
    assert refused.value.code == "taken"
    occurrence.refresh_from_db()
    assert occurrence.assignee == carer


@pytest.mark.django_db
def test_claim_by_a_member_of_another_circle_is_refused(world):
    occurrence = _open_occurrence(world["circle"])
    stranger = factories.add_member(factories.make_circle(), "carer")
    with pytest.raises(AgendaError) as refused:
        services.claim(occurrence, stranger)
    assert refused.value.code == "not_member"
    occurrence.refresh_from_db()
    assert occurrence.assignee_id is None


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 302 comes back as an HTTPError we read ourselves


class _Browser:
    """A tiny cookie-keeping HTTP client on urllib, one per user and thread."""

    def __init__(self, base: str, session: str):
        self.base = base
        self.cookies = {settings.SESSION_COOKIE_NAME: session}
        self.opener = build_opener(_NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, dict, str]:
        body = urlencode(data).encode() if data is not None else None
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        req = Request(self.base + path, data=body, headers={"Cookie": cookie})  # noqa: S310 - http live_server
        try:
            response = self.opener.open(req, timeout=60)
        except HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    if morsel.value:
                        self.cookies[name] = morsel.value
                    else:
                        self.cookies.pop(name, None)
            return response.status, dict(response.headers), response.read().decode()

    def csrf_token(self, path: str) -> str:
        status, _headers, page = self.request(path)
        assert status == 200, page[:500]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="parallel HTTP claims need PostgreSQL: SQLite runs one writer at a time",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_claims_over_http_exactly_one_wins(live_server):
    circle = factories.make_circle()
    occurrence = _open_occurrence(circle)
    helpers = [
        factories.add_member(
            circle, "carer", person=factories.person_with_login(first_name=f"Helper{i}")
        )
        for i in range(PARALLEL)
    ]
    detail = reverse("agenda:occurrence", args=[circle.pk, occurrence.pk])
    claim = reverse("agenda:claim", args=[circle.pk, occurrence.pk])
    browsers = []
    for member in helpers:
        django_client = Client()
        django_client.force_login(member.person.user)
        session = django_client.cookies[settings.SESSION_COOKIE_NAME].value
        browsers.append(_Browser(live_server.url, session))
    tokens = [b.csrf_token(detail) for b in browsers]
    start = threading.Barrier(PARALLEL)

    def press_the_button(i: int) -> str:
        browser = browsers[i]
        start.wait(timeout=30)
        status, headers, _body = browser.request(claim, {"csrfmiddlewaretoken": tokens[i]})
        assert status == 302, status
        _status, _headers, page = browser.request(headers["Location"])
        return page

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        pages = list(pool.map(press_the_button, range(PARALLEL)))

    winners = [i for i, page in enumerate(pages) if WON in page]
    losers = [i for i, page in enumerate(pages) if LOST in page]
    assert len(winners) == 1, winners
    assert len(losers) == PARALLEL - 1
    occurrence.refresh_from_db()
    assert occurrence.assignee == helpers[winners[0]]
    assert Occurrence.objects.filter(pk=occurrence.pk, assignee__isnull=False).count() == 1
    claimed = AuditEvent.objects.filter(
        object_type="occurrence", object_id=str(occurrence.pk), summary="claimed"
    )
    assert claimed.count() == 1
    assert claimed.get().actor == helpers[winners[0]].person.user
