"""A full match that holds the query's concepts together, in one passage, ranks above one that
holds them apart (the term dependence of passage retrieval: Tao and Zhai's minimum span).
Off unless asked (`together=True`): the third blind group, held-out 9, did not move with it
(0.648 either way), held-out 8 neither, and it costs a sixth of the warm p95 at 10,000 articles.

Of a query that requires two concepts or more of a full match (ranking.required_concepts: the
words most articles hold and the head nouns aside), the RAISED best full matches by score are
read: one where a stretch of WINDOW positions of its text holds a form of every required
concept it holds there (a concept's other forms, siblings and narrower terms count as the
concept; a form of several words is found by its rarest word) counts 1 + RAISE of its score.
Positions run on through an article's headline, KEY Contents, body and sources, with
analysis.PART_GAP (100) between the parts and no gap between bullets or sentences, so a stretch
never spans two parts; they are read from the index's postings of the forms each article holds,
for those of the RAISED that the raise could bring among the page's (a score within 1 + RAISE
of the last one's). Over the main graded queries at 10,000 articles (bench.api_latency's
index), each query's fastest of three warm runs with and without it alternately in one process,
the best 50 read cost 2.5 CPU-ms a search and took p95 from 10.6 to 17.5 CPU-ms (load 5); the
best 20, each word's articles found in its cached postings by bisection, 1.1 CPU-ms, p95 10.7
-> 12.3 (the 10,000 are copies of 118 articles, so that 20 tie: in an archive of distinct
articles fewer are within reach of the page).

Measured on the quality bench (nDCG@10 all / new / held-out 1 to 6 / held-out 7 / held-out 8,
thesaurus v43, against 0.949 / 0.918 / 0.887 / 0.842 / 0.962 / 0.952 / 0.907 / 0.851 / 0.775 /
0.673, known-item MRR 1.000): switched on, held-out 2 0.844 and held-out 7 0.777 (its MRR 0.869 ->
0.874), every other group the same. Few full matches compete over two concepts or more: among
the best 50 full matches of the open queries that require two, the grade-2 articles' concepts
stand within 5 positions of one another in 98 of 133, the ungraded ones' in 37 of 81, and
three open queries move (유해한 답변을 막는 장치 0.587 -> 0.656, 리스크 기반 규제 0.770 ->
0.776, AI가 일자리에 미치는 영향은? 0.949 -> 0.946). Not kept, the open groups measured over
their queries in one process (all / new / held-out 1 to 6, against 0.9489 / 0.9181 / 0.8871 /
0.8415 / 0.9619 / 0.9519 / 0.9071 / 0.8512), the blind ones by the whole bench where it ran:
- windows of 3, 5 and 20 at 0.1: held-out 2 0.8417, 0.8443 and 0.8444, held-out 3 0.9547 at
  20; at 0.3, held-out 1 0.8866 at 3, 5, 10 and 20, held-out 3 0.9471 at 5 and 0.9547 at 20
  (at 10, the whole bench the same as at 0.1 to three places, the blind groups included);
- one line (the headline, a KEY Contents line, a bullet: each line's first position read off
  the stored marks, a stored-fields read per article) instead of a window, at 0.1: the same
  figures as a window of 10, the blind groups' too; at 0.3, held-out 1 0.8866;
- every concept of the query, the broad and optional ones too: in a window of 3, 5 or 10 at
  0.1, held-out 5 0.9071 -> 0.8958 (all 0.9488 / 0.9490 / 0.9488); in one line, all 0.9484
  at 0.1 and 0.9460 at 0.3; the required and the optional ones (head nouns), all 0.9479;
- where the concepts are rather than how near: the full matches holding every required
  concept in the headline or KEY Contents (before the body's first position) raised by 0.2,
  0.5 or 1.0, all 0.9499 / 0.9504 / 0.9503, held-out 2 up to 0.8545, but held-out 1 0.8821 at
  0.5 and, by the bench, held-out 7 0.775 -> 0.757 (MRR 0.869 -> 0.823); those that name a
  required concept below one mention in the body (a weight under 1, index/salience.py: only
  among the sources, or once by a sibling) counting 0.3, 0.5 or 0.7 of their score, all 0.9504
  / 0.9494 / 0.9494, held-out 5 0.9161, held-out 6 0.8504 at 0.3 and, by the bench, held-out 7
  0.775 -> 0.770 (MRR 0.854); under 1.2 at 0.3, all 0.9530 but held-out 2 0.8396; those that
  hold a required concept only among their sources counting 0.5 or 0.8, held-out 3 0.9623, no
  other group moved.
"""

from __future__ import annotations

import numpy as np
from whoosh import query as wq

from index.phrase_positions import SHIFT, PhrasePositions
from index.postings_scorer import PostingsScorer, Scores
from index.score_arrays import DOCNUMS

