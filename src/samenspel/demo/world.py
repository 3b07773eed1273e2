"""The whole demo world of Gemeente Lindeveen, planned in memory and written
in bulk: organisations, staff and log-ins, the story circles of the demo
log-ins, and about fifty more circles balanced over the two wijkteams.

The top layer of the builder; `demo.loader` runs it once, in a transaction.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from samenspel.accounts.models import Person, User
from samenspel.circles.models import Circle, Member
from samenspel.circles.services import create_circle
from samenspel.demo import agreements as demo_agreements
from samenspel.demo import burden as demo_burden
from samenspel.demo import socialmap as demo_socialmap
from samenspel.demo import volunteers as demo_volunteers
from samenspel.demo.circle_builder import CircleBuilder
from samenspel.demo.circle_plans import (
    ARCHETYPE_COUNTS,
    ISOLATED,
    MIXED,
    OVERLOADED,
    STRONG,
    Staff,
)
from samenspel.demo.names import (
    CARE_PROVIDER,
    CARER_SUPPORT,
    DEMO_PASSWORD,
    MUNICIPALITY_NAME,
    SEED,
    TEAM_NORTH,
    TEAM_SOUTH,
    VOLUNTEER_CENTRE,
)
from samenspel.demo.summary import DEMO_LOGINS, Summary
from samenspel.demo.team_demo import add_reflection, add_thermometer
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

D = CareDomain
R = Relation
F = ContactFrequency
Disc = Employment.Discipline


class WorldBuilder(CircleBuilder):
    """Builds the world once: `build` plans everything in memory, then writes it."""

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
        add_thermometer()
        add_reflection()
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
