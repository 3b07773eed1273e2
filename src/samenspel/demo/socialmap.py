"""The sociale kaart of the demo gemeente Lindeveen: wijken and 77 offers.

A professional who sees an overloaded carer should find the logeerhuis, the
steunpunt and the vrijwillige thuishulp in the client's wijk; a lonely client
the maatjesproject, the buurtkamer, the wandelclub or the church's visiting
service (seed 003: "ken de sociale kaart in de wijk": care and welfare, but
also culture, sport, churches, neighbourhood networks, citizens' initiatives).

All organisations, names, addresses and phone numbers are fictional (e-mail
and web addresses use the reserved `.example` domain). A few entries were last
checked more than a year ago, so the "check this entry" flag shows. The
`kaartbeheerder` log-in maintains every entry. Everything is idempotent.

The offers are data: ``data/socialmap.csv``, loaded through the product's own CSV
importer (the file a gemeente would import). Its dates are as checked on
``CSV_DATED``; loading moves them by the days since, so the demo looks as current
today as it did then (the same entries are overdue for a check).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from django.contrib.auth.models import Permission
from django.utils import timezone

from samenspel.accounts.models import Person, User
from samenspel.circles.models import Circle
from samenspel.demo import names
from samenspel.socialmap.csv_io import import_offers
from samenspel.socialmap.models import Offer

MAINTAINER_LOGIN = "kaartbeheerder"
MAINTAINER_NAME = ("Ingrid", "Verbeek")
CSV_FILE = Path(__file__).with_name("data") / "socialmap.csv"
CSV_DATED = date(2026, 12, 1)

# The wijken of Lindeveen and their postcodes; Noord's team covers the first two.
WIJKEN = {
    "Lindeveen-Noord": "8311-8312",
    "Oude Dorp": "8310",
    "Lindeveen-Centrum": "8313",
    "Lindeveen-Zuid": "8314-8315",
    "De Veenhoeve": "8316",
}
TEAM_WIJKEN = {
    "Wijkteam Lindeveen-Noord": ["Lindeveen-Noord", "Oude Dorp"],
    "Wijkteam Lindeveen-Zuid": ["Lindeveen-Zuid", "Lindeveen-Centrum", "De Veenhoeve"],
}
ALL = list(WIJKEN)


def _maintainer() -> User:
    """The kaartbeheerder log-in, made here if the demo predates it."""
    user = User.objects.filter(username=MAINTAINER_LOGIN).first()
    if user is None:
        user = User(username=MAINTAINER_LOGIN)
        user.set_password(names.DEMO_PASSWORD)
        user.save()
    first, last = MAINTAINER_NAME
    if not Person.objects.filter(user=user).exists():
        Person.objects.create(
            first_name=first, last_name=last, email="ingrid.verbeek@example.com", user=user
        )
        User.objects.filter(pk=user.pk).update(
            first_name=first, last_name=last, email="ingrid.verbeek@example.com"
        )
    permission = Permission.objects.get(
        content_type__app_label="socialmap", codename="manage_socialmap"
    )
    user.user_permissions.add(permission)
    return user


def set_circle_wijken(circles) -> int:
    """Give every demo circle without a wijk one of its team's wijken, in turn."""
    changed = 0
    turn: dict[int, int] = {}
    for circle in circles.select_related("team").order_by("pk"):
        wijken = TEAM_WIJKEN.get(circle.team.name if circle.team else "", ALL)
        index = turn.get(circle.team_id, 0)
        turn[circle.team_id] = index + 1
        if not circle.wijk:
            Circle.objects.filter(pk=circle.pk).update(wijk=wijken[index % len(wijken)])
            changed += 1
    return changed


def csv_as_of(today: date, source: Path = CSV_FILE) -> str:
    """The demo file with every "laatst gecontroleerd" moved by the days since CSV_DATED."""
    shift = today - CSV_DATED
    with source.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames, lineterminator="\n")
        writer.writeheader()
        for row in reader:
            checked = date.fromisoformat(row["laatst_gecontroleerd"]) + shift
            writer.writerow({**row, "laatst_gecontroleerd": checked.isoformat()})
    return out.getvalue()


def add_socialmap(circles, *, today: date | None = None) -> int:
    """Wijken on the circles, the kaartbeheerder and the offers; returns offers added.

    Idempotent: offers are only added when the kaartbeheerder maintains none yet.
    """
    set_circle_wijken(circles)
    maintainer = _maintainer()
    if Offer.objects.filter(maintainer=maintainer).exists():
        return 0
    text = csv_as_of(today or timezone.localdate())
    result = import_offers(io.StringIO(text), user=maintainer)
    if result.errors:  # the demo file is ours: a wrong row is a bug, not user input
        lines = "; ".join(f"{e.line}: {e.message}" for e in result.errors[:5])
        raise ValueError(f"{CSV_FILE.name}: {lines}")
    return result.created
