"""Dutch full-text search of the sociale kaart: the same cases on SQLite and PostgreSQL."""

from datetime import date

import pytest
from django.db import connection

from samenspel.organisations.models import Organisation
from samenspel.socialmap import search as s
from samenspel.socialmap import services
from samenspel.socialmap.models import Offer

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


def offer(name, description="Een plek in de buurt.", *, org="Stichting Welzijn", **values):
    organisation, _ = Organisation.objects.get_or_create(name=org, kind=Organisation.Kind.COMMUNITY)
    values.setdefault("categories", ["neighbourhood"])
    return services.save_offer(
        {"organisation": organisation, "name": name, "description": description, **values},
        today=TODAY,
    )


def names(q="", **filters):
    return [o.name for o in s.search(q, s.Filters(**filters))]


# --- The query language (no database) --------------------------------------------


def test_stemmer_is_the_one_postgresql_uses_for_dutch():
    # dutch_porter, not Snowball 3's new Dutch stemmer: "schulden" → "schuld" there too.
    assert s.stem("schulden") == "schuld"
    assert s.stem("vrijwilligers") == "vrijwilliger"
    assert s.stem("mantelzorgers") == "mantelzorger"  # why we shorten "-er" ourselves


def test_parse_drops_stop_words_and_shortens_person_nouns():
    terms = s.parse("Hulp voor de mantelzorgers en ouderen")
    assert [t.stem for t in terms] == ["hulp", "mantelzorg", "ouder"]
    assert [t.prefix for t in terms] == [True, True, True]
    assert s.fts5_match(terms) == '"hulp"* AND "mantelzorg"* AND "ouder"*'
    assert s.pg_tsquery(terms) == "hulp:* & mantelzorg:* & ouderen:*"


def test_parse_ignores_query_syntax_characters():
    terms = s.parse('koffie\' & | ! (ochtend):* "x"')
    assert [t.word for t in terms] == ["koffie", "ochtend", "x"]
    assert s.parse("de en van") == []
    assert s.parse("") == []


# --- Relevance on the database -----------------------------------------------------


def test_search_index_matches_the_database():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'socialmap_offer_fts'")
        else:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE indexname = %s",
                ["socialmap_offer_search_gin"],
            )
        assert cursor.fetchone() is not None


def test_mantelzorgers_finds_mantelzorg_and_back():
    offer("Steunpunt Almere", "Advies en een luisterend oor bij mantelzorg.", org="Steunpunt")
    offer("Koffieochtend", "Voor alle mantelzorgers uit de wijk.")
    offer("Buurtmoestuin", "Samen groente kweken.")
    assert set(names("mantelzorgers")) == {"Koffieochtend", "Steunpunt Almere"}
    assert set(names("mantelzorg")) == {"Koffieochtend", "Steunpunt Almere"}
    assert set(names("Mantelzorger")) == {"Koffieochtend", "Steunpunt Almere"}


def test_inflections_match_by_stemming():
    offer("Schuldhulpmaatje", "Hulp bij schulden en post.")
    offer("Boodschappendienst", "Vrijwilligers doen de boodschap voor u.")
    assert names("schuld") == ["Schuldhulpmaatje"]
    assert names("vrijwilliger") == ["Boodschappendienst"]
    assert names("boodschappen") == ["Boodschappendienst"]


def test_wandelen_finds_a_walking_club_by_prefix_not_by_compound_splitting():
    offer("Wandelclub De Stap", "Elke dinsdag een rondje.")
    offer("Wandelgroep Noord", "Rustig tempo, met koffie na afloop.")
    offer("Fietsmaatje", "Samen op de duofiets.")
    # "wandelen" → stem "wandel" → prefix "wandel*" matches the compounds.
    assert set(names("wandelen")) == {"Wandelclub De Stap", "Wandelgroep Noord"}
    # The tail of a compound is not found: no decompounding in either database.
    assert names("club") == []


