"""Inviting carers whose next screening is due (run daily from cron).

Who is invited: active mantelzorgers who can log in and have an e-mail address,
and who either did a screening before (the next one is due after the interval)
or are main carers (more than 8 hours a week) who never did one. Nobody gets
more than one reminder per REPEAT_DAYS. The e-mail holds no scores: results
belong to the carer and an inbox is not a safe place for them.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from samenspel.burden import catalogue
from samenspel.burden.models import Screening, ScreeningReminder
from samenspel.circles.models import Member
from samenspel.domain import thresholds as t
from samenspel.domain.vocabulary import AccessLevel, MemberKind

REPEAT_DAYS = 30  # product choice: at most one reminder a month


@dataclass(frozen=True)
class Due:
    member: Member
    last_screening: datetime | None


def due_carers(now: datetime, *, interval_months: int) -> list[Due]:
    validated = [i.id for i in catalogue.latest() if i.is_validated]
    carers = (
        Member.objects.filter(
            kind=MemberKind.CARER,
            status=Member.Status.ACTIVE,
            access_level__in=[AccessLevel.FULL, AccessLevel.AGENDA],
            person__user__isnull=False,
            person__user__is_active=True,
        )
        .exclude(person__email="")
        .select_related("person", "circle__client")
    )
    last = dict(
        Screening.objects.filter(status=Screening.Status.COMPLETED, instrument_id__in=validated)
        .values_list("member_id")
        .annotate(last=Max("completed_at"))
    )
    reminded = dict(
        ScreeningReminder.objects.values_list("member_id").annotate(last=Max("sent_at"))
    )
    threshold = now - relativedelta(months=interval_months)
    quiet_since = now - timedelta(days=REPEAT_DAYS)
    due = []
    for member in carers:
        screened = last.get(member.pk)
        if screened is None and float(member.hours_per_week) <= t.INTENSIVE_CARE_HOURS:
            continue  # not a main carer and never asked for it
        if screened is not None and screened > threshold:
            continue
        if reminded.get(member.pk) and reminded[member.pk] > quiet_since:
            continue
        due.append(Due(member, screened))
    return due


def message_for(due: Due) -> tuple[str, str]:
    member = due.member
    url = settings.SITE_URL.rstrip("/") + reverse("burden:overview", args=[member.circle_id])
    subject = "Hoe gaat het met u? Vul de vragenlijst over de zorg in"
    when = (
        f"De vorige keer was op {timezone.localdate(due.last_screening):%d-%m-%Y}."
        if due.last_screening
        else "U heeft de vragenlijst nog niet eerder ingevuld."
    )
    body = (
        f"Beste {member.person.first_name},\n\n"
        f"U zorgt voor {member.circle.client.first_name}. Het is goed om af en toe te "
        "kijken hoe zwaar de zorg voor u is. Dat kost een paar minuten.\n"
        f"{when}\n\n"
        f"Vul de vragenlijst hier in: {url}\n\n"
        "De uitslag is van u. U bepaalt zelf of uw professional die mag zien.\n\n"
        "Met vriendelijke groet,\nSamenspel"
    )
    return subject, body


def send_reminders(
    now: datetime | None = None, *, interval_months: int, dry_run=False
) -> list[Due]:
    now = now or timezone.now()
    due = due_carers(now, interval_months=interval_months)
    if dry_run:
        return due
    for item in due:
        subject, body = message_for(item)
        send_mail(subject, body, None, [item.member.person.email])
        ScreeningReminder.objects.create(
            member=item.member, sent_at=now, email=item.member.person.email
        )
    return due
