"""Make the request's user the actor of every audit row written while it is handled."""

from samenspel.audit.context import acting_as


class AuditActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(getattr(request, "user", None)):
            return self.get_response(request)
