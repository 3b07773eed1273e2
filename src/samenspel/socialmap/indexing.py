"""The derived search columns of an offer: stems, labels and list columns.

Apart from `search` so the model can fill its own columns on save without a cycle
(the model imports this; `search` imports the model). See `search` for the why.
"""

import re
import threading

import snowballstemmer

from samenspel.domain import socialmap as sm

# PostgreSQL's dutch.stop (the Snowball list), so SQLite drops the same words.
_STOP = """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er
    maar om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der
    daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets
    worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens
    hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw
    iemand geweest andere"""
STOPWORDS = frozenset(_STOP.split())


_WORD = re.compile(r"[^\W_]+")
_local = threading.local()


def _stemmer():
    # Snowball stemmer objects keep state between calls: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("dutch_porter")
    return stemmer


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def stem_text(text: str) -> str:
    """The stems of all words that are not stop words, for the FTS5 index."""
    stemmer = _stemmer()
    return " ".join(stemmer.stemWord(w) for w in words(text) if w not in STOPWORDS)


def _bars(values) -> str:
    """["a", "b"] → "|a|b|"; empty → "" (so `contains "|a|"` is a list lookup)."""
    values = [str(v) for v in values if str(v)]
    return "|" + "|".join(values) + "|" if values else ""


def tags_for(offer) -> str:
    """The Dutch labels an offer is found by besides its own words."""
    parts = [sm.CATEGORY_LABELS.get(sm.Category(c), "") for c in offer.categories if c in CATS]
    parts += [
        sm.TARGET_GROUP_LABELS.get(sm.TargetGroup(t), "")
        for t in offer.target_groups
        if t in GROUPS
    ]
    parts += [sm.WMO_FIELDS.get(int(n), "") for n in offer.wmo_fields if str(n).isdigit()]
    parts += list(offer.wijken)
    return " ".join(p for p in parts if p)


CATS = frozenset(str(c) for c in sm.Category)
GROUPS = frozenset(str(t) for t in sm.TargetGroup)


def fill_search_fields(offer) -> None:
    """Set the derived columns of one offer (no query when the organisation is cached)."""
    offer.categories_text = _bars(offer.categories)
    offer.target_groups_text = _bars(offer.target_groups)
    offer.wijken_text = _bars(w.strip().lower() for w in offer.wijken)
    offer.organisation_name = offer.organisation.name if offer.organisation_id else ""
    offer.tags_text = tags_for(offer)
    offer.stem_name = stem_text(f"{offer.name} {offer.organisation_name}")
    offer.stem_body = stem_text(offer.description)
    offer.stem_tags = stem_text(offer.tags_text)
