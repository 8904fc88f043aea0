"""Replacing many issues in one commit, as an import or a first ingest of many files does.

Issues are handed over one at a time while the caller goes on with its own work. Until they
hold PARALLEL_MIN_CHARS of text (or the caller says they will) they are kept here; past it
they go to worker processes that analyse and write segments as a rebuild's do (see
parallel_build). `commit()` makes every issue
handed over replace what the index held of it, in one commit, or nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from extract.model import Article
from index import full_build
from index.analysis import pretokenized
from index.build_readings import IssueNotes, Lexicon, issue_notes
from index.build_writer import BuildWriter
from index.documents import analysed_texts, article_fields, with_marks
from index.mined_aliases import mined_pairs
from index.parallel_build import ReadAhead, WorkerBuild

# Past this much text a batch goes to workers. Lower than a rebuild's threshold: the workers
# share the Kiwi this process loaded (an import or ingest has, for the actors), so starting
# them costs a fork, not a load of Kiwi each.
PARALLEL_MIN_CHARS = 100_000


class IssueBatch:
    """Issues to replace in one commit of the index `ix`."""

    def __init__(
        self, ix, timeout: float, expected_chars: int = 0, ahead: ReadAhead | None = None
    ) -> None:
        self._ix = ix
        self._ahead = ahead  # begun while workers write (parallel_build.WorkerBuild.commit)
        self._timeout = timeout
        self._held: list[tuple[str, list[dict]]] = []
        self._chars = expected_chars  # workers start once this reaches PARALLEL_MIN_CHARS
        self._issues: set[str] = set()
        self._workers: WorkerBuild | None = None

    def __len__(self) -> int:
        """How many issues were handed over."""
        return len(self._issues)

    def add(self, issue: str, articles: Iterable[Article], fingerprint: str) -> None:
        """Hand over an issue's articles, to replace the issue's documents at the commit."""
        if issue in self._issues:
            raise ValueError(f"issue {issue} is already in this batch")
        self._issues.add(issue)
        job = (issue, [article_fields(a, fingerprint) for a in articles])
        if self._workers is not None:
            self._workers.put(job)
            return
        self._held.append(job)
        self._chars += sum(len(t) for d in job[1] for t in analysed_texts(d))
        if self._chars >= PARALLEL_MIN_CHARS:
            self._workers = WorkerBuild(
                self._ix,
                partial(issue_notes, mine=mined_pairs),
                self._timeout,
                full_build.SEGMENT_POSTINGS,
            )
            held, self._held = self._held, []
            for job in held:
                self._workers.put(job)

    def commit(self) -> dict[str, IssueNotes]:
        """Replace every issue handed over, in one commit; returns each issue's notes
        (build_readings.IssueNotes)."""
        if self._workers is not None:
            return self._workers.commit(self._ahead)
        if not self._held:
            return {}
        notes = {}
        with BuildWriter(self._ix, timeout=self._timeout) as writer:
            for issue, _docs in self._held:
                writer.delete_by_term("issue", issue)
            for issue, docs, analysis in full_build._analysed_ahead(self._held):
                with pretokenized(analysis=analysis):
                    for doc in docs:
                        writer.add_document(**with_marks(doc))
                    notes[issue] = issue_notes(docs, mined_pairs)
        return notes

    @property
    def lexicon(self) -> Lexicon | None:
        """After the commit, the committed index's terms and the articles holding each, where
        the workers counted them (parallel_build.WorkerBuild.commit); else None."""
        return self._workers.lexicon if self._workers is not None else None

    def cancel(self) -> None:
        """Commit nothing (workers, if started, are stopped)."""
        if self._workers is not None:
            self._workers.cancel()
