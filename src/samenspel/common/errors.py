"""The one error type of the services: a change the product's rules refuse.

Every service error is an ``ApplicationError`` (HackSoft's styleguide has the pattern).
``code`` names the reason for code and tests; ``message`` is the sentence for the person,
in B1 Dutch, looked up by code in the subclass's ``messages``. A view that only needs
"say it and go back" lets the error through: ``ApplicationErrorMiddleware`` turns it
into that message and a redirect. A view that shows something special (both versions
after an edit conflict, a refused task with its reason) catches its subclass itself.
"""

from collections.abc import Mapping

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ApplicationError(Exception):
    messages: Mapping[str, str | Promise] = {}
    default_message: str | Promise = _("Dit lukte niet. Probeer het opnieuw.")

    def __init__(self, code: str = "", detail=None):
        super().__init__(code)
        self.code = code
        self.detail = detail

    @property
    def message(self) -> str:
        return str(self.messages.get(self.code, self.default_message))


class EditConflict(ApplicationError):
    """Someone else saved this after the form was opened."""

    default_message = _(
        "Iemand anders heeft dit intussen veranderd. Kijk het na en sla opnieuw op."
    )
