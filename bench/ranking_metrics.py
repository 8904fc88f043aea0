"""Ranking metrics of the quality bench, each over one query's ranked article ids and its
graded articles (article id -> 1 or 2; unlisted articles count as 0)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

CUTOFF = 10


def ndcg(ranked: list[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    """Normalised discounted cumulative gain of the first `cutoff` ids, gains 2^grade - 1."""

    def dcg(gains: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:cutoff]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(a, 0) for a in ranked]) / ideal if ideal else 0.0


def reciprocal_rank(ranked: list[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    """1 / rank of the first relevant (grade >= 1) id among the first `cutoff`; else 0."""
    for rank, article_id in enumerate(ranked[:cutoff], 1):
        if grades.get(article_id, 0) > 0:
            return 1.0 / rank
    return 0.0


def recall(ranked: list[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float | None:
    """Share of the grade-2 articles among the first `cutoff` ids; None when none has grade 2."""
    wanted = {a for a, g in grades.items() if g == 2}
    if not wanted:
        return None
    return len(wanted.intersection(ranked[:cutoff])) / len(wanted)


@dataclass(frozen=True)
class QueryScores:
    """The three metrics of one query's ranking."""

    ndcg: float
    reciprocal_rank: float
    recall: float | None


def score(ranked: list[str], grades: dict[str, int], cutoff: int = CUTOFF) -> QueryScores:
    """nDCG, reciprocal rank and grade-2 recall of one ranking, all at `cutoff`."""
    return QueryScores(
        ndcg(ranked, grades, cutoff),
        reciprocal_rank(ranked, grades, cutoff),
        recall(ranked, grades, cutoff),
    )


def mean(values: Iterable[float | None]) -> float | None:
    """The mean of the values that are not None; None when there are none."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
