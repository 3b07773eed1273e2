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


@dataclass(frozen=True)
class Actor:
    user: object | None
    name: str
    role: str = ""


SYSTEM = Actor(user=None, name="Samenspel (systeem)", role="system")
_current: ContextVar[Actor | None] = ContextVar("samenspel_audit_actor", default=None)


def actor_for(user, role: str = "") -> Actor:
    if user is None or not user.is_authenticated:
        return Actor(user=None, name="", role=role)
    person = getattr(user, "person", None)
    name = person.full_name if person else user.get_username()
    return Actor(user=user, name=name[:170], role=role)


def current() -> Actor:
    return _current.get() or SYSTEM


@contextmanager
def acting_as(user, role: str = "") -> Iterator[Actor]:
    """Everything recorded inside is done by ``user`` (in ``role``)."""
    actor = actor_for(user, role)
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
