"""`manage.py send_screening_reminders`: e-mail carers whose next screening is due.

Run it daily from cron, e.g. `15 9 * * * .venv/bin/python manage.py send_screening_reminders`.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from samenspel.burden.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Stuurt mantelzorgers een herinnering als hun volgende vragenlijst over de zorg klaarstaat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval-months",
            type=int,
            default=settings.SCREENING_INTERVAL_MONTHS,
            help="Maanden tussen twee vragenlijsten (standaard uit de instellingen).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen laten zien wie een herinnering krijgt."
        )

    def handle(self, *args, interval_months, dry_run, **options):
        due = send_reminders(interval_months=interval_months, dry_run=dry_run)
        verb = "zou krijgen" if dry_run else "kreeg"
        for item in due:
            self.stdout.write(f"{item.member.person.full_name} {verb} een herinnering.")
        self.stdout.write(f"Herinneringen: {len(due)}{' (proef)' if dry_run else ''}.")
