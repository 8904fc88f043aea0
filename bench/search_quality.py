"""Search quality on the real issues: nDCG@10, MRR and recall@10 of aibrief, of aibrief with each
of its mechanisms switched off in turn (an ablation), and of three baselines.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.search_quality [--verbose] [--unblind]

The graded queries are bench/quality/queries.tsv: article ids, grades and a class per query (see
bench/graded_queries.py). Every system indexes the same articles, extracted with
`extract.extract_issue`, in the same run, and is judged on its first ten results:

- nDCG@10, with gains 2^grade - 1;
- MRR: 1 / rank of the first article graded 1 or 2 (0 when none is among the ten). On the
  known-item queries, where one article is graded, it is the rank of that article;
- recall@10: the share of the query's grade-2 articles among the ten (queries with none left out).

Each is reported on the whole set, on the new queries (the classes worded unlike the articles)
and per class, and apart on each set of held-out queries (bench/quality/heldout.tsv to
heldout13.tsv, each judged before the changes it checks, so not in "all"). Held-out 12 and 13 are
the blind groups (graded_queries.BLIND), the sets nobody tunes on: each was written by an engineer
who had read neither the thesaurus nor any other table under index/ and who alone reads its
per-query results. The first eleven, once measured, may be analysed like the main set (held-out 4
was blind until the round that wrote held-out 5, held-out 5 until the round that wrote held-out 6:
its author also grew the thesaurus). Since then the two newest groups are the blind ones, and a
new group opens the older of them: held-out 6 was blind until the round that wrote held-out 8,
held-out 7 until the round that wrote held-out 9, held-out 8 until the round that wrote held-out 10,
held-out 9 until the round that wrote held-out 11, held-out 10 until the round that wrote
held-out 12, held-out 11 until the round that wrote held-out 13.
Then every query on which aibrief scores below 0.5 nDCG@10, and the minimum: those of the blind
groups only counted, unless --unblind.

The mechanisms beyond the words typed are keyword-only switches of `SearchIndex.search`
(`expand=False` turns concept expansion off). The bench reads them from its signature, so the
same run works before and after a mechanism exists: each flipped from its default in turn
("-expand" off, "+feedback" on for one that is off by default), and "n/a" for each of
MECHANISMS this version does not offer.
"""

from __future__ import annotations

import inspect
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.baselines import BASELINES, BaselineIndex
from bench.corpus import corpus_folder
from bench.graded_queries import BLIND, HELD_OUT_SETS, KINDS, GradedQuery, load_all_queries
from bench.ranking_metrics import CUTOFF, QueryScores, mean, score
from extract import extract_issue
from index import QueryError, SearchIndex, derive_actors

# The switches the ablation expects, by the keyword of SearchIndex.search that turns each off.
MECHANISMS = {
    "expand": "concept expansion",
    "derived": "derived words",
    "partial": "partial-match filling",
    "feedback": "pseudo-relevance feedback",
    "broader": "broader concepts of rare words",
    "broad": "words most articles hold optional",
    "countries": "articles about a country the query names raised",
    "verbs": "a question's verbs as topic nouns",
    "near": "a typed concept's words apart match in full only near one another",
    "near_forms": "a concept's other forms of several words likewise (설명 가능성)",
    "longer": "a rare word finds the longer nouns it heads (국방 -> 국방부)",
    "passing": "a country named only in passing matches in part",
    "beside": "a word a concept typed beside it holds in a form is optional (프라이버시 보호)",
    "about": "a concept named only in passing matches in part (a full match says each concept)",
    "rarest": "a partial match lacking the query's rarest topic counts less",
    "coverage": "a partial match counts the share of the query it says (flat words little)",
    "together": "a full match holding its required concepts within a few words raised",
    "respell": "a word no article holds looked up as its nearest spelling (엔디비아 -> 엔비디아)",
    "dates": "the articles of a period the query names raised (2024년, 최근, 올해)",
    "chance": "a word the articles on the rest hold by chance, or none holds, counted only",
}
LOW_NDCG = 0.5

Search = Callable[[str], list[str]]


@dataclass(frozen=True)
class System:
    """A ranked search to judge: None when this version of the index lacks it."""

    name: str
    search: Search | None
    index_seconds: float | None = None


@dataclass(frozen=True)
class Run:
    """A system's scores, one per query in the file's order (None for a system not offered)."""

    system: System
    scores: list[QueryScores] | None


