"""BM25F's parameters, in one place for the two scorers that must agree: Whoosh's weighting
model (the searchers', and Whoosh's own matchers) and the array scorer (postings_scorer)."""

from __future__ import annotations

from whoosh import scoring

# Whoosh's defaults.
B, K1 = 0.75, 1.2


def weighting() -> scoring.WeightingModel:
    """BM25F, as the evaluator computes it."""
    return scoring.BM25F(B=B, K1=K1)
