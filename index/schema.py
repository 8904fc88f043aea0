"""The Whoosh schema, in one function with a version, and the stamp that records the versions
an index directory was built with."""

from __future__ import annotations

import json
from pathlib import Path

from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.formats import Characters

from index.aliases import ALIASES_VERSION
from index.analysis import ANALYZER_VERSION, KiwiAnalyzer
from index.dictionary import domain_dictionary

# Bump on any change to the fields below.
SCHEMA_VERSION = 1
STAMP_NAME = "aibrief-index.json"

# Fields searched by words, with their weight; title and KEY Contents say what an article is about.
TEXT_FIELDS = {"title": 4.0, "key": 2.0, "body": 1.0, "footnotes": 0.5, "sources": 0.5}
# Fields a snippet can be cut from (stored, with term vectors holding Kiwi's offsets).
SNIPPET_FIELDS = ("key", "body", "footnotes")


def build_schema() -> Schema:
    """The index schema: one document per article."""
    analyzer = KiwiAnalyzer()

    def text(boost: float, snippet: bool) -> TEXT:
        return TEXT(
            analyzer=analyzer,
            phrase=True,
            stored=snippet,
            field_boost=boost,
            vector=Characters() if snippet else None,
        )

    return Schema(
        id=ID(stored=True, unique=True),
        issue=ID(stored=True, sortable=True),
        year=NUMERIC(int, stored=True, sortable=True),
        month=NUMERIC(int, stored=True, sortable=True),
        section=ID(stored=True, sortable=True),
        page=NUMERIC(int, stored=True, sortable=True),
        title=text(TEXT_FIELDS["title"], True),
        key=text(TEXT_FIELDS["key"], True),
        body=text(TEXT_FIELDS["body"], True),
        footnotes=text(TEXT_FIELDS["footnotes"], True),
        sources=text(TEXT_FIELDS["sources"], False),
        outlet=KEYWORD(lowercase=True, commas=True),
        fingerprint=ID(),  # "issue<TAB>fingerprint", read back through the lexicon
    )


def current_stamp() -> dict[str, int]:
    """The versions this code builds an index with; any difference means a rebuild."""
    return {
        "schema": SCHEMA_VERSION,
        "analyzer": ANALYZER_VERSION,
        "dictionary": domain_dictionary().version,
        "aliases": ALIASES_VERSION,
    }


def read_stamp(directory: Path) -> dict | None:
    """The stamp in an index directory, or None when it is missing or unreadable."""
    try:
        return json.loads((directory / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_stamp(directory: Path) -> None:
    """Record the current versions; written last, so a crashed build reads as stale."""
    tmp = directory / (STAMP_NAME + ".tmp")
    tmp.write_text(json.dumps(current_stamp(), sort_keys=True), encoding="utf-8")
    tmp.replace(directory / STAMP_NAME)
