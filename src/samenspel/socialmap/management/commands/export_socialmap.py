"""`python manage.py export_socialmap [kaart.csv|-]`: export the sociale kaart as CSV."""

from django.core.management.base import BaseCommand, CommandError

from samenspel.socialmap.csv_io import export_offers
from samenspel.socialmap.models import Offer


class Command(BaseCommand):
    help = "Zet de sociale kaart in een CSV-bestand (ook vermeldingen die niet actief zijn)."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", default="-", help="Het CSV-bestand; '-' (standaard) = scherm."
        )
        parser.add_argument(
            "--delimiter",
            choices=[",", ";"],
            default=",",
            help="Scheidingsteken; ';' werkt het best met Nederlandse Excel.",
        )

    def handle(self, *args, path="-", delimiter=",", **options):
        offers = Offer.objects.all()
        if path == "-":
            # Each CSV row ends in a newline, so OutputWrapper adds nothing.
            count = export_offers(offers, self.stdout, delimiter=delimiter, bom=False)
            self.stderr.write(f"{count} vermeldingen geëxporteerd.")
            return
        try:
            with open(path, "w", encoding="utf-8", newline="") as file:
                count = export_offers(offers, file, delimiter=delimiter)
        except OSError as exc:
            raise CommandError(f"Kan {path} niet schrijven: {exc.strerror}") from exc
        self.stdout.write(f"{count} vermeldingen geëxporteerd naar {path}.")
