"""Where the bulk paths' CPU goes: each stage of an import and of a first ingest, alone, in
CPU seconds and as a share of Kiwi's own work over the same text.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.bulk_stages [--copies 9] [--repeated]

The issues are those of bulk_bench (the real issues copied, renumbered and respelled in a
temporary folder, deleted after; `--repeated`: copies of the same text, as earlier rounds
measured, which understates writing the segment and the store of query analyses). Every
stage runs in this process on one thread, one after the other, on CPU time, the only clock
here (other processes on the machine change it less than wall time): respelling the copies
(the bench's own work, which bulk_bench's runs include, in neither sum), Kiwi's load and
first analysis, hashing and reading the PDFs, the schema check, reading and checking the
export (the import's parsing), the actors, the issue JSON, the index documents,
Kiwi alone (one call a text, as a build worker calls it), the terms made of its tokens, Whoosh
taking the documents and writing their segment, the mined name pairs (these five with the
garbage collector paused, as a build worker runs them: measured with it on, as before, the
terms took twice their CPU), and the store of query
analyses a build fills (index/query_analysis.py: Kiwi's reading of the indexed terms
index/build_readings.py reads at the build, their articles counted and their headlines'
terms gathered apart, the bench's own work, which a build reads off its lexicon and its
workers; of
every thesaurus form, read from the table shipped with the code (index/form_readings.py),
and of the name spellings a search for a term looks up, once per index commit),
and, in neither sum, Kiwi alone over the store's texts and over the case forms it compares
(their share of the store's cost; the case forms are those of the texts whose character
types do not decide them, see analysis_store.read_alike_by_type). An
ingest runs all but the export's reading; an import all but hashing, reading the PDFs and the
schema check.
The sums are CPU the bulk paths cannot avoid; their share of Kiwi's is the cost a bulk run
adds to Kiwi's, whatever the cores. Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from archive.extraction import schema_problem
from archive.importing import read_articles
from archive.issue_files import issue_json_bytes
from bench.bulk_bench import copy_of, renamed, synthesise
from bench.corpus import corpus_folder
from bench.reading_cut import term_facts
from bench.respelled_copies import respelled
from extract import extract_issue, file_sha256
from index import with_actors
from index.analysis import normalize, pretokenized, terms_from_morphs
from index.analysis_store import (
    STORE_NAME,
    AnalysisStore,
    case_forms,
    has_case,
    read_alike_by_type,
)
from index.build_readings import stored_texts
from index.build_writer import BuildWriter
from index.concepts import shipped_concepts
from index.documents import analysed_texts, article_fields, with_marks
from index.form_readings import shipped_readings
from index.kiwi_loader import tokenize_many
from index.mined_aliases import MinedAliases, mined_pairs
from index.query_analysis import forget, remember
from index.schema import build_schema

IMPORT_ONLY = ("read and check the export",)
RESPELLING = "respell the copies (the bench's)"  # in neither sum: not the product's work
# The store's Kiwi work timed apart (in neither sum: shares of its row): over the texts, and
# over the case forms of those with cased letters.
STORE_KIWI = "  of which Kiwi, the texts"
STORE_CASE_KIWI = "  of which Kiwi, case forms"
INGEST_ONLY = ("hash the PDFs", "read the PDFs", "schema check")
KIWI_LOAD = "load Kiwi (and its first analysis)"
READ_PDFS = "read the PDFs"
# On two cores, 0.6x the bound's wall time allows a path at most this many times Kiwi's CPU.
TARGET_OVER_KIWI = 1 / 0.6


def floors(seconds: dict[str, float]) -> dict[str, dict[str, float]]:
    """Per path, as shares of Kiwi's work over the articles: all its stages; the floor, the
    stages no cut of the product's own Python can remove (Kiwi's load, Kiwi over the
    articles and over the store's texts and case forms, which a cold search needs stored,
    and for an ingest reading the PDFs, mostly MuPDF's); what the target leaves for
    everything else; and what everything else costs now."""
    kiwi = seconds["Kiwi"]
    kiwi_work = seconds[KIWI_LOAD] + kiwi + seconds[STORE_KIWI] + seconds[STORE_CASE_KIWI]
    apart = (RESPELLING, STORE_KIWI, STORE_CASE_KIWI)
    found = {}
    for path, other_only, floor in (
        ("ingest", IMPORT_ONLY, kiwi_work + seconds[READ_PDFS]),
        ("import", INGEST_ONLY, kiwi_work),
    ):
        total = sum(v for k, v in seconds.items() if k not in (*other_only, *apart))
        found[path] = {
            "all": total / kiwi,
            "floor": floor / kiwi,
            "left": TARGET_OVER_KIWI - floor / kiwi,
            "rest": (total - floor) / kiwi,
        }
    return found


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection within the block, as in a build worker, which pauses it for
    good (the postings it holds form no cycles)."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def stages(export: Path, pdfs: list[Path], index_dir: Path) -> dict[str, float]:
    """CPU seconds of each stage, in the order a bulk run meets them."""
    import index.kiwi_loader as kiwi_loader

    kiwi_loader.use_one_thread()  # as in a build worker
    seconds: dict[str, float] = {}

    def timed(name: str, work: Callable[[], Any]) -> Any:
        started = time.process_time()
        result = work()
        seconds[name] = time.process_time() - started
        return result

    kiwi = timed(KIWI_LOAD, kiwi_loader.kiwi)
    hashes = timed("hash the PDFs", lambda: [file_sha256(p) for p in pdfs])
    parsed = timed(READ_PDFS, lambda: [extract_issue(*p) for p in zip(pdfs, hashes, strict=True)])
    copies = [copy_of(p) for p in pdfs]
    read = timed(
        RESPELLING,
        lambda: [respelled(renamed(i, n), k) for i, (n, k) in zip(parsed, copies, strict=True)],
    )
    timed("schema check", lambda: [schema_problem(i) for i in read])
    timed("read and check the export", lambda: read_articles(export))
    issues = timed("actors", lambda: [with_actors(issue) for issue in read])
    timed("issue JSON", lambda: [issue_json_bytes(issue) for issue in issues])
    docs = timed(
        "index documents", lambda: [[article_fields(a, "") for a in i.articles] for i in issues]
    )
    texts = [
        [t for t in dict.fromkeys(t for d in issue for t in analysed_texts(d)) if t.strip()]
        for issue in docs
    ]
    analyses, pairs = worker_stages(timed, kiwi, docs, texts, index_dir)
    # the terms' article counts and the headlines' terms, which a build reads off its lexicon
    # and its workers' notes, counted here apart (the bench's own work)
    lexicon, headlines = term_lexicon(docs, analyses)
    timed(
        "query analyses stored",
        lambda: store_query_analyses(lexicon, headlines, pairs, index_dir),
    )
    # What remember asked Kiwi, again, Kiwi alone: the part of the store's cost no encoding
    # can cut. A fresh store holds only the readings shipped with the code (the thesaurus
    # forms'), so it asks each other text and every case form of those with cased letters
    # whose character types do not decide them (the proof case-folded lookups rest on).
    shipped = shipped_readings()
    held = shipped.rows.keys() if shipped else set()
    stored = dict.fromkeys(map(normalize, store_texts(lexicon, headlines, index_dir)))
    texts = [t for t in stored if t.strip() and t not in held]
    cased = {t.lower() for t in texts if has_case(t)} - (shipped.alike.keys() if shipped else set())
    keys = sorted(k for k in cased if not read_alike_by_type(k))
    lower_rows = [
        k for k in sorted(cased) if k not in stored and k not in held and read_alike_by_type(k)
    ]
    asked = set(texts)
    forms = [f for f in dict.fromkeys(f for k in keys for f in case_forms(k)) if f not in asked]
    forms.extend(k for k in lower_rows if k not in forms)
    timed(STORE_KIWI, lambda: list(tokenize_many(texts)))
    timed(STORE_CASE_KIWI, lambda: list(tokenize_many(forms)))
    return seconds


def worker_stages(
    timed: Callable[[str, Callable[[], Any]], Any],
    kiwi: Any,
    docs: list[list[dict]],
    texts: list[list[str]],
    index_dir: Path,
) -> tuple[list[dict], dict]:
    """A build worker's stages over each issue's documents and distinct texts, each timed
    by `timed(name, work)`, with the collector paused as the worker pauses it: the analyses
    made of Kiwi's tokens, and the mined pairs."""
    from whoosh import index as whoosh_index

    ix = whoosh_index.create_in(index_dir, build_schema())
    writer = BuildWriter.unlocked(ix)

    def add_documents() -> None:
        for issue, analysis in zip(docs, analyses, strict=True):
            with pretokenized(analysis=analysis):
                for doc in issue:
                    writer.add_document(**with_marks(doc))

    with collector_paused():
        tokens = timed("Kiwi", lambda: [[kiwi.tokenize(t) for t in issue] for issue in texts])
        analyses = timed(
            "terms from Kiwi's tokens",
            lambda: [
                {t: terms_from_morphs(t, tk) for t, tk in zip(ts, tks, strict=True)}
                for ts, tks in zip(texts, tokens, strict=True)
            ],
        )
        timed("Whoosh takes the documents", add_documents)
        timed("Whoosh writes the segment", writer.finish_segment)
        pairs = timed(
            "mined name pairs", lambda: {str(n): mined_pairs(d) for n, d in enumerate(docs)}
        )
    return analyses, pairs


