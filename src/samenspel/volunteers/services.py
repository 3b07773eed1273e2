"""Writes for volunteer profiles and agreements. The audit row is written by the view."""

from __future__ import annotations

import enum

from django.db import transaction
from django.utils import timezone

from samenspel.accounts.models import Person
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import log
from samenspel.common.errors import ApplicationError
from samenspel.volunteers import selectors
from samenspel.volunteers.models import VolunteerAgreement, VolunteerProfile

Action = AuditEvent.Action


class AlreadyVolunteer(ApplicationError):
    """Someone with this e-mail address already has a volunteer profile.

    Carries nothing about who or where: the coordinator may not learn that.
    """


class Intake(enum.Enum):
    NEW = "new"  # nobody had this e-mail address
    LINKED = "linked"  # an existing person without any ties got the profile
    SEPARATE = "separate"  # the address is in use by someone with ties: a new person


@transaction.atomic
def create_volunteer(person_values: dict, profile_values: dict) -> tuple[VolunteerProfile, Intake]:
    """Intake: a new Person, or an existing one with this e-mail address that
    nothing else depends on (`vol.may_link_by_email`).

    An e-mail address typed by a coordinator is not verified, so a person with a
    login, a circle membership or a job is never taken over: the volunteer gets a
    record of their own. Motives asked at intake count as asked today.
    """
    match = selectors.email_match(person_values.get("email", ""))
    if match.volunteer_exists:
        raise AlreadyVolunteer
    person = match.linkable
    if person is None:
        person = Person.objects.create(**person_values)
        outcome = Intake.SEPARATE if match.in_use else Intake.NEW
    else:
        outcome = Intake.LINKED
        # Fill in what we did not know yet; never overwrite what the person has.
        changed = [k for k, v in person_values.items() if v and not getattr(person, k)]
        for k in changed:
            setattr(person, k, person_values[k])
        if changed:
            person.save(update_fields=changed)
    profile = VolunteerProfile.objects.create(
        person=person, motives_asked_on=timezone.localdate(), **profile_values
    )
    summary = f"Intake vrijwilliger {person.full_name} ({outcome.value})"
    log(Action.CREATE, object_type="volunteer_profile", object_id=profile.pk, summary=summary)
    return profile, outcome


def manages_own_details(person: Person) -> bool:
    """Someone with a login keeps their own name, e-mail and phone up to date;
    a coordinator never writes them (the same record is used in circles)."""
    return person.user_id is not None


@transaction.atomic
def update_profile(
    profile: VolunteerProfile, person_values: dict, profile_values: dict, *, motives_asked: bool
) -> list[str]:
    """Save the profile; returns the names of the fields that changed.

    Saving other motives, or ticking "asked again", sets the date motives were asked.
    """
    changed = []
    person = profile.person
    if manages_own_details(person):
        person_values = {}
    person_changed = [k for k, v in person_values.items() if getattr(person, k) != v]
    for k in person_changed:
        setattr(person, k, person_values[k])
    if person_changed:
        person.save(update_fields=person_changed)
    changed += person_changed
    for key, value in profile_values.items():
        current = getattr(
            profile, f"{key}_id" if key in ("organisation", "contact_person") else key
        )
        new = value.pk if key in ("organisation", "contact_person") and value else value
        if isinstance(current, list) and isinstance(new, list):
            differs = sorted(current) != sorted(new)
        else:
            differs = current != new
        if differs:
            changed.append(key)
        setattr(profile, key, value)
    if motives_asked or "motives" in changed:
        profile.motives_asked_on = timezone.localdate()
        changed.append("motives_asked_on")
    profile.save()
    summary = f"Profiel {person.full_name}: {', '.join(changed) or 'niets'}"
    log(Action.UPDATE, object_type="volunteer_profile", object_id=profile.pk, summary=summary)
    return changed


@transaction.atomic
def save_agreement(
    profile: VolunteerProfile, values: dict, *, by, agreement: VolunteerAgreement | None = None
) -> VolunteerAgreement:
    """Create a new agreement (history stays) or change an existing one."""
    values = dict(values)
    tasks = values.pop("tasks")
    action = Action.CREATE if agreement is None else Action.UPDATE
    if agreement is None:
        agreement = VolunteerAgreement(profile=profile, made_by=by)
    for key, value in values.items():
        setattr(agreement, key, value)
    agreement.save()
    agreement.tasks.set(tasks)
    summary = f"Vrijwilligersafspraak {profile.person.full_name}, vanaf {agreement.start_date}"
    log(action, object_type="volunteer_agreement", object_id=agreement.pk, summary=summary)
    return agreement
