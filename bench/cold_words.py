"""Which words of the graded queries a cold search answers without loading Kiwi, after an
ingest of the real issues: the promise the store of query analyses keeps (see
index/build_readings.py for what a build reads into it).

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.cold_words [--home DIR]

Without --home the real issues are ingested into a temporary home first (Archive.ingest).
Each word of each query of the main set and of every held-out group that is not blind
(bench.graded_queries.BLIND: those are not read), and each whole query, is searched once as a
cold search would (the analyses held in memory dropped before each, no time budget, so that
every optional step runs), with the store as the ingest left it (what a search would add is
not written). A search loads Kiwi when a text it asks for is neither stored nor read from a
proven case form. Counted: the words and queries that find something, and of those the ones
that load Kiwi, each listed with the kind of its characters. Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from contextlib import suppress
from pathlib import Path
from unittest import mock

import index.query_analysis as query_analysis
from bench.corpus import corpus_folder
from bench.graded_queries import BLIND, HELD_OUT_SETS, load_queries
from index import QueryError, SearchIndex
from index.analysis_store import AnalysisStore
from index.query_words import forget_analyses


def kind(text: str) -> str:
    """The characters a term is made of."""
    if re.fullmatch(r"[\d.,%]+", text):
        return "number"
    if re.fullmatch(r"[\x00-\x7f]+", text):
        return "latin"
    if re.fullmatch(r"[가-힣]+", text):
        return "hangul"
    return "mixed"


def graded_texts() -> list[str]:
    """The queries of the main set and the held-out groups that are not blind."""
    queries = load_queries()
    for group, path in HELD_OUT_SETS.items():
        if group not in BLIND:
            queries += load_queries(path, held_out=group)
    return [q.text for q in queries]


def cold(directory: Path, texts: list[str]) -> dict[str, tuple[bool, bool]]:
    """Text -> (whether its search finds something, whether it loads Kiwi)."""
    asked: list[str] = []
    real = query_analysis.kiwi_analysis

    def recording(text: str):
        asked.append(text)
        return real(text)

    found = {}
    with (
        mock.patch.object(query_analysis, "kiwi_analysis", recording),
        mock.patch.object(AnalysisStore, "put", lambda *args, **kwargs: True),
        SearchIndex.open(directory) as index,
    ):
        for text in texts:
            forget_analyses()
            asked.clear()
            total = 0
            with suppress(QueryError):
                total = index.search(text, budget=float("inf")).total
            found[text] = (total > 0, bool(asked))
    forget_analyses()
    return found


def ingested(corpus: Path, home: Path) -> None:
    """The real issues ingested into `home` (in this process, by this checkout's code)."""
    from archive import Archive

    done = Archive(home).ingest(sorted(corpus.glob("*.pdf")))
    assert done.ok, done.to_json()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="an archive of the real issues, ingested")
    args = parser.parse_args(argv)
    queries = graded_texts()
    words = list(dict.fromkeys(w for q in queries for w in q.split()))
    with tempfile.TemporaryDirectory(prefix="aibrief-cold-words-") as tmp:
        home = args.home
        if home is None:
            corpus = corpus_folder("cold_words")
            if corpus is None:
                return 2
            home = Path(tmp)
            ingested(corpus, home)
        stored = len(AnalysisStore(home / "index" / "query-analysis.sqlite3").known())
        results = {"words": cold(home / "index", words), "queries": cold(home / "index", queries)}
    print(f"{stored:,} texts stored; searched cold (the blind groups not read):")
    summary = {}
    for name, found in results.items():
        finding = [t for t, (finds, _) in found.items() if finds]
        loading = [t for t in finding if found[t][1]]
        kinds = Counter(kind(t) for t in loading)
        summary[name] = {
            "searched": len(found),
            "finding": len(finding),
            "loading_kiwi": len(loading),
            "kinds": dict(kinds),
            "listed": loading,
        }
        print(
            f"  {name}: {len(found)}, {len(finding)} find something, {len(loading)} of them"
            f" load Kiwi {dict(kinds)}: {', '.join(loading)}"
        )
    print(json.dumps({"benchmark": "cold_words", "stored": stored, **summary}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