def term_lexicon(
    docs: list[list[dict]], analyses: list[dict]
) -> tuple[list[tuple[str, int]], set[str]]:
    """The indexed terms with the articles holding each, as a build reads its lexicon, and
    the terms of the headlines and KEY Contents, of each issue's documents and analysis."""
    merged = {text: terms for analysis in analyses for text, terms in analysis.items()}
    facts = term_facts([d for issue in docs for d in issue], merged)
    lexicon = sorted((term, held) for term, (held, _, _) in facts.items())
    return lexicon, {term for term, (_, head, key) in facts.items() if head or key}


def store_texts(lexicon: list[tuple[str, int]], headlines: set[str], index_dir: Path) -> list[str]:
    """The texts a build stores the analyses of (build_readings.stored_texts): the indexed
    terms it reads at the build, every thesaurus form and the name spellings around the
    terms (with the mined pairs saved)."""
    return stored_texts(lexicon, headlines, shipped_concepts(), MinedAliases(index_dir).table())


def store_query_analyses(
    lexicon: list[tuple[str, int]], headlines: set[str], pairs: dict, index_dir: Path
) -> int:
    """What a build does after its commit (SearchIndex._remember_terms) on a fresh store, in
    a process that has read none of its texts before (query_analysis keeps what it read)."""
    forget()
    MinedAliases(index_dir).save(pairs)
    store = AnalysisStore(index_dir / STORE_NAME, readings=shipped_readings)
    return remember(store, store_texts(lexicon, headlines, index_dir))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=9, help="copies of the real issues")
    parser.add_argument(
        "--repeated", action="store_true", help="copies repeat the real text (no respelling)"
    )
    args = parser.parse_args(argv)
    corpus = corpus_folder("bulk_stages")
    if corpus is None:
        return 2
    with tempfile.TemporaryDirectory(prefix="aibrief-bulk-stages-") as scratch_dir:
        scratch = Path(scratch_dir)
        export, pdfs, issues = synthesise(corpus, args.copies, scratch, args.repeated)
        (scratch / "index").mkdir()
        seconds = stages(export, pdfs, scratch / "index")
    kiwi = seconds["Kiwi"]
    bound = floors(seconds)
    articles = sum(len(issue.articles) for issue in issues)
    print(f"{len(issues)} issues, {articles} articles; CPU seconds on one thread")
    print(f"{'stage':<38}{'cpu s':>8}{'x Kiwi':>8}")
    for name, value in seconds.items():
        print(f"{name:<38}{value:8.2f}{value / kiwi:8.2f}")
    for path, share in bound.items():
        print(f"{path + ', all stages':<38}{share['all'] * kiwi:8.2f}{share['all']:8.2f}")
    print(f"against {TARGET_OVER_KIWI:.2f}x Kiwi (0.6 of the bound's wall time on two cores):")
    for path, share in bound.items():
        print(
            f"  {path}: floor {share['floor']:.2f}x (Kiwi's load, the articles', the store's"
            f"{', reading the PDFs' if path == 'ingest' else ''}), left for the rest"
            f" {share['left']:.2f}x, the rest now {share['rest']:.2f}x"
        )
    print(
        json.dumps(
            {
                "benchmark": "bulk_stages",
                "issues": len(issues),
                "articles": articles,
                "clock": "cpu",
                "repeated": args.repeated,
                "seconds": {k: round(v, 3) for k, v in seconds.items()},
                "ingest_over_kiwi": round(bound["ingest"]["all"], 3),
                "import_over_kiwi": round(bound["import"]["all"], 3),
                "floors": {p: {k: round(v, 3) for k, v in f.items()} for p, f in bound.items()},
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
