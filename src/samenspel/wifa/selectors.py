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
from samenspel.domain import wifa as rules
from samenspel.domain.vocabulary import MemberKind
from samenspel.volunteers.models import VolunteerProfile
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


def pairs(profiles: list[VolunteerProfile]) -> dict[int, list[rules.PairFact]]:
    """Per volunteer profile: professionals active in a circle where the volunteer
    is active too. Two queries. Which circle is not returned: the coordinator
    is not a member of the client's circle and needs only the names."""
    by_person = {p.person_id: p.pk for p in profiles}
    volunteer_members = Member.objects.filter(
        kind=MemberKind.VOLUNTEER, status=ACTIVE, person_id__in=list(by_person)
    ).values_list("circle_id", "person_id", "created_at")
    in_circle = defaultdict(list)  # circle_id -> [(profile_id, since)]
    for circle_id, person_id, created in volunteer_members:
        if person_id in by_person:
            in_circle[circle_id].append((by_person[person_id], _local_date(created)))
    if not in_circle:
        return {}
    professionals = (
        Member.objects.filter(kind=MemberKind.PROFESSIONAL, status=ACTIVE, circle_id__in=in_circle)
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


def facts(profiles: list[VolunteerProfile]) -> list[rules.VolunteerFacts]:
    """The rules' input for these volunteers: three queries in all."""
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
    states = [rules.state(f) for f in facts(active_volunteers(organisation))]
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


def volunteer_state(profile: VolunteerProfile) -> rules.VolunteerState:
    return rules.state(facts([profile])[0])


@dataclass(frozen=True)
class HomeReminders:
    """For the start page: the most urgent reminders and how many there are."""

    items: list[tuple[object, rules.Reminder]]  # (organisation, reminder)
    total: int


def home_reminders(person, *, today: dt.date | None = None, limit: int = 5) -> HomeReminders:
    """Reminders of every volunteer organisation this person coordinates."""
    today = today or timezone.localdate()
    everything = [
        (organisation, r)
        for organisation in coordinated_organisations(person)
        for r in organisation_wifa(organisation, today).reminders
    ]
    everything.sort(key=lambda pair: rules.urgency_key(pair[1]))
    return HomeReminders(everything[:limit], len(everything))
