"""Actors on the real issues (AIBRIEF_CORPUS) against the hand labels of bench/actors: the
issue's targets hold on every label group, and the most named actors are whole names."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.actor_quality import (
    GROUPS,
    UNSEEN_HEADLINES,
    actor_labels,
    score_actors,
    score_subjects,
    subject_labels,
)
from index import derive_actors
from index.actor_table import actor_table
from index.aliases import alias_key
from index.headline_subject import REPORTING_WORDS

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def derived(corpus_issues):
    """Article id -> the article with its actors derived."""
    articles = [a for issue in corpus_issues.values() for a in issue.articles]
    return {a.id: a for a in derive_actors(articles)}


@pytest.mark.parametrize(
    "labels", ["subjects.tsv", *UNSEEN_HEADLINES], ids=lambda name: name.split(".")[0]
)
def test_subjects_and_countries(derived, labels):
    subjects, countries = score_subjects(derived, subject_labels(labels), verbose=False)
    assert (subjects, countries) >= (0.98, 0.98)


@pytest.mark.parametrize(
    "labels",
    ["actor_lists.tsv", *(name for name, _ in GROUPS)],
    ids=lambda name: name.split(".")[0],
)
def test_actor_precision_and_recall(derived, labels):
    precision, recall = score_actors(derived, actor_labels(labels), verbose=False)
    assert precision >= 0.9
    assert recall >= 0.9


def test_the_most_named_actors_are_whole_names(derived):
    counts = Counter(a.name for article in derived.values() for a in article.actors)
    top = [name for name, _ in counts.most_common(20)]
    assert not [n for n in top if set(n.split()) & REPORTING_WORDS]
    # Half a name ("앤 루실 패커드 재단") is neither a name of the table nor a labelled one.
    labelled = {
        alias_key(n)
        for name in ("actor_lists.tsv", *(g for g, _ in GROUPS))
        for names in actor_labels(name).values()
        for n in names
    }
    known = labelled | actor_table().by_spelling().keys()
    assert [n for n in top if alias_key(n) not in known] == []
