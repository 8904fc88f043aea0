"""Whoosh indexes over the same articles, as baselines for the quality benchmark: two stock
analyzers, StandardAnalyzer (one token per space-separated word) and character bigrams, and
aibrief's own Kiwi analysis with the words of a query ORed, without anything else aibrief does
(no aliases, compounds, phrases, concepts or ranking by how much of the query an article holds)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import qparser, scoring
from whoosh.analysis import Analyzer, NgramAnalyzer, StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema

from extract.model import Article
from index.analysis import PART_WEIGHTS
from index.documents import article_fields
from index.schema import CONTENT_PARTS
from index.whoosh_analyzers import KiwiAnalyzer

BASELINES = ("standard", "bigram", "kiwi-or")
# How each baseline joins a query's words: the stock ones every word first, then any word;
# Kiwi-OR any word at once.
GROUPS = {
    "standard": (qparser.AndGroup, qparser.OrGroup),
    "bigram": (qparser.AndGroup, qparser.OrGroup),
    "kiwi-or": (qparser.OrGroup,),
}
# The same parts and weights as SearchIndex's content field, as separate fields here.
TEXT_FIELDS = dict(zip(CONTENT_PARTS, PART_WEIGHTS, strict=True))


def _analyzer(name: str) -> Analyzer:
    if name == "standard":
        return StandardAnalyzer()
    if name == "bigram":
        return NgramAnalyzer(2)
    if name == "kiwi-or":
        return KiwiAnalyzer()
    raise ValueError(f"unknown baseline {name!r} (baselines: {', '.join(BASELINES)})")


class BaselineIndex:
    """The same fields and boosts as SearchIndex, analysed by the named baseline's analyzer."""

    def __init__(self, directory: Path, name: str) -> None:
        analyzer = _analyzer(name)
        self._groups = GROUPS[name]
        fields = {f: TEXT(analyzer=analyzer, field_boost=b) for f, b in TEXT_FIELDS.items()}
        directory.mkdir(parents=True, exist_ok=True)
        self._ix = whoosh_index.create_in(directory, Schema(id=ID(stored=True), **fields))

    def add(self, articles: Iterable[Article]) -> None:
        """Index the articles in one commit."""
        with self._ix.writer() as writer:
            for article in articles:
                doc = article_fields(article, "")
                writer.add_document(id=doc["id"], **{f: doc[f] for f in TEXT_FIELDS})

    def article_ids(self, query: str) -> list[str]:
        """Every match, best first: for the stock analyzers the articles holding all words
        first, then those holding some of them (as SearchIndex fills a page); for Kiwi-OR the
        articles holding any word."""
        with self._ix.searcher(weighting=scoring.BM25F()) as searcher:
            ranked: list[str] = []
            for group in self._groups:
                parser = qparser.MultifieldParser(list(TEXT_FIELDS), self._ix.schema, group=group)
                parser.remove_plugin_class(qparser.WildcardPlugin)
                found = [hit["id"] for hit in searcher.search(parser.parse(query), limit=None)]
                ranked += [i for i in found if i not in ranked]
            return ranked
