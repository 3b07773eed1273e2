"""The one place where an ApplicationError that a view let through becomes a message
and a redirect, so a refused change never shows as a server error."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from samenspel.common.errors import ApplicationError


def back_url(request) -> str:
    """Where the person came from on this site (a form's page), else the start page."""
    referer = request.META.get("HTTP_REFERER", "")
    same_site = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if same_site and referer != request.build_absolute_uri():
        return referer
    return reverse("pages:home")


class ApplicationErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ApplicationError):
            return None
        messages.error(request, exception.message)
        return redirect(back_url(request))
