"""CSV import and export of the sociale kaart: round trip, all-or-nothing, line numbers."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.organisations.models import Organisation
from samenspel.socialmap import csv_io
from samenspel.socialmap.models import Offer
from samenspel.socialmap.search import search
from tests import factories

pytestmark = pytest.mark.django_db

HEADER = ",".join(csv_io.COLUMNS)


def make_offer(org, name="Logeerhuis De Lindenhof", **values):
    defaults = {
        "description": "Uw naaste logeert een weekend, u heeft even vrij.",
        "categories": ["respite"],
        "last_verified": date(2026, 3, 1),
    }
    defaults.update(values)
    offer = Offer(organisation=org, name=name, **defaults)
    offer.save()
    return offer


@pytest.fixture
def user():
    return factories.UserFactory(username="kaart")


@pytest.fixture
def offers():
    steunpunt = Organisation.objects.create(
        name="Steunpunt Mantelzorg Lindeveen", kind=Organisation.Kind.CARER_SUPPORT
    )
    kerk = Organisation.objects.create(
        name="Protestantse Gemeente, Lindeveen", kind=Organisation.Kind.COMMUNITY
    )
    return [
        make_offer(
            steunpunt,
            "Gesprek met een mantelzorgconsulent",
            description='Wij komen bij u thuis.\nU vertelt hoe het gaat; "zwaar" mag.',
            categories=["carer_support", "information"],
            wmo_fields=[3, 4],
            target_groups=["carers"],
            wijken=["Lindeveen-Noord", "Oude Dorp"],
            postcode_ranges="8310, 8311-8312",
            address="Marktstraat 15, Lindeveen",
            contact_name="Esther Willems",
            contact_phone="+31 399 12 34 56",
            contact_email="esther@steunpunt.example",
            website="https://www.steunpunt.example/",
            opening_hours="Werkdagen 9-17 uur",
            cost="free",
            accessibility="Drempelvrij, lift",
            last_verified=date(2025, 1, 31),
        ),
        make_offer(
            kerk,
            "Bezoekdienst",
            description="=SOM(A1) is geen formule",
            categories=["religion", "buddy"],
            cost="own_contribution",
            is_active=False,
        ),
    ]


def export_text(**kwargs) -> str:
    out = io.StringIO()
    csv_io.export_offers(Offer.objects.all(), out, **kwargs)
    return out.getvalue()


def snapshot():
    fields = [
        "name",
        "description",
        "categories",
        "wmo_fields",
        "target_groups",
        "wijken",
        "postcode_ranges",
        "address",
        "contact_name",
        "contact_phone",
        "contact_email",
        "website",
        "opening_hours",
        "cost",
        "accessibility",
        "last_verified",
        "is_active",
    ]
    return sorted(
        (o.organisation.name, o.organisation.kind, *(getattr(o, f) for f in fields))
        for o in Offer.objects.select_related("organisation")
    )


def without_ids(text: str) -> str:
    """The export as a file for another database: the id column emptied."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    out = io.StringIO()
    csv.writer(out).writerows([rows[0]] + [["", *r[1:]] for r in rows[1:]])
    return out.getvalue()


def import_text(text, user, **kwargs):
    return csv_io.import_offers(io.BytesIO(text.encode("utf-8")), user=user, **kwargs)


def row(**values) -> str:
    base = {
        "organisatie": "Wandelclub De Stappers",
        "naam": "Samen wandelen",
        "omschrijving": "Elke maandag een uur wandelen.",
        "categorieen": "sport",
        "laatst_gecontroleerd": "2026-01-15",
    }
    base.update(values)
    return ",".join(f'"{base.get(c, "")}"' for c in csv_io.COLUMNS)


