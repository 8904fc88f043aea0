"""The facet counts come in the order of their values as text, as sorting them did."""

from __future__ import annotations

import random

import numpy as np
import pytest

from index.article_columns import ColumnFacets


def counts_as_before(column: tuple, ids: list[int]) -> dict[str, int]:
    """Each value's count over the articles, its values sorted as text one search at a time."""
    tally: dict = {}
    for docnum in ids:
        tally[column[docnum]] = tally.get(column[docnum], 0) + 1
    first_seen = {value: n for n, value in enumerate(dict.fromkeys(column))}
    ordered = sorted(
        sorted(tally.items(), key=lambda item: first_seen[item[0]]), key=lambda i: str(i[0])
    )
    return {str(value): n for value, n in ordered if value != ""}


@pytest.mark.parametrize("seed", range(20))
def test_counts_are_ordered_as_the_values_sorted_as_text(seed):
    draw = random.Random(seed)
    issues = [f"{year}-{month:02d}" for year in (2009, 2010, 2025) for month in (1, 9, 10, 12)]
    columns = {
        "issue": tuple(draw.choice(issues) for _ in range(300)),
        "year": tuple(draw.choice((9, 10, 2025, 100)) for _ in range(300)),  # 10 < 9 as text
        "section": tuple(
            draw.choice(("", "정책/법제", "기술/연구", "기업/산업")) for _ in range(300)
        ),
    }
    facets = ColumnFacets(columns)
    for _ in range(3):
        ids = sorted(draw.sample(range(300), draw.randint(0, 300)))
        found = facets.counts(np.array(ids, np.int64), tuple(columns))
        for name, column in columns.items():
            assert found[name] == counts_as_before(column, ids)
            assert list(found[name]) == list(counts_as_before(column, ids))
