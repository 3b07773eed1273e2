"""Dutch full-text search over the sociale kaart, on PostgreSQL and on SQLite.

PostgreSQL: a stored `tsvector` (config `dutch`, weights: name and organisation A,
description B, labels C), kept by a trigger, with a GIN index; ranked by ts_rank.
SQLite: an FTS5 table over words stemmed here in Python, kept by triggers, ranked
by bm25 with the same column weights. Both are created in migration 0002.

Both databases get the same query: every word must match (AND), stop words are
dropped, a stem of four letters or more matches as a prefix (so "wandelen" →
"wandel*" also finds "wandelclub": Dutch compounds put the main word first), and a
person-noun ending "-er" is dropped ("mantelzorgers" → "mantelzorg*"), because the
Snowball stemmer keeps "mantelzorger" and "mantelzorg" apart.

We stem with Snowball's `dutch_porter`: it is the algorithm of PostgreSQL's `dutch`
configuration, so both databases agree on what a word's stem is.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Lower

from samenspel.domain import socialmap as sm
from samenspel.socialmap.indexing import (  # noqa: F401 (also this module's API)
    STOPWORDS,
    fill_search_fields,
    stem,
    stem_text,
    tags_for,
    words,
)
from samenspel.socialmap.models import Offer

PREFIX_MIN = 4  # shorter stems match whole words only: "ou*" would match too much
AGENT_MIN = 5  # "mantelzorger" → "mantelzorg", but "ouder" stays "ouder"
MAX_TERMS = 8  # a pasted paragraph is not a search

FTS_TABLE = "socialmap_offer_fts"
# bm25 weights of the FTS5 columns (stem_name, stem_body, stem_tags), like A/B/C.
FTS_WEIGHTS = (10.0, 4.0, 2.0)
PG_CONFIG = "dutch"


# --- Queries -------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    word: str  # as typed (lower case)
    stem: str  # Snowball stem, maybe shortened (see module docstring)
    prefix: bool
    shortened: bool


def parse(q: str) -> list[Term]:
    terms: list[Term] = []
    for word in words(q or ""):
        if word in STOPWORDS:
            continue
        stemmed = stem(word)
        shortened = stemmed.endswith("er") and len(stemmed) - 2 >= AGENT_MIN
        if shortened:
            stemmed = stemmed[:-2]
        term = Term(word, stemmed, len(stemmed) >= PREFIX_MIN, shortened)
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def fts5_match(terms: list[Term]) -> str:
    # Stems hold letters and digits only, so quoting them is enough.
    return " AND ".join(f'"{t.stem}"' + ("*" if t.prefix else "") for t in terms)


def pg_tsquery(terms: list[Term]) -> str:
    """Raw to_tsquery text; PostgreSQL stems each word itself, like in the vector."""
    parts = []
    for t in terms:
        text = t.stem if t.shortened else t.word
        parts.append(text + (":*" if t.prefix else ""))
    return " & ".join(parts)


@dataclass(frozen=True)
class Filters:
    category: str = ""
    wijk: str = ""
    cost: str = ""
    target_group: str = ""


def apply_filters(qs: QuerySet, f: Filters) -> QuerySet:
    """Filters combine with AND. An offer without wijken serves the whole gemeente,
    and one for "iedereen" (or without target group) counts for every group."""
    if f.category:
        qs = qs.filter(categories_text__contains=f"|{f.category}|")
    if f.wijk:
        qs = qs.filter(Q(wijken_text__contains=f"|{f.wijk.strip().lower()}|") | Q(wijken_text=""))
    if f.cost:
        qs = qs.filter(cost=f.cost)
    if f.target_group:
        qs = qs.filter(
            Q(target_groups_text__contains=f"|{f.target_group}|")
            | Q(target_groups_text__contains=f"|{sm.TargetGroup.EVERYONE}|")
            | Q(target_groups_text="")
        )
    return qs


def search(
    q: str,
    filters: Filters | None = None,
    *,
    qs: QuerySet | None = None,
    active_only: bool = True,
) -> QuerySet:
    """Offers matching the words and filters: best match first, or A–Z without
    words. Only active ones, except for kaartbeheer. A lazy queryset."""
    if qs is None:
        qs = Offer.objects.all()
    if active_only:
        qs = qs.filter(is_active=True)
    qs = apply_filters(qs, filters or Filters())
    terms = parse(q)
    if not terms:
        return qs.order_by(Lower("name"), "id")
    if connection.vendor == "postgresql":
        query = SearchQuery(pg_tsquery(terms), search_type="raw", config=PG_CONFIG)
        return (
            qs.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", Lower("name"), "id")
        )
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    # extra(): the FTS5 join and bm25() have no ORM expression. bm25 is lower = better.
    return qs.extra(  # noqa: S610 - fixed SQL, the user's words go in as a parameter
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.rowid = socialmap_offer.id", f"{FTS_TABLE} MATCH %s"],
        params=[fts5_match(terms)],
        select={"rank": f"bm25({FTS_TABLE}, {weights})"},
    ).order_by("rank", Lower("name"), "id")
