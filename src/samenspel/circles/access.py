"""The one permission layer every circle view and endpoint goes through.

`circle_view(perm)` loads the circle, works out the user's relationship to
it, asks the domain policy, and refuses with 403 when the permission is
missing. Views find the circle and the granted permissions on `request`.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404

from samenspel.audit import context as audit_context
from samenspel.circles.models import Circle, Member
from samenspel.domain.access import Perm, Relationship, permissions, role_name
from samenspel.domain.vocabulary import AccessLevel, MemberKind
from samenspel.organisations.models import Employment


def relationship_of(member: Member | None, *, team_professional: bool, team_consent: bool):
    """The facts the policy needs, from a user's member row (or None) in one circle."""
    return Relationship(
        member_kind=MemberKind(member.kind) if member else None,
        member_active=bool(member and member.is_active),
        access_level=AccessLevel(member.access_level) if member else None,
        legal_representative=bool(member and member.is_legal_representative),
        team_professional=team_professional,
        team_consent=team_consent,
    )


def _member_and_relationship(user, circle: Circle) -> tuple[Member | None, Relationship]:
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None:
        return None, Relationship()
    member = (
        Member.objects.filter(circle=circle, person=person)
        .select_related("person", "organisation")
        .first()
    )
    team_professional = (
        circle.team_id is not None
        and Employment.objects.filter(person=person, organisation_id=circle.team_id).exists()
    )
    rel = relationship_of(
        member, team_professional=team_professional, team_consent=circle.team_consent
    )
    return member, rel


def relationship(user, circle: Circle) -> Relationship:
    return _member_and_relationship(user, circle)[1]


class CircleAccess:
    """What the current user may do in the current circle."""

    def __init__(self, circle: Circle, rel: Relationship, member: Member | None = None):
        self.circle = circle
        self.relationship = rel
        # The user's own active member row here (None: not a member, or revoked);
        # loaded once by the permission check, so views need not query it again.
        self.member = member if member is not None and member.is_active else None
        self.perms = permissions(rel)
        self.role = role_name(rel)

    def __contains__(self, perm: Perm) -> bool:
        return perm in self.perms

    # Template-friendly flags.
    def __getattr__(self, name: str) -> bool:
        try:
            return Perm(name) in self.perms
        except ValueError:
            raise AttributeError(name) from None


def access_for(user, circle: Circle) -> CircleAccess:
    member, rel = _member_and_relationship(user, circle)
    return CircleAccess(circle, rel, member)


def circle_view(*perms: Perm):
    """Decorate a view taking `circle_id`; it runs only with one of `perms` granted."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, circle_id, *args, **kwargs):
            if request.method not in ("GET", "HEAD", "POST"):
                return HttpResponseNotAllowed(["GET", "POST"])
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            circle = get_object_or_404(
                Circle.objects.select_related("client", "team"), pk=circle_id
            )
            access = access_for(request.user, circle)
            if not any(perm in access for perm in perms):
                raise PermissionDenied
            request.circle = circle
            request.access = access
            audit_context.set_role(access.role)
            return view(request, circle_id, *args, **kwargs)

        wrapped.required_perms = perms
        return wrapped

    return decorator
