"""Writing to the audit log. Services and selectors call ``log``; the actor and their
role come from ``audit.context``. ``record`` is the older form for views, which still
passes the request."""

from collections.abc import Iterable

from samenspel.audit import context
from samenspel.audit.models import AuditEvent


def log(action: str, *, object_type: str, object_id="", summary="", circle=None, role=None):
    """One row for the current actor (see ``audit.context``); ``role`` overrides theirs."""
    actor = context.current()
    return AuditEvent.objects.create(
        actor=actor.logged_in_user,
        actor_name=actor.name,
        actor_role=actor.role if role is None else role,
        action=action,
        circle_id=getattr(circle, "pk", circle),
        object_type=object_type,
        object_id=str(object_id),
        summary=summary[:200],
    )


def record(
    request, action: str, *, object_type: str, object_id="", summary="", circle=None, role=None
):
    """One row. The role is the circle access's role unless `role` is given
    (pages outside a circle, e.g. a coordinator's or a volunteer's own)."""
    circle = circle if circle is not None else getattr(request, "circle", None)
    access = getattr(request, "access", None)
    if role is None:
        role = access.role if access else ""
    return AuditEvent.objects.create(
        actor=request.user if request.user.is_authenticated else None,
        actor_name=context.actor_name(request.user) if request.user.is_authenticated else "",
        actor_role=role,
        action=action,
        circle=circle,
        object_type=object_type,
        object_id=str(object_id),
        summary=summary[:200],
    )


def record_views(request, circles_and_roles: Iterable, *, object_type: str) -> None:
    """One 'view' row per circle shown on a list page, in a single insert.

    `circles_and_roles` holds (circle, role) pairs: the role differs per circle.
    """
    record_object_views(
        request,
        ((circle, role, circle.pk) for circle, role in circles_and_roles),
        object_type=object_type,
    )


def record_object_views(
    request, rows: Iterable, *, object_type: str, action=AuditEvent.Action.VIEW
) -> None:
    """One row per object shown on a list page (or made in one go), in a single
    insert.

    `rows` holds (circle, role, object_id) triples, or with a fourth item, the
    row's summary; the circle may be given by its id.
    """
    user = request.user
    name = context.actor_name(user)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=user,
            actor_name=name,
            actor_role=role,
            action=action,
            circle_id=getattr(circle, "pk", circle),
            object_type=object_type,
            object_id=str(object_id),
            summary=summary[0] if summary else "",
        )
        for circle, role, object_id, *summary in rows
    )
