"""How much an article says of a concept of the query, not only whether it holds it.

An article that names a concept once in passing (a footnote, a closing remark) holds its words
but is not about it. What an article says of a concept is read off the weighted frequency the
index keeps of each term (index/analysis.PART_WEIGHTS: a word in the headline counts 4, in the
KEY Contents 2, in the body 1, among the sources 0.5; a stem half of that), times the weight of
the form that matched (the word typed 1.0, another form of its concept less: clause_forms). A
concept's forms count by the best of them; a phrase or a form of several words by the least of
its words. An article about a country the query names (its `country` field) says it in full, as
one whose headline is about a member of a group of actors the query names (빅테크) says the group.

SAID is what makes a concept said: the word typed once in the headline or the KEY Contents, twice
in the body, or once in the body and once among the sources; another form of its concept, whose
weight is below 1, more often or more prominently. about_query requires it of the specific
concepts a full match must match (about_query.SPECIFIC_SHARE), when it must match two or more.
Measured on the quality bench (nDCG@10 all / new / held-out 1 to 6 on thesaurus v28; without the
rule 0.941 / 0.908 / 0.884 / 0.802 / 0.940 / 0.910 / 0.835 / 0.678), each concept a full match
must match said: at 1.5, 0.942 / 0.911 / 0.890 / 0.823 / 0.945 / 0.910 / 0.823 / 0.679; at 1.2
alike but held-out 2 0.817; at 2, held-out 0.882 and held-out 2 0.799; at 3, held-out 3 0.910.
Generic words (능력, 방식, 처리) are said in passing by the very articles about the rest, so the
rule asks it only of the specific concepts: no form held by more than 0.2 of the archive, else
the one whose commonest form fewest hold, 0.943 / 0.911 / 0.889 / 0.823 / 0.947 / 0.918 / 0.823
/ 0.679 (by the articles the whole concept matches, at most 0.2: 0.942 / 0.909 / 0.884 / 0.828 /
0.955 / 0.918 / 0.823 / 0.679, at a concept's evaluation per search; at most 0.1 or 0.15: all
0.941; the rarest concept alone: held-out 0.876). All but one concept said, or one, gave 0.942
and 0.941 on all, held-out 4 0.902 both; the articles that hold every concept but say one only
in passing ranked first among the partial matches (a middle tier) 0.938 on all and 0.678 on
held-out 6: what the rule gains is that a strong partial match may outrank them. Held-out 5
loses one query in every variant: 중소기업 AI 도입 지원 0.983 -> 0.726, whose articles naming
small firms once now fall below those on AI adoption alone."""

from __future__ import annotations

import math

import numpy as np
from whoosh import query as wq

from index.near_query import Near
from index.score_arrays import NOTHING, Found, Pool, combined
from index.searcher_state import kept_with

# The least weight at which an article says a concept, not only mentions it (see the docstring).
SAID = 1.5
# A word of the `title` field (title:, or a headline query) weighs what one in `content`'s
# headline part does.
TITLE_WEIGHT = 4.0
# Fields whose terms say what the article is about, whatever their weight (query_builder: an
# article about a member of a group of actors, 빅테크, by its headline's subject).
ABOUT_FIELDS = frozenset({"subject"})


class Salience:
    """The weight each article gives a query, read off one searcher's postings."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self.size = searcher.reader().doc_count_all()

    @classmethod
    def of(cls, searcher) -> Salience:
        """The salience kept with a searcher (made on first use)."""
        return kept_with(searcher, "salience", lambda: cls(searcher))

    def said(self, evaluator, q: wq.Query, within: Pool) -> set[int]:
        """The docnums of `within` that say what `q` looks for (weight at least SAID)."""
        kept = evaluator.matching_parts(q)  # the same weights, its dead parts unwalked
        if kept is None:
            return set()
        found = self.weight(evaluator, kept, within)
        return set(found.ids[found.scores >= SAID].tolist())

    def weight(self, evaluator, q: wq.Query, within: Pool) -> Found:
        """docnum -> the weight the articles of `within` give the query (see the docstring)."""
        boost = getattr(q, "boost", 1.0)
        if isinstance(q, wq.Term):
            found = self._term(evaluator, q.fieldname, q.text, within)
            # an article about the query's actor says it, whatever the term's score (0 for a
            # group's member: query_builder)
            return found if q.fieldname in ABOUT_FIELDS else found.boosted(boost)
        if isinstance(q, wq.Or | wq.DisjunctionMax):
            parts = [self.weight(evaluator, sub, within) for sub in q.subqueries]
            return combined(parts, self.size, True).boosted(boost)
        if isinstance(q, wq.And):
            return self._least(evaluator, q.subqueries, within).boosted(boost)
        if isinstance(q, Near | wq.Phrase):
            matched = evaluator.found(q, within)
            words = [wq.Term(q.fieldname, word) for word in q.words]
            return self._least(evaluator, words, Pool(matched.ids, self.size)).boosted(boost)
        matched = evaluator.found(q, within)  # anything else is said wherever it matches
        return Found(matched.ids, np.full(len(matched), math.inf))

    def _least(self, evaluator, queries, within: Pool) -> Found:
        """The articles every query matches, each with the least of their weights."""
        least = None
        for sub in queries:
            part = self.weight(evaluator, sub, within)
            if least is not None:
                at = np.searchsorted(least.ids, part.ids)
                at[at == len(least)] = 0
                kept = least.ids[at] == part.ids
                part = Found(part.ids[kept], np.minimum(part.scores[kept], least.scores[at[kept]]))
            least = part
            if not len(least):
                return NOTHING
            within = Pool(least.ids, self.size)
        return least if least is not None else NOTHING

    def _term(self, evaluator, field: str, text: str, within: Pool) -> Found:
        """The term's weights in the articles of `within`, from those the evaluator read to
        score it (PostingsScorer.weights), a `title` word's as a headline word's."""
        found = within.restrict(evaluator.weights(field, text))
        if field in ABOUT_FIELDS or not self.searcher.schema[field].scorable:
            # a filter field (country) says all it holds: the article is about the country; so
            # does the headline's subject, by which a group of actors matches its members
            return Found(found.ids, np.full(len(found), math.inf))
        return found.boosted(TITLE_WEIGHT) if field == "title" else found
