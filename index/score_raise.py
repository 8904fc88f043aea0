"""Raising the scores of some articles by a share of their own: how the country and the period
a query names lift the articles about them above the others, matched alike."""

from __future__ import annotations

from collections.abc import Set

from index.postings_scorer import Scores


def raised(scores: Scores, chosen: Set[int], boost: float) -> Scores:
    """The scores with those of the chosen articles among them multiplied by 1 + `boost`; the
    same scores when none of them is among them."""
    among = chosen & scores.keys()
    if not among:
        return scores
    lifted = dict(scores)
    for d in among:
        lifted[d] *= 1.0 + boost
    return lifted
