"""Reads for the volunteer pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from samenspel.accounts.models import Person
from samenspel.agreements.models import CareTask
from samenspel.agreements.selectors import task_facts
from samenspel.circles.models import Circle, Member
from samenspel.domain import volunteering as vol
from samenspel.organisations.models import Employment, Organisation
from samenspel.volunteers.models import VolunteerAgreement, VolunteerProfile


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


# --- Volunteer list, profile, agreement -------------------------------------------

MAX_ID = 2**63 - 1  # larger ids would overflow the database integer


@dataclass(frozen=True)
class ListFilters:
    kind: str = ""
    skill: str = ""
    wijk: str = ""
    vog: str = ""  # "" | "ok" | "problem"
    active: str = "active"  # "active" | "inactive" | "all"


@dataclass
class ProfileRow:
    profile: VolunteerProfile
    flags: vol.ProfileFlags
    agreement: VolunteerAgreement | None


def flags_for(
    profile: VolunteerProfile, today, agreement: VolunteerAgreement | None = None
) -> vol.ProfileFlags:
    """Pass the current agreement (tasks loaded) to also flag tasks no longer allowed."""
    return vol.profile_flags(
        kind=profile.kind,
        supervisor=profile.supervisor,
        vog_status=profile.vog_status,
        vog_date=profile.vog_date,
        motives_asked_on=profile.motives_asked_on,
        today=today,
        tasks_not_allowed=bool(
            agreement is not None and agreement_task_check(profile, agreement).not_allowed
        ),
    )


def current_agreement(agreements, today) -> VolunteerAgreement | None:
    """The agreement that counts now, from an already loaded list."""
    agreements = list(agreements)
    start = vol.current_start((a.start_date for a in agreements), today)
    return next((a for a in agreements if a.start_date == start), None)


def volunteer_rows(organisation: Organisation, filters: ListFilters, today) -> list[ProfileRow]:
    """The organisation's volunteers with their flags; four queries whatever the size.

    Skills and the VOG state are filtered in Python: JSON lists cannot be searched
    the same way on SQLite and PostgreSQL, and one organisation has hundreds at most.
    """
    qs = VolunteerProfile.objects.filter(organisation=organisation).select_related(
        "person", "contact_person", "organisation"
    )
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.wijk:
        qs = qs.filter(wijk=filters.wijk)
    if filters.active == "active":
        qs = qs.filter(is_active=True)
    elif filters.active == "inactive":
        qs = qs.filter(is_active=False)
    qs = qs.prefetch_related(
        Prefetch(
            "agreements",
            queryset=VolunteerAgreement.objects.only(
                "id", "profile_id", "start_date", "evaluation_date"
            ).prefetch_related("tasks"),
        )
    )
    rows = []
    for profile in qs:
        if filters.skill and filters.skill not in (profile.skills or []):
            continue
        current = current_agreement(profile.agreements.all(), today)
        flags = flags_for(profile, today, current)
        if filters.vog == "ok" and flags.vog_problem:
            continue
        if filters.vog == "problem" and not flags.vog_problem:
            continue
        rows.append(ProfileRow(profile, flags, current))
    return rows


def wijken(organisation: Organisation) -> list[str]:
    return sorted(
        set(
            VolunteerProfile.objects.filter(organisation=organisation)
            .exclude(wijk="")
            .values_list("wijk", flat=True)
        )
    )


def profile(organisation: Organisation, profile_id: int) -> VolunteerProfile:
    if profile_id > MAX_ID:
        raise Http404
    return get_object_or_404(
        VolunteerProfile.objects.select_related("person", "contact_person", "organisation"),
        pk=profile_id,
        organisation=organisation,
    )


def agreements_of(profile: VolunteerProfile) -> list[VolunteerAgreement]:
    return list(profile.agreements.select_related("contact_person").prefetch_related("tasks"))


def agreement(profile: VolunteerProfile, agreement_id: int) -> VolunteerAgreement:
    if agreement_id > MAX_ID:
        raise Http404
    return get_object_or_404(
        VolunteerAgreement.objects.select_related("contact_person").prefetch_related("tasks"),
        pk=agreement_id,
        profile=profile,
    )


def staff(organisation: Organisation):
    """People who work for the organisation: they can be a named contact point."""
    return Person.objects.filter(employments__organisation=organisation).order_by(
        "first_name", "last_name"
    )


@dataclass(frozen=True)
class EmailMatch:
    """Who already uses an e-mail address typed at intake."""

    in_use: bool  # some person has this address
    volunteer_exists: bool  # someone with this address already has a volunteer profile
    linkable: Person | None  # a person intake may reuse (see vol.may_link_by_email)


def email_match(email: str) -> EmailMatch:
    """One query: every person with this address and what they already are."""
    email = (email or "").strip()
    if not email:
        return EmailMatch(False, False, None)
    people = (
        Person.objects.filter(email__iexact=email)
        .annotate(
            is_member=Exists(Member.objects.filter(person=OuterRef("pk"))),
            is_client=Exists(Circle.objects.filter(client=OuterRef("pk"))),
            is_employed=Exists(Employment.objects.filter(person=OuterRef("pk"))),
            is_volunteer=Exists(VolunteerProfile.objects.filter(person=OuterRef("pk"))),
        )
        .order_by("pk")
    )
    in_use, volunteer_exists, linkable = False, False, None
    for person in people:
        in_use = True
        volunteer_exists = volunteer_exists or person.is_volunteer
        ties = vol.PersonTies(
            has_login=person.user_id is not None,
            in_a_circle=person.is_member or person.is_client,
            employed=person.is_employed,
            volunteer=person.is_volunteer,
        )
        if linkable is None and vol.may_link_by_email(ties):
            linkable = person
    return EmailMatch(in_use, volunteer_exists, linkable)


def own_profile(person) -> VolunteerProfile | None:
    if person is None:
        return None
    return (
        VolunteerProfile.objects.select_related("organisation", "contact_person", "person")
        .prefetch_related(
            Prefetch(
                "agreements",
                queryset=VolunteerAgreement.objects.select_related(
                    "contact_person"
                ).prefetch_related("tasks"),
            )
        )
        .filter(person=person)
        .first()
    )


def boundary_catalogue(profile: VolunteerProfile):
    """All active catalogue tasks, and those this volunteer may never do (with the reason)."""
    tasks = list(CareTask.objects.filter(is_active=True))
    performer = performer_of(profile)
    refused = {}
    for t in tasks:
        found = vol.refused_tasks([task_facts(t)], performer)
        if found:
            refused[t.pk] = found[0]
    return tasks, refused


def agreement_task_check(
    profile: VolunteerProfile, agreement: VolunteerAgreement
) -> vol.AgreementTaskCheck:
    """The agreement's tasks checked against today's rules; use with tasks prefetched."""
    return vol.check_agreement_tasks(
        (task_facts(t) for t in agreement.tasks.all()), performer_of(profile)
    )


def performer_of(profile: VolunteerProfile):
    return vol.volunteer_performer(
        str(profile.pk),
        profile.person.full_name,
        profile.training,
        profile.organisation.allows_personal_care,
    )


# --- Start page ---------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationSummary:
    organisation: Organisation
    volunteers: int
    vog_problems: int
    motives_due: int
    supervisor_missing: int


@dataclass(frozen=True)
class HomeSummary:
    organisations: list[OrganisationSummary]  # for coordinators
    own_profile: VolunteerProfile | None  # for volunteers: link to their own page

    @property
    def empty(self) -> bool:
        return not self.organisations and self.own_profile is None


def home_summary(person, today=None, employments=None) -> HomeSummary:
    """What the start page shows: per coordinated organisation the active volunteers
    and how many need attention; for a volunteer, their own page. Three queries."""
    today = today or timezone.localdate()
    if employments is None:
        organisations = coordinated_organisations(person)
    else:  # the start page passes the employments it has loaded
        organisations = sorted(
            (
                e.organisation
                for e in employments
                if e.organisation.kind == Organisation.Kind.VOLUNTEER_ORGANISATION
            ),
            key=lambda o: o.name,
        )
    summaries = []
    if organisations:
        by_org: dict[int, list] = {o.pk: [] for o in organisations}
        for p in VolunteerProfile.objects.filter(
            organisation__in=organisations, is_active=True
        ).only(
            "organisation_id", "kind", "supervisor", "vog_status", "vog_date", "motives_asked_on"
        ):
            by_org[p.organisation_id].append(flags_for(p, today))
        for o in organisations:
            flags = by_org[o.pk]
            summaries.append(
                OrganisationSummary(
                    organisation=o,
                    volunteers=len(flags),
                    vog_problems=sum(f.vog_problem for f in flags),
                    motives_due=sum(f.motives_due for f in flags),
                    supervisor_missing=sum(f.supervisor_missing for f in flags),
                )
            )
    own = None
    if person is not None:
        own = VolunteerProfile.objects.filter(person=person).select_related("organisation").first()
    return HomeSummary(organisations=summaries, own_profile=own)
