"""`python manage.py import_socialmap kaart.csv [--dry-run]`: import the sociale kaart.

Checks every row first and imports nothing when one row is wrong; each problem
is printed with its line number. Large files show progress on stderr.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from samenspel.socialmap.csv_io import import_offers

STAGES = {"check": "Controleren", "save": "Opslaan"}


class Command(BaseCommand):
    help = "Importeert de sociale kaart uit een CSV-bestand (alles of niets)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Het CSV-bestand.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Alleen controleren: er wordt niets opgeslagen.",
        )
        parser.add_argument(
            "--user",
            help="Gebruikersnaam van de beheerder van nieuwe vermeldingen.",
        )

    def handle(self, *args, path, dry_run=False, user=None, **options):
        maintainer = None
        if user:
            maintainer = get_user_model().objects.filter(username=user).first()
            if maintainer is None:
                raise CommandError(f"Gebruiker '{user}' bestaat niet.")
        self._shown = False
        try:
            with open(path, "rb") as file:
                result = import_offers(
                    file, user=maintainer, dry_run=dry_run, progress=self.progress
                )
        except OSError as exc:
            raise CommandError(f"Kan {path} niet openen: {exc.strerror}") from exc
        if self._shown:
            self.stderr.write("")  # end the progress line
        for message in result.messages:
            self.stderr.write(message)
        if not result.ok:
            raise CommandError(f"{len(result.errors)} fout(en) gevonden. Er is niets geïmporteerd.")
        prefix = "Controle klaar, er is niets opgeslagen: " if dry_run else "Klaar: "
        self.stdout.write(
            f"{prefix}{result.rows} regels, {result.created} nieuw, "
            f"{result.updated} bijgewerkt, {result.organisations_created} nieuwe organisaties."
        )

    def progress(self, stage: str, done: int, total: int) -> None:
        self._shown = True
        self.stderr.write(f"\r{STAGES.get(stage, stage)}: {done}/{total} regels", ending="")
        self.stderr.flush()