def test_round_trip_into_an_empty_database(offers, user):
    before = snapshot()
    text = export_text()
    assert text.startswith("\ufeff" + HEADER)
    assert "'=SOM(A1)" in text  # no formula for spreadsheets
    assert "'+31 399 12 34 56" in text
    Offer.objects.all().delete()
    Organisation.objects.all().delete()

    result = import_text(without_ids(text), user)

    assert result.ok, result.messages
    assert (result.created, result.updated, result.organisations_created) == (2, 0, 2)
    assert snapshot() == before
    assert set(Offer.objects.values_list("maintainer", flat=True)) == {user.pk}
    # Imported entries are searchable (the derived search columns are filled).
    assert [o.name for o in search("mantelzorgconsulent")] == [
        "Gesprek met een mantelzorgconsulent"
    ]
    audit = AuditEvent.objects.get(object_type="socialmap_import")
    assert audit.actor == user and "2 nieuw" in audit.summary


def test_bad_rows_are_reported_with_line_numbers_and_nothing_is_imported(user):
    lines = [
        HEADER,
        row(naam="Goed aanbod"),
        row(categorieen="sport;zwemmen"),
        row(wmo_prestatievelden="4;10", doelgroepen="iedereen"),
        row(laatst_gecontroleerd="15-01-2026", kosten="duur"),
        row(organisatie="", naam="", email="geen-mail", website="www.zonder-https"),
        row(actief="misschien", id="abc", organisatie_soort="club"),
        row(naam="Net goed"),
        row(laatst_gecontroleerd=(timezone.localdate() + timedelta(days=3)).isoformat()),
        row(categorieen=""),
        row(id="999"),
    ]
    result = import_text("\n".join(lines) + "\n", user)

    assert not result.ok
    messages = result.messages
    assert "Regel 3: onbekende categorie 'zwemmen'" in messages
    assert "Regel 4: onbekend Wmo-prestatieveld '10' (kies 1 tot en met 9)" in messages
    assert "Regel 4: onbekende doelgroep 'iedereen'" in messages
    assert "Regel 5: datum '15-01-2026' klopt niet (schrijf JJJJ-MM-DD)" in messages
    assert any(m.startswith("Regel 5: onbekende kosten 'duur'") for m in messages)
    assert "Regel 6: de organisatie is niet ingevuld" in messages
    assert "Regel 6: de naam is niet ingevuld" in messages
    assert "Regel 6: 'geen-mail' is geen goed e-mailadres" in messages
    assert any(m.startswith("Regel 6: 'www.zonder-https' is geen goed webadres") for m in messages)
    assert "Regel 7: actief moet 'ja' of 'nee' zijn, niet 'misschien'" in messages
    assert "Regel 7: id 'abc' is geen getal" in messages
    assert any(m.startswith("Regel 7: onbekende organisatiesoort 'club'") for m in messages)
    assert any(m.startswith("Regel 9: datum") and "toekomst" in m for m in messages)
    assert "Regel 10: vul minstens één categorie in" in messages
    assert "Regel 11: er is geen aanbod met id 999" in messages
    assert not any(m.startswith(("Regel 2:", "Regel 8:")) for m in messages)
    assert [e.line for e in result.errors] == sorted(e.line for e in result.errors)
    assert result.created == 0
    assert not Offer.objects.exists()
    assert not Organisation.objects.exists()


def test_line_numbers_count_lines_inside_quoted_cells(user):
    text = (
        HEADER
        + "\n"
        + row(omschrijving="Eerste regel\nTweede regel")
        + "\n"
        + row(categorieen="zwemmen")
        + "\n"
    )
    result = import_text(text, user)
    assert result.messages == ["Regel 4: onbekende categorie 'zwemmen'"]


def test_header_problems(user):
    result = import_text("organisatie,naam,kleur\nA,B,rood\n", user)
    messages = result.messages
    assert "Regel 1: onbekende kolom 'kleur'" in messages
    assert "Regel 1: de kolom 'omschrijving' ontbreekt" in messages
    assert "Regel 1: de kolom 'categorieen' ontbreekt" in messages
    assert not Offer.objects.exists()
    assert import_text("", user).messages == ["Regel 1: Het bestand is leeg."]
    latin1 = csv_io.import_offers(io.BytesIO("organisatie\nCaf\xe9\n".encode("latin-1")), user=user)
    assert "UTF-8" in latin1.messages[0]


