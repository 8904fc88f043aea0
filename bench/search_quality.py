"""Search quality on the real issues: nDCG@10 and MRR of aibrief against two stock baselines.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.search_quality [--verbose]

The graded queries are bench/quality/queries.tsv (article ids and grades only). Every system
indexes the same articles, extracted with `extract.extract_issue`, in the same run.
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.baselines import BASELINES, BaselineIndex
from bench.corpus import corpus_folder
from extract import extract_issue
from index import SearchIndex

QUERIES = Path(__file__).with_name("quality") / "queries.tsv"
CUTOFF = 10


@dataclass(frozen=True)
class GradedQuery:
    """One line of the graded query file: the query, its class and its judged articles."""

    text: str
    kind: str
    grades: dict[str, int]


def load_queries(path: Path = QUERIES) -> list[GradedQuery]:
    """Every graded query of the file, in its order."""
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, kind, grades = line.split("\t")
        judged = {}
        for item in grades.split():
            article_id, grade = item.rsplit(":", 1)
            judged[article_id] = int(grade)
        queries.append(GradedQuery(text, kind, judged))
    return queries


def ndcg(ranked: list[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    """Normalised discounted cumulative gain with gains 2^grade - 1."""

    def dcg(gains: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:cutoff]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(a, 0) for a in ranked]) / ideal if ideal else 0.0


def reciprocal_rank(ranked: list[str], grades: dict[str, int]) -> float:
    """1 / rank of the first relevant (grade >= 1) article; 0 when none is returned."""
    for rank, article_id in enumerate(ranked, 1):
        if grades.get(article_id, 0) > 0:
            return 1.0 / rank
    return 0.0


def corpus_articles(corpus: Path) -> dict[str, list]:
    """Issue -> its extracted articles, for every PDF in the corpus folder."""
    return {pdf.stem: list(extract_issue(pdf).articles) for pdf in sorted(corpus.glob("*.pdf"))}


def evaluate(name: str, search, queries, verbose: bool) -> tuple[float, float, float]:
    """Mean nDCG@10, MRR and share of queries whose first hit has grade 2."""
    scores, ranks, firsts = [], [], []
    for query in queries:
        grades = query.grades
        ranked = search(query.text)
        scores.append(ndcg(ranked, grades))
        ranks.append(reciprocal_rank(ranked, grades))
        firsts.append(1.0 if ranked and grades.get(ranked[0]) == 2 else 0.0)
        if verbose and scores[-1] < 0.9:
            print(f"  {name:8} {scores[-1]:.2f}  {query.text}  -> {ranked[:5]}")
    n = len(queries)
    return sum(scores) / n, sum(ranks) / n, sum(firsts) / n


def main() -> int:
    corpus = corpus_folder("search_quality")
    if corpus is None:
        return 2
    verbose = "--verbose" in sys.argv
    queries = load_queries()
    issues = corpus_articles(corpus)
    articles = [a for batch in issues.values() for a in batch]
    print(f"{len(queries)} graded queries over {len(articles)} articles in {len(issues)} issues")
    with tempfile.TemporaryDirectory() as tmp:
        systems = {}
        started = time.perf_counter()
        aibrief = SearchIndex.open(Path(tmp) / "aibrief")
        aibrief.rebuild((issue, batch, issue) for issue, batch in issues.items())
        systems["aibrief"] = (aibrief.article_ids, time.perf_counter() - started)
        for name in BASELINES:
            started = time.perf_counter()
            baseline = BaselineIndex(Path(tmp) / name, name)
            baseline.add(articles)
            systems[name] = (baseline.article_ids, time.perf_counter() - started)
        print(f"{'system':10} {'nDCG@10':>8} {'MRR':>6} {'top=2':>6} {'index s':>8}")
        for name, (search, seconds) in systems.items():
            mean_ndcg, mrr, first = evaluate(name, search, queries, verbose)
            print(f"{name:10} {mean_ndcg:8.3f} {mrr:6.3f} {first:6.2f} {seconds:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
