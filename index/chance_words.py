"""Words a query requires that the articles on the rest of it hold by chance.

A question or a phrase typed in full brings words that name no topic (신규, 믿을, 유럽산, 움직임,
막을까, 소식), and a full match must hold each of them: the articles about the rest of the query
that do not happen to write the word fall among the partial matches. Such a word is told by its lift
among the articles matching the rest of the query: the share of them that hold it over the share of
the archive that does. A word the query is about is held more often where the rest is; one held by
chance, no more often than anywhere. So a required concept that names no topic
(CompiledQuery.topics), that some article on the rest holds, at a lift below LIFT, is counted, not
required, as a broad word is (ranking.required_concepts); and so is one that no article holds at
all, which no full match can hold. A query with such a word has no full match still: every match is
partial (the ranking reports them so, the word among those each lacks), and the articles on the rest
come first among them.

How well the lift separates, over the open sets' queries (the main set and held-out 1 to 10): of
their 383 required words that name no topic, the 7 some article on the rest holds at a lift below 1
are all words the articles graded 2 lack (신규 0.30, 믿을 0.50, 유럽산 0.68, 막을까 0.70, 움직임
0.84, 변화 0.86, 확인 0.98), and the next 19, from 1.09 (써) to 1.97, all but two (open, 지능형)
words they hold. The words no article on the rest holds while some article does do not separate: the
articles graded 2 hold 20 of those 61.

Counted rather than required, the word lets the articles on the rest match in full, often more than
a page: ranked by BM25F alone where, as partial matches, they had the feedback that runs when the
full matches do not fill a page (feedback.FEEDBACK_BELOW). So the feedback is decided by the full
matches that hold the word, as it was without the rule (`typed`): without that, 오픈AI의 신규 모델
fell from 0.898 to 0.634 (query_terms' comment, where the rule was first measured).

Measured on the quality bench (nDCG@10; every group not named unchanged: all 0.949, new 0.918,
known-item MRR 1.000), against the rule off on 588d3f3: held-out 2 0.842 -> 0.841 (AI 규제는 혁신을
막을까? 0.424 -> 0.400), held-out 6 0.851 -> 0.853 (AI 에이전트는 아직 믿을 만한가? 0.521 -> 0.589),
held-out 9 0.833 -> 0.839 (IPCC 같은 AI 위험 국제 보고서 0.709 -> 0.914), held-out 10 0.765 either
way, and the blind held-out 11 0.720 -> 0.734 (MRR 0.776 -> 0.807, recall@10 0.851 either way); the
blind held-out 12, written meanwhile, 0.666 -> 0.667 (MRR 0.719 and recall@10 0.806 either way;
bench.search_quality on this rule rebased on 660dace, load 7 to 10). The lift alone, without the
words no article holds: held-out 9 0.833 and held-out 11 0.723 (MRR 0.776). Measured and not kept,
without the words no article holds: a lift of 0.8, the lift alone's figures; of 1.2, held-out 8
0.860 -> 0.840 (LLM 학습 안정성 1.000 -> 0.000: 안정성 at 1.16 is what it asks) and held-out 9
0.836; of 1.5, held-out 8 0.847; with the words no article on the rest holds (a lift of 0, those no
article holds among them), held-out 2 0.816 (영상만 보고 말을 배우는 AI 0.631 -> 0.000), held-out 10
0.740 (챗봇 대화 기록으로 본 AI 활용 0.826 -> 0.000) and held-out 11 0.724 (MRR 0.803, recall@10
0.851 -> 0.820), though held-out 6 0.862 and held-out 9 0.855; those only where the word's expected
count among them is 1 or more, the lift alone's figures. With the words no article holds, the topics
no article holds too: the same figures as kept; the topics at a lift below 1 too, held-out 6 0.851
and held-out 11 0.731 (AI 에이전트는 아직 믿을 만한가? 0.589 -> 0.521).
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as wq

from index.compiled_query import CompiledQuery
from index.postings_scorer import PostingsScorer, Scores
from index.score_arrays import Found, Pool, combined, found_of

# A word whose lift among the articles on the rest of the query is below this is held there by
# chance (below, not at: in an archive of a few articles, a word the rest covers is at 1).
LIFT = 1.0


@dataclass(frozen=True)
class Relaxed:
    """The concepts a full match must match and those it need not, once the words held by
    chance are counted only; how many articles match the rest with those words too (None: no
    word was relaxed), and the places of the words no article holds."""

    narrow: list
    broad: list
    typed: int | None = None
    unheld: tuple[int, ...] = ()


def relaxed(
    evaluator: PostingsScorer, compiled: CompiledQuery, narrow: list, broad: list
) -> Relaxed:
    """The required concepts (`narrow`) without those held by chance (by_chance), which join
    the counted ones (`broad`)."""
    chance = by_chance(evaluator, compiled, narrow)
    if not chance:
        return Relaxed(narrow, broad)
    kept = [g for g in narrow if not any(g is c for c in chance)]
    typed = len(evaluator.found(_and([_strict(compiled, g) for g in narrow])))
    places = [i for i, g in enumerate(compiled.concepts) if any(g is c for c in chance)]
    unheld = tuple(i for i in places if not len(evaluator.found(compiled.concepts[i])))
    return Relaxed(kept, broad + chance, typed, unheld)


def by_chance(evaluator: PostingsScorer, compiled: CompiledQuery, narrow: list) -> list:
    """The concepts of `narrow` that name no topic and that some article matching the others
    holds, at a lift below LIFT, or that no article holds at all, where some article matches
    the others; none when fewer than two are required, and never all of them."""
    if len(narrow) < 2:
        return []
    topics = {id(compiled.concepts[i]) for i in compiled.topics}
    chance = []
    for g in narrow:
        if id(g) in topics:
            continue
        rest = [_strict(compiled, o) for o in narrow if o is not g]
        on_rest = evaluator.found(_and(rest))  # over every article: each part kept for the request
        if not len(on_rest):
            continue
        held = len(evaluator.found(g))
        together = len(evaluator.found(g, Pool(on_rest.ids, evaluator.doc_count)))
        if not held or together and together * evaluator.doc_count < LIFT * held * len(on_rest):
            chance.append(g)
    return chance if len(chance) < len(narrow) else []


def _strict(compiled: CompiledQuery, concept: wq.Query) -> wq.Query:
    """The concept as a full match must match it (CompiledQuery.in_full)."""
    if not compiled.in_full:
        return concept
    place = next(i for i, g in enumerate(compiled.concepts) if g is concept)
    return compiled.in_full[place]


def _and(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.And(queries)


def everything(evaluator: PostingsScorer, full: Scores, some: Scores | Found) -> Found:
    """The full and the partial matches together, as the matches a query with a word no article
    holds counts (every one of them partial)."""
    parts = [s if isinstance(s, Found) else found_of(s) for s in (full, some)]
    return combined(parts, evaluator.doc_count, True)
