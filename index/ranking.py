"""Running a compiled query: all words first, any words when all words find little."""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import scoring, sorting

from index.query_builder import CompiledQuery

SORTS = ("relevance", "newest", "oldest")
FACETS = ("section", "issue", "year")
# With fewer articles than this holding every word of a multi-word query, the articles holding
# some of the words follow them: a question typed in full rarely shares every word with the
# article that answers it.
FEW_RESULTS = 3


def weighting() -> scoring.WeightingModel:
    """BM25F, with the field boosts of the schema."""
    return scoring.BM25F(B=0.75, K1=1.2)


@dataclass
class Ranked:
    """The matches of a query in order (Whoosh hits), their count and facet counts."""

    hits: list
    total: int
    facets: dict[str, dict[str, int]]
    fallback: bool


def _sorting(sort: str):
    if sort == "relevance":
        return None
    newest = sort == "newest"
    return sorting.MultiFacet(
        [sorting.FieldFacet("issue", reverse=newest), sorting.FieldFacet("page")]
    )


def _facets(results) -> dict[str, dict[str, int]]:
    return {
        name: {
            str(k): n for k, n in sorted(results.groups(name).items(), key=lambda kv: str(kv[0]))
        }
        for name in FACETS
    }


def rank(searcher, compiled: CompiledQuery, restrict, sort: str, limit: int | None) -> Ranked:
    """The first `limit` matches (None: all), with the total and facets over every match."""
    groups = {name: sorting.FieldFacet(name, maptype=sorting.Count) for name in FACETS}

    def run(q, n):
        return searcher.search(
            q, limit=n, sortedby=_sorting(sort), groupedby=groups, filter=restrict
        )

    results = run(compiled.all_words, limit)
    if compiled.any_words is None or len(results) >= FEW_RESULTS:
        return Ranked(list(results), len(results), _facets(results), False)
    wider = run(compiled.any_words, None if limit is None else limit + len(results))
    if len(wider) == len(results):
        return Ranked(list(results), len(results), _facets(results), False)
    hits = list(wider)
    if sort == "relevance":
        first = [hit.docnum for hit in results]
        hits = list(results) + [hit for hit in wider if hit.docnum not in first]
    return Ranked(hits[:limit], len(wider), _facets(wider), True)
