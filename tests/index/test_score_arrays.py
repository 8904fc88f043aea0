"""The array operations give the very floats and orders of the dict operations they replace."""

from __future__ import annotations

import heapq
import random
from collections import Counter
from itertools import chain

import pytest

from index.actor_facets import ValuePairs
from index.score_arrays import (
    TAKE_FROM,
    Found,
    Pool,
    added,
    combined,
    found_of,
    largest,
    within_of,
    without,
)

SIZE = 400


def random_scores(seed: int, count: int) -> dict[int, float]:
    rng = random.Random(seed)
    return {d: rng.uniform(0.01, 9.0) for d in rng.sample(range(SIZE), count)}


PARTS = [random_scores(seed, count) for seed, count in enumerate((150, 90, 220, 5, 60))]


def test_an_or_adds_each_score_in_the_parts_order():
    merged: dict[int, float] = {}
    for part in PARTS:
        for d, s in part.items():
            merged[d] = merged[d] + s if d in merged else s
    found = combined([found_of(p) for p in PARTS], SIZE, best=False)
    assert found.as_dict() == merged  # equal floats, not approximately equal
    assert list(found.ids) == sorted(merged)


def test_a_disjunction_keeps_the_best_score():
    best: dict[int, float] = {}
    for part in PARTS:
        for d, s in part.items():
            best[d] = max(best.get(d, 0.0), s)
    assert combined([found_of(p) for p in PARTS], SIZE, best=True).as_dict() == best


def test_restricting_to_a_pool_keeps_its_scores_whichever_way_it_looks_up():
    scores = PARTS[2]
    for pool in ({3, 17, 250}, set(range(0, SIZE, 2))):
        kept = Pool.of(pool, SIZE).restrict(found_of(scores)).as_dict()
        assert kept == {d: s for d, s in scores.items() if d in pool}
        outside = Pool.of(pool, SIZE).exclude(found_of(scores)).as_dict()
        assert outside == {d: s for d, s in scores.items() if d not in pool}


@pytest.mark.parametrize("pool_share", [0.1, 0.5, 0.9])
def test_restricting_many_matches_keeps_the_same_ones_picked_by_place(pool_share):
    rng = random.Random(11)
    size = 8 * TAKE_FROM
    scores = {d: rng.uniform(0.01, 9.0) for d in rng.sample(range(size), 2 * TAKE_FROM)}
    pool = set(rng.sample(range(size), int(pool_share * size)))
    kept = Pool.of(pool, size).restrict(found_of(scores))
    assert kept.as_dict() == {d: s for d, s in sorted(scores.items()) if d in pool}
    assert list(kept.ids) == sorted(kept.ids)


def test_intersecting_adding_and_excluding_as_dicts_do():
    base, part = PARTS[0], {d: s for d, s in PARTS[1].items() if d in PARTS[0]}
    assert within_of(found_of(part), found_of(base)).as_dict() == {
        d: base[d] + s for d, s in part.items()
    }
    raised = dict(base)
    for d, s in part.items():
        raised[d] += s
    assert added(found_of(base), found_of(part)).as_dict() == raised
    assert without(found_of(base), found_of(PARTS[1])).as_dict() == {
        d: s for d, s in base.items() if d not in PARTS[1]
    }


@pytest.mark.parametrize("count", [1, 30, 400])
def test_the_largest_are_heapq_s_ties_included(count):
    rng = random.Random(count)
    scores = {d: float(rng.randint(0, 20)) for d in rng.sample(range(SIZE), 300)}  # many ties
    assert largest(scores, count) == heapq.nlargest(count, scores, key=scores.__getitem__)
    in_order = dict(sorted(scores.items()))  # a Found's order: by docnum
    wanted = heapq.nlargest(count, in_order, key=in_order.__getitem__)
    assert largest(found_of(scores), count) == wanted  # partial matches kept as arrays


@pytest.mark.parametrize("share", [0.01, 0.5, 1.0])
def test_value_pairs_count_as_a_counter_of_every_article_s_values(share):
    rng = random.Random(7)
    names = [f"actor{n}" for n in range(40)]
    column = [tuple(rng.sample(names, rng.randint(0, 4))) for _ in range(SIZE)]
    docnums = rng.sample(range(SIZE), int(share * SIZE))
    counts = Counter(chain.from_iterable(column[d] for d in docnums))
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    pairs, pool = ValuePairs.of_column(column), Pool.of(docnums, SIZE)
    assert pairs.counted(pool, 10) == dict(ordered[:10])
    assert list(pairs.counted(pool, None).items()) == ordered


@pytest.mark.parametrize("count", [3, 10, 60])
def test_partial_matches_as_arrays_rank_and_take_feedback_as_their_dict_does(count):
    from types import SimpleNamespace

    from index.feedback import with_feedback
    from index.match_order import best

    scores = combined([found_of(p) for p in PARTS], SIZE, best=False)
    ties = {d: 1.5 for d in list(PARTS[3])}  # equal scores, ordered by the tie order
    scores = found_of({**scores.as_dict(), **ties})
    evaluator = SimpleNamespace(tie_order=tuple(random.Random(7).sample(range(SIZE), SIZE)))
    assert best(evaluator, scores, count) == best(evaluator, scores.as_dict(), count)
    assert best(evaluator, scores, None) == best(evaluator, scores.as_dict(), None)
    feedback = PARTS[4] | {SIZE + 5: 2.0}  # and one article it does not hold
    raised = with_feedback(scores, feedback, 7.25)
    assert raised.as_dict() == with_feedback(scores.as_dict(), feedback, 7.25)  # the same floats
    assert raised.as_dict() != scores.as_dict()


def test_a_part_s_matches_are_made_as_a_plain_object_of_two_slots():
    # made hundreds of times a search: a frozen dataclass took three times as long to make
    found = found_of({3: 1.5, 1: 0.5})
    assert Found.__slots__ == ("ids", "scores") and not hasattr(found, "__dict__")
    assert (list(found.ids), list(found.scores), len(found)) == ([1, 3], [0.5, 1.5], 2)


def test_a_few_docnums_looked_up_among_many_matches_past_either_end():
    scores = found_of({d: d / 7 for d in range(100, 300)})
    pool = Pool.of({0, 99, 100, 150, 299, 300, SIZE - 1}, SIZE)  # 16 x 7 < 200 matches
    assert pool.restrict(scores).as_dict() == {100: 100 / 7, 150: 150 / 7, 299: 299 / 7}
