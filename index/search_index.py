"""SearchIndex: the Whoosh index of the archive's articles, written an issue at a time."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index

from extract.model import Article
from index import generations
from index.aliases import AliasTable
from index.analysis import pretokenized
from index.batch_build import IssueBatch
from index.build_writer import BuildWriter
from index.concepts import ConceptTable, shipped_concepts
from index.documents import analysed_texts, article_fields, with_marks
from index.errors import IndexRebuilding, QueryError, StaleIndexError
from index.filter_queries import filters_query
from index.full_build import build_all
from index.hits import build_hit
from index.mined_aliases import MINED_ALIASES, MinedAliases, mined_pairs
from index.query_builder import QueryBuilder
from index.query_syntax import country_code, issue_range, parse_query, section_name
from index.query_terms import has_plain_words
from index.ranking import SORTS, rank
from index.related_terms import RELATED_DOCS, related_terms
from index.request_limits import BUDGET_SECONDS, Budget
from index.schema import STAMP_NAME, build_schema, current_stamp, read_stamp, write_stamp
from index.search_results import Hit, SearchFilters, SearchResult
from index.searchers import SearcherCache
from index.similar import similar_articles
from index.spelling import SpellingCache
from index.suggest import suggest

WRITE_TIMEOUT = 60.0  # seconds to wait for another process's writer to finish

# The moments of a rebuild, for a caller's `on_step(step, issue)` to stop it at (crash tests):
# each issue as the build takes it; the new generation written, not yet switched to; switched
# to, the old generations not yet deleted.
REBUILD_STEPS = ("rebuild-issue", "rebuild-built", "rebuild-switched")
StepCallback = Callable[[str, str], None]


class SearchIndex:
    """The index in one directory, as generations (see generations.py): readers use the
    current one, a rebuild writes the next beside it. Open with `SearchIndex.open(directory)`."""

    def __init__(self, directory: Path, concepts: ConceptTable | None = None) -> None:
        self.directory = directory
        self.concepts = concepts if concepts is not None else shipped_concepts()
        self._ix = None
        self._live: Path | None = None  # the generation _ix, _searchers and _mined are of
        self._searchers: SearcherCache | None = None
        self._retired: list[SearcherCache] = []
        self._mined = MinedAliases(self.directory)
        self._spelling = SpellingCache(lambda: self._fresh().reader())

    @classmethod
    def open(cls, directory: str | Path, concepts: ConceptTable | None = None) -> SearchIndex:
        """Open the index; nothing is created until the first write or rebuild, and a stale
        one is not opened (see needs_rebuild()). `concepts` replaces the shipped thesaurus
        (for tests)."""
        index = cls(Path(directory), concepts)
        index.directory.mkdir(parents=True, exist_ok=True)
        if not index.needs_rebuild():
            index._fresh()  # a damaged index fails here, where the archive sets it aside
        return index

    @property
    def live(self) -> Path | None:
        """The directory of the generation readers use; None before a first build."""
        return generations.current(self.directory)

    def close(self) -> None:
        """Close the open searchers (the index stays on disk)."""
        for cache in [*self._retired, *([self._searchers] if self._searchers else [])]:
            cache.close()
        self._retired.clear()
        self._searchers = None

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def needs_rebuild(self) -> bool:
        """True when there is no index yet, or it was built with another schema, analyzer or
        dictionary."""
        live = self.live
        return live is None or read_stamp(live) != current_stamp()

    def _fresh(self):
        """The current generation's Whoosh index; raises StaleIndexError (IndexRebuilding
        when a first build is under way)."""
        live = self.live
        if live is None:
            progress = generations.progress(self.directory)
            if progress is not None:
                raise IndexRebuilding(self.directory, *progress)
            raise StaleIndexError(f"the search index in {self.directory} has not been built")
        if read_stamp(live) != current_stamp():
            raise StaleIndexError(
                f"the search index in {self.directory} was built by another version of aibrief;"
                " it must be rebuilt"
            )
        if live != self._live:  # first use, or another build has switched since
            self._use(live)
        if self._ix is None:
            self._ix = whoosh_index.open_dir(live)
        return self._ix

    def _use(self, live: Path) -> None:
        """Read `live` from now on; searchers of the one before are closed with the index, not
        now: another thread may be searching with one."""
        if self._searchers is not None:
            self._retired.append(self._searchers)
        self._searchers = None
        self._ix = None
        self._live = live
        self._mined = MinedAliases(live)

    def _writable(self):
        """The current index to write to; an empty first generation is made if there is none."""
        if self.live is None:
            self._switch_to(self._build([], None, None))
        return self._fresh()

    def _build(self, issues, total: int | None, on_step: StepCallback | None) -> Path:
        """A new generation holding these issues, written beside the current one."""
        fresh = generations.start(self.directory)
        written = generations.Progress(self.directory, total)

        def on_issue(issue: str) -> None:
            written.advance()
            if on_step is not None:
                on_step("rebuild-issue", issue)

        ix = whoosh_index.create_in(fresh, build_schema())
        MinedAliases(fresh).save(build_all(ix, issues, WRITE_TIMEOUT, on_issue))
        write_stamp(fresh)  # last: a generation without it reads as stale
        return fresh

    def _switch_to(self, fresh: Path, on_step: StepCallback | None = None) -> None:
        previous = self.live
        generations.switch(self.directory, fresh)
        if on_step is not None:
            on_step("rebuild-switched", "")
        generations.tidy(self.directory, previous, legacy=(STAMP_NAME, MINED_ALIASES))

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
        ix = self._writable()
        docs = [article_fields(a, fingerprint) for a in articles]
        texts = (t for d in docs for t in analysed_texts(d))
        with pretokenized(texts), BuildWriter(ix, timeout=WRITE_TIMEOUT) as writer:
            writer.delete_by_term("issue", issue)
            for doc in docs:
                writer.add_document(**with_marks(doc))
        self._mined.save({issue: mined_pairs(docs)})

    def remove_issue(self, issue: str) -> None:
        """Drop every document of the issue."""
        with BuildWriter(self._writable(), timeout=WRITE_TIMEOUT) as writer:
            writer.delete_by_term("issue", issue)
        self._mined.save({issue: None})

    @contextmanager
    def batch(self, expected_chars: int = 0) -> Iterator[IssueBatch]:
        """Issues to replace together: `batch.add(issue, articles, fingerprint)` for each;
        all are committed at once when the block ends without an error, none otherwise.
        A large batch (or one `expected_chars` of text says will be) is analysed in worker
        processes as it is handed over (batch_build)."""
        batch = IssueBatch(self._writable(), WRITE_TIMEOUT, expected_chars)
        try:
            yield batch
        except BaseException:
            batch.cancel()
            raise
        mined = batch.commit()
        if mined:
            self._mined.save(mined)

    def merge_deleted(self) -> bool:
        """Merge the index into one segment without its deleted documents, if it has any, so
        that BM25's statistics (document count, lengths, frequencies) count only the articles
        held; True if it did. One commit: a reader sees the index before or after it."""
        ix = self._writable()
        if ix.doc_count_all() == ix.doc_count():
            return False
        writer = BuildWriter(ix, timeout=WRITE_TIMEOUT)
        try:
            writer.commit(optimize=True)
        except BaseException:
            writer.cancel()
            raise
        return True

    def rebuild(
        self,
        issues: Iterable[tuple[str, Iterable[Article], str]],
        total: int | None = None,
        on_step: StepCallback | None = None,
    ) -> None:
        """Index these (issue, articles, fingerprint) afresh with the current schema, beside
        the index readers use, and switch to it once whole; `total` is how many issues there
        are (for readers told of the progress), `on_step` is called at REBUILD_STEPS.

        A large build runs in worker processes (see full_build)."""
        fresh = self._build(issues, total, on_step)
        if on_step is not None:
            on_step("rebuild-built", "")
        self._switch_to(fresh, on_step)

    def aliases(self) -> AliasTable:
        """Curated spellings merged with the pairs mined from the indexed articles."""
        self._fresh()  # the pairs are those of the current generation
        return self._mined.table()

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
        self._fresh()
        return sum(p.stat().st_size for p in self._live.iterdir() if p.is_file())

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 10,
        *,
        expand: bool = True,
        derived: bool = True,
        partial: bool = True,
        related: bool = True,
        suggestions: bool = True,
        feedback: bool = True,
        budget: float = BUDGET_SECONDS,
    ) -> SearchResult:
        """One page of ranked, highlighted results with facets; raises QueryError.

        Each mechanism beyond the words typed can be switched off (the quality bench's
        ablation): `expand` (the thesaurus's concepts), `derived` (stems of derived words),
        `partial` (filling the page with articles matching only some of the concepts),
        `feedback` (pseudo-relevance feedback: see index/feedback.py);
        `related` and `suggestions` skip finding the related terms (연관어) and the "did you
        mean". Both are skipped once the search has run `budget` seconds, counted from the
        query's compilation (so that loading Kiwi in a new process does not spend it), and
        the result's `limits` say what was cut."""
        if sort not in SORTS:
            raise QueryError(query, f"unknown sort {sort!r} (sorts: {', '.join(SORTS)})")
        if page < 1 or per_page < 1:
            raise QueryError(query, "page and per_page must be 1 or more")
        builder = QueryBuilder(self.aliases(), self.concepts, expand, derived)
        parsed = parse_query(query)
        compiled = builder.build(parsed, query)
        restrict = filters_query(_checked(filters, query))
        spending = Budget(budget)
        # feedback expands the words typed: not for exact words, fields, or expand=False
        fed = feedback and expand and has_plain_words(parsed)
        with self._reading() as searcher:
            ranked = rank(searcher, compiled, restrict, sort, page * per_page, partial, fed)
            first = (page - 1) * per_page
            hits = tuple(
                build_hit(
                    searcher.stored_fields(docnum),
                    score,
                    compiled.highlight,
                    "all" if ranked.is_full(place) else "partial",
                )
                for place, (docnum, score) in enumerate(ranked.hits[first : page * per_page], first)
            )
            related_found: tuple[str, ...] = ()
            if related and spending.spent:
                spending.skipped("related terms")
            elif related:
                best = heapq.nlargest(RELATED_DOCS, ranked.counted, key=ranked.counted.__getitem__)
                own = {t for sequence in compiled.highlight for t in sequence}
                related_found = related_terms(searcher, best, own)
            suggestion = None
            if suggestions and (ranked.total == 0 or ranked.fallback):
                suggestion = self._suggestion(searcher, query, compiled, restrict, spending)
            return SearchResult(
                query,
                ranked.total,
                hits,
                ranked.facets,
                suggestion,
                ranked.fallback,
                page,
                per_page,
                expansions={w: tuple(f) for w, f in compiled.expansions.items()},
                related_terms=related_found,
                limits=tuple(spending.limits),
            )

    def _suggestion(self, searcher, query, compiled, restrict, budget: Budget) -> str | None:
        # Whoosh numbers each index directory's commits from 0: the directory is in the key.
        generation = (self._live, searcher.reader().generation())
        speller = self._spelling.get(generation, budget.remaining())
        if speller is None:
            budget.skipped("did you mean")
            return None
        builder = QueryBuilder(self.aliases(), self.concepts)

        def finds(text: str) -> bool:  # any article at all: the first match, not a count
            try:
                corrected = builder.build(parse_query(text), text)
            except QueryError:
                return False
            return not searcher.search(corrected.all_words, limit=1, filter=restrict).is_empty()

        return suggest(speller, query, compiled.words, finds, budget)

    def more_like_this(self, article_id: str, limit: int = 5) -> list[Hit]:
        """The articles closest to the given one, by its most telling terms (tf x idf); raises
        NotIndexed."""
        with self._reading() as searcher:
            return similar_articles(searcher, article_id, limit)

    def article_ids(
        self, query: str, filters: SearchFilters | None = None, expand: bool = True
    ) -> list[str]:
        """Every article `search` counts in `total`, in the order it ranks them."""
        builder = QueryBuilder(self.aliases(), self.concepts, expand)
        parsed = parse_query(query)
        compiled = builder.build(parsed, query)
        restrict = filters_query(_checked(filters, query))
        fed = expand and has_plain_words(parsed)  # as search does by default
        with self._reading() as searcher:
            ranked = rank(searcher, compiled, restrict, "relevance", None, feedback=fed)
            return [searcher.stored_fields(docnum)["id"] for docnum, _ in ranked.hits]


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
        filters.actors,
        tuple(country_code(c, query) for c in filters.countries),
    )
