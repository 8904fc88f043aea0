"""Whether a change to the search path keeps every answer: the search JSON of every graded query,
saved once and compared after the change.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.same_answers --save FILE [--index DIR ...]
    AIBRIEF_CORPUS=/path/to/corpus python -m bench.same_answers --check FILE [--index DIR ...]

Each graded query of every group (bench/quality: the main set and the held-out sets) is asked
of the real issues' index (built in a temporary folder) and of each kept index `--index` names
(bench.api_latency's `--keep DIR/SIZE`, where broad queries take other paths than over a few
hundred articles). Each query is asked as /api/search asks it (the contract's JSON, hits,
`match`, expansions, related terms, facets and all), as its second page, sorted newest first,
and as every id the export lists (`article_ids`); over the real issues, also with each of the
quality bench's switches flipped from its default (on for one off by default). Searches run
without a time budget, so that the machine's load cannot cut their optional work. FILE holds
real article ids and titles: keep it outside the repository. `--check` compares the answers of
the indexes asked (a FILE saved with more of them serves a quicker check), prints each answer
that differs and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from archive.contract import search_json
from archive.search_query import SearchQuery
from bench.corpus import corpus_folder
from bench.graded_queries import load_all_queries
from bench.search_quality import MECHANISMS, corpus_articles, switches_of
from index import QueryError, SearchIndex

NO_BUDGET = float("inf")


def flipped(search: Callable) -> dict[str, dict[str, bool]]:
    """Each switch of the quality bench the search offers, flipped from its default as the
    bench flips it: "-expand" off, "+coverage" on."""
    offered = switches_of(search)
    return {
        f"{'-' if offered[name] else '+'}{name}": {name: not offered[name]}
        for name in MECHANISMS
        if name in offered
    }


def asked(index: SearchIndex, q: str, switches: bool) -> Iterator[tuple[str, object]]:
    """(what was asked, its answer) for one query over one index."""
    requests = {"page 1": {}, "page 2": {"page": 2}, "newest": {"sort": "newest"}}
    if switches:
        requests.update(flipped(type(index).search))
    for label, options in requests.items():
        try:
            result = index.search(q, budget=NO_BUDGET, **options)
            answer: object = search_json(SearchQuery(q=q), result)
        except QueryError as error:
            answer = f"QueryError: {error}"
        yield label, answer
    try:
        yield "ids", index.article_ids(q)
    except QueryError as error:
        yield "ids", f"QueryError: {error}"


def answers(index: SearchIndex, name: str, switches: bool) -> dict[str, object]:
    """Every answer over one index, keyed by index name, query and request."""
    found = {}
    for graded in load_all_queries():
        for label, answer in asked(index, graded.text, switches):
            found[f"{name}\t{graded.text}\t{label}"] = answer
    return found


def all_answers(corpus: Path, kept: list[Path]) -> dict[str, object]:
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        index = SearchIndex.open(Path(tmp) / "aibrief")
        issues = corpus_articles(corpus)
        index.rebuild((issue, batch, issue) for issue, batch in issues.items())
        found.update(answers(index, "real", switches=True))
        index.close()
    for directory in kept:
        with SearchIndex.open(directory) as index:
            if index.needs_rebuild():
                raise SystemExit(f"same_answers: {directory} must be rebuilt (bench.api_latency)")
            found.update(answers(index, str(directory), switches=False))
    return found


def differences(saved: dict[str, object], now: dict[str, object]) -> list[str]:
    """One line per answer that differs, is new or is gone, over the indexes asked now."""
    asked_now = {key.split("\t", 1)[0] for key in now}
    saved = {key: answer for key, answer in saved.items() if key.split("\t", 1)[0] in asked_now}
    lines = []
    for key in sorted(saved.keys() | now.keys()):
        if saved.get(key) != now.get(key):
            lines.append(key.replace("\t", " | "))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write every answer to FILE")
    action.add_argument("--check", type=Path, help="compare every answer with FILE")
    parser.add_argument("--index", type=Path, action="append", default=[], help="a kept index")
    args = parser.parse_args()
    corpus = corpus_folder("same_answers")
    if corpus is None:
        return 2
    now = json.loads(json.dumps(all_answers(corpus, args.index), ensure_ascii=False))
    if args.save:
        args.save.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"{len(now)} answers saved to {args.save}")
        return 0
    saved = json.loads(args.check.read_text(encoding="utf-8"))
    changed = differences(saved, now)
    for line in changed:
        print(f"differs: {line}")
    print(f"{len(now)} answers, {len(changed)} differ from {args.check}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
