"""What a build reads into the store of query analyses (query_analysis.remember), so that a cold
search typed as one of those texts loads no Kiwi: the words a researcher is likely to type.

Read at the build: every indexed term that at least READ_FROM_ARTICLES articles hold or that a
headline or a KEY Contents holds, every thesaurus form (read from the table shipped with the
code, form_readings) and the name spellings a search for any indexed term looks up. Left to be
read on first use: the other terms, the long tail of the bodies and sources (a word one article
writes once, a number, a fragment of a name): a search that meets one loads Kiwi and stores its
reading when it ends, as for any word the store lacks, so that answers are the same and only
that first search's cold time differs.

Every term was read before, and Kiwi reading them alone was the largest cost a bulk run adds to
Kiwi's own over the articles. `python -m bench.reading_cut --copies 2` and `--copies 9` (the
respelled copies of bulk_bench; Kiwi's CPU s on one thread over the texts a build asks it, with
the case forms it compares, load 3.4 to 3.8), terms read / left to first use, and Kiwi's CPU s:

    rule                              12 issues, 236 articles     54 issues, 1,062 articles
    every term (before)               17,686 / 0      0.83 / 0    65,792 / 0       2.79 / 0
    2+ articles, headline or KEY       9,947 / 7,739  0.44 / 0.39 29,578 / 36,214  1.25 / 1.53
    2+ articles or headline            8,835 / 8,851  0.37 / 0.45 24,049 / 41,743  0.97 / 1.82
    2+ articles                        8,440 / 9,246  0.35 / 0.48 22,279 / 43,513  0.87 / 1.92
    3+ articles, headline or KEY       5,718 / 11,968 0.26 / 0.57 25,742 / 40,050  1.12 / 1.67
    taken: with their longer nouns    10,465 / 7,221  0.47 / 0.36 32,657 / 33,135  1.39 / 1.40

The headline and KEY Contents cost 0.09 and 0.38 s more than two articles alone and are where
an article says what it is about; a third article cuts the reading little more at 54 issues.
The longer nouns (longer_nouns: a search for 모델 reads 모델링 and 모델별, one syllable longer)
are read with their heads. Of the 711 words of the graded queries (`python -m
bench.cold_words`: main set and held-out 1 to 6, after an ingest of the six real issues) that
find something, a cold search loaded Kiwi for 226 when every term was read (inflected forms,
딥페이크를, which no build stores), and for 77 more without the longer nouns (51 of them only
for such a noun one article holds); with them 26 more, each a word that one article alone
holds (갈등, 수출, sovereign), and 4 more of the 359 whole queries (273 before).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from typing import TYPE_CHECKING, NamedTuple

from index.aliases import AliasTable
from index.analysis import analyze
from index.analysis_store import AnalysisStore
from index.concepts import ConceptTable
from index.longer_nouns import heads_of
from index.query_analysis import read_ahead

if TYPE_CHECKING:
    from index.mined_aliases import MinedAliases

READ_FROM_ARTICLES = 2  # a term this many articles hold is read at the build
LEXICON_FIELD = "content"  # the field whose terms a build reads
Lexicon = list[tuple[str, int]]  # each term of LEXICON_FIELD, and the articles holding it


class IssueNotes(NamedTuple):
    """What a build keeps of an issue's documents beside its postings, made where the issue
    is analysed (a build worker or this process): the name pairs mined from them
    (mined_aliases) and the terms of their headlines and KEY Contents."""

    pairs: list
    headline_terms: frozenset[str]


def issue_notes(docs: list[dict], mine: Callable[[list[dict]], list]) -> IssueNotes:
    """The notes of an issue's documents, its pairs mined by `mine`; within the issue's
    `pretokenized` block, whose analysis headline_terms reads."""
    return IssueNotes(mine(docs), headline_terms(docs))


def headline_terms(docs: list[dict]) -> frozenset[str]:
    """The terms of the documents' headlines and KEY Contents; read from the analysis of the
    issue's `pretokenized` block when called within it."""
    return frozenset(t.text for d in docs for name in ("title", "key") for t in analyze(d[name]))


