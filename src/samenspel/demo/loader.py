"""Realistic, fictional demo data for Samenspel (`python manage.py samenspel demo`).

One municipality ("Gemeente Lindeveen") with two wijkteams, a volunteer
centre, a carer support point and a home-care provider, and about fifty care
circles whose mix follows the figures in domain.md §8: roughly a quarter
rests on one overloaded carer, a few clients have nobody but professionals,
most circles are mixed and some are strong, well-spread networks.

Everything is deterministic (`random.Random(2026)`) and all names are
fictional combinations of common Dutch first names and surnames. The
samenwerkingsafspraken, agenda, logbook and change events on top of these
circles come from `demo_agreements.py`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from samenspel.accounts.models import Person, User
from samenspel.circles.models import Circle, Member
from samenspel.circles.services import create_circle
from samenspel.demo import agreements as demo_agreements
from samenspel.demo import burden as demo_burden
from samenspel.demo import socialmap as demo_socialmap
from samenspel.demo import volunteers as demo_volunteers
from samenspel.demo.names import (  # noqa: F401 (also the loader's API)
    CARE_PROVIDER,
    CARER_SUPPORT,
    DEMO_PASSWORD,
    MUNICIPALITY_NAME,
    SEED,
    TEAM_NORTH,
    TEAM_SOUTH,
    VOLUNTEER_CENTRE,
)
from samenspel.domain.vocabulary import (
    AccessLevel,
    CareDomain,
    ContactFrequency,
    MemberKind,
    Relation,
    SofaRole,
)
from samenspel.invitations.models import Invitation
from samenspel.invitations.services import invite
from samenspel.organisations.models import Employment, Organisation
from samenspel.profiles.demo import add_demo_profiles
from samenspel.reflection.demo import add_demo_reflection
from samenspel.teams.demo import add_demo_session, add_demo_thermometer
from samenspel.teams.models import ThermometerRound

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

D = CareDomain
R = Relation
F = ContactFrequency
Disc = Employment.Discipline

# --- Fictional names ----------------------------------------------------------

# fmt: off
OLDER_WOMEN = [
    "Riet", "Annie", "Corrie", "Truus", "Mien", "Joke", "Gerda", "Ria", "Wil", "Tiny",
    "Nel", "Ans", "Lies", "Marijke", "Thea", "Bep", "Diny", "Els", "Hennie", "Jannie",
    "Rina", "Leny", "Coby", "Willy", "Toos", "Aaltje", "Betty", "Dina", "Fenna", "Gonny",
]
OLDER_MEN = [
    "Kees", "Jan", "Piet", "Gerrit", "Wim", "Cor", "Hans", "Ton", "Frans", "Bert",
    "Harry", "Jaap", "Klaas", "Ad", "Theo", "Sjaak", "Dirk", "Gijs", "Herman", "Joop",
    "Arie", "Evert", "Henk", "Rinus", "Bram", "Leo", "Nico", "Rien", "Fons", "Gerard",
]
YOUNGER_WOMEN = [
    "Anouk", "Lotte", "Femke", "Marloes", "Inge", "Esther", "Linda", "Monique", "Sandra",
    "Kim", "Iris", "Eva", "Nicole", "Ilse", "Petra", "Yvonne", "Miriam", "Fatima", "Naima",
    "Aylin", "Saskia", "Wendy", "Karin", "Manon", "Renske", "Sabine", "Judith", "Daphne",
    "Hanneke", "Sevda", "Mirjam", "Bianca", "Chantal", "Laura", "Maaike", "Romy",
]
YOUNGER_MEN = [
    "Mark", "Jeroen", "Bas", "Thijs", "Ruben", "Sander", "Erik", "Dennis", "Martijn",
    "Joost", "Rob", "Tim", "Youssef", "Mehmet", "Stefan", "Niels", "Koen", "Wouter",
    "Michiel", "Remco", "Arjan", "Vincent", "Patrick", "Hakan", "Frank", "Maarten",
    "Pieter", "Roel", "Daan", "Jesse",
]
SURNAMES = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "Dijkstra", "Smits", "van der Meer",
    "van der Linden", "Kok", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
    "van den Broek", "de Bruijn", "van der Heijden", "van Vliet", "van de Ven", "Maas",
    "Verhoeven", "Koster", "van Dam", "Blom", "Huisman", "Peeters", "Kuiper", "Veenstra",
    "Kramer", "van Wijk", "Bosch", "Evers", "Schipper", "Hermans", "Lammers", "Wouters",
    "van Rijn", "Gerritsen", "Bakx", "Zwart", "Molenaar", "Boersma", "Postema",
]
# fmt: on

# --- "Wat mij beweegt": short, first person, plain Dutch ---------------------
# Placeholders: {partner} "mijn vrouw"/"mijn man", {parent} "mijn moeder"/"mijn vader",
# {Parent} capitalised, {child} "mijn dochter"/"mijn zoon", {pron} "haar"/"hem",
# {Subj} "Zij"/"Hij", {subj} "ze"/"hij", {poss} "haar"/"zijn".

MOTIVATIONS: dict[str, list[str]] = {
    "partner": [
        "Wij zijn al {years} jaar samen. Dan laat je elkaar niet vallen.",
        "Ik wil dat {partner} zo lang mogelijk thuis kan blijven wonen.",
        "Ik doe het uit liefde, maar soms wordt het me te veel.",
        "{Subj} zorgde jarenlang voor ons gezin. Nu is het mijn beurt.",
        "Ik ken {pron} het best. Ik zie meteen als het niet goed gaat.",
        "We hebben altijd alles samen gedaan. Dat wil ik zo houden.",
        "Ik beloofde het bij ons trouwen: in goede en in slechte tijden.",
    ],
    "child": [
        "Ik doe het omdat {parent} er altijd voor mij was.",
        "{Parent} wil graag thuis blijven wonen. Ik help om dat mogelijk te maken.",
        "Ik woon dichtbij, dus het komt vaak op mij neer. Dat vind ik niet erg.",
        "Ik regel de papieren. Dan hoeft {parent} zich daar geen zorgen over te maken.",
        "Ik woon ver weg, maar ik bel elke week en kom als het kan.",
        "Het voelt goed om iets terug te doen.",
        "Ik wil niet dat {parent} zich eenzaam voelt.",
        "Mijn broers wonen ver weg. Ik ben de enige die vlakbij woont.",
    ],
    "parent": [
        "Als ouder blijf je zorgen, ook als je kind volwassen is.",
        "Ik wil dat {child} een zo gewoon mogelijk leven heeft.",
        "Ik maak me zorgen over later, als ik het zelf niet meer kan.",
    ],
    "sibling": [
        "We zijn samen opgegroeid. Dan help je elkaar.",
        "Ik kom elke week langs voor koffie en een praatje.",
        "Ik heb zelf tijd, mijn kinderen zijn de deur uit.",
    ],
    "other_family": [
        "Ik ben familie. Als ik kan helpen, doe ik dat graag.",
        "Ik help met de computer en de post. Dat kan ik goed.",
        "Als kind logeerde ik vaak bij {pron}. Dat vergeet ik nooit.",
    ],
    "friend": [
        "We kennen elkaar al van school. Zo'n vriendschap laat je niet los.",
        "Ik kom graag even langs. Samen koffie drinken doet ons allebei goed.",
        "We zongen jaren samen in het koor. Ik wil het contact houden.",
        "Ik had zelf hulp nodig toen het slecht ging. Nu help ik graag terug.",
        "We wandelen samen. Dan kan {subj} even {poss} verhaal kwijt.",
    ],
    "neighbour": [
        "Ik woon naast de deur. Even boodschappen doen is zo gebeurd.",
        "Ik let een beetje op. Als de gordijnen dicht blijven, ga ik kijken.",
        "We zijn al twintig jaar buren. Dan help je elkaar.",
        "Ik breng af en toe een pan soep. Meer kan ik nu niet doen.",
        "Ik rijd toch naar de markt, dan kan {subj} mooi mee.",
    ],
    "volunteer": [
        "Ik ben met pensioen en heb tijd over. Zo doe ik iets nuttigs.",
        "Ik vind het fijn om iemand een mooie middag te geven.",
        "Na de dood van mijn man was ik zelf eenzaam. Ik weet hoe dat voelt.",
        "Ik rijd graag. Zo kan iemand toch naar de dokter of de markt.",
        "Ik leer er zelf ook veel van. Elke week hoor ik mooie verhalen.",
        "Ik wil iets terugdoen voor mijn buurt.",
        "Naast mijn studie wil ik iets betekenen voor een ander.",
        "Samen een spelletje doen of een stukje lopen. Dat maakt de week van ons allebei.",
    ],
    "professional": [
        "Ik wil dat mensen zo lang mogelijk zelf de regie houden.",
        "Ik zie hoe hard mantelzorgers werken. Ik wil dat zij ook steun krijgen.",
        "Samen met de familie bereik je meer dan alleen.",
        "Ik vind het mooi om te zien wat mensen zelf kunnen.",
        "Goede zorg begint met goed luisteren.",
        "Ik wil dat niemand er alleen voor staat.",
        "Ik kom graag bij mensen thuis. Daar zie je wat er echt nodig is.",
        "Ik puzzel graag mee tot het thuis weer goed loopt.",
    ],
}

# Which care domains a professional of a discipline covers, and typical hours.
DISCIPLINE_DOMAINS: dict[str, list[CareDomain]] = {
    Disc.DISTRICT_NURSE: [D.NURSING, D.PERSONAL_CARE],
    Disc.HOME_CARE: [D.PERSONAL_CARE],
    Disc.SOCIAL_WORKER: [D.ADMINISTRATION],
    Disc.WMO_CONSULTANT: [],
    Disc.COMMUNITY_WORKER: [D.COMPANY],
    Disc.SOCIAL_BROKER: [D.COMPANY, D.PRACTICAL],
    Disc.YOUTH_CARE: [D.OTHER],
    Disc.CARER_OFFICER: [],
    Disc.VOLUNTEER_COORDINATOR: [],
    Disc.CARE_MANAGER: [],
    Disc.OTHER: [],
}
DISCIPLINE_HOURS: dict[str, tuple[str, ...]] = {
    Disc.DISTRICT_NURSE: ("1", "1.5", "2", "3"),
    Disc.HOME_CARE: ("3", "4.5", "6", "8"),
}
DEFAULT_PRO_HOURS = ("0.5", "1", "1")

# Circle archetypes (domain.md §8) and how many of each.
OVERLOADED, ISOLATED, MIXED, STRONG = "overloaded", "isolated", "mixed", "strong"
ARCHETYPE_COUNTS = {OVERLOADED: 12, ISOLATED: 5, MIXED: 21, STRONG: 10}


@dataclass
class Staff:
    person: Person
    organisation: Organisation
    discipline: str


@dataclass
class Plan:
    client: Person
    client_female: bool
    team: Organisation
    archetype: str
    needed: list[str] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    circle: Circle | None = None
    team_consent: bool = True
    young: bool = False  # a younger client, cared for by a parent
    client_motivation: str = ""

    def has(self, person: Person) -> bool:
        return any(m["person"] is person for m in self.members) or person is self.client


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


def demo_exists() -> bool:
    return Organisation.objects.filter(
        kind=Organisation.Kind.MUNICIPALITY, name=MUNICIPALITY_NAME
    ).exists()


def demo_circles():
    return Circle.objects.filter(
        team__parent__kind=Organisation.Kind.MUNICIPALITY, team__parent__name=MUNICIPALITY_NAME
    )


def load_demo() -> Summary | None:
    """Create the demo world; returns None when it is already there (then only
    `refresh_demo` runs, which adds nothing that exists)."""
    with transaction.atomic():
        if demo_exists():
            refresh_demo()
            return None
        return _Builder(random.Random(SEED)).build()


def _thermometer() -> None:
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


def _reflection() -> None:
    """One closed equality reflection of Wijkteam Lindeveen-Noord, with a gap."""

    team = Organisation.objects.filter(
        kind=Organisation.Kind.NEIGHBOURHOOD_TEAM, name=TEAM_NORTH
    ).first()
    if team is not None:
        add_demo_reflection(team, timezone.localdate())


def refresh_demo() -> int:
    """Keep an existing demo current: agreements if it predates them, else
    occurrences planned up to today's horizon. Returns agreements added."""
    with transaction.atomic():
        added = demo_agreements.refresh(demo_circles(), seed=SEED)
        demo_burden.add_screenings(demo_circles(), seed=SEED)  # a demo from before issue 4
        demo_socialmap.add_socialmap(demo_circles())  # before issue 5
        add_demo_profiles(demo_circles(), seed=SEED)  # before issue 7
        _thermometer()
        _reflection()
        demo_volunteers.add_volunteering(demo_circles(), seed=SEED, today=timezone.localdate())
        return added