def test_a_name_match_ranks_above_a_description_only_match():
    offer("Buurtkamer Oost", "Ontmoeting, een maaltijd, en ook soms een dagje respijt.")
    offer("Respijthuis De Linde", "Logeren voor een paar dagen.")
    offer("Zorgboerderij", "Respijt: even op adem komen, respijt voor de mantelzorger, respijt.")
    found = names("respijt")
    assert found[0] == "Respijthuis De Linde"
    assert set(found) == {"Buurtkamer Oost", "Respijthuis De Linde", "Zorgboerderij"}


def test_organisation_name_and_category_labels_are_searchable():
    offer("Inloop", "Elke week open.", org="Humanitas", categories=["buddy"])
    offer("Koor", "Zingen.", org="Muziekschool", categories=["culture"])
    assert names("humanitas") == ["Inloop"]
    assert names("maatjesproject") == ["Inloop"]  # the label of the category
    assert names("cultuur") == ["Koor"]


def test_every_word_must_match():
    offer("Wandelclub", "Voor ouderen.")
    offer("Wandelgroep", "Voor jongeren.")
    assert names("wandelen ouderen") == ["Wandelclub"]


def test_filters_combine_with_text():
    offer("Steunpunt Noord", "Mantelzorg", categories=["carer_support"], wijken=["Noord"])
    offer("Steunpunt Zuid", "Mantelzorg", categories=["carer_support"], wijken=["Zuid"])
    offer("Steunpunt stad", "Mantelzorg", categories=["carer_support"], cost="indication")
    offer("Buurtmaal Noord", "Mantelzorg", categories=["meals"], wijken=["Noord"])
    # An offer without wijken serves the whole gemeente, so it shows in every wijk.
    assert sorted(names("mantelzorg", category="carer_support", wijk="noord")) == [
        "Steunpunt Noord",
        "Steunpunt stad",
    ]
    assert names("mantelzorg", wijk="Zuid", cost="free") == ["Steunpunt Zuid"]
    assert names("mantelzorg", cost="indication") == ["Steunpunt stad"]


def test_target_group_filter_includes_offers_for_everyone():
    offer("Geheugencafé", target_groups=["dementia"])
    offer("Bibliotheek", target_groups=["everyone"])
    offer("Jongerenwerk", target_groups=["youth"])
    offer("Buurthuis")  # no target group: for everyone
    assert names(target_group="dementia") == ["Bibliotheek", "Buurthuis", "Geheugencafé"]


def test_inactive_entries_never_show():
    offer("Wandelclub", "Wandelen")
    gone = offer("Wandelclub Oud", "Wandelen")
    services.save_offer({"is_active": False}, offer=gone, expected_version=gone.version)
    assert names("wandelclub") == ["Wandelclub"]
    assert names() == ["Wandelclub"]


def test_empty_query_with_filters_lists_alphabetically():
    for name in ("zwemmen", "Atletiek", "badminton", "Yoga"):
        offer(name, categories=["sport"])
    offer("Schaakclub", categories=["culture"])
    assert names(category="sport") == ["Atletiek", "badminton", "Yoga", "zwemmen"]
    assert names("de", category="sport") == ["Atletiek", "badminton", "Yoga", "zwemmen"]


def test_index_follows_changes_and_deletes():
    o = offer("Wandelclub", "Elke dinsdag.")
    assert names("dinsdag") == ["Wandelclub"]
    o = services.save_offer({"description": "Elke donderdag."}, offer=o, expected_version=o.version)
    assert names("dinsdag") == []
    assert names("donderdag") == ["Wandelclub"]
    o.delete()
    assert names("donderdag") == []


def test_reindex_after_bulk_writes():
    org = Organisation.objects.create(name="Sportbond", kind=Organisation.Kind.COMMUNITY)
    bulk = Offer.objects.bulk_create(
        [
            Offer(
                organisation=org,
                name="Tafeltennis",
                description="Batje mee",
                categories=["sport"],
                last_verified=TODAY,
            )
        ]
    )
    services.reindex(bulk)
    assert names("sportbond") == ["Tafeltennis"]
    assert names("tafeltennis", category="sport") == ["Tafeltennis"]


def test_renamed_organisation_is_found_by_its_new_name():
    o = offer("Inloop", org="Oude naam")
    org = o.organisation
    org.name = "Buurtwerk Centrum"
    org.save()
    services.reindex_organisation(org)
    assert names("buurtwerk") == ["Inloop"]
