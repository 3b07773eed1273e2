"""Cross-app consequences as explicit events: the owner publishes, dependants subscribe.

A base app must not import the apps built on it. When a change in one app has
consequences in others ("a member was revoked": feeds stop, invitations lapse, roles
are released, planned moments open up), the owning app publishes an event defined in
its own ``events.py``, and each app that cares subscribes a handler in its
``AppConfig.ready()``. Every subscription in the product is listed in the README's
architecture section.

Handlers run at once, in the publisher's transaction (so a failing handler rolls the
whole change back), in the order the apps are installed. ``publish`` returns what the
handlers return, for an owner that reports a total (see ``AgreementChanged``).
This is cosmicpython's message bus, kept small: no queue, no retries.
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

_handlers: dict[type, list[Callable[[Any], Any]]] = defaultdict(list)


def subscribe(event_type: type, handler: Callable[[Any], Any]) -> None:
    """Call ``handler(event)`` for every published event of this type (once per handler)."""
    if handler not in _handlers[event_type]:
        _handlers[event_type].append(handler)


def publish(event: object) -> list[Any]:
    """Run the handlers of this event's type; return their results in order."""
    return [handler(event) for handler in _handlers[type(event)]]


def handlers_of(event_type: type) -> list[Callable[[Any], Any]]:
    """The subscribed handlers, for tests and for the README's list."""
    return list(_handlers[event_type])
