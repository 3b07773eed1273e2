"""Reads of agreements, and the plain facts the domain rules need."""

from django.db.models import Count, Min, Q, QuerySet

from samenspel.agreements.models import Agreement, CareTask
from samenspel.circles.models import Circle, Member
from samenspel.domain.agreements import AgreementFacts, PersonRef
from samenspel.domain.recurrence import Frequency, hours_per_week
from samenspel.domain.responsibility import PatternResult, derive_pattern
from samenspel.domain.tasks import PerformerFacts, TaskCategory, TaskFacts
from samenspel.domain.vocabulary import MemberKind

ROLE_FIELDS = ("performer", "backup", "responsible", "authority", "final_responsible")


def task_facts(task: CareTask) -> TaskFacts:
    return TaskFacts(
        key=str(task.pk),
        name=task.name,
        category=TaskCategory(task.category),
        reserved_act=task.reserved_act,
        core=task.is_core,
    )


def performer_facts(member: Member) -> PerformerFacts:
    organisation = member.organisation
    return PerformerFacts(
        key=str(member.pk),
        name=member.person.full_name,
        kind=MemberKind(member.kind),
        big_registered=member.big_registered,
        trained_personal_care=member.trained_personal_care,
        organisation_allows_personal_care=bool(organisation and organisation.allows_personal_care),
    )


def person_ref(member: Member | None) -> PersonRef | None:
    if member is None:
        return None
    return PersonRef(
        key=str(member.pk),
        name=member.person.full_name,
        kind=MemberKind(member.kind),
        for_client=member.is_legal_representative,
    )


def facts_from_values(key: str, values: dict) -> AgreementFacts:
    """Facts of an agreement as it would be saved: `values` holds model instances."""
    performer, backup = values.get("performer"), values.get("backup")
    probe = Agreement(
        frequency=values["frequency"],
        weekdays=values.get("weekdays") or [],
        start_date=values["start_date"],
        start_time=values["start_time"],
        duration_minutes=values.get("duration_minutes") or 60,
        end_date=values.get("end_date"),
    )
    return AgreementFacts(
        key=key,
        task=task_facts(values["task"]),
        frequency=Frequency(values["frequency"]),
        hours_per_week=hours_per_week(probe.schedule()),
        performer=performer_facts(performer) if performer else None,
        backup=performer_facts(backup) if backup else None,
        responsible=person_ref(values.get("responsible")),
        authority=person_ref(values.get("authority")),
        final_responsible=person_ref(values.get("final_responsible")),
        starts_on=values["start_date"],
        ends_on=values.get("end_date"),
    )


def agreement_facts(agreement: Agreement) -> AgreementFacts:
    values = {f: getattr(agreement, f) for f in ROLE_FIELDS}
    values.update(
        task=agreement.task,
        frequency=agreement.frequency,
        weekdays=agreement.weekdays,
        start_date=agreement.start_date,
        start_time=agreement.start_time,
        duration_minutes=agreement.duration_minutes,
        end_date=agreement.end_date,
    )
    return facts_from_values(str(agreement.pk), values)


def with_people(queryset: QuerySet) -> QuerySet:
    related = ["task"]
    for field in ROLE_FIELDS:
        related += [f"{field}__person", f"{field}__organisation"]
    return queryset.select_related(*related)


def current_agreements(circle: Circle) -> list[Agreement]:
    """Agreements that still run (active or to be reviewed), with everyone on them."""
    return list(with_people(circle.agreements.exclude(status=Agreement.Status.ENDED)))


RECENT_HISTORY_DAYS = 90


def recently_ended(circle: Circle, today) -> list[Agreement]:
    """Agreements stopped in the last months: the 'informal care replaces
    professional care' rule must still see professional care that just ended."""
    from datetime import timedelta

    return list(
        with_people(
            circle.agreements.filter(
                status=Agreement.Status.ENDED,
                end_date__gte=today - timedelta(days=RECENT_HISTORY_DAYS),
            )
        )
    )


def pattern_of(agreements: list[Agreement]) -> PatternResult:
    return derive_pattern(agreement_facts(a) for a in agreements if a.is_current)


def involves(agreement: Agreement, member: Member | None) -> bool:
    """Whether a member has a role in this agreement (for agenda-level members)."""
    if member is None:
        return False
    return any(getattr(agreement, f"{f}_id") == member.pk for f in ROLE_FIELDS)


def reviews_due(circle_ids, today) -> dict:
    """{circle_id: (count, earliest review date)} of agreements to discuss again:
    marked 'te herzien' by a change, or whose review date has come. One query."""
    rows = (
        Agreement.objects.filter(circle_id__in=list(circle_ids))
        .exclude(status=Agreement.Status.ENDED)
        .filter(Q(status=Agreement.Status.TO_REVIEW) | Q(review_date__lte=today))
        .values("circle_id")
        .annotate(count=Count("id"), earliest=Min("review_date"))
    )
    return {row["circle_id"]: (row["count"], row["earliest"]) for row in rows}
