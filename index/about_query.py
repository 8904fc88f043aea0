"""Which concepts of a query a full match must say, not only name (index/salience.py says what
saying is): a full match is about the query, and one that names a specific concept of it only in
passing matches it in part."""

from __future__ import annotations

from index.compiled_query import CompiledQuery
from index.postings_scorer import PostingsScorer, Scores
from index.salience import Salience

# A concept of the query no form of which more than this share of the archive holds is specific:
# a full match must say it, not only name it in passing (said_in_full; salience.SAID says what each
# share gave). Counting the articles the whole concept matches instead cost every search an
# evaluation of each required concept over the whole archive.
# Asked only of a query that requires two concepts or more. Asked also of one concept required
# beside optional or broad ones ("AI를 활용한 과학적 발견": AI is broad), on the quality bench
# (nDCG@10 all / held-out 2 / 3 / 5 / 6 / 7, against 0.944 / 0.823 / 0.953 / 0.823 / 0.724 /
# 0.769): the articles naming it in passing matching in part, 0.945 / 0.821 / 0.941 / 0.815 /
# 0.724 / 0.768 (사운드 생성 AI 0.726 -> 0.363, AI 패권 경쟁 0.881 -> 0.727, AI를 활용한 과학적
# 발견 0.629 -> 0.907); ranked below the full matches that say it but above the partial ones,
# 0.946 / 0.822 / 0.953 / 0.830 / 0.724 / 0.767: a blind group fell, so neither is kept. Nor is
# leaving the rule out when no full match would be left (the articles holding every concept then
# matching in full): 0.938 / 0.819 / 0.953 / 0.826 / 0.719 / 0.764. Nor, of a query requiring
# one concept, its full matches that name it only in passing counting 0.8 or 0.6 of their score
# (all / new / held-out 1 to 6 / held-out 7 / held-out 8 against 0.947 / 0.916 / 0.887 / 0.841 /
# 0.962 / 0.951 / 0.908 / 0.841 / 0.774 / 0.673): 0.950 / 0.921 / 0.887 / 0.842 / 0.962 / 0.952 /
# 0.910 / 0.842 / 0.768 / 0.674 and 0.951 / 0.922 / 0.887 / 0.840 / 0.962 / 0.952 / 0.918 / 0.841
# / 0.768 / 0.675, the same at 0.8 when only a specific concept's: the open groups rose, held-out
# 7 fell (MRR 0.869 -> 0.854).
SPECIFIC_SHARE = 0.2


def specific_places(evaluator: PostingsScorer, compiled: CompiledQuery, required) -> tuple:
    """Of the required concepts (places), when there are two or more, those a full match must
    say: those no form of which more than SPECIFIC_SHARE of the archive holds (a term's count,
    read off its cached postings, as for ranking.BROAD_SHARE), else the one whose commonest
    form fewest hold; the commoner ones (능력, 방식, 모델) need only be there."""
    if len(required) < 2:
        return ()
    counts = {i: evaluator.least(compiled.concepts[i]) for i in required}
    cut = SPECIFIC_SHARE * evaluator.doc_count
    return tuple(i for i in required if counts[i] <= cut) or (min(required, key=counts.get),)


def said_in_full(searcher, evaluator, compiled: CompiledQuery, full: Scores, specific) -> Scores:
    """The full matches that say the query's specific concepts (specific_places), not only
    mention them in passing (salience.SAID); the commoner ones need only be there."""
    if not specific or not full:
        return full
    strict = compiled.in_full or compiled.concepts
    salience = Salience.of(searcher)
    pool = evaluator.pool(full)
    kept = set(full)
    for i in specific:
        kept &= salience.said(evaluator, strict[i], pool)
    return {d: s for d, s in full.items() if d in kept}