# How many of the best full matches are read, how near is together, and what it adds.
RAISED = 20
WINDOW = 10
RAISE = 0.1
FIELD = "content"


def together_raised(
    searcher, evaluator: PostingsScorer, required: list, full: Scores, limit: int | None = None
) -> Scores:
    """The full matches' scores, those of the best RAISED that hold the required concepts
    together (narrowest_stretches within WINDOW) times 1 + RAISE (see the module docstring);
    of those, only the ones the raise could bring among the first `limit` (None: all) are
    read."""
    if len(required) < 2 or len(full) < 2:
        return full
    best = sorted(full, key=full.get, reverse=True)[:RAISED]
    if limit is not None and len(best) > limit:  # those that could reach the first `limit`
        best = [d for d in best if full[d] * (1 + RAISE) >= full[best[limit - 1]]]
    stretches = narrowest_stretches(searcher, evaluator, required, best)
    close = {d for d, width in stretches.items() if width <= WINDOW}
    if not close:
        return full
    return {d: s * (1 + RAISE) if d in close else s for d, s in full.items()}


def narrowest_stretches(searcher, evaluator, concepts: list, docnums) -> dict[int, int]:
    """docnum -> how many positions the narrowest stretch of its text spans that holds a form of
    every concept it holds there (absent when it holds fewer than two)."""
    among = np.array(sorted(docnums), DOCNUMS)
    holding = Holding(evaluator, among)
    reader = PhrasePositions(searcher)
    places: dict[int, list[tuple[int, int]]] = {}
    for i, concept in enumerate(concepts):
        for word, held in anchors(holding, concept).items():
            for key in reader.keys(FIELD, word, among[held]).tolist():
                places.setdefault(key >> SHIFT, []).append((key & ((1 << SHIFT) - 1), i))
    found = {d: narrowest(held) for d, held in places.items()}
    return {d: width for d, width in found.items() if width is not None}


class Holding:
    """Which of a few articles hold each word, from its cached postings, asked once a word."""

    def __init__(self, evaluator, among: np.ndarray) -> None:
        self.evaluator = evaluator
        self.among = among
        self._held: dict[str, np.ndarray] = {}

    def __call__(self, word: str) -> np.ndarray:
        """A mask over the articles: those holding the word."""
        held = self._held.get(word)
        if held is None:
            ids = self.docnums_of(word)
            at = np.searchsorted(ids, self.among)
            held = np.zeros(len(self.among), bool)
            if len(ids):
                held = ids[np.minimum(at, len(ids) - 1)] == self.among
            self._held[word] = held
        return held

    def docnums_of(self, word: str) -> np.ndarray:
        """The docnums of every article holding the word (its cached postings)."""
        return self.evaluator.weights(FIELD, word).ids


def anchors(holding: Holding, concept: wq.Query) -> dict[str, np.ndarray]:
    """word -> the articles (a mask) it stands for the concept in, for each form of the concept
    they hold: a form of several words by its rarest word, where they hold every one of them."""
    found: dict[str, np.ndarray] = {}
    for words in dict.fromkeys(forms_of(concept)):
        held = np.logical_and.reduce([holding(word) for word in words])
        if held.any():
            rarest = min(words, key=lambda word: len(holding.docnums_of(word)))
            found[rarest] = found[rarest] | held if rarest in found else held
    return found


def forms_of(q: wq.Query) -> list[tuple[str, ...]]:
    """The words of each form of a concept's query in the searched text (a term, a phrase, a
    near query, an And of terms), in its order; forms in other fields are left out."""
    if isinstance(q, wq.Term):
        return [(q.text,)] if q.fieldname == FIELD else []
    if isinstance(q, wq.Phrase):  # a near query too
        return [tuple(q.words)] if q.fieldname == FIELD else []
    if isinstance(q, wq.And) and all(isinstance(sub, wq.Term) for sub in q.subqueries):
        words = tuple(sub.text for sub in q.subqueries if sub.fieldname == FIELD)
        return [words] if words else []
    found: list[tuple[str, ...]] = []
    for sub in getattr(q, "subqueries", ()):
        found += forms_of(sub)
    return found


def narrowest(places: list[tuple[int, int]]) -> int | None:
    """How many positions the narrowest window spans that holds a place of every concept among
    (position, concept) `places`; None when they hold fewer than two concepts."""
    wanted = len({concept for _, concept in places})
    if wanted < 2:
        return None
    places = sorted(places)
    counts: dict[int, int] = {}
    best = None
    left = 0
    for position, concept in places:
        counts[concept] = counts.get(concept, 0) + 1
        while len(counts) == wanted:
            width = position - places[left][0] + 1
            best = width if best is None else min(best, width)
            first = places[left][1]
            counts[first] -= 1
            if not counts[first]:
                del counts[first]
            left += 1
    return best
