"""How bursty a word of a query is in the archive: where an article holds it, how much it says.

A word that names a topic tends, where an article holds it, to recur there and to stand in its
headline or KEY Contents; a word a question brings (때문, 신규, 대신) or one held by chance
(확충, 글자) stands once in a body sentence. Rarity cannot tell them apart: in 118 articles both
are rare, and the rarest has the highest idf. Burstiness can (Church and Gale's E[tf | tf > 0]):
here the mean weight the index keeps of a concept's terms over the articles holding each
(analysis.PART_WEIGHTS: 4 in the headline, 2 in the KEY Contents, 1 in the body, 0.5 among the
sources), so that where a word stands counts as its repetition does. A concept's is the sum of
the weights of its `content` terms (every form's, a form of several words by each of its words)
over the number of articles holding each: read off the postings a search has cached already
(PostingsScorer.weights), an archive statistic that changes with the index, and no list.

How well it separates, on the six real issues (118 articles): the words named as generic in the
quality bench's misses, 0.50 (open, only among sources), 1.00 (확충), 1.50 (때문, 글자), 1.62
(신규), 2.08 (대신), but 9.00 (표결, which its one article is about); the query words of the open
sets that name a topic (a thesaurus concept, a country or a name) held by at most 15 articles,
297 of them, 1.92 / 2.68 / 3.81 / 9.25 / 16.42 at the 10th / 25th / 50th / 75th / 90th
percentile: 3% of them at or below 때문's 1.50, 12% at or below 대신's, and an area under the ROC
curve of 0.86 (residual idf from the same counts, 0.86; a concept's mean salience over its
holders, each form by its least word, 0.80). The open sets' other rare query words, 204 of them,
1.00 / 1.50 / 2.50 / 3.93 / 7.00. A multi-word form's words counted one by one raise a
concept's figure, which is why it is only asked of the words that name no topic (partial_order).
"""

from __future__ import annotations

from whoosh import query as wq

from index.near_query import Near
from index.postings_scorer import PostingsScorer

# Burstiness at or below FLAT counts a word as held by chance, at or above BURSTY as a topic;
# between, its share rises linearly (partial_order.covered weighs a concept by it).
FLAT = 1.0
BURSTY = 3.0
SCORED_FIELD = "content"


def burstiness(evaluator: PostingsScorer, concept: wq.Query) -> float:
    """The mean weight of the concept's `content` terms over the articles holding each (see the
    module docstring); FLAT when none is held."""
    kept = evaluator.matching_parts(concept)
    total, held = 0.0, 0
    for field, text in set(_terms(kept)) if kept is not None else ():
        if field == SCORED_FIELD:
            weights = evaluator.weights(field, text)
            total += float(weights.scores.sum())
            held += len(weights)
    return total / held if held else FLAT


def bursty_share(value: float) -> float:
    """How much of a topic a word of this burstiness is: 0 at FLAT and below, 1 at BURSTY and
    above."""
    return min(1.0, max(0.0, (value - FLAT) / (BURSTY - FLAT)))


def _terms(q: wq.Query):
    """The (field, text) of every term of the query, a phrase's and a Near's words too."""
    if isinstance(q, wq.Term):
        yield q.fieldname, q.text
    elif isinstance(q, Near | wq.Phrase):
        for word in q.words:
            yield q.fieldname, word
    elif isinstance(q, wq.AndNot):
        yield from _terms(q.a)
    else:
        for sub in getattr(q, "subqueries", ()):
            yield from _terms(sub)