def corpus_articles(corpus: Path) -> dict[str, list]:
    """Issue -> its extracted articles with their actors and countries derived (as the archive
    stores them), for every PDF in the corpus folder."""
    return {
        pdf.stem: list(derive_actors(extract_issue(pdf).articles))
        for pdf in sorted(corpus.glob("*.pdf"))
    }


def switches_of(method: Callable) -> dict[str, bool]:
    """The keyword-only parameters of `method` with a boolean default, and that default: the
    mechanisms it can turn off (default True) or on (default False)."""
    params = inspect.signature(method).parameters.values()
    keywords = [p for p in params if p.kind is p.KEYWORD_ONLY]
    return {p.name: p.default for p in keywords if isinstance(p.default, bool)}


def first_page(index: SearchIndex, **switches: bool) -> Search:
    """Search returning the ids of the first page of `index.search` with the given switches."""

    def search(query: str) -> list[str]:
        try:
            # no time budget, as on the command line: what a search finds never depends on
            # whether the spelling index was built in time (the nearest spellings)
            found = index.search(query, per_page=CUTOFF, budget=float("inf"), **switches)
            return [hit.id for hit in found.hits]
        except QueryError as error:
            print(f"search_quality: {error}", file=sys.stderr)
            return []

    return search


def aibrief_systems(index: SearchIndex, seconds: float) -> list[System]:
    """aibrief, then aibrief with each switch flipped in turn, MECHANISMS first: "-expand" is
    aibrief with concept expansion off, "+feedback" one with feedback on if it is off by default."""
    offered = switches_of(type(index).search)
    systems = [System("aibrief", first_page(index), seconds)]
    for switch in [*MECHANISMS, *(s for s in offered if s not in MECHANISMS)]:
        if switch not in offered:
            systems.append(System(f"aibrief -{switch}", None))
            continue
        on = offered[switch]
        flipped = first_page(index, **{switch: not on})
        systems.append(System(f"aibrief {'-' if on else '+'}{switch}", flipped))
    return systems


def baseline_systems(articles: list, folder: Path) -> list[System]:
    """Each baseline, indexed over the same articles."""
    systems = []
    for name in BASELINES:
        started = time.perf_counter()
        baseline = BaselineIndex(folder / name, name)
        baseline.add(articles)
        systems.append(System(name, baseline.article_ids, time.perf_counter() - started))
    return systems


def judge(system: System, queries: Sequence[GradedQuery]) -> Run:
    """The system's scores on every query."""
    if system.search is None:
        return Run(system, None)
    return Run(system, [score(system.search(q.text), q.grades) for q in queries])


def query_groups(queries: Sequence[GradedQuery]) -> dict[str, list[int]]:
    """Group name -> positions of its queries: "all", "new", each class (the main set), then each
    held-out set."""
    main = [i for i, q in enumerate(queries) if not q.held_out]
    groups = {"all": main, "new": [i for i in main if queries[i].new]}
    for kind in KINDS:
        groups[kind] = [i for i in main if queries[i].kind == kind]
    for group in HELD_OUT_SETS:
        groups[group] = [i for i, q in enumerate(queries) if q.held_out == group]
    return groups


def group_mean(run: Run, metric: str, positions: list[int]) -> float | None:
    """The mean of one metric over the given queries; None for a system not offered."""
    if run.scores is None:
        return None
    return mean(getattr(run.scores[i], metric) for i in positions)


def cell(value: float | None, width: int) -> str:
    return f"{value:{width}.3f}" if value is not None else f"{'n/a':>{width}}"


def print_summary(runs: list[Run], groups: dict[str, list[int]]) -> None:
    """One line per system: the headline figures and the time it took to index."""
    columns = [
        ("nDCG all", "ndcg", "all"),
        ("nDCG new", "ndcg", "new"),
        ("MRR all", "reciprocal_rank", "all"),
        ("MRR known", "reciprocal_rank", "known-item"),
        ("R@10 all", "recall", "all"),
        ("R@10 new", "recall", "new"),
        ("nDCG held", "ndcg", "held-out"),
        ("nDCG hld2", "ndcg", "held-out 2"),
        ("nDCG hld3", "ndcg", "held-out 3"),
        ("nDCG hld4", "ndcg", "held-out 4"),
        ("nDCG hld5", "ndcg", "held-out 5"),
        ("nDCG hld6", "ndcg", "held-out 6"),
        ("nDCG hld7", "ndcg", "held-out 7"),
        ("nDCG hld8", "ndcg", "held-out 8"),
        ("nDCG hld9", "ndcg", "held-out 9"),
        ("nDCG h10", "ndcg", "held-out 10"),
        ("nDCG h11", "ndcg", "held-out 11"),
        ("nDCG h12", "ndcg", "held-out 12"),
        ("nDCG h13", "ndcg", "held-out 13"),
    ]
    print(f"{'system':20}" + "".join(f"{label:>10}" for label, _, _ in columns) + "   index s")
    for run in runs:
        figures = "".join(cell(group_mean(run, m, groups[g]), 10) for _, m, g in columns)
        seconds = run.system.index_seconds
        print(f"{run.system.name:20}{figures}" + (f"{seconds:10.1f}" if seconds else ""))


