"""The actor and country facets, read once per searcher into arrays: each article's names as
the index holds them, counted as a Counter of the matching articles' names would be, and read
anew after a commit under an index kept open."""

from __future__ import annotations

from collections import Counter
from itertools import chain

import numpy as np
import pytest

from index import SearchIndex, derive_actors
from index.actor_facets import ActorColumns, ValuePairs
from index.score_arrays import Pool
from tests.index.conftest import ARTICLES


def test_value_pairs_of_the_postings_hold_each_article_s_actors_and_countries(built_index):
    derived = {a.id: a for a in derive_actors([a for b in ARTICLES.values() for a in b])}
    with built_index._reading() as searcher:
        docnums = {searcher.stored_fields(d)["id"]: d for d in searcher.reader().all_doc_ids()}
        actors = ValuePairs.of_postings(searcher, "actor_name")
        countries = ValuePairs.of_postings(searcher, "country")
    assert actors.size == countries.size == len(derived)
    for article_id, docnum in docnums.items():
        names = [a.name.replace(",", " ") for a in derived[article_id].actors or ()]
        held = actors.codes[actors.starts[docnum] : actors.starts[docnum + 1]]
        assert sorted(actors.values[c] for c in held) == sorted(names), article_id
        held = countries.codes[countries.starts[docnum] : countries.starts[docnum + 1]]
        codes = derived[article_id].countries or ()
        assert sorted(countries.values[c] for c in held) == sorted(codes), article_id


@pytest.mark.parametrize("share", [0.0, 0.02, 0.49, 0.51, 0.9])
def test_value_pairs_count_a_few_articles_or_most_as_a_counter_does(share):
    draw = np.random.default_rng(11)
    names = [f"actor{n:02d}" for n in range(30)]
    column = [tuple(draw.choice(names, draw.integers(0, 5), replace=False)) for _ in range(500)]
    pairs = ValuePairs.of_column(column)
    ids = sorted(draw.choice(500, int(share * 500), replace=False).tolist())
    counts = Counter(chain.from_iterable(column[d] for d in ids))
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    assert list(pairs.counted(Pool.of(ids, 500), None).items()) == ordered
    assert list(pairs.counted(Pool.of(ids, 500), 10).items()) == ordered[:10]


def facets(index: SearchIndex) -> dict[str, dict[str, int]]:
    result = index.search("AI")
    return {name: result.facets[name] for name in ("actor", "country")}


def opened_anew(index: SearchIndex) -> dict[str, dict[str, int]]:
    """The facets of a search by another SearchIndex over the same directory."""
    with SearchIndex.open(index.directory) as other:
        return facets(other)


def test_the_facets_are_read_anew_after_a_batch_and_a_rebuild(fresh_index):
    first, later = (derive_actors(ARTICLES[issue]) for issue in ("2024-04", "2025-03"))
    fresh_index.replace_issue("2024-04", first, "sha-1")
    before = facets(fresh_index)
    assert "유럽의회" in before["actor"] and "GB" not in before["country"]
    fresh_index.replace_issue("2025-03", later, "sha-2")  # the searcher read before is stale
    both = facets(fresh_index)
    assert both == opened_anew(fresh_index)
    assert "GB" in both["country"] and both != before
    fresh_index.rebuild([("2025-03", later, "sha-2")])  # another generation
    rebuilt = facets(fresh_index)
    assert rebuilt == opened_anew(fresh_index)
    assert "유럽의회" not in rebuilt["actor"] and "GB" in rebuilt["country"]


def test_the_columns_are_kept_with_the_searcher_and_read_on_first_count(built_index):
    with built_index._reading() as searcher:
        columns = ActorColumns.of(searcher)
        assert ActorColumns.of(searcher) is columns
        assert columns.facets([]) == {"actor": {}, "country": {}}
