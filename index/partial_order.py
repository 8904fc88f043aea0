"""The order of the partial matches: one that lacks the query's rarest topic counts less.

The partial matches are ordered by the summed BM25F of the concepts they match (ranking), which
lets an article that says a query's common words often ("정책", "모델", "AI") outrank one that
holds the concept the query is about and little else: for "중소기업 AI 도입 지원", articles on
AI adoption alone above those that name small firms (see salience). So a partial match that lacks
the rarest of the query's topics, the required concepts that name a thesaurus concept, a country
or a name (CompiledQuery.topics), counts LACKING_RAREST of its score, when that topic is specific
(no more than about_query.SPECIFIC_SHARE of the archive matches it). Rarity is counted over the
articles the whole concept matches, all its forms: the evaluation the partial matches are summed
from, kept for the request.

Measured on the quality bench (nDCG@10 all / new / held-out 1 to 6 / held-out 7 / held-out 8,
thesaurus v43, against 0.946 / 0.915 / 0.889 / 0.840 / 0.962 / 0.951 / 0.887 / 0.830 / 0.769 /
0.666): as kept, 0.947 / 0.916 / 0.887 / 0.841 / 0.962 / 0.951 / 0.908 / 0.841 / 0.774 / 0.673
(known-item MRR 1.000); with names as topics (the alias table's or the actors table's
spellings), held-out 7 0.776, the rest unchanged. Not kept:
- the rarest of every required concept, by its commonest form's count (as about_query counts),
  at 0.5, 0.8 and 0.9: 0.932 / 0.895 / 0.852 / 0.828 / 0.963 / 0.910 / 0.916 / 0.804 / 0.782 /
  0.675, 0.943 / 0.914 / 0.880 / 0.833 / 0.962 / 0.949 / 0.908 / 0.840 / 0.777 / 0.683 and 0.946
  / 0.916 / 0.882 / 0.838 / 0.962 / 0.950 / 0.904 / 0.841 / 0.774 / 0.671: the rarest word of a
  query is often no topic ("신규", "확충", a question's verb), and articles holding it by chance
  rose (오픈AI의 신규 모델 0.898 -> 0.415 at 0.8);
- the same by the whole concept's count, 0.945 / 0.917 / 0.880 / 0.828 / 0.962 / 0.930 / 0.902 /
  0.831 / 0.777 / 0.686;
- thesaurus concepts only, no countries, 0.946 / 0.914 / 0.887 / 0.824 / 0.962 / 0.951 / 0.908 /
  0.850 / 0.775 / 0.678 (중국의 AI 규제 0.700 -> 0.516: China, the rarer topic, was not one);
- whatever the topic's share, 0.947 / 0.916 / 0.887 / 0.824 / 0.962 / 0.951 / 0.908 / 0.841 /
  0.776 / 0.681, and at most 0.3 of the archive, the same but held-out 8 0.680: a common topic
  (위험, 35 of 118 articles) is no better a guide than the score (위험 때문에 공개를 미룬 AI 모델
  0.826 -> 0.521);
- the commonest form's count instead of the whole concept's, 0.946 / 0.914 / 0.887 / 0.841 /
  0.962 / 0.951 / 0.908 / 0.845 / 0.774 / 0.671 (중국의 AI 규제 0.700 -> 0.516: AI 규제's own
  form is rarer than China, while its concept is not);
- 0.6 instead of 0.8, held-out 1 0.887 -> 0.859; with names, 0.7 and 0.9 (against 0.949 / 0.918 /
  0.887 / 0.841 / 0.962 / 0.951 / 0.908 / 0.841 / 0.776 / 0.673): 0.948 / 0.918 / 0.880 / 0.842 /
  0.962 / 0.954 / 0.910 / 0.842 / 0.779 / 0.674 (held-out 1 fell) and 0.948 / 0.917 / 0.889 /
  0.840 / 0.962 / 0.951 / 0.904 / 0.834 / 0.772 / 0.668;
- a word whose first added form is a name (its nearest spelling, 엔디비아 -> 엔비디아) a topic
  too: all 0.949 -> 0.948 (AI를 쓰면 일을 더 빨리 할 수 있나? 0.794 -> 0.721), no other query
  moved;
- with names, the partial matches that do not say the rarest topic (salience.SAID), not only
  those lacking it, counting less: 0.948 / 0.918 / 0.882 / 0.841 / 0.962 / 0.951 / 0.887 / 0.835
  / 0.775 / 0.667, the rule's own gains undone (중대 사고 발생 시 보고 의무 0.906 -> 0.733,
  AI가 기후 위기 해결에 도움이 될까? 0.962 -> 0.788);
- with names, each specific topic a partial match lacks, not only the rarest, multiplying its
  score by 0.8: held-out 6 0.841 -> 0.849, held-out 7 0.776 -> 0.773, held-out 8 0.673 -> 0.674,
  every other group unchanged.
"""

from __future__ import annotations

import numpy as np

from index.about_query import SPECIFIC_SHARE
from index.compiled_query import CompiledQuery
from index.postings_scorer import PostingsScorer
from index.score_arrays import DOCNUMS, Found, Pool

LACKING_RAREST = 0.8


def rarest_topic(evaluator: PostingsScorer, compiled: CompiledQuery, required) -> int | None:
    """The place of the rarest topic among the required concepts (places), when there are two
    required concepts or more and that topic is specific; else None."""
    topics = [i for i in required if i in compiled.topics]
    if len(required) < 2 or not topics:
        return None
    # among every article as a pool: the evaluation the partial matches were summed from, kept
    # for the request (PostingsScorer._evaluated), not made again
    every = Pool(np.arange(evaluator.doc_count, dtype=DOCNUMS), evaluator.doc_count)
    counts = {i: len(evaluator.found(compiled.concepts[i], every)) for i in topics}
    rarest = min(topics, key=counts.get)
    return rarest if counts[rarest] <= SPECIFIC_SHARE * evaluator.doc_count else None


def rarest_kept(evaluator: PostingsScorer, compiled: CompiledQuery, required, some: Found) -> Found:
    """The partial matches' scores, those of the ones lacking the rarest topic (rarest_topic)
    times LACKING_RAREST."""
    if not len(some):
        return some
    rarest = rarest_topic(evaluator, compiled, required)
    if rarest is None:
        return some
    holding = evaluator.found(compiled.concepts[rarest], Pool(some.ids, evaluator.doc_count))
    held = np.isin(some.ids, holding.ids)
    return Found(some.ids, np.where(held, some.scores, some.scores * LACKING_RAREST))