def print_by_group(title: str, metric: str, runs: list[Run], groups: dict[str, list[int]]) -> None:
    """One metric of every system on every group of queries."""
    print(f"\n{title}")
    # twelve wide, so that the longest group name, "held-out 10", is printed whole
    print(f"{'system':20}" + "".join(f"{name[:11]:>12}" for name in groups))
    for run in runs:
        figures = "".join(cell(group_mean(run, metric, p), 12) for p in groups.values())
        print(f"{run.system.name:20}{figures}")
    print(f"{'queries':20}" + "".join(f"{len(p):>12}" for p in groups.values()))


def print_low(run: Run, queries: Sequence[GradedQuery], unblind: bool = False) -> None:
    """Every query the system scores below LOW_NDCG on, worst first, and its minimum; those of
    the BLIND groups only counted unless `unblind`, so that nobody tunes on them by accident."""
    if run.scores is None:
        return
    ranked = sorted(zip(run.scores, queries, strict=True), key=lambda pair: pair[0].ndcg)
    low = [(s, q) for s, q in ranked if s.ndcg < LOW_NDCG]
    shown = [(s, q) for s, q in ranked if unblind or q.held_out not in BLIND]
    worst, query = shown[0]
    print(
        f"\n{run.system.name}: {len(low)} queries below {LOW_NDCG} nDCG@10, minimum "
        f"{worst.ndcg:.3f} ({query.text})"
    )
    hidden = Counter(q.held_out for _, q in low if not unblind and q.held_out in BLIND)
    if hidden:
        in_order = sorted(hidden.items(), key=lambda item: BLIND.index(item[0]))
        where = ", ".join(f"{count} in {group}" for group, count in in_order)
        print(f"  ({where}: not listed, --unblind lists them)")
    for s, q in low:
        if unblind or q.held_out not in BLIND:
            print(f"  {s.ndcg:.3f}  {q.kind:11}{f' ({q.held_out})' if q.held_out else ''} {q.text}")


def report(
    runs: list[Run], queries: Sequence[GradedQuery], verbose: bool, unblind: bool = False
) -> None:
    """The summary, each metric by group, and the low queries of aibrief (of all with verbose)."""
    groups = query_groups(queries)
    legend = ", ".join(f"-{switch} {what}" for switch, what in MECHANISMS.items())
    print(f"aibrief -SWITCH (+SWITCH) is aibrief with one switch off (on): {legend}\n")
    print_summary(runs, groups)
    print_by_group("nDCG@10 by class", "ndcg", runs, groups)
    print_by_group("MRR by class", "reciprocal_rank", runs, groups)
    print_by_group("recall@10 of the grade-2 articles by class", "recall", runs, groups)
    for run in runs if verbose else runs[:1]:
        print_low(run, queries, unblind)


def main() -> int:
    corpus = corpus_folder("search_quality")
    if corpus is None:
        return 2
    queries = load_all_queries()
    issues = corpus_articles(corpus)
    articles = [a for batch in issues.values() for a in batch]
    new = sum(q.new and not q.held_out for q in queries)
    held = sum(bool(q.held_out) for q in queries)
    print(
        f"{len(queries) - held} graded queries ({new} new) and {held} held out over "
        f"{len(articles)} articles in {len(issues)} issues; each system judged on its first "
        f"{CUTOFF} results"
    )
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        index = SearchIndex.open(Path(tmp) / "aibrief")
        index.rebuild((issue, batch, issue) for issue, batch in issues.items())
        systems = aibrief_systems(index, time.perf_counter() - started)
        systems += baseline_systems(articles, Path(tmp))
        runs = [judge(system, queries) for system in systems]
    report(runs, queries, "--verbose" in sys.argv, "--unblind" in sys.argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
