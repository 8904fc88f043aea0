"""Stock Whoosh indexes over the same articles, as baselines for the quality benchmark:
StandardAnalyzer (one token per space-separated word) and character bigrams."""

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
from index.ranking import FEW_RESULTS
from index.schema import CONTENT_PARTS

BASELINES = ("standard", "bigram")
# The same parts and weights as SearchIndex's content field, as separate fields here.
TEXT_FIELDS = dict(zip(CONTENT_PARTS, PART_WEIGHTS, strict=True))


def _analyzer(name: str) -> Analyzer:
    if name == "standard":
        return StandardAnalyzer()
    if name == "bigram":
        return NgramAnalyzer(2)
    raise ValueError(f"unknown baseline {name!r} (baselines: {', '.join(BASELINES)})")


class BaselineIndex:
    """The same fields and boosts as SearchIndex, analysed by a stock Whoosh analyzer."""

    def __init__(self, directory: Path, name: str) -> None:
        analyzer = _analyzer(name)
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
        """Every match, best first, with SearchIndex's policy: all words first, then, when
        fewer than FEW_RESULTS articles hold them all, the articles holding any word."""
        with self._ix.searcher(weighting=scoring.BM25F()) as searcher:
            ranked: list[str] = []
            for group in (qparser.AndGroup, qparser.OrGroup):
                parser = qparser.MultifieldParser(list(TEXT_FIELDS), self._ix.schema, group=group)
                parser.remove_plugin_class(qparser.WildcardPlugin)
                found = [hit["id"] for hit in searcher.search(parser.parse(query), limit=None)]
                ranked += [i for i in found if i not in ranked]
                if len(ranked) >= FEW_RESULTS:
                    break
            return ranked
