"""Creating, revoking and accepting invitations."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from samenspel.accounts.models import Person
from samenspel.audit.context import acting_as
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.circles.models import Member
from samenspel.common.errors import ApplicationError
from samenspel.invitations.models import Invitation

Action = AuditEvent.Action

# No 0/O or 1/I/L: the code is read aloud and typed over by people.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class InvitationError(ApplicationError):
    """The invitation cannot be used: its `reason` (= code) is its status."""

    @property
    def reason(self) -> str:
        return self.code


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


@dataclass(frozen=True)
class NewInvitation:
    invitation: Invitation
    token: str  # shown once: only its hash is stored
    code: str


def revoke_open_invitations(member: Member) -> int:
    """Open invitations for this member stop working (also when their access ends)."""
    return Invitation.objects.filter(
        member=member, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


@transaction.atomic
def invite(member: Member, created_by, email: str = "") -> NewInvitation:
    """A fresh invitation; earlier open ones for the same member stop working."""
    now = timezone.now()
    revoke_open_invitations(member)
    token = secrets.token_urlsafe(32)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    invitation = Invitation.objects.create(
        member=member,
        email=email or member.person.email,
        token_hash=digest(token),
        code_hash=digest(code),
        created_by=created_by,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    log(Action.INVITE, object_type="member", object_id=member.pk, circle=member.circle_id)
    return NewInvitation(invitation, token, code)


def revoke(invitation: Invitation) -> None:
    if invitation.status == Invitation.Status.INVITED:
        Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
    circle = invitation.member.circle_id
    log(Action.REVOKE, object_type="invitation", object_id=invitation.pk, circle=circle)


def find(*, token: str = "", code: str = "") -> Invitation | None:
    secret = token or normalise_code(code)
    if not secret:
        return None
    field = "token_hash" if token else "code_hash"
    return (
        Invitation.objects.select_related("member__circle__client", "member__person")
        .filter(**{field: digest(secret)})
        .first()
    )


@transaction.atomic
def accept(invitation_id: int, user) -> Member:
    """Link the invited member to `user`. Single use: a second accept fails."""
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("member__person", "member__circle")
        .get(pk=invitation_id)
    )
    if invitation.status != Invitation.Status.INVITED:
        raise InvitationError(invitation.status)
    member = invitation.member
    if member.status != Member.Status.ACTIVE:
        raise InvitationError(Invitation.Status.REVOKED)
    if invitation.created_by_id == user.pk:
        # Nobody takes a place in a circle through an invitation they made.
        raise InvitationError("own_invitation")
    if member.person.user_id is not None and member.person.user_id != user.pk:
        raise InvitationError("taken")  # this place already belongs to an account
    own_person = Person.objects.filter(user=user).first()
    if own_person is None:
        Person.objects.filter(pk=member.person_id).update(user=user)
    elif own_person.pk != member.person_id:
        if Member.objects.filter(circle=member.circle, person=own_person).exists():
            raise InvitationError("already_member")
        # The invitee already has a person (e.g. a volunteer elsewhere): the
        # circle entry moves to that person so one account sees both roles.
        Member.objects.filter(pk=member.pk).update(person=own_person)
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now(), accepted_by=user)
    member.refresh_from_db()
    with acting_as(user):  # the invitee acts, also when the page had no log-in yet
        log(Action.ACCEPT, object_type="member", object_id=member.pk, circle=member.circle_id)
    return member
