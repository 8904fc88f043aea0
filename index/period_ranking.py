"""The periods a query's time words say (index/time_words.py), in its ranking: the articles of
those periods raised, and the oldest and newest issues held, from which 올해 and 최근 count."""

from __future__ import annotations

from index.postings_scorer import PostingsScorer, Scores
from index.score_raise import raised
from index.searcher_state import kept_with
from index.time_words import in_period

# An article of a period the query's time words say has its score raised by this share, among
# the full and among the partial matches, as one about a country the query names is
# (country_ranking.COUNTRY_BOOST): a preference, never a filter (issue: is the filter).
PERIOD_BOOST = 1.0


def held_issues(searcher):
    """A callable giving the oldest and the newest issue the searcher's index holds (None:
    none), found on first call and kept with the searcher."""

    def held() -> tuple[str, str] | None:
        issues = PostingsScorer.of(searcher).columns["issue"]
        return kept_with(searcher, "held", lambda: (min(issues), max(issues)) if issues else None)

    return held


def raised_in(searcher, periods: tuple[tuple[str, str], ...], scores: Scores) -> Scores:
    """The scores with those of the articles of the periods raised by PERIOD_BOOST. The
    articles of each period asked are found once per searcher; only those among the scores are
    visited, as the country raise visits only the articles about the country."""
    issues = PostingsScorer.of(searcher).columns["issue"]
    within = kept_with(
        searcher,
        f"period {periods}",
        lambda: frozenset(d for d, issue in enumerate(issues) if in_period(issue, periods)),
    )
    return raised(scores, within, PERIOD_BOOST)
