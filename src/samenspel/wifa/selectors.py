"""Reads for the WIFA pages. A fixed number of queries per organisation, however
many volunteers: the log is aggregated in the database (latest moment per kind
and professional) and the rules in ``domain/wifa.py`` do the rest."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max, Min
from django.shortcuts import get_object_or_404
from django.utils import timezone

from samenspel.circles.models import Member
from samenspel.domain import volunteering as vol
from samenspel.domain import wifa as rules
from samenspel.domain.vocabulary import AccessLevel, MemberKind
from samenspel.volunteers.models import VolunteerAgreement, VolunteerProfile
from samenspel.volunteers.selectors import coordinated_organisations
from samenspel.wifa.models import WifaEntry

ACTIVE = Member.Status.ACTIVE


def active_volunteers(organisation) -> list[VolunteerProfile]:
    return list(
        VolunteerProfile.objects.filter(organisation=organisation, is_active=True).select_related(
            "person"
        )
    )


def volunteer(organisation, volunteer_id: int) -> VolunteerProfile:
    """A volunteer of this organisation (also an inactive one: the log is history)."""
    return get_object_or_404(
        VolunteerProfile.objects.select_related("person"),
        pk=volunteer_id,
        organisation=organisation,
    )


def _local_date(value: dt.datetime) -> dt.date:
    return timezone.localdate(value) if timezone.is_aware(value) else value.date()


def _working_members():
    """Active members who really take part: a map-only member is only a dot on
    the social map and does not work with anyone in the circle."""
    return Member.objects.filter(status=ACTIVE).exclude(access_level=AccessLevel.MAP_ONLY)


def pairs(profiles: list[VolunteerProfile]) -> dict[int, list[rules.PairFact]]:
    """Per volunteer profile: professionals active in a circle where the volunteer
    is active too, there for this organisation. Two queries. Which circle is not
    returned: the coordinator is not a member of the client's circle and needs
    only the names."""
    by_person = {p.person_id: p for p in profiles}
    volunteer_members = (
        _working_members()
        .filter(kind=MemberKind.VOLUNTEER, person_id__in=list(by_person))
        .values_list("circle_id", "person_id", "organisation_id", "created_at")
    )
    in_circle = defaultdict(list)  # circle_id -> [(profile_id, since)]
    for circle_id, person_id, organisation_id, created in volunteer_members:
        profile = by_person.get(person_id)
        # Someone who volunteers for two organisations: only the circles where
        # they are there for this one belong in this coordinator's follow-up.
        if profile is not None and organisation_id == profile.organisation_id:
            in_circle[circle_id].append((profile.pk, _local_date(created)))
    if not in_circle:
        return {}
    professionals = (
        _working_members()
        .filter(kind=MemberKind.PROFESSIONAL, circle_id__in=in_circle)
        .select_related("person")
        .only("circle_id", "created_at", "person__first_name", "person__last_name")
    )
    found: dict[tuple[int, int], rules.PairFact] = {}
    for pro in professionals:
        pro_since = _local_date(pro.created_at)
        for profile_id, vol_since in in_circle[pro.circle_id]:
            since = max(pro_since, vol_since)
            key = (profile_id, pro.person_id)
            if key not in found or since < found[key].shared_since:
                found[key] = rules.PairFact(pro.person_id, pro.person.full_name, since)
    out: dict[int, list[rules.PairFact]] = defaultdict(list)
    for (profile_id, _pid), fact in found.items():
        out[profile_id].append(fact)
    return out


def agreed_facilities(
    profiles: list[VolunteerProfile], today: dt.date
) -> dict[int, frozenset[str]]:
    """Per volunteer profile: what their current volunteer agreement arranges
    (expenses, insurance). One query for all of them."""
    by_profile = defaultdict(list)
    for row in VolunteerAgreement.objects.filter(profile__in=profiles).values(
        "profile_id", "start_date", "insured", "expenses"
    ):
        by_profile[row["profile_id"]].append(row)
    out = {}
    for profile_id, rows in by_profile.items():
        start = vol.current_start((r["start_date"] for r in rows), today)
        current = next(r for r in rows if r["start_date"] == start)
        # An agreement that has not started yet arranges nothing today.
        if start <= today:
            out[profile_id] = rules.agreement_facilities(
                insured=current["insured"], expenses=current["expenses"]
            )
    return out


def facts(
    profiles: list[VolunteerProfile], today: dt.date | None = None
) -> list[rules.VolunteerFacts]:
    """The rules' input for these volunteers: four queries in all."""
    today = today or timezone.localdate()
    latest = (
        WifaEntry.objects.filter(volunteer__in=profiles)
        .values("volunteer_id", "kind", "professional_id")
        .annotate(last=Max("happened_on"), first=Min("happened_on"))
        .order_by()
    )
    entries = defaultdict(list)
    first_entry: dict[int, dt.date] = {}
    for row in latest:
        vid = row["volunteer_id"]
        entries[vid].append(rules.EntryFact(row["kind"], row["last"], row["professional_id"]))
        if vid not in first_entry or row["first"] < first_entry[vid]:
            first_entry[vid] = row["first"]
    pair_facts = pairs(profiles)
    agreed = agreed_facilities(profiles, today)
    out = []
    for p in profiles:
        # Started: when the profile was made, or the first logged moment if the
        # log goes back further (volunteers who were there before Samenspel).
        started = _local_date(p.created_at)
        if p.pk in first_entry:
            started = min(started, first_entry[p.pk])
        out.append(
            rules.VolunteerFacts(
                p.pk,
                p.person.full_name,
                started,
                tuple(entries[p.pk]),
                tuple(pair_facts.get(p.pk, ())),
                agreed.get(p.pk, frozenset()),
            )
        )
    return out


@dataclass(frozen=True)
class OrganisationWifa:
    states: list[rules.VolunteerState]
    reminders: list[rules.Reminder]
    aspects: list[rules.AspectFigures]
    contact: tuple[int, int]


def organisation_wifa(organisation, today: dt.date) -> OrganisationWifa:
    states = [rules.state(f) for f in facts(active_volunteers(organisation), today)]
    found = rules.reminders(states, today)
    return OrganisationWifa(
        states,
        found,
        rules.overview(states, found, today),
        rules.contact_figures(states, today),
    )


def volunteer_log(profile: VolunteerProfile) -> list[WifaEntry]:
    return list(
        WifaEntry.objects.filter(volunteer=profile).select_related("professional", "recorded_by")
    )


def volunteer_state(
    profile: VolunteerProfile, today: dt.date | None = None
) -> rules.VolunteerState:
    return rules.state(facts([profile], today)[0])


@dataclass(frozen=True)
class HomeReminders:
    """For the start page: the most urgent reminders and how many there are."""

    items: list[tuple[object, rules.Reminder]]  # (organisation, reminder)
    total: int


def home_reminders(
    person, *, today: dt.date | None = None, limit: int = 5, organisations=None
) -> HomeReminders:
    """Reminders of every volunteer organisation this person coordinates.

    The start page already knows those organisations: it passes them as
    `organisations` so they are not queried again."""
    today = today or timezone.localdate()
    if organisations is None:
        organisations = coordinated_organisations(person)
    everything = [
        (organisation, r)
        for organisation in organisations
        for r in organisation_wifa(organisation, today).reminders
    ]
    everything.sort(key=lambda pair: rules.urgency_key(pair[1]))
    return HomeReminders(everything[:limit], len(everything))
