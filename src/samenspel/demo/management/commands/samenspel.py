"""`python manage.py samenspel [demo]`: load the fictional demo world."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from samenspel.demo import loader as demo


class Command(BaseCommand):
    help = "Laadt demodata (Gemeente Lindeveen). Twee keer draaien maakt niets dubbel."

    def add_arguments(self, parser):
        parser.add_argument(
            "action",
            nargs="?",
            default="demo",
            choices=["demo"],
            help="Wat te doen (nu alleen 'demo', de standaard).",
        )

    def handle(self, *args, action="demo", **options):
        if demo.demo_exists():
            # Plan the agenda up to today + horizon, so a demo loaded weeks ago looks current.
            added = demo.refresh_demo()
            extra = f" {added} afspraken toegevoegd." if added else ""
            self.stdout.write("Demodata staat er al." + extra)
            return
        usernames = [username for username, _role in demo.DEMO_LOGINS]
        taken = get_user_model().objects.filter(username__in=usernames)
        if taken.exists():
            names = ", ".join(taken.values_list("username", flat=True))
            raise CommandError(
                f"Deze gebruikersnamen bestaan al: {names}. Gebruik een lege database."
            )
        summary = demo.load_demo()
        if summary is None:
            self.stdout.write("Demodata staat er al.")
            return
        for line in summary.lines():
            self.stdout.write(line)
