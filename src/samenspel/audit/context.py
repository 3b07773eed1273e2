"""Who is acting, for audit rows written by services and selectors.

Rows used to be written by views from the request; a write from a command, the shell
or a future API then went unrecorded. Now the request's user (set by
``AuditActorMiddleware``) and their role in the circle (set by ``circle_view`` and by
pages outside a circle) travel in a context variable, so the layer that reads or
changes the data records it, whoever called it. Without a request the actor is the
system, or whoever ``acting_as`` names (commands that act for a person).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

SYSTEM_NAME = "Samenspel (systeem)"


def actor_name(user) -> str:
    """The name an audit row keeps, also after the account is gone."""
    person = getattr(user, "person", None)
    return (person.full_name if person else user.get_username())[:170]


@dataclass(frozen=True)
class Actor:
    """Who acts. ``user`` may be Django's lazy ``request.user``: it is resolved only
    when a row is written, so a request that records nothing costs no query here."""

    user: object | None
    role: str = ""
    system: bool = False

    @property
    def logged_in_user(self):
        user = self.user
        return user if user is not None and user.is_authenticated else None

    @property
    def name(self) -> str:
        if self.system:
            return SYSTEM_NAME
        user = self.logged_in_user
        return actor_name(user) if user is not None else ""


SYSTEM = Actor(user=None, role="system", system=True)
_current: ContextVar[Actor | None] = ContextVar("samenspel_audit_actor", default=None)


def current() -> Actor:
    return _current.get() or SYSTEM


@contextmanager
def acting_as(user, role: str = "") -> Iterator[Actor]:
    """Everything recorded inside is done by ``user`` (in ``role``)."""
    actor = Actor(user=user, role=role)
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


def set_role(role: str) -> None:
    """The acting person's role for the rest of this request (their circle role)."""
    actor = _current.get()
    if actor is not None:
        _current.set(replace(actor, role=role))
