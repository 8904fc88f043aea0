"""A Whoosh hit -> Hit, with its snippet and matched terms read from stored term vectors."""

from __future__ import annotations

from index.highlight import Vector, match_spans, render_snippet
from index.results import Hit
from index.schema import SNIPPET_FIELDS


def read_vector(searcher, docnum: int, field: str, wanted: set[str]) -> Vector:
    """The stored (position, start, end) lists of the wanted terms in one field of a document."""
    if not wanted or not searcher.has_vector(docnum, field):
        return {}
    vector = searcher.vector(docnum, field)
    found: Vector = {}
    while vector.is_active():
        term = vector.id()
        term = term.decode("utf-8") if isinstance(term, bytes) else term
        if term in wanted:
            found[term] = vector.value_as("characters")
        vector.next()
    return found


def build_hit(searcher, hit, highlight: tuple[tuple[str, ...], ...]) -> Hit:
    """The Hit for a Whoosh hit: the snippet comes from the field with the most matches."""
    stored = hit.fields()
    wanted = {term for sequence in highlight for term in sequence}
    surfaces: list[str] = []
    best_field, best_spans = None, []
    for field in ("title", *SNIPPET_FIELDS):
        text = stored.get(field) or ""
        spans = match_spans(read_vector(searcher, hit.docnum, field, wanted), highlight)
        surfaces.extend(text[s:e] for s, e in spans)
        if field != "title" and text and (best_field is None or len(spans) > len(best_spans)):
            best_field, best_spans = field, spans
    snippet = render_snippet(stored.get(best_field) or "", best_spans) if best_field else ""
    return Hit(
        id=stored["id"],
        issue=stored["issue"],
        section=stored["section"],
        title=stored["title"],
        page=int(stored["page"]),
        # Sorted by date, Whoosh reports the sort key instead of a score.
        score=hit.score if isinstance(hit.score, float) else 0.0,
        snippet=snippet,
        terms=tuple(dict.fromkeys(surfaces)),
    )