def test_semicolon_file_with_bom_and_minimal_columns(user):
    text = (
        "\ufeffnaam;organisatie;omschrijving;categorieen;laatst_gecontroleerd;wijken;kosten\n"
        'Buurtkamer;Buurtvereniging Oude Dorp;Koffie en een praatje;"neighbourhood;buddy";'
        '2026-02-01;"Oude Dorp; Lindeveen-Noord";free\n'
        "\n"  # blank lines are skipped
    )
    result = csv_io.import_offers(io.BytesIO(text.encode("utf-8")), user=user)
    assert result.ok, result.messages
    offer = Offer.objects.get()
    assert offer.categories == ["neighbourhood", "buddy"]
    assert offer.wijken == ["Oude Dorp", "Lindeveen-Noord"]
    assert offer.is_active and offer.cost == "free"
    assert offer.organisation.kind == Organisation.Kind.COMMUNITY  # default for a new one
    # A text file (not bytes) with a BOM works as well.
    again = csv_io.import_offers(io.StringIO(text.replace("Buurtkamer", "Buurtkamer 2")), user=user)
    assert again.ok and Offer.objects.count() == 2
    assert Organisation.objects.count() == 1  # matched by name


def test_export_with_semicolons_reads_back(offers, user):
    text = export_text(delimiter=";")
    assert text.lstrip("\ufeff").startswith(";".join(csv_io.COLUMNS))
    result = import_text(text, user, dry_run=True)
    assert result.ok, result.messages
    assert (result.created, result.updated) == (0, 2)


def test_update_by_id_keeps_columns_that_are_left_out(offers, user):
    consulent, bezoek = offers
    version = consulent.version
    text = (
        "id,organisatie,naam,omschrijving,categorieen,laatst_gecontroleerd,actief\n"
        f"{consulent.pk},Steunpunt Mantelzorg Lindeveen,Mantelzorgconsulent aan huis,"
        "Nieuwe tekst,carer_support,2026-04-01,ja\n"
        f'{bezoek.pk},"Protestantse Gemeente, Lindeveen",Bezoekdienst,'
        '"=SOM(A1) is geen formule","religion;buddy",2026-03-01,nee\n'
    )
    result = import_text(text, user)
    assert result.ok, result.messages
    assert (result.created, result.updated) == (0, 2)
    consulent.refresh_from_db()
    assert consulent.name == "Mantelzorgconsulent aan huis"
    assert consulent.description == "Nieuwe tekst"
    assert consulent.last_verified == date(2026, 4, 1)
    assert consulent.version == version + 1
    # Columns not in the file stay as they were.
    assert consulent.wijken == ["Lindeveen-Noord", "Oude Dorp"]
    assert consulent.contact_name == "Esther Willems"
    assert consulent.maintainer is None  # an update does not take over the entry
    # The second row did not change anything: its version stays.
    bezoek.refresh_from_db()
    assert bezoek.version == 1
    assert [o.name for o in search("mantelzorgconsulent")] == ["Mantelzorgconsulent aan huis"]
    assert Offer.objects.count() == 2
    # Taken off the map: no longer found.
    assert import_text(text.replace("2026-04-01,ja", "2026-04-01,nee"), user).ok
    consulent.refresh_from_db()
    assert consulent.is_active is False and consulent.version == version + 2
    assert list(search("mantelzorgconsulent")) == []


