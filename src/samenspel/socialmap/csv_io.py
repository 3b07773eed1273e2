"""CSV import and export of the sociale kaart.

Municipalities and steunpunten keep their social map in spreadsheets; this
module moves it in and out. An import checks every row first and writes
nothing when one row is wrong (all or nothing), so a half-imported map never
ends up in front of a professional.

File format
-----------
UTF-8 (with or without BOM). The delimiter is "," or ";" (found from the
header line, so a file saved by Dutch Excel works too). The first line names
the columns; their order does not matter. Lists inside one cell are separated
by ";" (quote the cell when the file itself uses ";").

===================== ========= =====================================================
column                required  content
===================== ========= =====================================================
id                    no        empty = new entry; the number of an existing entry =
                                update that entry
organisatie           yes       name of the organisation; matched by name, created
                                when it does not exist
organisatie_soort     no        municipality, neighbourhood_team, care_provider,
                                volunteer_organisation, carer_support or community;
                                needed only for a new organisation (default
                                community) or when two organisations share a name
naam                  yes       name of the offer (max. 160 characters)
omschrijving          yes       what they offer (max. 2000 characters)
categorieen           yes       one or more category codes, e.g. respite;carer_support
wmo_prestatievelden   no        numbers 1 to 9, e.g. 4;6
doelgroepen           no        target group codes, e.g. older_people;carers
wijken                no        wijk names, e.g. Lindeveen-Noord;Oude Dorp
postcodes             no        postcode ranges as text, e.g. 1311-1315, 1320
adres                 no        visiting address
contactpersoon        no        name of the contact point
telefoon              no        phone number
email                 no        e-mail address
website               no        full address, starting with http:// or https://
openingstijden        no        when open or reachable, as text
kosten                no        free, own_contribution or indication (default free)
toegankelijkheid      no        accessibility, as text
laatst_gecontroleerd  yes       date last verified, YYYY-MM-DD, not in the future
actief                no        ja or nee (default ja)
===================== ========= =====================================================

A column that is left out of the file is left alone when updating an entry
(and gets its default for a new one). Export writes every column in this
order. A cell that starts with =, +, -, @ is written with a leading ' so
spreadsheets do not run it as a formula; import removes that ' again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.audit.models import AuditEvent
from samenspel.domain import socialmap as sm
from samenspel.organisations.models import Organisation
from samenspel.socialmap.models import SEARCH_FIELDS, Offer

COLUMNS = (
    "id",
    "organisatie",
    "organisatie_soort",
    "naam",
    "omschrijving",
    "categorieen",
    "wmo_prestatievelden",
    "doelgroepen",
    "wijken",
    "postcodes",
    "adres",
    "contactpersoon",
    "telefoon",
    "email",
    "website",
    "openingstijden",
    "kosten",
    "toegankelijkheid",
    "laatst_gecontroleerd",
    "actief",
)
REQUIRED = ("organisatie", "naam", "omschrijving", "categorieen", "laatst_gecontroleerd")

# Plain text columns: column → (model field, max length).
TEXT_FIELDS = {
    "naam": ("name", 160),
    "omschrijving": ("description", 2000),
    "postcodes": ("postcode_ranges", 200),
    "adres": ("address", 200),
    "contactpersoon": ("contact_name", 120),
    "telefoon": ("contact_phone", 30),
    "openingstijden": ("opening_hours", 200),
    "toegankelijkheid": ("accessibility", 300),
}
LIST_SEPARATOR = ";"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
YES = {"ja", "j", "yes", "y", "1", "true", "waar"}
NO = {"nee", "n", "no", "0", "false", "onwaar"}
PROGRESS_EVERY = 500

CATEGORIES = {str(c) for c in sm.Category}
TARGET_GROUPS = {str(t) for t in sm.TargetGroup}
COSTS = {str(c) for c in sm.Cost}
KINDS = set(Organisation.Kind.values)

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total); stage is "check" or "save"."""


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("Regel %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    organisations_created: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def messages(self) -> list[str]:
        return [str(e) for e in self.errors]


# --- Export ------------------------------------------------------------------------


def _safe(value: str) -> str:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _join(values: Iterable) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def offer_row(offer: Offer) -> dict[str, str]:
    row = {
        "id": str(offer.pk),
        "organisatie": offer.organisation.name,
        "organisatie_soort": offer.organisation.kind,
        "categorieen": _join(offer.categories),
        "wmo_prestatievelden": _join(offer.wmo_fields),
        "doelgroepen": _join(offer.target_groups),
        "wijken": _join(offer.wijken),
        "email": offer.contact_email,
        "website": offer.website,
        "kosten": offer.cost,
        "laatst_gecontroleerd": offer.last_verified.isoformat(),
        "actief": "ja" if offer.is_active else "nee",
    }
    for column, (attr, _length) in TEXT_FIELDS.items():
        row[column] = getattr(offer, attr)
    return {column: _safe(row[column]) for column in COLUMNS}


def export_offers(queryset, file, *, delimiter: str = ",", bom: bool = True) -> int:
    """Write the offers as CSV to a text file; returns the number of rows.

    The BOM makes Excel read the file as UTF-8.
    """
    if bom:
        file.write("\ufeff")
    writer = csv.DictWriter(file, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for offer in queryset.select_related("organisation").order_by("pk").iterator(chunk_size=2000):
        writer.writerow(offer_row(offer))
        count += 1
    return count


# --- Import: reading ------------------------------------------------------------------


class FileError(Exception):
    """The file as a whole cannot be read (encoding, header)."""


def _read_text(file) -> str:
    data = file.read()
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FileError(
                _("Het bestand is geen UTF-8. Sla het op als 'CSV UTF-8' en probeer het opnieuw.")
            ) from exc
    return data.removeprefix("\ufeff")


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and (line number, row) pairs; blank lines are skipped.

    The line number is where the row starts in the file, the header being line 1,
    also when a quoted cell runs over several lines.
    """
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = next(reader)
    except StopIteration:
        raise FileError(_("Het bestand is leeg.")) from None
    header = [h.strip().lower() for h in header]
    rows = []
    line = reader.line_num
    for values in reader:
        start, line = line + 1, reader.line_num
        if not any(v.strip() for v in values):
            continue
        row = dict(zip(header, values, strict=False))
        if len(values) > len(header):
            row[None] = values[len(header) :]  # type: ignore[index]
        rows.append((start, row))
    return header, rows


def _check_header(header: list[str]) -> list[RowError]:
    errors = []
    for name in header:
        if name not in COLUMNS:
            errors.append(RowError(1, _("onbekende kolom '%(name)s'") % {"name": name}))
    for name in REQUIRED:
        if name not in header:
            errors.append(RowError(1, _("de kolom '%(name)s' ontbreekt") % {"name": name}))
    seen = set()
    for name in header:
        if name in seen:
            errors.append(RowError(1, _("de kolom '%(name)s' staat er twee keer") % {"name": name}))
        seen.add(name)
    return errors


# --- Import: checking one row -------------------------------------------------------


def _clean(value: str | None) -> str:
    value = (value or "").strip()
    if value.startswith("'") and value[1:2] in FORMULA_START:
        value = value[1:]
    return value


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


@dataclass
class _Row:
    line: int
    offer_id: int | None
    organisation: str
    kind: str
    values: dict  # model field → value, only for columns in the file


class _Checker:
    """Checks rows one by one and collects Dutch messages per line."""

    def __init__(self, header: list[str], today: date):
        self.columns = set(header)
        self.today = today
        self.errors: list[RowError] = []
        self.email = EmailValidator()
        self.url = URLValidator(schemes=["http", "https"])

    def error(self, line: int, message: str) -> None:
        self.errors.append(RowError(line, message))

    def codes(self, line, raw, allowed, message) -> list[str]:
        values = _split(raw)
        for value in values:
            if value not in allowed:
                self.error(line, message % {"value": value})
        return list(dict.fromkeys(values))

    def row(self, line: int, raw: dict) -> _Row | None:
        before = len(self.errors)
        if None in raw:
            self.error(line, _("deze regel heeft meer cellen dan er kolommen zijn"))
        get = {column: _clean(raw.get(column)) for column in self.columns}
        values: dict = {}

        offer_id = None
        if get.get("id"):
            if get["id"].isascii() and get["id"].isdigit() and len(get["id"]) < 19:
                offer_id = int(get["id"])
            else:
                self.error(line, _("id '%(value)s' is geen getal") % {"value": get["id"]})

        organisation = get.get("organisatie", "")
        if not organisation:
            self.error(line, _("de organisatie is niet ingevuld"))
        elif len(organisation) > 120:
            self.error(line, _("de naam van de organisatie is langer dan 120 tekens"))
        kind = get.get("organisatie_soort", "")
        if kind and kind not in KINDS:
            self.error(
                line,
                _("onbekende organisatiesoort '%(value)s' (kies uit: %(choices)s)")
                % {"value": kind, "choices": ", ".join(Organisation.Kind.values)},
            )

        for column, (attr, length) in TEXT_FIELDS.items():
            if column not in self.columns:
                continue
            value = get[column]
            if len(value) > length:
                self.error(
                    line,
                    _("'%(column)s' is langer dan %(length)s tekens")
                    % {"column": column, "length": length},
                )
            values[attr] = value
        for column, label in (("naam", _("de naam")), ("omschrijving", _("de omschrijving"))):
            if column in self.columns and not get[column]:
                self.error(line, _("%(what)s is niet ingevuld") % {"what": label})

        if "categorieen" in self.columns:
            values["categories"] = self.codes(
                line, get["categorieen"], CATEGORIES, _("onbekende categorie '%(value)s'")
            )
            if not values["categories"]:
                self.error(line, _("vul minstens één categorie in"))
        if "wmo_prestatievelden" in self.columns:
            fields = []
            for value in _split(get["wmo_prestatievelden"]):
                if value.isascii() and value.isdigit() and int(value) in sm.WMO_FIELDS:
                    fields.append(int(value))
                else:
                    self.error(
                        line,
                        _("onbekend Wmo-prestatieveld '%(value)s' (kies 1 tot en met 9)")
                        % {"value": value},
                    )
            values["wmo_fields"] = sorted(set(fields))
        if "doelgroepen" in self.columns:
            values["target_groups"] = self.codes(
                line, get["doelgroepen"], TARGET_GROUPS, _("onbekende doelgroep '%(value)s'")
            )
        if "wijken" in self.columns:
            values["wijken"] = list(dict.fromkeys(_split(get["wijken"])))
            if any(len(w) > 80 for w in values["wijken"]):
                self.error(line, _("een wijknaam is langer dan 80 tekens"))
            elif len("|".join(values["wijken"])) > 900:
                self.error(line, _("er staan te veel wijken in deze regel"))

        if "email" in self.columns:
            values["contact_email"] = get["email"]
            if len(get["email"]) > 254:
                self.error(line, _("het e-mailadres is langer dan 254 tekens"))
            elif get["email"]:
                try:
                    self.email(get["email"])
                except ValidationError:
                    self.error(
                        line, _("'%(value)s' is geen goed e-mailadres") % {"value": get["email"]}
                    )
        if "website" in self.columns:
            values["website"] = get["website"]
            if len(get["website"]) > 200:
                self.error(line, _("het webadres is langer dan 200 tekens"))
            elif get["website"]:
                try:
                    self.url(get["website"])
                except ValidationError:
                    self.error(
                        line,
                        _("'%(value)s' is geen goed webadres (begin met https://)")
                        % {"value": get["website"]},
                    )
        if "kosten" in self.columns:
            cost = get["kosten"] or str(sm.Cost.FREE)
            if cost not in COSTS:
                self.error(
                    line,
                    _("onbekende kosten '%(value)s' (kies free, own_contribution of indication)")
                    % {"value": cost},
                )
            values["cost"] = cost
        if "laatst_gecontroleerd" in self.columns:
            raw_date = get["laatst_gecontroleerd"]
            try:
                verified = date.fromisoformat(raw_date)
            except ValueError:
                if raw_date:
                    message = _("datum '%(value)s' klopt niet (schrijf JJJJ-MM-DD)")
                else:
                    message = _("de datum laatst gecontroleerd is niet ingevuld")
                self.error(line, message % {"value": raw_date})
            else:
                if verified > self.today:
                    self.error(
                        line, _("datum '%(value)s' ligt in de toekomst") % {"value": raw_date}
                    )
                values["last_verified"] = verified
        if "actief" in self.columns:
            active = get["actief"].lower() or "ja"
            if active not in YES | NO:
                self.error(
                    line, _("actief moet 'ja' of 'nee' zijn, niet '%(value)s'") % {"value": active}
                )
            values["is_active"] = active in YES
        if len(self.errors) > before:
            return None
        return _Row(line, offer_id, organisation, kind, values)


# --- Import ------------------------------------------------------------------------


def import_offers(
    file, *, user, dry_run: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Check every row, then import all of them in one transaction, or none.

    `file` is a text or binary file. New entries get `user` as maintainer.
    With `dry_run` nothing is written; the result says what would happen.
    """
    result = ImportResult(dry_run=dry_run)
    try:
        header, raw_rows = _rows(_read_text(file))
    except FileError as exc:
        result.errors.append(RowError(1, str(exc)))
        return result
    except csv.Error as exc:
        result.errors.append(RowError(1, _("het bestand is geen goed CSV-bestand (%s)") % exc))
        return result
    result.rows = len(raw_rows)
    result.errors += _check_header(header)
    if result.errors:
        return result

    total = len(raw_rows)
    checker = _Checker(header, timezone.localdate())
    rows: list[_Row] = []
    for done, (line, raw) in enumerate(raw_rows, start=1):
        row = checker.row(line, raw)
        if row is not None:
            rows.append(row)
        if progress and (done % PROGRESS_EVERY == 0 or done == total):
            progress("check", done, total)

    existing, organisations = _check_references(rows, checker)
    result.errors = sorted(checker.errors, key=lambda e: e.line)
    result.created = sum(r.offer_id is None for r in rows)
    result.updated = len(rows) - result.created
    result.organisations_created = len(
        {
            (r.kind or Organisation.Kind.COMMUNITY, r.organisation)
            for r in rows
            if organisations[r.line] is None
        }
    )
    if result.errors:
        result.created = result.updated = result.organisations_created = 0
        return result
    if dry_run:
        return result
    with transaction.atomic():
        _write(rows, existing, organisations, user=user, progress=progress)
        _audit(user, result)
    return result


def _check_references(rows: list[_Row], checker: _Checker):
    """Existing offers by id and organisations by name; unknown ids are errors.

    Returns (offers by id, organisation or None per line).
    """
    ids = [r.offer_id for r in rows if r.offer_id is not None]
    existing = Offer.objects.select_related("organisation").in_bulk(ids)
    seen: dict[int, int] = {}
    for r in rows:
        if r.offer_id is None:
            continue
        if r.offer_id not in existing:
            checker.error(r.line, _("er is geen aanbod met id %(id)s") % {"id": r.offer_id})
        elif r.offer_id in seen:
            checker.error(
                r.line,
                _("id %(id)s staat ook al op regel %(other)s")
                % {"id": r.offer_id, "other": seen[r.offer_id]},
            )
        else:
            seen[r.offer_id] = r.line
    by_name: dict[str, list[Organisation]] = {}
    names = {r.organisation for r in rows}
    for org in Organisation.objects.filter(name__in=names):
        by_name.setdefault(org.name, []).append(org)
    organisations: dict[int, Organisation | None] = {}
    for r in rows:
        matches = by_name.get(r.organisation, [])
        if r.kind:
            matches = [o for o in matches if o.kind == r.kind]
        if len(matches) > 1:
            checker.error(
                r.line,
                _(
                    "er zijn meer organisaties met de naam '%(name)s'; "
                    "vul organisatie_soort in om te kiezen"
                )
                % {"name": r.organisation},
            )
        organisations[r.line] = matches[0] if matches else None
    return existing, organisations


def _write(rows, existing, organisations, *, user, progress: Progress | None) -> None:
    created_orgs: dict[tuple[str, str], Organisation] = {}
    new_offers: list[Offer] = []
    changed: list[Offer] = []
    total = len(rows)
    for done, r in enumerate(rows, start=1):
        org = organisations[r.line]
        if org is None:
            kind = r.kind or Organisation.Kind.COMMUNITY
            org = created_orgs.get((kind, r.organisation))
            if org is None:
                org = Organisation.objects.create(name=r.organisation, kind=kind)
                created_orgs[(kind, r.organisation)] = org
        if r.offer_id is None:
            new_offers.append(Offer(organisation=org, maintainer=user, **r.values))
        else:
            offer = existing[r.offer_id]
            before = offer_row(offer)
            offer.organisation = org
            for attr, value in r.values.items():
                setattr(offer, attr, value)
            if offer_row(offer) != before:
                offer.version += 1
                changed.append(offer)
        if progress and (done % PROGRESS_EVERY == 0 or done == total):
            progress("save", done, total)
    # Bulk writes skip Offer.save(), so the derived search columns are filled here.
    for offer in new_offers + changed:
        offer.refresh_search_fields()
    Offer.objects.bulk_create(new_offers, batch_size=500)
    if changed:
        update_fields = ["organisation", "version", "updated_at", *SEARCH_FIELDS]
        update_fields += sorted({attr for r in rows for attr in r.values})
        now = timezone.now()
        for offer in changed:
            offer.updated_at = now
        Offer.objects.bulk_update(changed, update_fields, batch_size=500)


def _audit(user, result: ImportResult) -> None:
    """The map is no client data, but changes to it are audited (issue 5)."""
    name = (user.get_full_name() or user.get_username()) if user else ""
    AuditEvent.objects.create(
        actor=user,
        actor_name=name or "beheer",
        actor_role="socialmap",
        action=AuditEvent.Action.UPDATE,
        object_type="socialmap_import",
        summary=f"CSV-import: {result.created} nieuw, {result.updated} bijgewerkt",
    )
