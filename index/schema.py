"""The Whoosh schema, in one function with a version, and the stamp that records the versions
an index directory was built with."""

from __future__ import annotations

import json
from pathlib import Path

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from index.aliases import ALIASES_VERSION
from index.analysis import ANALYZER_VERSION
from index.concepts import shipped_concepts
from index.dictionary import domain_dictionary
from index.whoosh_analyzers import KiwiAnalyzer, WeightedAnalyzer, WeightedPositions

# Bump on any change to the fields below, or to where their analyzers live (they are pickled).
SCHEMA_VERSION = 9  # 8: marks packed by term; 9: by field (stored_marks)
STAMP_NAME = "aibrief-index.json"

# The parts of `content`, the field words are searched in, in the order of PART_WEIGHTS.
CONTENT_PARTS = ("title", "key", "body", "sources")
# Fields whose terms' positions and Kiwi offsets are stored (in `marks`) for highlighting.
MARKED_FIELDS = ("title", "key", "body")
# Fields a snippet can be cut from.
SNIPPET_FIELDS = ("key", "body")


def build_schema() -> Schema:
    """The index schema: one document per article."""
    analyzer = KiwiAnalyzer()

    return Schema(
        id=ID(stored=True, unique=True),
        issue=ID(stored=True, sortable=True),
        year=NUMERIC(int, stored=True, sortable=True),
        month=NUMERIC(int, stored=True, sortable=True),
        section=ID(stored=True, sortable=True),
        page=NUMERIC(int, stored=True, sortable=True),
        pdf_pages=STORED(),  # (first, last) 1-based page of the PDF, for each hit
        # title, KEY Contents, body and sources, each term weighted by its part (BM25F)
        content=_weighted(TEXT(analyzer=WeightedAnalyzer(), phrase=True)),
        title=TEXT(analyzer=analyzer, phrase=True, stored=True),  # for title:
        sources=TEXT(analyzer=analyzer, phrase=True),  # for source:
        key=STORED(),
        body=STORED(),
        outlet=KEYWORD(lowercase=True, commas=True),
        # Every spelling of every actor the article names, and of its headline subject, as
        # alias keys ("openai", "오픈ai"); the subject scores, so it ranks first under actor:.
        actor=KEYWORD(commas=True),
        subject=KEYWORD(commas=True, scorable=True),
        actor_name=KEYWORD(commas=True),  # canonical names, for the actor facet
        country=KEYWORD(commas=True),  # ISO 3166 alpha-2, EU, INTL
        # field -> its terms' (position, start, end) places, packed (stored_marks): what a
        # snippet marks, without Kiwi
        marks=STORED(),
        fingerprint=ID(),  # "issue<TAB>fingerprint", read back through the lexicon
    )


def _weighted(field: TEXT) -> TEXT:
    """The field, its postings written through WeightedPositions (stored as Positions)."""
    field.format = WeightedPositions(field_boost=field.format.field_boost)
    return field


def current_stamp() -> dict[str, int]:
    """The versions this code builds an index with; any difference means a rebuild."""
    return {
        "schema": SCHEMA_VERSION,
        "analyzer": ANALYZER_VERSION,
        "dictionary": domain_dictionary().version,
        "aliases": ALIASES_VERSION,
        "concepts": shipped_concepts().version,
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