def test_same_id_twice_and_ambiguous_organisation(offers, user):
    Organisation.objects.create(name="Dubbel", kind=Organisation.Kind.COMMUNITY)
    Organisation.objects.create(name="Dubbel", kind=Organisation.Kind.CARE_PROVIDER)
    pk = offers[0].pk
    text = "\n".join(
        [
            HEADER,
            row(id=str(pk)),
            row(id=str(pk)),
            row(organisatie="Dubbel"),
            row(organisatie="Dubbel", organisatie_soort="care_provider"),
        ]
    )
    result = import_text(text, user)
    assert result.messages == [
        f"Regel 3: id {pk} staat ook al op regel 2",
        "Regel 4: er zijn meer organisaties met de naam 'Dubbel'; "
        "vul organisatie_soort in om te kiezen",
    ]


def test_dry_run_writes_nothing(user):
    text = HEADER + "\n" + row() + "\n" + row(organisatie="Nieuwe club", naam="Koor") + "\n"
    result = import_text(text, user, dry_run=True)
    assert result.ok and result.dry_run
    assert (result.created, result.organisations_created) == (2, 2)
    assert not Offer.objects.exists()
    assert not Organisation.objects.exists()
    assert not AuditEvent.objects.exists()


# --- Commands -------------------------------------------------------------------------


def big_file(tmp_path, rows=2000, bad_line=None):
    lines = [HEADER]
    for n in range(rows):
        categories = "zwemmen" if bad_line == n + 2 else "sport;culture"
        lines.append(row(naam=f"Aanbod {n}", categorieen=categories, wijken="Oude Dorp"))
    path = tmp_path / "kaart.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_command_shows_progress_for_a_large_file(tmp_path):
    path = big_file(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_socialmap", str(path), stdout=out, stderr=err)
    assert Offer.objects.count() == 2000
    assert "Klaar: 2000 regels, 2000 nieuw, 0 bijgewerkt, 1 nieuwe organisaties." in out.getvalue()
    progress = err.getvalue()
    assert "\rControleren: 500/2000 regels" in progress
    assert "\rControleren: 2000/2000 regels" in progress
    assert "\rOpslaan: 2000/2000 regels" in progress
    assert Offer.objects.filter(maintainer__isnull=True).count() == 2000


def test_import_command_prints_errors_and_imports_nothing(tmp_path):
    path = big_file(tmp_path, rows=50, bad_line=37)
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 fout"):
        call_command("import_socialmap", str(path), stdout=io.StringIO(), stderr=err)
    assert "Regel 37: onbekende categorie 'zwemmen'" in err.getvalue()
    assert not Offer.objects.exists()


def test_import_command_dry_run_and_user(tmp_path, user):
    path = big_file(tmp_path, rows=3)
    out = io.StringIO()
    call_command("import_socialmap", str(path), "--dry-run", stdout=out, stderr=io.StringIO())
    assert "er is niets opgeslagen" in out.getvalue()
    assert not Offer.objects.exists()
    call_command("import_socialmap", str(path), "--user", "kaart", stdout=out, stderr=io.StringIO())
    assert Offer.objects.filter(maintainer=user).count() == 3
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_socialmap", str(path), "--user", "niemand")
    with pytest.raises(CommandError, match="niet openen"):
        call_command("import_socialmap", str(tmp_path / "weg.csv"))


def test_export_command_to_file_and_stdout(offers, tmp_path, user):
    path = tmp_path / "uit.csv"
    out = io.StringIO()
    call_command("export_socialmap", str(path), "--delimiter", ";", stdout=out)
    assert "2 vermeldingen" in out.getvalue()
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    assert data.decode("utf-8-sig").startswith(";".join(csv_io.COLUMNS))

    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("export_socialmap", "-", stdout=stdout, stderr=stderr)
    text = stdout.getvalue()
    assert text.startswith(HEADER) and "Gesprek met een mantelzorgconsulent" in text
    assert len(text.splitlines()) == 4  # header, two rows, one line break in a description
    assert "2 vermeldingen" in stderr.getvalue()
    # The exported file reads back unchanged.
    result = csv_io.import_offers(path.open("rb"), user=user, dry_run=True)
    assert result.ok and result.updated == 2
