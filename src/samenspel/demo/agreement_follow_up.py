"""What happens in the demo circles once the agreements stand: an occurrence
let go ('Ik kan niet'), a change event, and notes and signals in the logbook.

Written after the agreements because each of these points at them: the open
occurrence, the agreements to renew, the day a nurse cannot come.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from samenspel.agenda.models import Occurrence
from samenspel.agenda.services import release
from samenspel.agreements.models import Agreement
from samenspel.agreements.services import record_change
from samenspel.circles.models import Member
from samenspel.demo.agreement_cast import CARER, NURSE, PRO, VOLUNTEER, Cast
from samenspel.domain.recurrence import AMSTERDAM, WEEKDAY_LABELS, localize
from samenspel.logbook.models import LogEntry


def release_one(cast: Cast, members: list[Member], today: date) -> date | None:
    """'Ik kan niet': the first of these members with an occurrence from the day
    after tomorrow (within two weeks) lets it go; it is open for others to take."""
    start = localize(datetime.combine(today + timedelta(days=2), time()))
    for member in members:
        occurrence = (
            Occurrence.objects.filter(
                circle=cast.circle,
                assignee=member,
                starts_at__gte=start,
                starts_at__lt=start + timedelta(days=12),
            )
            .order_by("starts_at", "pk")
            .first()
        )
        if occurrence is not None:
            release(occurrence, member)
            return occurrence.starts_at.astimezone(AMSTERDAM).date()
    return None


def add_change_event(casts: list[Cast], greet: Cast, today: date) -> None:
    """A son in Sanne's caseload got a new job: his agreements need renewing."""
    sanne = greet.login(PRO)
    cast = next(
        c
        for c in casts
        if c is not greet
        and c.login(PRO)
        and c.main
        and c.main.relation == "child"
        and Agreement.objects.filter(circle=c.circle, performer=c.main).exists()
    )
    first = cast.main.person.first_name
    record_change(
        cast.circle,
        {
            "kind": "carer",
            "description": f"{first} heeft een nieuwe baan en kan vanaf volgende maand "
            "alleen nog in het weekend helpen.",
            "occurred_on": today - timedelta(days=3),
            "meeting_on": today + timedelta(days=11),
            "agreements": list(Agreement.objects.filter(circle=cast.circle, performer=cast.main)),
        },
        by=sanne.person,
    )


def add_logbook(
    greet: Cast, riet: Cast, insulin: Cast, volunteering: list[Cast], released_on: date
) -> None:
    """A few notes in Greet's circle, an open signal from Henk, and notes elsewhere."""
    now = timezone.now()
    henk, marloes = greet.login(CARER), greet.carers[1]
    sanne, nurse = greet.login(PRO), greet.nurses[0]
    femke = insulin.login(NURSE)
    weekday = WEEKDAY_LABELS[released_on.weekday()]
    A = LogEntry.Audience
    # (cast, author member, role, text, audience, hours ago, signal, acknowledged by)
    rows = [
        (
            greet,
            henk,
            "Greet heeft vanmiddag een uurtje in de tuin gezeten. Ze genoot van de zon.",
            A.CIRCLE,
            76,
        ),
        (
            greet,
            nurse,
            "Suiker vanochtend 7,2. Dat is goed. Nieuwe insulinepennen liggen in de koelkast.",
            A.CIRCLE,
            50,
        ),
        (
            greet,
            sanne,
            "Henk lijkt erg moe. Ik plan met het Steunpunt Mantelzorg een gesprek over "
            "respijtzorg.",
            A.PROFESSIONALS,
            30,
        ),
        (
            greet,
            marloes,
            "Pap, ik heb de rekening van het CAK betaald. Zondag bel ik weer.",
            A.CHOSEN,
            20,
        ),
        (
            riet,
            riet.login(VOLUNTEER),
            "De thuiszorg stopt straks met de steunkousen. Ik neem het over, maar ik weet "
            "niet of ik dat elke ochtend volhoud.",
            A.CIRCLE,
            40,
        ),
        (
            insulin,
            femke,
            f"Op {weekday} {released_on.day} kan ik 's ochtends niet komen. De insuline van "
            "die dag staat open. Ik vraag een collega van de wijkverpleging.",
            A.CIRCLE,
            5,
        ),
    ]
    # Signals: one from Henk still waiting, one from Anouk already seen.
    rows.append(
        (
            greet,
            henk,
            "Greet is sinds twee dagen erg verward, vooral 's avonds. Ze eet ook slecht. "
            "Ik maak me zorgen.",
            A.PROFESSIONALS,
            9,
        )
    )
    walk = next(c for c in volunteering if c is not insulin)
    rows.append(
        (
            walk,
            walk.login(VOLUNTEER),
            f"{walk.client.person.first_name} was vandaag snel buiten adem, al na een klein "
            "stukje lopen. Misschien goed om naar te kijken.",
            A.PROFESSIONALS,
            96,
        )
    )
    entries = [
        LogEntry(
            circle=cast.circle,
            author=author.person,
            author_name=author.person.full_name,
            author_role=str(author.kind),
            text=text,
            audience=audience,
            is_signal=i >= len(rows) - 2,
        )
        for i, (cast, author, text, audience, _hours) in enumerate(rows)
    ]
    LogEntry.objects.bulk_create(entries)
    # auto_now_add ignores a given value: the moments are set afterwards.
    for entry, row in zip(entries, rows, strict=True):
        LogEntry.objects.filter(pk=entry.pk).update(created_at=now - timedelta(hours=row[-1]))
    seen_by = walk.login(PRO) or sanne
    LogEntry.objects.filter(pk=entries[-1].pk).update(
        acknowledged_at=now - timedelta(hours=72), acknowledged_by=seen_by.person
    )
    chosen = next(e for e in entries if e.audience == A.CHOSEN)
    chosen.recipients.set([henk])
