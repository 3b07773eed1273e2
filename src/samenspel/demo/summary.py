"""The demo's log-ins and what the command prints after a load.

One list of log-ins for the builder (who gets an account), the summary and
the management command (which user names must still be free).
"""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.demo.names import DEMO_PASSWORD

DEMO_LOGINS: list[tuple[str, str]] = [
    ("client", "Cliënt: Greet Bakker. Haar man Henk zorgt bijna alleen voor haar."),
    ("mantelzorger", "Mantelzorger: Henk Bakker, partner van Greet, ongeveer 35 uur per week."),
    (
        "vrijwilliger",
        "Vrijwilliger bij De Schakel in twee netwerken, en mantelzorger voor haar eigen moeder.",
    ),
    (
        "professional",
        "Professional: maatschappelijk werker in Wijkteam Lindeveen-Noord, "
        "ook lid van een paar netwerken.",
    ),
    ("professional2", "Professional: wijkverpleegkundige in Wijkteam Lindeveen-Zuid."),
    ("teamleider", "Teamleider van Wijkteam Lindeveen-Noord."),
    (
        "coordinator",
        "Vrijwilligerscoördinator bij De Schakel: hulpvragen, voorstellen en aandacht "
        "voor vrijwilligers.",
    ),
    ("beheerder", "Beheerder: beheert organisaties en accounts, ziet geen netwerken."),
    (
        "kaartbeheerder",
        "Kaartbeheerder: houdt de sociale kaart van Lindeveen bij, ziet geen netwerken.",
    ),
]


@dataclass
class Summary:
    organisations: int
    professionals: int
    circles: int
    members: dict[str, int]
    revoked: int
    invitations: int
    logins: list[tuple[str, str]]
    agreements: int = 0
    screenings: int = 0
    socialmap: int = 0

    def lines(self) -> list[str]:
        kinds = ", ".join(f"{k}: {n}" for k, n in self.members.items())
        out = [
            "Demodata geladen voor Gemeente Lindeveen.",
            f"  Organisaties:   {self.organisations}",
            f"  Professionals:  {self.professionals}",
            f"  Netwerken:      {self.circles}",
            f"  Leden:          {kinds} (ingetrokken: {self.revoked})",
            f"  Uitnodigingen:  {self.invitations}",
            f"  Afspraken:      {self.agreements}",
            f"  Vragenlijsten:  {self.screenings}",
            f"  Sociale kaart:  {self.socialmap}",
            f"Inloggen met wachtwoord '{DEMO_PASSWORD}' als:",
        ]
        out += [f"  {username:<14} {role}" for username, role in self.logins]
        return out
