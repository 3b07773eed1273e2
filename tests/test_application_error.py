"""One error type for refused changes, and one place that turns it into a message."""

import pytest
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse

from samenspel.agenda.services import AgendaError
from samenspel.agreements.services import AlreadyEnded, Blocked
from samenspel.burden.services import ScreeningError
from samenspel.circles import services as circle_services
from samenspel.common.errors import ApplicationError, EditConflict
from samenspel.common.middleware import ApplicationErrorMiddleware, back_url
from samenspel.helprequests.services import WorkflowError
from samenspel.invitations.services import InvitationError
from samenspel.mantelscan.services import ScanCompleted
from samenspel.questionnaires.services import RoundError
from samenspel.socialmap import services as socialmap_services
from samenspel.socialmap.referral_services import ReferralError
from samenspel.teams.services import WerkplanError
from samenspel.volunteers.services import AlreadyVolunteer
from samenspel.wifa.services import WifaError


def test_every_service_error_is_an_application_error():
    kinds = [
        AgendaError,
        AlreadyEnded,
        Blocked,
        ScreeningError,
        EditConflict,
        WorkflowError,
        InvitationError,
        ScanCompleted,
        RoundError,
        ReferralError,
        WerkplanError,
        AlreadyVolunteer,
        WifaError,
    ]
    assert all(issubclass(kind, ApplicationError) for kind in kinds)
    # Three apps raise the same edit conflict.
    assert circle_services.EditConflict is socialmap_services.EditConflict is EditConflict


def test_the_message_is_looked_up_by_code_with_a_default():
    assert AgendaError("taken").message == "Iemand anders heeft deze taak net op zich genomen."
    assert RoundError("closed").message == "Deze ronde is al gesloten."
    assert ApplicationError("unknown").message.startswith("Dit lukte niet.")
    assert InvitationError("expired").reason == "expired"


def _request(referer=None):
    request = RequestFactory().post("/kring/1/agenda/5/nemen/", HTTP_HOST="testserver")
    if referer:
        request.META["HTTP_REFERER"] = referer
    request.session = {}
    from django.contrib.messages.storage.fallback import FallbackStorage

    request._messages = FallbackStorage(request)
    return request


def test_the_middleware_says_it_and_goes_back_to_the_page_on_this_site():
    middleware = ApplicationErrorMiddleware(lambda r: None)
    request = _request("http://testserver/kring/1/agenda/")
    response = middleware.process_exception(request, AgendaError("past"))
    assert response.status_code == 302
    assert response["Location"] == "http://testserver/kring/1/agenda/"
    assert [str(m) for m in get_messages(request)] == [AgendaError("past").message]
    assert middleware.process_exception(request, ValueError("no")) is None


@pytest.mark.parametrize("referer", [None, "https://elders.example/pagina/"])
def test_without_a_page_on_this_site_it_goes_to_the_start_page(referer):
    assert back_url(_request(referer)) == reverse("pages:home")
