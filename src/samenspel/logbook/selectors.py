"""Reads of the logbook. Who reads what is decided in `domain.logbook`; the
query filter here says the same thing in SQL, so a page never loads entries
it may not show (and tests check the two agree)."""

from django.db.models import Prefetch, Q, QuerySet

from samenspel.circles.models import Circle, Member
from samenspel.circles.selectors import own_member  # noqa: F401 - one shared lookup
from samenspel.domain.access import Relationship
from samenspel.domain.logbook import Audience, EntryFacts, ReaderFacts
from samenspel.domain.vocabulary import AccessLevel, MemberKind
from samenspel.logbook.models import LogEntry


def reader_facts(rel: Relationship, person, member_id: int | None) -> ReaderFacts:
    return ReaderFacts(
        rel,
        person_key=str(person.pk) if person is not None else None,
        member_key=str(member_id) if member_id is not None else None,
    )


def entry_facts(entry: LogEntry) -> EntryFacts:
    """Facts of an entry; for a chosen audience prefetch `recipients` first."""
    recipients = (
        frozenset(str(m.pk) for m in entry.recipients.all())
        if entry.audience == Audience.CHOSEN
        else frozenset()
    )
    return EntryFacts(
        author_key=str(entry.author_id) if entry.author_id is not None else None,
        audience=Audience(entry.audience),
        recipient_keys=recipients,
        is_signal=entry.is_signal,
    )


def readable_filter(reader: ReaderFacts) -> Q | None:
    """`domain.logbook.can_read` as a filter; None means nothing at all."""
    if not reader.can_view:
        return None
    if reader.client_side:
        return Q()
    q = Q(audience=Audience.CIRCLE)
    if reader.person_key is not None:
        q |= Q(author_id=int(reader.person_key))
    if reader.professional:
        q |= Q(audience=Audience.PROFESSIONALS) | Q(is_signal=True)
    if reader.member_key is not None:
        # A subquery, not a join: a join would repeat entries per recipient.
        chosen = LogEntry.recipients.through.objects.filter(
            member_id=int(reader.member_key)
        ).values("logentry_id")
        q |= Q(audience=Audience.CHOSEN, pk__in=chosen)
    return q


def _with_people(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("acknowledged_by").prefetch_related(
        Prefetch("recipients", queryset=Member.objects.select_related("person"))
    )


def readable_entries(circle: Circle, reader: ReaderFacts) -> QuerySet:
    """Entries of one circle the reader may read, newest first."""
    q = readable_filter(reader)
    if q is None:
        return LogEntry.objects.none()
    return _with_people(LogEntry.objects.filter(q, circle=circle).order_by("-created_at", "-id"))


def recipient_choices(circle: Circle, author_member: Member | None) -> QuerySet:
    """Members a note can be addressed to: active, able to open the logbook.

    Not the author, and not the client: the client reads every note anyway.
    People only on the map cannot read the logbook, so choosing them would
    mislead the writer.
    """
    qs = (
        Member.objects.filter(circle=circle, status=Member.Status.ACTIVE)
        .exclude(kind=MemberKind.CLIENT)
        .exclude(access_level=AccessLevel.MAP_ONLY, is_legal_representative=False)
        .select_related("person")
        .order_by("person__first_name", "person__last_name", "pk")
    )
    if author_member is not None:
        qs = qs.exclude(pk=author_member.pk)
    return qs


def open_signals(circle_ids, *, limit: int) -> list[LogEntry]:
    """The newest `limit` signals nobody has marked as seen yet. One query (plus
    one for the recipients), for any number of circles."""
    return list(
        LogEntry.objects.filter(
            circle_id__in=list(circle_ids), is_signal=True, acknowledged_at__isnull=True
        )
        .prefetch_related(Prefetch("recipients", queryset=Member.objects.only("id")))
        .order_by("-created_at", "-id")[:limit]
    )


def open_signal_count(circle: Circle) -> int:
    return LogEntry.objects.filter(
        circle=circle, is_signal=True, acknowledged_at__isnull=True
    ).count()
