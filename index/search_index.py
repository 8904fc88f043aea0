"""SearchIndex: the Whoosh index of the archive's articles, written an issue at a time.

Its writes are those of IndexWriting (index_writing.py), its answers those of SearchAnswers
(search_answers.py); this module keeps the index on disk: the generation read, its searchers,
mined aliases and store of query analyses, and whether it is fresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index

from index import generations
from index.aliases import AliasTable
from index.analysis_store import STORE_NAME, AnalysisStore
from index.concepts import ConceptTable, shipped_concepts
from index.errors import IndexRebuilding, StaleIndexError
from index.form_readings import shipped_readings
from index.index_writing import REBUILD_STEPS, WRITE_TIMEOUT, IndexWriting, StepCallback
from index.mined_aliases import MinedAliases
from index.schema import current_stamp, read_stamp
from index.search_answers import SearchAnswers
from index.searcher_state import one_request
from index.searchers import SearcherCache
from index.spelling import SpellingCache

__all__ = ["REBUILD_STEPS", "WRITE_TIMEOUT", "SearchIndex", "StepCallback"]


class SearchIndex(IndexWriting, SearchAnswers):
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
            # A build switches before it deletes its progress: one that finished between the
            # two reads has an index to read now.
            live = self.live
            if live is None:
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

    @contextmanager
    def _reading(self) -> Iterator:
        """A searcher lent to the block, kept open between searches (see SearcherCache); what
        one request keeps on it (searcher_state.one_request) is dropped when the block ends."""
        ix = self._fresh()
        if self._searchers is None:
            self._searchers = SearcherCache(ix)
        with self._searchers.lent() as lent, one_request(lent) as searcher:
            yield searcher

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


def _spelling_reader(generation: tuple[Path, int]):
    """A reader of the generation a search asks the spelling index for (its directory and
    Whoosh's number, as search_answers keys it), whatever generation is current by then; None
    while its directory holds no whole index (removed, or a build's not yet finished: when
    generation names repeated after `rm -r index`, a half-written one's spelling index would
    have served the finished one)."""
    live = generation[0]
    return None if read_stamp(live) is None else whoosh_index.open_dir(live).reader()
