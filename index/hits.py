"""Stored fields -> Hit, with its snippet and matched terms read from the stored marks."""

from __future__ import annotations

from index.highlight import cut_snippet, match_spans
from index.schema import SNIPPET_FIELDS
from index.search_results import Hit
from index.stored_marks import field_marks


def build_hit(
    stored: dict,
    score: float,
    highlight: tuple[tuple[str, ...], ...] | dict[str, list[tuple[str, ...]]],
    match: str = "all",
    reasons: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
) -> Hit:
    """The Hit for a document's stored fields: the snippet comes from the field with the
    most matches of the term sequences `highlight` (as they are or filed by_first_term).
    `match` is "all" (every concept of the query) or "partial", and `reasons` the words a
    partial match lacks and those it names only in passing (index/match_reasons.py)."""
    surfaces: list[str] = []
    best_field, best_spans = None, []
    for field in ("title", *SNIPPET_FIELDS):
        text = stored.get(field) or ""
        spans = match_spans(field_marks(stored, field), highlight)
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
