"""Writing a SearchIndex: an issue replaced or removed in one commit, a batch of issues
committed together, the deleted documents merged away, and a rebuild written as a new
generation beside the current one and switched to whole (generations.py).

`IndexWriting` is the writing half of `SearchIndex` (search_index.py), which keeps the index
on disk and gives these methods what they write with: `directory`, `live` (the current
generation, None before a first build), `_fresh()` (the current generation's Whoosh index,
its freshness checked), `concepts`, `_mined` (the name pairs mined from the current
generation) and `_analyses` (the store of query analyses).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from extract.model import Article
from index import generations
from index.analysis import pretokenized
from index.batch_build import IssueBatch
from index.build_readings import (
    IssueNotes,
    Lexicon,
    articles_holding,
    issue_notes,
    pairs_of,
    reading_ahead,
    texts_of_build,
)
from index.build_writer import BuildWriter
from index.documents import analysed_texts, article_fields, with_marks
from index.full_build import build_all
from index.mined_aliases import MINED_ALIASES, MinedAliases, mined_pairs
from index.query_analysis import remember
from index.schema import STAMP_NAME, build_schema, write_stamp

WRITE_TIMEOUT = 60.0  # seconds to wait for another process's writer to finish

# The moments of a rebuild, for a caller's `on_step(step, issue)` to stop it at (crash tests):
# each issue as the build takes it; the new generation written, not yet switched to; switched
# to, the old generations not yet deleted.
REBUILD_STEPS = ("rebuild-issue", "rebuild-built", "rebuild-switched")
StepCallback = Callable[[str, str], None]


class IndexWriting:
    """The writes a SearchIndex takes (see the module docstring for what it provides)."""

    directory: Path
    live: Path | None
    _fresh: Any
    concepts: Any
    _mined: MinedAliases
    _analyses: Any

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
        ahead = reading_ahead(self._analyses, self.concepts, mined)
        built = build_all(ix, issues, WRITE_TIMEOUT, on_issue, ahead)
        mined.save(pairs_of(built.notes))
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
            texts = texts_of_build(lexicon, notes, self.concepts, mined.table())
            self._analyses.close()  # read what the path holds: the folder may be a new one
            remember(self._analyses, texts)

    def _switch_to(self, fresh: Path, on_step: StepCallback | None = None) -> None:
        previous = self.live
        generations.switch(self.directory, fresh)
        if on_step is not None:
            on_step("rebuild-switched", "")
        generations.tidy(self.directory, previous, legacy=(STAMP_NAME, MINED_ALIASES))

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
        ahead = reading_ahead(self._analyses, self.concepts, self._mined)
        batch = IssueBatch(self._writable(), WRITE_TIMEOUT, expected_chars, ahead)
        try:
            yield batch
        except BaseException:
            batch.cancel()
            raise
        notes = batch.commit()
        if notes:
            self._mined.save(pairs_of(notes))
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