class _Builder:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used_names: set[str] = set()
        self.new_people: list[Person] = []
        self.plans: list[Plan] = []
        self.now = timezone.now()

    # --- People ---------------------------------------------------------------

    def person(self, first: str, last: str, email: str = "", *, save: bool = False) -> Person:
        self.used_names.add(f"{first} {last}")
        p = Person(first_name=first, last_name=last, email=email)
        if save:
            p.save()
        else:
            self.new_people.append(p)
        return p

    def random_person(self, *, female: bool, older: bool, last: str | None = None) -> Person:
        if older:
            firsts = OLDER_WOMEN if female else OLDER_MEN
        else:
            firsts = YOUNGER_WOMEN if female else YOUNGER_MEN
        for _attempt in range(50):
            first = self.rng.choice(firsts)
            surname = last or self.rng.choice(SURNAMES)
            if f"{first} {surname}" not in self.used_names:
                return self.person(first, surname)
            last = None  # family name taken with this first name: marry into another
        raise RuntimeError("Out of demo names")  # pragma: no cover

    # --- Organisations, staff and logins ---------------------------------------

    def organisations(self) -> None:
        Kind = Organisation.Kind
        self.municipality = Organisation.objects.create(
            name=MUNICIPALITY_NAME, kind=Kind.MUNICIPALITY
        )
        self.north = Organisation.objects.create(
            name=TEAM_NORTH, kind=Kind.NEIGHBOURHOOD_TEAM, parent=self.municipality
        )
        self.south = Organisation.objects.create(
            name=TEAM_SOUTH, kind=Kind.NEIGHBOURHOOD_TEAM, parent=self.municipality
        )
        self.schakel = Organisation.objects.create(
            name=VOLUNTEER_CENTRE, kind=Kind.VOLUNTEER_ORGANISATION, allows_personal_care=False
        )
        self.steunpunt = Organisation.objects.create(name=CARER_SUPPORT, kind=Kind.CARER_SUPPORT)
        self.linde = Organisation.objects.create(name=CARE_PROVIDER, kind=Kind.CARE_PROVIDER)

    def staff(self) -> None:
        rows = [
            # (first, last, organisation, discipline, team lead, login)
            ("Sanne", "de Wit", self.north, Disc.SOCIAL_WORKER, False, "professional"),
            ("Marieke", "Hoekstra", self.north, Disc.WMO_CONSULTANT, True, "teamleider"),
            ("Jeroen", "Kuipers", self.north, Disc.DISTRICT_NURSE, False, None),
            ("Naima", "El Idrissi", self.north, Disc.WMO_CONSULTANT, False, None),
            ("Koen", "Postma", self.north, Disc.COMMUNITY_WORKER, False, None),
            ("Bas", "Timmermans", self.north, Disc.YOUTH_CARE, False, None),
            ("Femke", "Dijkstra", self.south, Disc.DISTRICT_NURSE, False, "professional2"),
            ("Ruud", "van Beek", self.south, Disc.SOCIAL_WORKER, True, None),
            ("Youssef", "Amrani", self.south, Disc.SOCIAL_WORKER, False, None),
            ("Linda", "Kramer", self.south, Disc.WMO_CONSULTANT, False, None),
            ("Petra", "Schouten", self.south, Disc.SOCIAL_BROKER, False, None),
            ("Esther", "Willems", self.steunpunt, Disc.CARER_OFFICER, False, None),
            ("Wilma", "Kok", self.schakel, Disc.VOLUNTEER_COORDINATOR, False, "coordinator"),
            ("Monique", "de Graaf", self.linde, Disc.DISTRICT_NURSE, False, None),
            ("Yvonne", "Maas", self.linde, Disc.HOME_CARE, False, None),
            ("Kim", "Jacobs", self.linde, Disc.HOME_CARE, False, None),
            ("Dennis", "Prins", self.linde, Disc.HOME_CARE, False, None),
        ]
        self.staff_by_login: dict[str, Staff] = {}
        self.all_staff: list[Staff] = []
        employments = []
        for first, last, org, disc, lead, login in rows:
            email = f"{first}.{last}".lower().replace(" ", "") + "@example.com"
            p = self.person(first, last, email, save=True)
            s = Staff(p, org, disc)
            self.all_staff.append(s)
            if login:
                self.staff_by_login[login] = s
            employments.append(
                Employment(person=p, organisation=org, discipline=disc, is_team_lead=lead)
            )
        Employment.objects.bulk_create(employments)

    def team_staff(self, team: Organisation, *disciplines: str) -> list[Staff]:
        return [
            s
            for s in self.all_staff
            if s.organisation == team and (not disciplines or s.discipline in disciplines)
        ]

    def users(self, people: dict[str, Person]) -> dict[str, User]:
        """One hashed password, copied to every demo user (hashing is slow on purpose)."""
        template = User(username="template")
        template.set_password(DEMO_PASSWORD)
        users = {}
        for username, _role in DEMO_LOGINS:
            person = people.get(username)
            users[username] = User(
                username=username,
                password=template.password,
                first_name=person.first_name if person else "Beheerder",
                last_name=person.last_name if person else "",
                email=(person.email if person else "") or f"{username}@example.com",
                is_staff=username == "beheerder",
                is_superuser=username == "beheerder",
            )
        User.objects.bulk_create(users.values())
        for username, person in people.items():
            person.user = users[username]
            person.save(update_fields=["user"])
        return users

    # --- Members ------------------------------------------------------------------

    def words(self, plan: Plan) -> dict[str, str]:
        f = plan.client_female
        return {
            "partner": "mijn vrouw" if f else "mijn man",
            "parent": "mijn moeder" if f else "mijn vader",
            "Parent": "Mijn moeder" if f else "Mijn vader",
            "child": "mijn dochter" if f else "mijn zoon",
            "pron": "haar" if f else "hem",
            "Subj": "Zij" if f else "Hij",
            "subj": "ze" if f else "hij",
            "poss": "haar" if f else "zijn",
            "years": str(self.rng.choice([32, 38, 41, 45, 47, 52, 56])),
        }

    def motivation(self, plan: Plan, key: str) -> str:
        return self.rng.choice(MOTIVATIONS[key]).format(**self.words(plan))

    def carer(
        self,
        plan: Plan,
        relation: Relation,
        hours: str | float,
        domains: list[CareDomain],
        *,
        person: Person | None = None,
        female: bool | None = None,
        sofa: list[SofaRole] | None = None,
        access: AccessLevel | None = None,
        closeness: int | None = None,
        frequency: ContactFrequency | None = None,
        motivation: str | None = None,
    ) -> dict:
        rng = self.rng
        if person is None:
            female = rng.random() < 0.6 if female is None else female
            if relation == R.PARTNER:
                person = self.random_person(
                    female=not plan.client_female, older=True, last=plan.client.last_name
                )
            elif relation in (R.CHILD, R.OTHER_FAMILY):
                same = plan.client.last_name if rng.random() < 0.7 else None
                person = self.random_person(female=female, older=False, last=same)
            elif relation in (R.SIBLING, R.PARENT):
                person = self.random_person(female=female, older=True, last=plan.client.last_name)
            else:
                person = self.random_person(female=female, older=rng.random() < 0.5)
        hours_value = Decimal(str(hours))
        if closeness is None:
            closeness = {
                R.PARTNER: 1,
                R.CHILD: 1 if hours_value >= 4 else 2,
                R.PARENT: 1,
                R.SIBLING: rng.choice([1, 2]),
                R.OTHER_FAMILY: 2,
                R.FRIEND: rng.choice([2, 2, 3]),
                R.NEIGHBOUR: rng.choice([2, 3]),
            }[relation]
        if frequency is None:
            if hours_value >= 15 or relation == R.PARTNER:
                frequency = F.DAILY
            elif hours_value >= 4:
                frequency = F.SEVERAL_WEEKLY
            elif hours_value >= 1:
                frequency = F.WEEKLY
            else:
                frequency = rng.choice([F.MONTHLY, F.LESS])
        if access is None:
            if relation in (R.PARTNER, R.PARENT):
                access = AccessLevel.FULL
            elif relation == R.CHILD:
                access = AccessLevel.FULL if rng.random() < 0.6 else AccessLevel.AGENDA
            elif relation == R.NEIGHBOUR and rng.random() < 0.25:
                access = AccessLevel.MAP_ONLY
            else:
                access = AccessLevel.AGENDA
        if sofa is None:
            if hours_value >= 20:
                sofa = [SofaRole.PARTNER, SofaRole.HELP_SEEKER]
            elif hours_value > 8:
                sofa = [SofaRole.PARTNER, rng.choice([SofaRole.EXPERT, SofaRole.NEXT_OF_KIN])]
            elif relation in (R.PARTNER, R.PARENT):
                sofa = [SofaRole.EXPERT]
            else:
                sofa = [SofaRole.NEXT_OF_KIN]
        entry = {
            "person": person,
            "kind": MemberKind.CARER,
            "relation": relation,
            "domains": [str(d) for d in domains],
            "hours_per_week": hours_value,
            "contact_frequency": frequency,
            "closeness": closeness,
            "motivation": motivation or self.motivation(plan, str(relation)),
            "sofa_roles": [str(s) for s in sofa],
            "access_level": access,
            "is_legal_representative": False,
        }
        plan.members.append(entry)
        return entry

    def volunteer(self, plan: Plan, person: Person, hours: str, domains: list[CareDomain]) -> dict:
        entry = {
            "person": person,
            "kind": MemberKind.VOLUNTEER,
            "organisation": self.schakel,
            "domains": [str(d) for d in domains],
            "hours_per_week": Decimal(hours),
            "contact_frequency": F.WEEKLY,
            "closeness": self.rng.choice([2, 3]),
            "motivation": self.motivation(plan, "volunteer"),
            "access_level": AccessLevel.AGENDA,
        }
        plan.members.append(entry)
        return entry

    def professional(self, plan: Plan, staff: Staff) -> dict | None:
        if plan.has(staff.person):
            return None
        hours = self.rng.choice(DISCIPLINE_HOURS.get(staff.discipline, DEFAULT_PRO_HOURS))
        entry = {
            "person": staff.person,
            "kind": MemberKind.PROFESSIONAL,
            "organisation": staff.organisation,
            "discipline": str(staff.discipline),
            "domains": [str(d) for d in DISCIPLINE_DOMAINS[staff.discipline]],
            "hours_per_week": Decimal(hours),
            "contact_frequency": self.rng.choice([F.WEEKLY, F.WEEKLY, F.MONTHLY]),
            "closeness": self.rng.choice([2, 3]),
            "motivation": self.motivation(plan, "professional"),
            "access_level": AccessLevel.FULL,
        }
        plan.members.append(entry)
        return entry

    def care_staff(self, plan: Plan) -> Staff:
        """Nursing or personal care: the team's nurse or a home-care worker."""
        options = self.team_staff(plan.team, Disc.DISTRICT_NURSE) + self.team_staff(self.linde)
        return self.rng.choice(options)

    def support_staff(self, plan: Plan) -> Staff:
        options = self.team_staff(
            plan.team,
            Disc.SOCIAL_WORKER,
            Disc.WMO_CONSULTANT,
            Disc.COMMUNITY_WORKER,
            Disc.SOCIAL_BROKER,
        )
        return self.rng.choice(options)

    # --- Circles ----------------------------------------------------------------

    def new_plan(
        self,
        archetype: str,
        team: Organisation,
        client: Person | None = None,
        female: bool | None = None,
        young: bool = False,
    ) -> Plan:
        if female is None:
            female = self.rng.random() < 0.62
        if client is None:
            client = self.random_person(female=female, older=not young)
        plan = Plan(
            client=client, client_female=female, team=team, archetype=archetype, young=young
        )
        self.plans.append(plan)
        return plan

    def fill_overloaded(self, plan: Plan) -> None:
        rng = self.rng
        relation = R.PARTNER if rng.random() < 0.55 else R.CHILD
        hours = rng.choice([20, 22, 24, 25, 28, 30, 32, 36, 40])
        main_domains = [D.HOUSEHOLD] + rng.sample(
            [D.PERSONAL_CARE, D.PRACTICAL, D.ADMINISTRATION, D.COMPANY], 3
        )
        self.carer(
            plan, relation, hours, main_domains, female=True if relation == R.CHILD else None
        )
        if rng.random() < 0.6:
            backup = rng.choice([R.CHILD, R.NEIGHBOUR, R.SIBLING])
            self.carer(
                plan, backup, rng.choice(["1", "1.5", "2"]), [rng.choice([D.COMPANY, D.PRACTICAL])]
            )
        self.professional(plan, self.care_staff(plan))
        if rng.random() < 0.5:
            self.professional(plan, self.support_staff(plan))
        if rng.random() < 0.5:
            main_domains.append(D.NURSING)
        plan.needed = [str(d) for d in main_domains]

    def fill_isolated(self, plan: Plan) -> None:
        rng = self.rng
        self.professional(plan, self.support_staff(plan))
        if rng.random() < 0.7:
            self.professional(plan, self.care_staff(plan))
        needed = rng.sample([D.HOUSEHOLD, D.COMPANY, D.PRACTICAL, D.ADMINISTRATION], 3)
        if any(m.get("discipline") == Disc.DISTRICT_NURSE for m in plan.members):
            needed.append(D.NURSING)
        plan.needed = [str(d) for d in needed]

    def fill_mixed(self, plan: Plan, main: dict | None = None) -> None:
        rng = self.rng
        if main is None:
            relation = (
                R.PARENT if plan.young else rng.choice([R.PARTNER, R.CHILD, R.CHILD, R.SIBLING])
            )
            main = self.carer(
                plan,
                relation,
                rng.choice([6, 8, 10, 12, 14, 16]),
                rng.sample([D.HOUSEHOLD, D.PRACTICAL, D.ADMINISTRATION, D.COMPANY], 2),
            )
        for _ in range(rng.choice([1, 1, 2])):
            relation = rng.choice([R.FRIEND, R.NEIGHBOUR, R.CHILD, R.OTHER_FAMILY])
            self.carer(
                plan,
                relation,
                rng.choice(["1", "2", "3", "4"]),
                rng.sample([D.COMPANY, D.PRACTICAL, D.HOUSEHOLD, D.ADMINISTRATION], 1),
            )
        if rng.random() < 0.5:
            self.volunteer_slot(plan)
        self.professional(plan, self.care_staff(plan))
        if rng.random() < 0.4:
            self.professional(plan, self.support_staff(plan))
        covered = {d for m in plan.members for d in m["domains"]}
        needed = sorted(covered)[:4]
        if rng.random() < 0.35:
            gaps = [str(d) for d in D if d != D.OTHER and str(d) not in covered]
            if gaps:
                needed.append(rng.choice(gaps))
        plan.needed = needed

    def fill_strong(self, plan: Plan) -> None:
        rng = self.rng
        first = rng.choice([R.PARTNER, R.CHILD])
        self.carer(plan, first, rng.choice([5, 6, 7, 8]), [D.HOUSEHOLD, D.COMPANY])
        others = rng.choice([3, 4, 5, 6])
        pool = [R.CHILD, R.CHILD, R.FRIEND, R.NEIGHBOUR, R.SIBLING, R.OTHER_FAMILY, R.FRIEND]
        informal_domains = [D.HOUSEHOLD, D.PRACTICAL, D.ADMINISTRATION, D.COMPANY]
        volunteer = rng.random() < 0.5
        for i in range(others):
            if volunteer and i == others - 1:
                self.volunteer_slot(plan)
                continue
            self.carer(
                plan,
                rng.choice(pool),
                rng.choice(["2", "2.5", "3", "4", "5"]),
                rng.sample(informal_domains, rng.choice([1, 2])),
            )
        self.professional(plan, self.care_staff(plan))
        if rng.random() < 0.5:
            self.professional(plan, self.support_staff(plan))
        needed = [D.HOUSEHOLD, D.PRACTICAL, D.COMPANY, D.ADMINISTRATION]
        if any(D.PERSONAL_CARE in m["domains"] for m in plan.members):
            needed.append(D.PERSONAL_CARE)
        # Spread the care: every needed domain gets at least two helpers.
        informal = [m for m in plan.members if m["kind"] != MemberKind.PROFESSIONAL]
        helper_order = lambda m: (m["kind"] == MemberKind.VOLUNTEER, len(m["domains"]))  # noqa: E731
        for d in needed:
            helpers = [m for m in plan.members if str(d) in m["domains"]]
            while len(helpers) < 2:
                candidate = min(
                    (m for m in informal if str(d) not in m["domains"]),
                    key=helper_order,
                )
                candidate["domains"].append(str(d))
                helpers.append(candidate)
        plan.needed = [str(d) for d in needed]

    def volunteer_slot(self, plan: Plan) -> None:
        """A De Schakel volunteer for company or transport, ~2–4 h a week."""
        rng = self.rng
        options = [v for v in self.volunteers if self.volunteer_load[id(v)] < 3 and not plan.has(v)]
        person = min(options, key=lambda v: (self.volunteer_load[id(v)], rng.random()))
        self.volunteer_load[id(person)] += 1
        domains = rng.choice([[D.COMPANY], [D.PRACTICAL], [D.COMPANY, D.PRACTICAL]])
        self.volunteer(plan, person, rng.choice(["2", "2.5", "3", "4"]), domains)

    # --- The whole world --------------------------------------------------------

    def build(self) -> Summary:
        rng = self.rng
        self.organisations()
        self.staff()

        # The people behind the demo log-ins who are not staff.
        greet = self.person("Greet", "Bakker", "greet.bakker@example.com")
        henk = self.person("Henk", "Bakker", "henk.bakker@example.com")
        anouk = self.person("Anouk", "Peters", "anouk.peters@example.com")
        riet = self.person("Riet", "Peters")
        self.volunteers = [
            self.random_person(female=rng.random() < 0.65, older=rng.random() < 0.6)
            for _ in range(11)
        ]
        self.volunteer_load = {id(v): 0 for v in self.volunteers}
        sanne = self.staff_by_login["professional"]
        femke = self.staff_by_login["professional2"]

        # 1. Greet and Henk: an overloaded partner with hardly any backup.
        plan = self.new_plan(OVERLOADED, self.north, client=greet, female=True)
        plan.client_motivation = "Ik wil zo lang mogelijk thuis blijven wonen, samen met Henk."
        henk_entry = self.carer(
            plan,
            R.PARTNER,
            35,
            [D.HOUSEHOLD, D.PERSONAL_CARE, D.PRACTICAL, D.ADMINISTRATION, D.COMPANY],
            person=henk,
            sofa=[SofaRole.PARTNER, SofaRole.HELP_SEEKER],
            access=AccessLevel.FULL,
            frequency=F.DAILY,
            closeness=1,
            motivation="Wij zijn 48 jaar getrouwd. Ik laat Greet niet in de steek, "
            "ook al ben ik 's avonds doodop.",
        )
        marloes = self.carer(
            plan,
            R.CHILD,
            "2",
            [D.ADMINISTRATION],
            person=self.person("Marloes", "Bakker", "marloes.bakker@example.com"),
            access=AccessLevel.AGENDA,
            closeness=2,
            frequency=F.WEEKLY,
            motivation="Ik woon in Groningen. Ik doe de post en bel mijn moeder elke zondag.",
        )
        neighbour = self.carer(
            plan,
            R.NEIGHBOUR,
            "1",
            [D.PRACTICAL],
            person=self.random_person(female=True, older=True),
            access=AccessLevel.MAP_ONLY,
            closeness=3,
            frequency=F.WEEKLY,
        )
        nephew = self.carer(
            plan,
            R.OTHER_FAMILY,
            "0",
            [],
            person=self.random_person(female=False, older=False, last="Bakker"),
            access=AccessLevel.AGENDA,
            closeness=3,
            frequency=F.LESS,
        )
        nephew["status"] = Member.Status.REVOKED
        nephew["revoked_at"] = self.now - timedelta(days=20)
        self.professional(plan, sanne)
        self.professional(plan, self.team_staff(self.linde, Disc.DISTRICT_NURSE)[0])
        self.professional(plan, self.team_staff(self.steunpunt)[0])
        plan.needed = [
            str(d) for d in (D.HOUSEHOLD, D.PERSONAL_CARE, D.NURSING, D.PRACTICAL, D.COMPANY)
        ]
        greet_plan = plan

        # 2. Riet Peters: Anouk's mother, a mixed network in Zuid.
        plan = self.new_plan(MIXED, self.south, client=riet, female=True)
        anouk_as_child = self.carer(
            plan,
            R.CHILD,
            12,
            [D.HOUSEHOLD, D.ADMINISTRATION, D.PRACTICAL],
            person=anouk,
            access=AccessLevel.FULL,
            sofa=[SofaRole.PARTNER, SofaRole.EXPERT],
            motivation="Mijn moeder heeft mij alleen opgevoed. Nu zorg ik voor haar.",
        )
        self.fill_mixed(plan, main=anouk_as_child)
        riet_plan = plan

        # 3. Everyone else, balanced over the two teams.
        remaining = dict(ARCHETYPE_COUNTS)
        remaining[OVERLOADED] -= 1
        remaining[MIXED] -= 1
        kinds = [k for k, n in remaining.items() for _ in range(n)]
        rng.shuffle(kinds)
        counts = {self.north: 1, self.south: 1}
        for kind in kinds:
            team = min(counts, key=lambda t: (counts[t], t.name))
            counts[team] += 1
            plan = self.new_plan(kind, team, young=kind == MIXED and rng.random() < 0.15)
            getattr(self, f"fill_{kind}")(plan)

        # Anouk volunteers in two circles (one in each team) besides caring for Riet.
        for team, archetype in ((self.north, MIXED), (self.south, STRONG)):
            target = next(
                p
                for p in self.plans
                if p.team == team
                and p.archetype == archetype
                and not any(m["kind"] == MemberKind.VOLUNTEER for m in p.members)
            )
            self.volunteer(target, anouk, "3", [D.COMPANY, D.PRACTICAL])

        # Sanne is a full member of a few Noord circles; Femke of a few Zuid circles.
        north_busy = [
            p for p in self.plans if p.team == self.north and p.archetype in (OVERLOADED, MIXED)
        ]
        for p in north_busy[1:4]:
            self.professional(p, sanne)
        south_care = [p for p in self.plans if p.team == self.south and p is not riet_plan]
        for p in south_care[:4]:
            self.professional(p, femke)
        # The carer support point is involved with some overloaded carers.
        for p in [p for p in self.plans if p.archetype == OVERLOADED][1:4]:
            self.professional(p, self.team_staff(self.steunpunt)[0])
        # One client in Zuid has withdrawn the team's consent to look along.
        next(p for p in reversed(self.plans) if p.team == self.south).team_consent = False
        # A son who was taken off his father's map (status revoked).
        isolated = next(p for p in self.plans if p.archetype == ISOLATED)
        son = self.carer(isolated, R.CHILD, "0", [], female=False, frequency=F.LESS)
        son["status"] = Member.Status.REVOKED
        son["revoked_at"] = self.now - timedelta(days=90)

        # --- Write -------------------------------------------------------------
        Person.objects.bulk_create(self.new_people)
        logins = {
            "client": greet,
            "mantelzorger": henk,
            "vrijwilliger": anouk,
            **{k: s.person for k, s in self.staff_by_login.items()},
        }
        users = self.users(logins)

        members = []
        self.member_of: dict[int, Member] = {}
        for plan in self.plans:
            plan.circle = create_circle(plan.client, team=plan.team, needed_domains=plan.needed)
            for entry in plan.members:
                member = Member(circle=plan.circle, **entry)
                self.member_of[id(entry)] = member
                members.append(member)
        Member.objects.bulk_create(members)
        no_consent = [p.circle.pk for p in self.plans if not p.team_consent]
        Circle.objects.filter(pk__in=no_consent).update(team_consent=False)
        Member.objects.filter(circle=greet_plan.circle, person=greet).update(
            motivation=greet_plan.client_motivation
        )

        self.invitations(users, henk_entry, marloes, neighbour, nephew, anouk_as_child)
        circles = Circle.objects.filter(pk__in=[p.circle.pk for p in self.plans])
        agreements = demo_agreements.add_agreements(circles, seed=SEED)
        screenings = demo_burden.add_screenings(circles, seed=SEED)
        socialmap = demo_socialmap.add_socialmap(circles)
        add_demo_profiles(circles, seed=SEED)
        _thermometer()
        _reflection()
        demo_volunteers.add_volunteering(circles, seed=SEED, today=timezone.localdate(self.now))
        return Summary(
            organisations=Organisation.objects.count(),
            professionals=Employment.objects.values("person").distinct().count(),
            circles=len(self.plans),
            members={
                "mantelzorgers": sum(m.kind == MemberKind.CARER for m in members),
                "vrijwilligers": sum(m.kind == MemberKind.VOLUNTEER for m in members),
                "professionals": sum(m.kind == MemberKind.PROFESSIONAL for m in members),
            },
            revoked=sum(m.status == Member.Status.REVOKED for m in members),
            invitations=Invitation.objects.count(),
            logins=DEMO_LOGINS,
            agreements=agreements,
            screenings=screenings,
            socialmap=socialmap,
        )

    def invitations(self, users, henk, marloes, neighbour, nephew, anouk_as_child) -> None:
        """Every invitation status once on Greet's page, plus a few open ones elsewhere."""
        greet_user = users["client"]
        # Henk accepted his invitation: that is how his account got linked.
        accepted = invite(self.member_of[id(henk)], greet_user).invitation
        Invitation.objects.filter(pk=accepted.pk).update(
            accepted_at=self.now - timedelta(days=30), accepted_by=users["mantelzorger"]
        )
        invite(self.member_of[id(marloes)], greet_user)  # still open
        expired = invite(self.member_of[id(neighbour)], greet_user).invitation
        Invitation.objects.filter(pk=expired.pk).update(expires_at=self.now - timedelta(days=2))
        revoked = invite(self.member_of[id(nephew)], greet_user).invitation
        Invitation.objects.filter(pk=revoked.pk).update(revoked_at=nephew["revoked_at"])
        # Anouk accepted the invitation to her mother's circle.
        accepted = invite(self.member_of[id(anouk_as_child)], users["professional2"]).invitation
        Invitation.objects.filter(pk=accepted.pk).update(
            accepted_at=self.now - timedelta(days=60), accepted_by=users["vrijwilliger"]
        )
        # Sanne has sent a few invitations that are still open.
        sanne = self.staff_by_login["professional"].person
        open_for = [
            self.member_of[id(e)]
            for p in self.plans[1:]
            if p.has(sanne)
            for e in p.members
            if e["kind"] == MemberKind.CARER and e["person"].user_id is None and "status" not in e
        ][:3]
        for m in open_for:
            invite(m, users["professional"])
