"""The trade of leaving the one-article glued pairs out of the store of query analyses: what a
build would save, and which graded queries a cold search would then answer only by loading
Kiwi. Measured, not taken.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.store_trade [--copies 9]

A glued pair is a term the index holds only as two parts joined ("저작권소송", kind "pair",
never a part, stem or lemma of its own); a one-article pair is one that a single article
holds. The saving: Kiwi's work over those of the store's texts, on one thread in CPU seconds
(with the terms made of its tokens), against Kiwi's over the articles' texts, at `--copies`
respelled copies of the real issues (bulk_bench's issues; 9: 54 issues). The cost: over the
six real issues' index (built in a temporary folder), every graded query of every group is
searched once (no time budget, the analyses in memory dropped before each, in a fresh
SearchIndex) while the texts it asks the store for are recorded; a cold search loads Kiwi
when one of them is neither stored nor read from a proven case form. Counted with the store
as a build fills it and without the one-article pairs. Prints the group counts (the blind
groups' queries are not listed) and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from contextlib import suppress
from pathlib import Path
from unittest import mock

from bench.bulk_bench import synthesise
from bench.bulk_stages import store_texts, term_lexicon
from bench.corpus import corpus_folder
from bench.graded_queries import BLIND, load_all_queries
from bench.search_quality import corpus_articles
from index import QueryError, SearchIndex, with_actors
from index.analysis import analyze_many, normalize
from index.analysis_store import STORE_NAME, AnalysisStore
from index.documents import analysed_texts, article_fields
from index.form_readings import shipped_readings
from index.kiwi_loader import kiwi
from index.mined_aliases import MinedAliases, mined_pairs
from index.query_analysis import _analysis
from index.query_words import forget_analyses


def one_article_pairs(docs: list[list[str]], analyses: dict[str, list]) -> set[str]:
    """The terms held only as glued pairs, by one article (`docs`: each article's texts)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, set[int]] = defaultdict(set)
    for number, texts in enumerate(docs):
        for text in texts:
            for term in analyses.get(text, ()):
                kinds[term.text].add(term.kind)
                holders[term.text].add(number)
    return {t for t, k in kinds.items() if k == {"pair"} and len(holders[t]) == 1}


def bulk_saving(corpus: Path, copies: int) -> dict:
    """CPU seconds on one thread: Kiwi over the articles, Kiwi (and the terms of its tokens)
    over all of the store's texts and over its one-article pairs."""
    with tempfile.TemporaryDirectory(prefix="aibrief-store-trade-") as scratch:
        _export, _pdfs, issues = synthesise(corpus, copies, Path(scratch))
        per_issue = [[article_fields(a, "") for a in with_actors(i).articles] for i in issues]
        MinedAliases(Path(scratch)).save(
            {str(n): mined_pairs(docs) for n, docs in enumerate(per_issue)}
        )
        docs = [[t for t in analysed_texts(d) if t.strip()] for ds in per_issue for d in ds]
        texts = list(dict.fromkeys(t for d in docs for t in d))
        analyses = analyze_many(texts)
        stored = dict.fromkeys(
            map(normalize, store_texts(*term_lexicon(per_issue, [analyses]), Path(scratch)))
        )
    pairs = one_article_pairs(docs, analyses)
    store = [t for t in stored if t.strip()]
    left_out = [t for t in store if t in pairs]
    return {
        "issues": len(issues),
        "kiwi_articles": _cpu(texts),
        "store_texts": len(store),
        "store_cpu": _cpu(store),
        "pairs_left_out": len(left_out),
        "pairs_cpu": _cpu(left_out),
    }


def _cpu(texts: list[str]) -> float:
    """CPU seconds of Kiwi on one thread over the texts, one call a text, with the terms."""
    analyser = kiwi()
    started = time.process_time()
    for text in texts:
        _analysis(text, analyser.tokenize(text))
    return time.process_time() - started


def asked_texts(directory: Path) -> dict[str, tuple[str, set[str]]]:
    """Query -> (its group, the texts its search asked the store for)."""
    asked: set[str] = set()
    real_get = AnalysisStore.get

    def recording(store: AnalysisStore, text: str) -> str | None:
        asked.add(text)
        return real_get(store, text)

    found = {}
    with (
        mock.patch.object(AnalysisStore, "get", recording),
        mock.patch.object(AnalysisStore, "put", lambda *args, **kwargs: True),
    ):
        for graded in load_all_queries():
            forget_analyses()
            asked.clear()
            with SearchIndex.open(directory) as index, suppress(QueryError):
                index.search(graded.text, budget=float("inf"))
            found[graded.text] = (graded.held_out or "main", set(asked))
    forget_analyses()
    return found


def loads_kiwi(store: AnalysisStore, texts: set[str]) -> bool:
    """Whether a cold search asking these texts would load Kiwi with this store."""
    return any(store.get(t) is None and store.get_case_form(t) is None for t in texts)


def without_pairs(path: Path, pairs: set[str], copy: Path) -> AnalysisStore:
    """A copy of the store at `path` without the rows (and proofs) of these texts."""
    copy.write_bytes(path.read_bytes())
    with sqlite3.connect(copy) as connection:
        for table in ("analysis", "case_forms"):
            connection.executemany(f"DELETE FROM {table} WHERE text = ?", ((t,) for t in pairs))
    connection.close()
    return AnalysisStore(copy, readings=shipped_readings)


def cold_cost(corpus: Path) -> dict:
    """The graded queries whose cold search loads Kiwi, with the full store and without the
    one-article pairs, over the six real issues."""
    issues = corpus_articles(corpus)
    with tempfile.TemporaryDirectory(prefix="aibrief-store-trade-") as tmp:
        directory = Path(tmp) / "aibrief"
        with SearchIndex.open(directory) as index:
            index.rebuild((issue, batch, issue) for issue, batch in issues.items())
        docs = [
            [t for t in analysed_texts(article_fields(a, "")) if t.strip()]
            for batch in issues.values()
            for a in batch
        ]
        analyses = analyze_many(t for d in docs for t in d)
        pairs = {normalize(t) for t in one_article_pairs(docs, analyses)}
        asked = asked_texts(directory)
        full = AnalysisStore(directory / STORE_NAME, readings=shipped_readings)
        pruned = without_pairs(directory / STORE_NAME, pairs, Path(tmp) / "pruned.sqlite3")
        stored = len(full.known())
        left_out = len(pairs & full.known())
        result = {"stored": stored, "pairs_left_out": left_out, "groups": {}, "newly": []}
        for query, (group, texts) in asked.items():
            counts = result["groups"].setdefault(group, Counter())
            counts["queries"] += 1
            with_full, with_pruned = loads_kiwi(full, texts), loads_kiwi(pruned, texts)
            counts["kiwi_full"] += with_full
            counts["kiwi_pruned"] += with_pruned
            if with_pruned and not with_full and group not in BLIND:
                result["newly"].append(query)
        full.close()
        pruned.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=9, help="copies of the real issues")
    args = parser.parse_args(argv)
    corpus = corpus_folder("store_trade")
    if corpus is None:
        return 2
    import index.kiwi_loader as kiwi_loader

    kiwi_loader.use_one_thread()  # as in bulk_stages
    saving = bulk_saving(corpus, args.copies)
    cost = cold_cost(corpus)
    k = saving["kiwi_articles"]
    print(
        f"{saving['issues']} issues: Kiwi over the articles {k:.2f} CPU s; the store's"
        f" {saving['store_texts']:,} texts {saving['store_cpu']:.2f}"
        f" ({saving['store_cpu'] / k:.3f}x);"
        f" its {saving['pairs_left_out']:,} one-article pairs {saving['pairs_cpu']:.2f}"
        f" ({saving['pairs_cpu'] / k:.3f}x)"
    )
    print(
        f"six real issues: {cost['stored']:,} texts stored, {cost['pairs_left_out']:,} of them"
        " one-article pairs; graded queries whose cold search loads Kiwi:"
    )
    print(f"{'group':<14}{'queries':>8}{'full store':>12}{'without pairs':>15}")
    for group, counts in cost["groups"].items():
        print(
            f"{group:<14}{counts['queries']:>8}{counts['kiwi_full']:>12}{counts['kiwi_pruned']:>15}"
        )
    print(
        "loading Kiwi only without the pairs (blind groups not listed): " + "; ".join(cost["newly"])
    )
    groups = {g: dict(c) for g, c in cost["groups"].items()}
    print(
        json.dumps(
            {
                "benchmark": "store_trade",
                "clock": "cpu",
                **{k2: round(v, 3) if isinstance(v, float) else v for k2, v in saving.items()},
                "real_stored": cost["stored"],
                "real_pairs_left_out": cost["pairs_left_out"],
                "groups": groups,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
