"""Writes to circles. Views call these; they keep the rules in one place."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from samenspel.accounts.models import Person
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.circles.events import MemberLeftAgenda
from samenspel.circles.models import Circle, Member
from samenspel.common import events
from samenspel.common.errors import EditConflict  # noqa: F401 (raised here, caught by views)
from samenspel.domain.access import default_access_level
from samenspel.domain.vocabulary import AccessLevel, MemberKind

Action = AuditEvent.Action

PERSON_FIELDS = ("first_name", "last_name", "email", "phone")
MEMBER_FIELDS = (
    "kind",
    "relation",
    "organisation",
    "discipline",
    "domains",
    "hours_per_week",
    "contact_frequency",
    "closeness",
    "motivation",
    "sofa_roles",
    "is_legal_representative",
    "big_registered",
    "trained_personal_care",
)


@transaction.atomic
def create_circle(client: Person, team=None, needed_domains=()) -> Circle:
    circle = Circle.objects.create(client=client, team=team, needed_domains=list(needed_domains))
    Member.objects.create(
        circle=circle,
        person=client,
        kind=MemberKind.CLIENT,
        closeness=1,
        access_level=AccessLevel.FULL,
    )
    return circle


def _clean_member_values(data: dict) -> dict:
    values = {k: data[k] for k in MEMBER_FIELDS if k in data}
    kind = values.get("kind")
    if kind and kind != MemberKind.CARER:
        values["sofa_roles"] = []
        values["relation"] = ""
        values["is_legal_representative"] = False
    if kind == MemberKind.CARER:
        values["organisation"] = None
    # Facts for the task-boundary rules only mean something for their own kind.
    if kind and kind != MemberKind.PROFESSIONAL:
        values["big_registered"] = False
    if kind and kind != MemberKind.VOLUNTEER:
        values["trained_personal_care"] = False
    return values


def _log_member(action: str, member: Member, summary: str = "") -> None:
    circle = member.circle_id
    log(action, object_type="member", object_id=member.pk, summary=summary, circle=circle)


def _log_circle(circle: Circle, summary: str) -> None:
    log(Action.UPDATE, object_type="circle", object_id=circle.pk, summary=summary, circle=circle)


@transaction.atomic
def add_member(circle: Circle, data: dict, *, added_by_client: bool = False) -> Member:
    person = Person.objects.create(**{k: data.get(k, "") for k in PERSON_FIELDS})
    values = _clean_member_values(data)
    values["access_level"] = default_access_level(
        MemberKind(values["kind"]), added_by_client=added_by_client
    )
    member = Member.objects.create(circle=circle, person=person, **values)
    _log_member(Action.CREATE, member, f"{member.kind} access={member.access_level}")
    return member


@transaction.atomic
def update_member(
    member: Member, data: dict, *, expected_version: int, summary: str = ""
) -> Member:
    """Save an edit unless someone else saved in between (then `EditConflict`)."""
    values = _clean_member_values(data)
    updated = Member.objects.filter(pk=member.pk, version=expected_version).update(
        version=F("version") + 1, updated_at=timezone.now(), **values
    )
    if not updated:
        raise EditConflict
    person_values = {k: data[k] for k in PERSON_FIELDS if k in data}
    if person_values:
        Person.objects.filter(pk=member.person_id).update(**person_values)
    member.refresh_from_db()
    _log_member(Action.UPDATE, member, summary)
    return member


@transaction.atomic
def revoke_member(member: Member, *, reason: str = "") -> Member:
    """Take away all access at once; the apps built on circles follow the event
    (open invitations lapse, roles are released, moments open up, feeds stop)."""
    Member.objects.filter(pk=member.pk).update(
        status=Member.Status.REVOKED, revoked_at=timezone.now(), version=F("version") + 1
    )
    member.refresh_from_db()
    _log_member(Action.REVOKE, member, reason)
    events.publish(MemberLeftAgenda(member, revoked=True))
    return member


@transaction.atomic
def restore_member(member: Member, access_level: str) -> Member:
    Member.objects.filter(pk=member.pk).update(
        status=Member.Status.ACTIVE,
        revoked_at=None,
        access_level=access_level,
        version=F("version") + 1,
    )
    member.refresh_from_db()
    _log_member(Action.UPDATE, member, "restore")
    return member


@transaction.atomic
def set_access_level(member: Member, access_level: str) -> None:
    """Only on the map means no part in the agenda: roles, moments and feeds go."""
    Member.objects.filter(pk=member.pk).update(access_level=access_level, version=F("version") + 1)
    _log_member(Action.UPDATE, member, f"access_level={access_level}")
    if access_level == AccessLevel.MAP_ONLY:
        events.publish(MemberLeftAgenda(member, revoked=False))


def set_needed_domains(circle: Circle, domains: list[str]) -> bool:
    """Store what the client needs help with; True when it changed."""
    if sorted(circle.needed_domains or []) == sorted(domains):
        return False
    circle.needed_domains = list(domains)
    circle.save(update_fields=["needed_domains", "updated_at"])
    _log_circle(circle, "needed_domains")
    return True


def set_coordinator(circle: Circle, member: Member | None) -> None:
    """The member who keeps the agenda going (the client side chooses)."""
    Circle.objects.filter(pk=circle.pk).update(coordinator=member)
    _log_circle(circle, "coordinator")


def set_team_consent(circle: Circle, consent: bool) -> None:
    Circle.objects.filter(pk=circle.pk).update(team_consent=consent)
    _log_circle(circle, f"team_consent={consent}")
