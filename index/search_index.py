"""SearchIndex: the Whoosh index of the archive's articles, written an issue at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq

from extract.model import Article
from index.aliases import AliasTable, curated_aliases, mine_pairs
from index.analysis import analyze_many, pretokenized
from index.build_writer import BuildWriter
from index.documents import analysed_texts, article_fields, with_marks
from index.errors import QueryError, StaleIndexError
from index.hits import build_hit
from index.parallel_build import build_in_workers
from index.query_builder import QueryBuilder, UnionOr, filters_query
from index.query_syntax import issue_range, parse_query, section_name
from index.ranking import SORTS, best_of, rank
from index.schema import STAMP_NAME, build_schema, current_stamp, read_stamp, write_stamp
from index.search_results import Hit, SearchFilters, SearchResult
from index.searchers import SearcherCache
from index.suggest import suggest

MINED_ALIASES = "aliases-mined.json"
WRITE_TIMEOUT = 60.0  # seconds to wait for another process's writer to finish
MLT_TERMS = 15  # terms of an article that find the ones like it
SEGMENT_POSTINGS = 20_000_000  # a build worker's postings per segment (held in memory)
# Below this much text a build is faster in this process than forking workers that each
# load their own Kiwi (1-1.5 s).
PARALLEL_MIN_CHARS = 1_000_000


class SearchIndex:
    """The index in one directory. Open with `SearchIndex.open(directory)`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._ix = None
        self._searchers: SearcherCache | None = None
        self._aliases: tuple[float, AliasTable] | None = None

    @classmethod
    def open(cls, directory: str | Path) -> SearchIndex:
        """Create or open the index; a stale one is not opened (see needs_rebuild())."""
        index = cls(Path(directory))
        index.directory.mkdir(parents=True, exist_ok=True)
        if not whoosh_index.exists_in(index.directory):
            index._create()
        elif not index.needs_rebuild():
            index._ix = whoosh_index.open_dir(index.directory)
        return index

    def close(self) -> None:
        """Close the open searchers (the index stays on disk)."""
        if self._searchers is not None:
            self._searchers.close()
            self._searchers = None

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _create(self) -> None:
        self.close()
        (self.directory / STAMP_NAME).unlink(missing_ok=True)
        (self.directory / MINED_ALIASES).unlink(missing_ok=True)
        self._ix = whoosh_index.create_in(self.directory, build_schema())
        write_stamp(self.directory)

    def needs_rebuild(self) -> bool:
        """True when the index was built with another schema, analyzer or dictionary."""
        return read_stamp(self.directory) != current_stamp()

    def _fresh(self):
        if self.needs_rebuild():
            raise StaleIndexError(
                f"the search index in {self.directory} was built by another version of aibrief;"
                " it must be rebuilt"
            )
        if self._ix is None:  # stale when opened, since rebuilt (by this or another process)
            self._ix = whoosh_index.open_dir(self.directory)
        return self._ix

    @contextmanager
    def _reading(self) -> Iterator:
        """The calling thread's searcher, kept open between searches (see SearcherCache)."""
        ix = self._fresh()
        if self._searchers is None:
            self._searchers = SearcherCache(ix)
        yield self._searchers.current()

    # Writing -------------------------------------------------------------------------------

    def replace_issue(self, issue: str, articles: Iterable[Article], fingerprint: str) -> None:
        """Drop the issue's documents and add these, in one commit: an issue is whole or absent."""
        ix = self._fresh()
        docs = [article_fields(a, fingerprint) for a in articles]
        texts = (t for d in docs for t in analysed_texts(d))
        with pretokenized(texts), BuildWriter(ix, timeout=WRITE_TIMEOUT) as writer:
            writer.delete_by_term("issue", issue)
            for doc in docs:
                writer.add_document(**with_marks(doc))
        self._save_mined({issue: _mined(docs)})

    def remove_issue(self, issue: str) -> None:
        """Drop every document of the issue."""
        with BuildWriter(self._fresh(), timeout=WRITE_TIMEOUT) as writer:
            writer.delete_by_term("issue", issue)
        self._save_mined({issue: None})

    def rebuild(self, issues: Iterable[tuple[str, Iterable[Article], str]]) -> None:
        """Start afresh with the current schema and index these (issue, articles, fingerprint).

        A large build (PARALLEL_MIN_CHARS of text or more) runs in worker processes."""
        self._ix = None
        self._create()
        (self.directory / STAMP_NAME).unlink()  # until the build completes, the index is stale
        jobs = _documents(issues)
        head, large = _take_chars(jobs, PARALLEL_MIN_CHARS)
        if large:
            mined = build_in_workers(
                self._ix, chain(head, jobs), _mined, WRITE_TIMEOUT, SEGMENT_POSTINGS
            )
        else:
            mined = {}
            with BuildWriter(self._ix) as writer:
                for issue, docs, analysis in _analysed_ahead(head):
                    with pretokenized(analysis=analysis):
                        for doc in docs:
                            writer.add_document(**with_marks(doc))
                    mined[issue] = _mined(docs)
        self._save_mined(mined)
        write_stamp(self.directory)

    def _save_mined(self, changes: dict[str, list | None]) -> None:
        path = self.directory / MINED_ALIASES
        current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        for issue, pairs in changes.items():
            if pairs is None:
                current.pop(issue, None)
            else:
                current[issue] = pairs
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(current, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(path)

    def aliases(self) -> AliasTable:
        """Curated spellings merged with the pairs mined from the indexed articles."""
        path = self.directory / MINED_ALIASES
        mtime = path.stat().st_mtime if path.exists() else 0.0
        if self._aliases is None or self._aliases[0] != mtime:
            mined = json.loads(path.read_text(encoding="utf-8")) if mtime else {}
            pairs = [tuple(p) for issue_pairs in mined.values() for p in issue_pairs]
            self._aliases = (mtime, AliasTable([*curated_aliases(), *pairs]))
        return self._aliases[1]

    # Reading -------------------------------------------------------------------------------

    def fingerprints(self) -> dict[str, str]:
        """Issue -> the fingerprint its indexed articles were written with."""
        found = {}
        with self._reading() as searcher:
            for term in searcher.lexicon("fingerprint"):
                text = term.decode("utf-8")
                if searcher.document_number(fingerprint=text) is not None:
                    issue, fingerprint = text.split("\t", 1)
                    found[issue] = fingerprint
        return found

    def doc_count(self) -> int:
        """Articles in the index."""
        return self._fresh().doc_count()

    def size_bytes(self) -> int:
        """Bytes the index takes on disk."""
        return sum(p.stat().st_size for p in self.directory.iterdir() if p.is_file())

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 10,
    ) -> SearchResult:
        """One page of ranked, highlighted results with facets; raises QueryError."""
        if sort not in SORTS:
            raise QueryError(query, f"unknown sort {sort!r} (sorts: {', '.join(SORTS)})")
        if page < 1 or per_page < 1:
            raise QueryError(query, "page and per_page must be 1 or more")
        compiled = QueryBuilder(self.aliases()).build(parse_query(query), query)
        restrict = filters_query(_checked(filters, query))
        with self._reading() as searcher:
            ranked = rank(searcher, compiled, restrict, sort, page * per_page)
            hits = tuple(
                build_hit(searcher.stored_fields(docnum), score, compiled.highlight)
                for docnum, score in ranked.hits[(page - 1) * per_page : page * per_page]
            )
            suggestion = None
            if ranked.total == 0 or ranked.fallback:
                suggestion = suggest(searcher, query, compiled.words, self._counter(restrict))
            return SearchResult(
                query,
                ranked.total,
                hits,
                ranked.facets,
                suggestion,
                ranked.fallback,
                page,
                per_page,
            )

    def _counter(self, restrict):
        builder = QueryBuilder(self.aliases())

        def count(searcher, query: str) -> int:
            try:
                compiled = builder.build(parse_query(query), query)
            except QueryError:
                return 0
            return len(searcher.search(compiled.all_words, limit=1, filter=restrict))

        return count

    def article_ids(self, query: str, filters: SearchFilters | None = None) -> list[str]:
        """Every matching article id, in the order `search` ranks them."""
        compiled = QueryBuilder(self.aliases()).build(parse_query(query), query)
        restrict = filters_query(_checked(filters, query))
        with self._reading() as searcher:
            ranked = rank(searcher, compiled, restrict, "relevance", None)
            return [searcher.stored_fields(docnum)["id"] for docnum, _ in ranked.hits]

    def more_like_this(self, article_id: str, limit: int = 5) -> list[Hit]:
        """The articles closest to the given one, by its most telling terms (tf x idf)."""
        with self._reading() as searcher:
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                raise KeyError(f"no article {article_id!r} in the index")
            terms = telling_terms(searcher, searcher.stored_fields(docnum)["marks"])
            q = UnionOr([wq.Term("content", t, boost=w) for t, w in terms])
            best = best_of(searcher, wq.AndNot(q, wq.Term("id", article_id)), limit)
            marked = tuple((t,) for t, _ in terms)
            return [build_hit(searcher.stored_fields(d), score, marked) for d, score in best]


