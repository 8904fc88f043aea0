"""More like this: the articles closest to one, found by its most telling terms (tf x idf)."""

from __future__ import annotations

from whoosh import query as wq

from index.errors import NotIndexed
from index.filter_queries import UnionOr
from index.hits import build_hit
from index.match_order import best_of
from index.schema import MARKED_FIELDS
from index.search_results import Hit
from index.stored_marks import PackedMarks, field_marks

MLT_TERMS = 15  # terms of an article that find the ones like it


def similar_articles(searcher, article_id: str, limit: int) -> list[Hit]:
    """The articles closest to the given one; raises NotIndexed."""
    docnum = searcher.document_number(id=article_id)
    if docnum is None:
        raise NotIndexed(f"no article {article_id!r} in the index")
    stored = searcher.stored_fields(docnum)
    terms = telling_terms(searcher, {f: field_marks(stored, f) for f in MARKED_FIELDS})
    q = UnionOr([wq.Term("content", t, boost=w) for t, w in terms])
    best = best_of(searcher, wq.AndNot(q, wq.Term("id", article_id)), limit)
    marked = tuple((t,) for t, _ in terms)
    return [build_hit(searcher.stored_fields(d), score, marked) for d, score in best]


def telling_terms(
    searcher, marks: dict[str, PackedMarks], count: int = MLT_TERMS
) -> list[tuple[str, float]]:
    """An article's terms weighted by frequency (title counting double) and rarity."""
    weights: dict[str, float] = {}
    for field, terms in marks.items():
        for term in terms:
            if len(term) > 1 or not term.isascii():
                factor = 2.0 if field == "title" else 1.0
                weights[term] = weights.get(term, 0.0) + factor * terms.occurrences(term)
    scored = {t: w * searcher.idf("content", t) for t, w in weights.items()}
    best = sorted(scored.items(), key=lambda tw: (-tw[1], tw[0]))[:count]
    top = best[0][1] if best else 1.0
    return [(t, w / top) for t, w in best]
