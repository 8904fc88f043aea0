"""SearchIndex: the Whoosh index of the archive's articles, written an issue at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index

from extract.model import Article
from index import generations
from index.aliases import AliasTable
from index.analysis import pretokenized
from index.analysis_store import STORE_NAME, AnalysisStore
from index.batch_build import IssueBatch
from index.build_readings import IssueNotes, Lexicon, articles_holding, issue_notes, stored_texts
from index.build_writer import BuildWriter
from index.concepts import ConceptTable, shipped_concepts
from index.documents import analysed_texts, article_fields, with_marks
from index.errors import IndexRebuilding, StaleIndexError
from index.form_readings import shipped_readings
from index.full_build import build_all
from index.mined_aliases import MINED_ALIASES, MinedAliases, mined_pairs
from index.query_analysis import remember
from index.schema import STAMP_NAME, build_schema, current_stamp, read_stamp, write_stamp
from index.search_answers import SearchAnswers
from index.searcher_state import one_request
from index.searchers import SearcherCache
from index.spelling import SpellingCache

WRITE_TIMEOUT = 60.0  # seconds to wait for another process's writer to finish

# The moments of a rebuild, for a caller's `on_step(step, issue)` to stop it at (crash tests):
# each issue as the build takes it; the new generation written, not yet switched to; switched
# to, the old generations not yet deleted.
REBUILD_STEPS = ("rebuild-issue", "rebuild-built", "rebuild-switched")
StepCallback = Callable[[str, str], None]


class SearchIndex(SearchAnswers):
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
        self._spelling = SpellingCache(_spelling_reader)
        self._analyses = AnalysisStore(self.directory / STORE_NAME, readings=shipped_readings)

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
        self._analyses.close()

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
        self._analyses.close()  # its file may be another's now (see AnalysisStore.close)

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
        mined = MinedAliases(fresh)
        built = build_all(ix, issues, WRITE_TIMEOUT, on_issue)
        mined.save(_pairs_of(built.notes))
        self._remember_terms(ix, mined, built.notes, built.lexicon)
        write_stamp(fresh)  # last: a generation without it reads as stale
        return fresh

    def _remember_terms(
        self, ix, mined: MinedAliases, notes: dict[str, IssueNotes], lexicon: Lexicon | None = None
    ) -> None:
        """Store the analysis of the indexed terms a researcher is likely to type (those of
        two articles or more, and the terms of the headlines and KEY Contents of the issues
        just written: `notes`; see build_readings) that the store lacks, of every thesaurus
        form (each of several words glued too) and of the name spellings a search for a term
        looks up, so that such searches need not load Kiwi (query_analysis). Every form, not
        only those of the terms' concepts: a query typed as a form of several words ("반도체
        장비") loaded Kiwi at its first search to read the form and its glued spelling. The
        forms' analyses are those shipped with the code (form_readings), which the store
        holds without a row of its own, so that only a form the table lacks costs Kiwi.
        `lexicon`: the index's terms and their articles where the build counted them."""
        if lexicon is None:
            with ix.reader() as reader:
                lexicon = articles_holding(reader)
        if lexicon:
            headlines = frozenset().union(*(n.headline_terms for n in notes.values()))
            texts = stored_texts(lexicon, headlines, self.concepts, mined.table())
            self._analyses.close()  # read what the path holds: the folder may be a new one
            remember(self._analyses, texts)

    def _switch_to(self, fresh: Path, on_step: StepCallback | None = None) -> None:
        previous = self.live
        generations.switch(self.directory, fresh)
        if on_step is not None:
            on_step("rebuild-switched", "")
        generations.tidy(self.directory, previous, legacy=(STAMP_NAME, MINED_ALIASES))

    @contextmanager
    def _reading(self) -> Iterator:
        """A searcher lent to the block, kept open between searches (see SearcherCache); what
        one request keeps on it (searcher_state.one_request) is dropped when the block ends."""
        ix = self._fresh()
        if self._searchers is None:
            self._searchers = SearcherCache(ix)
        with self._searchers.lent() as lent, one_request(lent) as searcher:
            yield searcher

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
            notes = issue_notes(docs, mined_pairs)
        self._mined.save({issue: notes.pairs})
        self._remember_terms(ix, self._mined, {issue: notes})

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
        notes = batch.commit()
        if notes:
            self._mined.save(_pairs_of(notes))
        self._remember_terms(self._fresh(), self._mined, notes, batch.lexicon)

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

    def _read_aliases(self) -> AliasTable:
        """aliases() inside a _reading() block, which checked the generation as it began: a
        search read CURRENT and the stamp again for them (23 CPU-µs at 10,000 articles)."""
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


def _pairs_of(notes: dict[str, IssueNotes]) -> dict[str, list]:
    """Each issue's mined name pairs, as MinedAliases.save takes them."""
    return {issue: n.pairs for issue, n in notes.items()}


def _spelling_reader(generation: tuple[Path, int]):
    """A reader of the generation a search asks the spelling index for (its directory and
    Whoosh's number, as search_answers keys it), whatever generation is current by then; None
    while its directory holds no whole index (removed, or a build's not yet finished: when
    generation names repeated after `rm -r index`, a half-written one's spelling index would
    have served the finished one)."""
    live = generation[0]
    return None if read_stamp(live) is None else whoosh_index.open_dir(live).reader()
