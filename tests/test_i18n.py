"""The English translation: a complete catalogue, and pages that really switch language.

Dutch is the source language (msgids are Dutch); English comes from
``src/samenspel/locale/en/LC_MESSAGES/django.po``, compiled to ``django.mo``
(committed, so installs need no gettext tools). After changing texts, run
``manage.py makemessages -l en --no-obsolete``, translate, then
``manage.py compilemessages -l en`` (both from ``src/samenspel``).
"""

from __future__ import annotations

import ast
import gettext as pygettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

import samenspel

LOCALE_DIR = Path(samenspel.__file__).resolve().parent / "locale" / "en" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"

# {name} (python-brace-format, filled with str.format after translation) and
# %(name)s / %(n)d (python-format, filled with % or by blocktranslate).
BRACE_PLACEHOLDER = re.compile(r"\{(\w+)\}")
PERCENT_PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")


# --- A small .po reader (no extra dependency) ---------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    line: int = 0

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None


KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def _unquote(literal: str) -> str:
    # PO string escapes (\" \\ \n \t) are a subset of Python's.
    return ast.literal_eval(literal)


def read_po(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    entry = Entry()
    target: tuple[str, int | None] | None = None

    def finish():
        nonlocal entry
        if entry.msgstr or entry.msgid or entry.msgid_plural is not None:
            entries.append(entry)
        entry = Entry()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            target = None
            continue
        if line.startswith("#~"):
            continue  # obsolete entries are not used at run time
        if line.startswith("#,"):
            if entry.msgstr:  # a new entry starts without a blank line
                finish()
            entry.flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            continue
        if line.startswith("#"):
            continue
        m = KEYWORD.match(line)
        if m:
            keyword, index, literal = m.groups()
            value = _unquote(literal)
            if keyword in ("msgctxt", "msgid") and entry.msgstr:
                finish()
            if keyword == "msgctxt":
                entry.msgctxt = value
                target = ("msgctxt", None)
            elif keyword == "msgid":
                entry.msgid = value
                entry.line = number
                target = ("msgid", None)
            elif keyword == "msgid_plural":
                entry.msgid_plural = value
                target = ("msgid_plural", None)
            else:
                i = int(index) if index is not None else 0
                entry.msgstr[i] = value
                target = ("msgstr", i)
            continue
        if line.startswith('"') and target is not None:
            kind, i = target
            value = _unquote(line)
            if kind == "msgstr":
                entry.msgstr[i] += value
            elif kind == "msgctxt":
                entry.msgctxt = (entry.msgctxt or "") + value
            else:
                setattr(entry, kind, (getattr(entry, kind) or "") + value)
            continue
        raise AssertionError(f"{path.name}:{number}: cannot read line {raw!r}")
    finish()
    return entries


def placeholders(text: str) -> set[str]:
    braces = {f"{{{name}}}" for name in BRACE_PLACEHOLDER.findall(text)}
    percents = {m.group(0) for m in PERCENT_PLACEHOLDER.finditer(text)}
    return braces | percents


@pytest.fixture(scope="module")
def po_entries() -> list[Entry]:
    return read_po(PO_FILE)


def messages(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if not e.is_header]


# --- (a) The catalogue ------------------------------------------------------


def test_header_declares_english_and_plural_rule(po_entries):
    headers = [e for e in po_entries if e.is_header]
    assert len(headers) == 1
    header = headers[0]
    assert "fuzzy" not in header.flags, "a fuzzy header makes gettext ignore the charset"
    assert "Language: en\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header.msgstr[0]
    assert "charset=UTF-8" in header.msgstr[0]


def test_catalogue_is_not_empty(po_entries):
    assert len(messages(po_entries)) > 300


def test_no_fuzzy_entries(po_entries):
    fuzzy = [e.msgid for e in po_entries if "fuzzy" in e.flags]
    assert fuzzy == [], f"fuzzy entries are ignored at run time: {fuzzy}"
    assert "#, fuzzy" not in PO_FILE.read_text(encoding="utf-8")


def test_every_entry_is_translated(po_entries):
    untranslated = []
    for e in messages(po_entries):
        expected_forms = 2 if e.msgid_plural is not None else 1
        forms = [e.msgstr.get(i, "") for i in range(expected_forms)]
        if any(not form.strip() for form in forms):
            untranslated.append(f"line {e.line}: {e.msgid!r}")
    assert untranslated == []


def test_placeholders_are_kept(po_entries):
    problems = []
    for e in messages(po_entries):
        pairs = [(e.msgid, e.msgstr.get(0, ""))]
        if e.msgid_plural is not None:
            pairs.append((e.msgid_plural, e.msgstr.get(1, "")))
        for source, translated in pairs:
            if placeholders(source) != placeholders(translated):
                problems.append(
                    f"line {e.line}: {sorted(placeholders(source))} != "
                    f"{sorted(placeholders(translated))} in {translated!r}"
                )
    assert problems == []


def test_compiled_catalogue_matches_po(po_entries):
    """django.mo is committed: it must be compiled from the current django.po."""
    assert MO_FILE.exists(), "run: manage.py compilemessages -l en (from src/samenspel)"
    with MO_FILE.open("rb") as handle:
        compiled = pygettext.GNUTranslations(handle)
    stale = []
    for e in messages(po_entries):
        if e.msgctxt is not None:
            got = compiled.pgettext(e.msgctxt, e.msgid)
            want = e.msgstr[0]
        elif e.msgid_plural is not None:
            got = (compiled.ngettext(e.msgid, e.msgid_plural, 1),)
            got += (compiled.ngettext(e.msgid, e.msgid_plural, 2),)
            want = (e.msgstr[0], e.msgstr[1])
        else:
            got = compiled.gettext(e.msgid)
            want = e.msgstr[0]
        if got != want:
            stale.append(e.msgid)
    assert stale == [], "django.mo is out of date; run compilemessages -l en"


def test_domain_texts_are_in_the_catalogue(po_entries):
    """Texts marked with gettext_noop in samenspel.domain must all be extracted."""
    from samenspel.domain import network
    from samenspel.domain import vocabulary as v

    msgids = {e.msgid for e in messages(po_entries)}
    domain_texts = [text for triple in network.TEXTS.values() for text in triple]
    for labels in (
        v.MEMBER_KIND_LABELS,
        v.RELATION_LABELS,
        v.CARE_DOMAIN_LABELS,
        v.CONTACT_FREQUENCY_LABELS,
        v.SOFA_ROLE_LABELS,
        v.STANCE_LABELS,
        v.STANCE_HINTS,
        v.ACCESS_LEVEL_LABELS,
        v.SEVERITY_LABELS,
    ):
        domain_texts.extend(labels.values())
    missing = [text for text in domain_texts if text not in msgids]
    assert missing == []


def test_key_terms_follow_the_glossary():
    with translation.override("en"):
        assert translation.gettext("Mantelzorger") == "Informal carer"
        assert translation.gettext("Vrijwilliger") == "Volunteer"
        assert translation.gettext("Wijkteam") == "Neighbourhood team"
        assert translation.gettext("Samenwerken") == "Collaborate"
        assert translation.gettext("Ondersteunen") == "Support"
        assert translation.gettext("Faciliteren") == "Facilitate"
        assert translation.gettext("Afstemmen") == "Coordinate"
        assert translation.gettext("Wie heeft mijn gegevens bekeken") == "Who has viewed my data"
        assert translation.gettext("Wat mij beweegt") == "What moves me"
        assert translation.gettext("Wie ziet wat") == "Who sees what"
        assert translation.gettext("Wmo-consulent") == "Wmo consultant"
        assert translation.gettext("MantelScan") == "MantelScan"


def test_every_signal_renders_in_english_with_its_values():
    from samenspel.domain import network
    from samenspel.domain.vocabulary import CareDomain

    values = {"name": "Ans", "hours": "30", "limit": "8", "percent": "90"}
    values.update({"count": "1", "minimum": "3"})
    with translation.override("en"):
        for code in network.SIGNAL_CODES:
            signal = network.Signal(
                code=code,
                severity=network.SIGNAL_SEVERITY[code],
                title=network.TEXTS[code][0],
                explanation=network.TEXTS[code][1],
                next_step=network.TEXTS[code][2],
                params=tuple(values.items()),
                domains=(CareDomain.HOUSEHOLD, CareDomain.NURSING),
            )
            rendered = signal.render(translation.gettext)
            for text, source in zip(
                (rendered.title, rendered.explanation, rendered.next_step),
                network.TEXTS[code],
                strict=True,
            ):
                assert text != source.format(**signal.values()), f"{code}: not translated"
                assert "{" not in text and "}" not in text
        heavy = network.Signal(
            code="carer_heavy_hours",
            severity=network.SIGNAL_SEVERITY["carer_heavy_hours"],
            title=network.TEXTS["carer_heavy_hours"][0],
            explanation=network.TEXTS["carer_heavy_hours"][1],
            next_step=network.TEXTS["carer_heavy_hours"][2],
            params=(("hours", "30"), ("name", "Ans")),
        ).render(translation.gettext)
        assert heavy.title == "Ans gives a lot of care: about 30 hours per week"
        uncovered = network.Signal(
            code="domain_uncovered",
            severity=network.SIGNAL_SEVERITY["domain_uncovered"],
            title=network.TEXTS["domain_uncovered"][0],
            explanation=network.TEXTS["domain_uncovered"][1],
            next_step=network.TEXTS["domain_uncovered"][2],
            domains=(CareDomain.HOUSEHOLD, CareDomain.NURSING),
        ).render(translation.gettext)
        assert uncovered.title == "Nobody helps with: Household, Nursing"


# --- (b) Switching language in the browser flow -------------------------------

ENGLISH_CIRCLE_HEADINGS = [
    "Care network of Greet Bakker",
    "Where is the care network vulnerable?",
    "What can you do?",
    "Network map",
    "Who helps?",
]
DUTCH_CIRCLE_HEADINGS = [
    "Netwerk van Greet Bakker",
    "Waar is het netwerk kwetsbaar?",
    "Wat kunt u doen?",
    "Netwerkkaart",
    "Wie helpt er?",
]


def heavy_titles(world) -> tuple[str, str]:
    """Title of the carer_heavy_hours signal for the carer in `world` (30 h a week)."""
    name = world["members"]["carer"].person.full_name
    return (
        f"{name} gives a lot of care: about 30 hours per week",
        f"{name} zorgt veel: ongeveer 30 uur per week",
    )


def switch_to(client, language: str, next_url: str = "/"):
    response = client.post(reverse("set_language"), {"language": language, "next": next_url})
    assert response.status_code == 302
    return response


@pytest.mark.django_db
def test_setlang_makes_the_login_page_english(client):
    switch_to(client, "en", reverse("accounts:login"))
    html = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Log in</h1>" in html
    assert "Log in to see the care network around your loved one or client." in html
    assert "Username" in html and "Password" in html
    assert "Enter your code" in html
    for dutch in ("Inloggen", "Gebruikersnaam", "Wachtwoord", "Vul uw code in"):
        assert dutch not in html
    # The switch offers the way back, in Dutch.
    assert ">Nederlands</button>" in html


@pytest.mark.django_db
def test_setlang_makes_the_circle_page_english(client, world):
    client.force_login(world["users"]["pro_team"])
    url = reverse("circles:detail", args=[world["circle"].pk])
    switch_to(client, "en", url)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    heavy_en, heavy_nl = heavy_titles(world)
    assert '<html lang="en">' in html
    for heading in ENGLISH_CIRCLE_HEADINGS:
        assert heading in html
    for heading in DUTCH_CIRCLE_HEADINGS:
        assert heading not in html
    # Signal texts come from the domain layer (gettext_noop + .format after translation).
    assert heavy_en in html
    assert heavy_nl not in html
    assert "Talk about respite care or a volunteer from the volunteer centre" in html
    assert "respijtzorg" not in html
    # Vocabulary labels from the domain layer.
    assert "Informal carer" in html
    assert "Household" in html
    assert "Huishouden" not in html


@pytest.mark.django_db
def test_switching_back_to_dutch(client, world):
    client.force_login(world["users"]["pro_team"])
    url = reverse("circles:detail", args=[world["circle"].pk])
    heavy_en, heavy_nl = heavy_titles(world)
    switch_to(client, "en", url)
    assert heavy_en in client.get(url).content.decode()
    switch_to(client, "nl", url)
    html = client.get(url).content.decode()
    assert '<html lang="nl">' in html
    assert heavy_nl in html
    assert heavy_en not in html


# --- (c) Dutch stays the default -------------------------------------------------


@pytest.mark.django_db
def test_dutch_is_the_default_on_the_login_page(client):
    html = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="nl">' in html
    assert "<h1>Inloggen</h1>" in html
    assert "Log in to see" not in html
    assert ">English</button>" in html


@pytest.mark.django_db
def test_dutch_is_the_default_on_the_circle_page(client, world):
    client.force_login(world["users"]["pro_team"])
    html = client.get(reverse("circles:detail", args=[world["circle"].pk])).content.decode()
    heavy_en, heavy_nl = heavy_titles(world)
    assert '<html lang="nl">' in html
    for heading in DUTCH_CIRCLE_HEADINGS:
        assert heading in html
    assert heavy_nl in html
    for heading in ENGLISH_CIRCLE_HEADINGS:
        assert heading not in html
    assert heavy_en not in html


def test_hours_follow_the_readers_number_format_and_plural():
    from django.template import Context, Template
    from django.utils import translation

    template = Template(
        "{% load i18n samenspel %}{{ h|hours }}|"
        "{% blocktranslate count counter=h|hours_count with hours=h|hours %}"
        "Ongeveer {{ hours }} uur per week.{% plural %}Ongeveer {{ hours }} uur per week."
        "{% endblocktranslate %}"
    )
    with translation.override("nl"):
        assert template.render(Context({"h": 2.5})) == "2,5|Ongeveer 2,5 uur per week."
    with translation.override("en"):
        assert template.render(Context({"h": 2.5})) == "2.5|About 2.5 hours per week."
        assert template.render(Context({"h": 1})) == "1|About 1 hour per week."
        assert template.render(Context({"h": 12.0})) == "12|About 12 hours per week."
