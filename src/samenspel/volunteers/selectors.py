"""Reads for the volunteer pages."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from samenspel.organisations.models import Employment, Organisation


def volunteer_organisation(organisation_id: int) -> Organisation:
    return get_object_or_404(
        Organisation, pk=organisation_id, kind=Organisation.Kind.VOLUNTEER_ORGANISATION
    )


def employment(organisation: Organisation, person) -> Employment | None:
    """The viewer's job at this organisation, or None."""
    if person is None:
        return None
    return Employment.objects.filter(organisation=organisation, person=person).first()


def coordinated_organisations(person) -> list[Organisation]:
    """Volunteer organisations this person works for (their start page links)."""
    if person is None:
        return []
    return list(
        Organisation.objects.filter(
            kind=Organisation.Kind.VOLUNTEER_ORGANISATION, employments__person=person
        ).order_by("name")
    )
