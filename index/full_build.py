"""Building a whole index afresh: in this process, or in workers when the text is large."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from itertools import chain
from typing import NamedTuple

from extract.model import Article
from index.analysis import analyze_many, pretokenized
from index.build_readings import IssueNotes, Lexicon, issue_notes
from index.build_writer import BuildWriter
from index.documents import analysed_texts, article_fields, with_marks
from index.mined_aliases import mined_pairs
from index.parallel_build import ReadAhead, build_in_workers

SEGMENT_POSTINGS = 20_000_000  # a build worker's postings per segment (held in memory)
# Below this much text a build is faster in this process than forking workers that each
# load their own Kiwi (1-1.5 s).
PARALLEL_MIN_CHARS = 1_000_000


class Built(NamedTuple):
    """What a build keeps beside the index: each issue's notes, and the index's terms with
    the articles holding each where the workers counted them (else None: read them)."""

    notes: dict[str, IssueNotes]
    lexicon: Lexicon | None = None


def build_all(
    ix,
    issues: Iterable[tuple[str, Iterable[Article], str]],
    timeout: float,
    on_issue: Callable[[str], None] | None = None,
    ahead: ReadAhead | None = None,
) -> Built:
    """Index these (issue, articles, fingerprint) into an empty index, committed at once.
    PARALLEL_MIN_CHARS of text or more: in workers (which begin `ahead` while they write,
    parallel_build.WorkerBuild.commit). `on_issue(issue)` is called as each issue is
    written (in workers: handed to one)."""
    on_issue = on_issue or (lambda _issue: None)
    jobs = _documents(issues)
    head, large = _take_chars(jobs, PARALLEL_MIN_CHARS)
    if large:
        handed = _reporting(chain(head, jobs), on_issue)
        return Built(
            *build_in_workers(
                ix,
                handed,
                partial(issue_notes, mine=mined_pairs),
                timeout,
                SEGMENT_POSTINGS,
                ahead,
            )
        )
    notes = {}
    with BuildWriter(ix) as writer:
        for issue, docs, analysis in _analysed_ahead(head):
            with pretokenized(analysis=analysis):
                for doc in docs:
                    writer.add_document(**with_marks(doc))
                notes[issue] = issue_notes(docs, mined_pairs)
            on_issue(issue)
    return Built(notes)


def _reporting(jobs: Iterable[tuple], on_issue: Callable[[str], None]) -> Iterator[tuple]:
    """The jobs, calling `on_issue` with each one's issue once the next is asked for."""
    for job in jobs:
        yield job
        on_issue(job[0])


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
