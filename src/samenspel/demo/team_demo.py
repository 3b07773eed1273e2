"""The wijkteam's own demo: thermometer rounds, a team session and an equality
reflection for Wijkteam Lindeveen-Noord.

Called by a fresh load and by a refresh alike, so each adds itself only once.
"""

from __future__ import annotations

from django.utils import timezone

from samenspel.demo.names import TEAM_NORTH
from samenspel.organisations.models import Employment, Organisation
from samenspel.reflection.demo import add_demo_reflection
from samenspel.teams.demo import add_demo_session, add_demo_thermometer
from samenspel.teams.models import ThermometerRound


def add_thermometer() -> None:
    """Two closed thermometer rounds for Wijkteam Lindeveen-Noord (once)."""
    team = Organisation.objects.filter(
        kind=Organisation.Kind.NEIGHBOURHOOD_TEAM, name="Wijkteam Lindeveen-Noord"
    ).first()
    if team is None or ThermometerRound.objects.filter(team=team).exists():
        return
    staff = list(Employment.objects.filter(organisation=team).select_related("person"))
    lead = next((e.person for e in staff if e.is_team_lead), None)
    add_demo_thermometer(team, [e.person for e in staff], lead, timezone.localdate())
    add_demo_session(team, [e.person for e in staff], lead, timezone.localdate())


def add_reflection() -> None:
    """One closed equality reflection of Wijkteam Lindeveen-Noord, with a gap."""

    team = Organisation.objects.filter(
        kind=Organisation.Kind.NEIGHBOURHOOD_TEAM, name=TEAM_NORTH
    ).first()
    if team is not None:
        add_demo_reflection(team, timezone.localdate())
