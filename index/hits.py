"""Stored fields -> Hit, with its snippet and matched terms read from the stored marks.

Each hit's stored fields are read and decoded anew. With the marks packed by term, that was
the largest single cost of a warm search at 10,000 articles: 0.25 CPU-ms an article (half
unpickling, most of the rest Whoosh's zlib), 2.3 ms of a search over the graded queries (load
6). Not kept in a cache of decoded articles: one took 65 KiB, nearly all of it its marks (a
bytes object and a key for each term of each field), so the hits of a hundred queries would
hold over 100 MB. Each field's marks are now one packed value, read by term on demand
(stored_marks, schema version 9): about 0.10 CPU-ms an article."""

from __future__ import annotations

from typing import Any

from index.highlight import FieldPlaces, by_first_term, cut_snippet, match_spans
from index.matched_forms import FormsFound
from index.schema import SNIPPET_FIELDS
from index.search_results import Hit
from index.stored_marks import field_marks


def page_hits(
    searcher: Any,
    shown: list[tuple[int, float]],
    first: int,
    compiled: Any,
    ranked: Any,
    reasons: dict[int, tuple[tuple[str, ...], tuple[str, ...]]],
) -> tuple[tuple[Hit, ...], dict[str, dict[str, int]]]:
    """The hits of a page, `shown` (docnum, score) from rank `first` on, each a full or a
    partial match as `ranked` says; and the forms the thesaurus added that they hold, with
    how many hold each (index/matched_forms.py)."""
    marked = by_first_term(compiled.highlight)  # once for every hit
    found = FormsFound(compiled.expansions)
    hits = tuple(
        build_hit(
            searcher.stored_fields(docnum),
            score,
            marked,
            "all" if ranked.is_full(place) else "partial",
            reasons.get(docnum, ((), ())),
            found,
        )
        for place, (docnum, score) in enumerate(shown, first)
    )
    return hits, found.counts()


def build_hit(
    stored: dict,
    score: float,
    highlight: tuple[tuple[str, ...], ...] | dict[str, list[tuple[str, ...]]],
    match: str = "all",
    reasons: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
    forms: FormsFound | None = None,
) -> Hit:
    """The Hit for a document's stored fields: the snippet comes from the field with the
    most matches of the term sequences `highlight` (as they are or filed by_first_term).
    `match` is "all" (every concept of the query) or "partial", and `reasons` the words a
    partial match lacks and those it names only in passing (index/match_reasons.py); `forms`
    counts the thesaurus's forms its fields hold (index/matched_forms.py)."""
    surfaces: list[str] = []
    best_field, best_spans = None, []
    fields = [FieldPlaces(field_marks(stored, field)) for field in ("title", *SNIPPET_FIELDS)]
    if forms is not None:
        forms.see(fields)
    for field, marks in zip(("title", *SNIPPET_FIELDS), fields, strict=True):
        text = stored.get(field) or ""
        spans = match_spans(marks, highlight)
        surfaces.extend(text[s:e] for s, e in spans)
        if field != "title" and text and (best_field is None or len(spans) > len(best_spans)):
            best_field, best_spans = field, spans
    snippet, marks = (
        cut_snippet(stored.get(best_field) or "", best_spans) if best_field else ("", ())
    )
    return Hit(
        id=stored["id"],
        issue=stored["issue"],
        section=stored["section"] or None,
        title=stored["title"],
        page=int(stored["page"]),
        pdf_pages=tuple(stored["pdf_pages"]),
        score=score,
        snippet=snippet,
        marks=marks,
        terms=tuple(dict.fromkeys(surfaces)),
        match=match,
        missing=reasons[0],
        passing=reasons[1],
    )
