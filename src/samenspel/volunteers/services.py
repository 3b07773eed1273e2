"""Writes for volunteer profiles and agreements. The audit row is written by the view."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from samenspel.accounts.models import Person
from samenspel.volunteers.models import VolunteerAgreement, VolunteerProfile
from samenspel.volunteers.selectors import person_by_email


class AlreadyVolunteer(Exception):
    """The person found by e-mail already has a volunteer profile."""

    def __init__(self, profile: VolunteerProfile):
        super().__init__(str(profile))
        self.profile = profile


@transaction.atomic
def create_volunteer(person_values: dict, profile_values: dict) -> tuple[VolunteerProfile, bool]:
    """Intake: a new Person, or the existing one with this e-mail address.

    Returns the profile and whether an existing person was linked. Motives asked
    at intake count as asked today.
    """
    person = person_by_email(person_values.get("email", ""))
    linked = person is not None
    if person is None:
        person = Person.objects.create(**person_values)
    else:
        existing = VolunteerProfile.objects.filter(person=person).first()
        if existing is not None:
            raise AlreadyVolunteer(existing)
        # Fill in what we did not know yet; never overwrite what the person has.
        changed = [k for k, v in person_values.items() if v and not getattr(person, k)]
        for k in changed:
            setattr(person, k, person_values[k])
        if changed:
            person.save(update_fields=changed)
    profile = VolunteerProfile.objects.create(
        person=person, motives_asked_on=timezone.localdate(), **profile_values
    )
    return profile, linked


@transaction.atomic
def update_profile(
    profile: VolunteerProfile, person_values: dict, profile_values: dict, *, motives_asked: bool
) -> list[str]:
    """Save the profile; returns the names of the fields that changed.

    Saving other motives, or ticking "asked again", sets the date motives were asked.
    """
    changed = []
    person = profile.person
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
    return changed


@transaction.atomic
def save_agreement(
    profile: VolunteerProfile, values: dict, *, by, agreement: VolunteerAgreement | None = None
) -> VolunteerAgreement:
    """Create a new agreement (history stays) or change an existing one."""
    values = dict(values)
    tasks = values.pop("tasks")
    if agreement is None:
        agreement = VolunteerAgreement(profile=profile, made_by=by)
    for key, value in values.items():
        setattr(agreement, key, value)
    agreement.save()
    agreement.tasks.set(tasks)
    return agreement