def articles_holding(reader) -> Lexicon:
    """Each term of a Whoosh reader's `content` and how many articles hold it (the deleted
    too, as Whoosh counts them), summed over its segments' own lexicons: a reader of several
    segments asked for each term's count looks it up in every segment (at 54 respelled issues,
    67,326 terms in two segments, 1.33 to 1.52 CPU s against 0.27 to 0.30; the lexicon alone
    0.12 to 0.13, load 3.6 to 4.0)."""
    return summed_over_segments(
        ((term, info.doc_frequency()) for term, info in segment.iter_field(LEXICON_FIELD))
        for segment, _ in reader.leaf_readers()
    )


def summed_over_segments(segments: Iterable[Iterable[tuple[bytes, int]]]) -> Lexicon:
    """(term, articles holding it) pairs, of each segment's (term bytes, its articles) pairs
    in the segments' order: in the order of each term's first segment, as a reader of those
    segments reads its lexicon."""
    held: dict[bytes, int] = {}
    for counts in segments:
        for term, count in counts:
            held[term] = held.get(term, 0) + count
    return [(term.decode("utf-8"), count) for term, count in held.items()]


def read_at_build(
    lexicon: list[tuple[str, int]], headlines: Container[str], forms: Container[str] = ()
) -> list[str]:
    """The indexed terms a build reads, of (term, articles holding it) pairs: those of
    READ_FROM_ARTICLES articles or of a headline, and the terms a search for one of those
    or for a thesaurus form (`forms`) reads as its longer nouns (longer_nouns: 모델 reads
    모델링 and 모델별, which one article may hold)."""
    read = {t for t, held in lexicon if held >= READ_FROM_ARTICLES or t in headlines}
    return [
        t
        for t, _ in lexicon
        if t in read or any(head in read or head in forms for head in heads_of(t))
    ]


def stored_texts(
    lexicon: list[tuple[str, int]],
    headlines: Container[str],
    concepts: ConceptTable,
    names: AliasTable,
) -> list[str]:
    """The texts a build stores the analyses of: the indexed terms read_at_build keeps, every
    thesaurus form and the name spellings a search for any indexed term looks up."""
    forms = concepts.every_form()
    terms = [t for t, _ in lexicon]
    return [*read_at_build(lexicon, headlines, forms), *(forms | names.spellings_around(terms))]


def pairs_of(notes: dict[str, IssueNotes]) -> dict[str, list]:
    """Each issue's mined name pairs, as MinedAliases.save and table_after take them."""
    return {issue: n.pairs for issue, n in notes.items()}


def texts_of_build(
    lexicon: list[tuple[str, int]],
    notes: dict[str, IssueNotes],
    concepts: ConceptTable,
    names: AliasTable,
) -> list[str]:
    """stored_texts of a build's lexicon, the headline terms being those of its issues' notes."""
    headlines = frozenset().union(*(n.headline_terms for n in notes.values()))
    return stored_texts(lexicon, headlines, concepts, names)


def reading_ahead(
    store: AnalysisStore, concepts: ConceptTable, mined: MinedAliases
) -> Callable[[Lexicon, dict[str, IssueNotes]], None]:
    """What a build in workers begins while they write their last segments
    (parallel_build.WorkerBuild.commit): Kiwi's readings of the texts it will store for the
    terms counted so far (stored_texts, with the name spellings of the index's mined pairs
    and of those the issues counted so far add), held in memory, where storing them after
    the commit finds them. At 54 respelled issues (bulk_bench's) Kiwi's readings for the
    store are about 1.6 CPU s, which began after the commit, on cores the workers had left."""

    def read(lexicon: Lexicon, notes: dict[str, IssueNotes]) -> None:
        names = mined.table_after(pairs_of(notes))
        read_ahead(store, texts_of_build(lexicon, notes, concepts, names))

    return read