def telling_terms(searcher, marks: dict, count: int = MLT_TERMS) -> list[tuple[str, float]]:
    """An article's terms weighted by frequency (title counting double) and rarity."""
    weights: dict[str, float] = {}
    for field, terms in marks.items():
        for term, places in terms.items():
            if len(term) > 1 or not term.isascii():
                factor = 2.0 if field == "title" else 1.0
                weights[term] = weights.get(term, 0.0) + factor * len(places)
    scored = {t: w * searcher.idf("content", t) for t, w in weights.items()}
    best = sorted(scored.items(), key=lambda tw: (-tw[1], tw[0]))[:count]
    top = best[0][1] if best else 1.0
    return [(t, w / top) for t, w in best]


def _documents(issues: Iterable[tuple[str, Iterable[Article], str]]) -> Iterator[tuple]:
    """(issue, its index documents) for each (issue, articles, fingerprint)."""
    for issue, articles, fingerprint in issues:
        yield issue, [article_fields(a, fingerprint) for a in articles]


def _take_chars(jobs: Iterator[tuple], limit: int) -> tuple[list[tuple], bool]:
    """The jobs from the start until their texts reach `limit` characters; and whether they
    did (if not, these are all the jobs)."""
    taken, chars = [], 0
    for job in jobs:
        taken.append(job)
        chars += sum(len(t) for d in job[1] for t in analysed_texts(d))
        if chars >= limit:
            return taken, True
    return taken, False


def _analysed_ahead(jobs: Iterable[tuple[str, list[dict]]]) -> Iterator[tuple]:
    """(issue, documents, analysis) per issue; the next issue is analysed (Kiwi on both cores,
    outside the GIL) while the caller writes the current one into Whoosh."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = None
        for issue, docs in jobs:
            texts = [t for d in docs for t in analysed_texts(d)]
            ahead = (issue, docs, pool.submit(analyze_many, texts))
            if pending is not None:
                yield pending[0], pending[1], pending[2].result()
            pending = ahead
        if pending is not None:
            yield pending[0], pending[1], pending[2].result()


def _mined(docs: list[dict]) -> list[list[str]]:
    pairs = {p for d in docs for name in ("title", "key", "body") for p in mine_pairs(d[name])}
    return [list(p) for p in sorted(pairs)]


def _checked(filters: SearchFilters | None, query: str) -> SearchFilters | None:
    """Filters with canonical section names; a bad section or issue is a QueryError."""
    if filters is None:
        return None
    for end in (filters.issue_from, filters.issue_to):
        if end is not None:
            issue_range(end, query)
    return SearchFilters(
        tuple(section_name(s, query) for s in filters.sections),
        filters.issue_from,
        filters.issue_to,
    )
