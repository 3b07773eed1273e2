"""The search index of the sociale kaart, different per database.

PostgreSQL: a trigger fills `search_vector` (config `dutch`, weights A/B/C) and a GIN
index serves it. SQLite: an FTS5 table over the Python-stemmed columns, kept by
triggers. Neither runs on the other database. See samenspel/socialmap/search.py.
"""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE socialmap_offer_fts USING fts5(
        stem_name, stem_body, stem_tags,
        content='socialmap_offer', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER socialmap_offer_fts_ai AFTER INSERT ON socialmap_offer BEGIN
        INSERT INTO socialmap_offer_fts(rowid, stem_name, stem_body, stem_tags)
        VALUES (new.id, new.stem_name, new.stem_body, new.stem_tags);
    END""",
    """CREATE TRIGGER socialmap_offer_fts_ad AFTER DELETE ON socialmap_offer BEGIN
        INSERT INTO socialmap_offer_fts(socialmap_offer_fts, rowid, stem_name, stem_body, stem_tags)
        VALUES ('delete', old.id, old.stem_name, old.stem_body, old.stem_tags);
    END""",
    """CREATE TRIGGER socialmap_offer_fts_au AFTER UPDATE OF stem_name, stem_body, stem_tags
        ON socialmap_offer BEGIN
        INSERT INTO socialmap_offer_fts(socialmap_offer_fts, rowid, stem_name, stem_body, stem_tags)
        VALUES ('delete', old.id, old.stem_name, old.stem_body, old.stem_tags);
        INSERT INTO socialmap_offer_fts(rowid, stem_name, stem_body, stem_tags)
        VALUES (new.id, new.stem_name, new.stem_body, new.stem_tags);
    END""",
    "INSERT INTO socialmap_offer_fts(socialmap_offer_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS socialmap_offer_fts_au",
    "DROP TRIGGER IF EXISTS socialmap_offer_fts_ad",
    "DROP TRIGGER IF EXISTS socialmap_offer_fts_ai",
    "DROP TABLE IF EXISTS socialmap_offer_fts",
]

PG_CREATE = [
    """CREATE FUNCTION socialmap_offer_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('dutch', coalesce(NEW.name, '')), 'A')
            || setweight(to_tsvector('dutch', coalesce(NEW.organisation_name, '')), 'A')
            || setweight(to_tsvector('dutch', coalesce(NEW.description, '')), 'B')
            || setweight(to_tsvector('dutch', coalesce(NEW.tags_text, '')), 'C');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER socialmap_offer_vector BEFORE INSERT OR UPDATE
        OF name, description, organisation_name, tags_text
        ON socialmap_offer
        FOR EACH ROW EXECUTE FUNCTION socialmap_offer_vector()""",
    "CREATE INDEX socialmap_offer_search_gin ON socialmap_offer USING GIN (search_vector)",
    # Fill the vector of rows that exist already (the trigger does the work).
    "UPDATE socialmap_offer SET name = name",
]
PG_DROP = [
    "DROP INDEX IF EXISTS socialmap_offer_search_gin",
    "DROP TRIGGER IF EXISTS socialmap_offer_vector ON socialmap_offer",
    "DROP FUNCTION IF EXISTS socialmap_offer_vector()",
]


def create_index(apps, schema_editor):
    statements = {"postgresql": PG_CREATE, "sqlite": SQLITE_CREATE}.get(
        schema_editor.connection.vendor, []
    )
    for statement in statements:
        schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    statements = {"postgresql": PG_DROP, "sqlite": SQLITE_DROP}.get(
        schema_editor.connection.vendor, []
    )
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
