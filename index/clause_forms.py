"""What one clause of a query looks for, each form weighted below the word typed: its other
spellings as a name (오픈AI / OpenAI), its stem when it carries a derivational suffix (의료용 ->
의료), the nouns a question verb's topic is named by (써 -> 사용), and the other forms and
narrower terms of its concept in the thesaurus (반도체 -> 칩, GPU); when the rest finds few
articles, the longer nouns it heads and its broader concepts.

A form whose words the analyser drops in part carries less than it says ("여러 언어" is
searched as 언어 alone: query_words.dropped_meaning): such a thesaurus form is never looked for,
and a concept typed so is looked for by its other forms alone, which stand in for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from whoosh import query as wq

from index.aliases import AliasTable
from index.compiled_query import Looked
from index.concepts import ConceptTable
from index.query_syntax import Clause
from index.query_terms import topic_nouns
from index.query_words import QueryWord, destemmed, dropped_meaning, query_word, stem_words
from index.suggest import plain_initials
from index.word_queries import in_field

# Weights of what a word also finds, relative to the word typed (1.0): another spelling of
# a name, the stem of a derived word, another form of its concept, a narrower term.
ALIAS_WEIGHT = 0.8
STEM_WEIGHT = 0.7
# A sibling's or a narrower term's weight scaled by how specific it is (its idf over the archive
# against the word typed's, at most 1: 음성 for "voice cloning" counting less than 음성 복제),
# measured and not kept (nDCG@10 all / new / held-out 1 to 6 / held-out 7 / held-out 8, against
# 0.947 / 0.916 / 0.887 / 0.841 / 0.962 / 0.951 / 0.908 / 0.841 / 0.774 / 0.673): 0.946 / 0.914 /
# 0.885 / 0.839 / 0.939 / 0.951 / 0.908 / 0.841 / 0.774 / 0.672, and against the rarest of all
# the word's forms 0.944 / 0.912 / 0.886 / 0.836 / 0.939 / 0.952 / 0.908 / 0.838 / 0.773 / 0.672:
# BM25F already weighs each form by its idf, and held-out 3 fell.
SIBLING_WEIGHT = 0.6
# The other forms of a concept whose typed form no article holds ("foundation model" where the
# Brief writes 기반모델) stand in for it: no exact word is there to rank above them. Standing in
# too for a word every article holding it names below salience.SAID (once in a body, among the
# sources, an English term in brackets), measured and not kept (on f4c53d6, against all 0.949,
# new 0.918, held-out 1 0.887): all 0.950, new 0.921, held-out 1 0.891 (그림 그리는 AI 0.837 ->
# 0.954), but held-out 3, 6, 7 and 9 0.962 -> 0.960, 0.851 -> 0.849, 0.847 -> 0.844 and 0.659 ->
# 0.655 (complementary skills 0.631 -> 0.500), the blind held-out 10 0.766 (MRR 0.865 -> 0.860)
# and 11 0.720 -> 0.719; at 2 instead of SAID, the same.
STAND_IN_WEIGHT = 1.0
NARROWER_WEIGHT = 0.5
# The broader concepts' forms (음성 for "voice cloning", which few articles name) at 0.15 and 0.45
# instead, measured and not kept: held-out 2 0.842 -> 0.840 and held-out 3 0.962 -> 0.959
# (content provenance 1.000 -> 0.933), and held-out 2 0.831 (정부와 AI 기업의 업무협약 0.847 ->
# 0.579) and held-out 6 0.851 -> 0.849; neither blind group moved.
BROADER_WEIGHT = 0.3
# A longer noun the analyser keeps whole that a word heads (국방 -> 국방부: index/longer_nouns.py)
# counts as a stem does, looked for only when the word's forms find few articles (`few`), so
# that 교육 does not find every 교육부 notice nor 경쟁 every 경쟁력 (measured both ways:
# bench/HISTORY.md, "The order of full and partial matches").
LONGER_WEIGHT = STEM_WEIGHT
# A noun naming a question verb's topic (question_verbs.tsv: "써" -> 사용) counts as the verb
# does: the Brief writes the noun, rarely the verb a question is asked with. At 0.8, 0.9 and 1.0
# nDCG@10 all / new / held-out / held-out 2 / held-out 3 were 0.934 / 0.898 / 0.853 / 0.769 /
# 0.914, 0.934 / 0.898 / 0.869 / 0.774 / 0.914 and 0.935 / 0.900 / 0.869 / 0.772 / 0.914.
VERB_NOUN_WEIGHT = 1.0
# A thesaurus form of several words ("의료 AI") found with its words apart counts this much of
# the form found whole. Its words' scores are summed, as a phrase's are, so that a long form
# apart ("AI for Science" in an article on other things) may outscore a short one said; its
# score as the mean of its words' instead (or the sum over the root of their number), measured
# on a15db3b and not kept (all / new / held-out 1 to 6 / 7 / 8 / 9, against 0.949 / 0.918 /
# 0.887 / 0.842 / 0.962 / 0.952 / 0.907 / 0.851 / 0.844 / 0.673 / 0.648): 0.947 / 0.915 / 0.884
# / 0.847 / 0.962 / 0.952 / 0.920 / 0.848 / 0.841 / 0.674 / 0.644 (긴 문맥 처리 능력 0.782 ->
# 0.968, AI 규제 모라토리엄 1.000 -> 0.631); a phrase's likewise moved held-out 6 alone, 0.852.
# Nor scored as one term whose weight in an article is the least of its words' and whose count
# is the articles holding them all (as a phrase's own frequency would count, not its common
# words'), at 1, 2 and 3 times that score, on fcbef16: the blind held-out 10 0.765 -> 0.753,
# 0.756 and 0.748, held-out 9 0.648 -> 0.644, 0.649 and 0.664; a phrase's or a near form's
# likewise moved held-out 6 alone (0.851 -> 0.852). Nor found apart without its words more than
# 0.3 or 0.5 of the archive holds ("AI 차별" apart as 차별 alone, so that an article saying AI
# often does not score the form by it): held-out 10 0.765 -> 0.752 and 0.749, held-out 5 0.907
# -> 0.918 and 0.925.
APART_WEIGHT = 0.5


class ClauseForms:
    """The forms a clause looks for, with the alias table of the index and the thesaurus (see
    QueryBuilder for the switches)."""

    def __init__(
        self,
        aliases: AliasTable,
        concepts: ConceptTable,
        expand: bool = True,
        derived: bool = True,
        few: Callable[[wq.Query], bool] | None = None,
        verbs: bool = True,
        absent: Callable[[wq.Query], bool] | None = None,
        longer: Callable[[str], tuple[str, ...]] | None = None,
        respell: Callable[[str], str | None] | None = None,
    ) -> None:
        self.aliases = aliases
        self.concepts = concepts
        self.expand = expand
        self.derived = derived
        self.few = few
        self.verbs = verbs
        self.absent = absent
        self.longer = longer
        self.respell = respell

    def spellings(self, clause: Clause) -> list[QueryWord]:
        """The clause's own analysis, then that of each other spelling of the same name."""
        own = query_word(clause.text)
        names = set(self.aliases.others(clause.text))
        if own.parts:
            names.update(self.aliases.others("".join(own.parts)))
        words = [own] + [query_word(name) for name in sorted(names)]
        # "오픈AI" and "오픈 AI" analyse alike: look each distinct analysis up once.
        return [w for w in dict.fromkeys(words) if w.parts]

    def looked_up(self, clause: Clause) -> Looked:
        """The clause's spellings, then (unless it is exact) its stems and its concept's
        forms, each weighted; a form already looked up keeps its first, higher, weight. A
        plain word no article holds in any spelling, and that no concept or verb widens, is
        looked up as the archive's nearest spelling of it (`respell`: 엔디비아 -> 엔비디아, or
        the one term it begins, clipped: 인스타 -> 인스타그램; suggest.respelling), or first
        as a name or a thesaurus form typed with tense initials (쏘라 -> 소라), which
        stands in for it, as the words added say; never a known name's."""
        looked = self._looked_up(clause)
        if clause.exact or clause.phrase or self.respell is None or looked.added:
            return looked
        if self.aliases.others(clause.text):
            return looked  # a name the archive does not hold (네이버) is no misspelling of 사이버
        forms = [w for w, _ in looked.words]  # its spellings and stems
        if not forms or not self._unwritten(forms):
            return looked
        near = self._plain_name(clause.text) or self.respell(clause.text)
        if not near or near == clause.text:
            return looked
        found = self._looked_up(replace(clause, text=near))
        return replace(found, added=(near, *found.added))

    def _looked_up(self, clause: Clause) -> Looked:
        spelled = self.spellings(clause)
        weighted = {w: 1.0 if i == 0 else ALIAS_WEIGHT for i, w in enumerate(spelled)}
        added: list[str] = []
        apart: list[tuple[QueryWord, float]] = []
        if not clause.exact and self.derived:
            for stem in stem_words(clause.text):
                weighted.setdefault(stem, STEM_WEIGHT)
        # looked for when the rest finds few articles: longer nouns, broader concepts
        rarely: list[tuple[QueryWord, float, str]] = []
        if not clause.exact and self.longer and spelled and len(spelled[0].parts) == 1:
            for noun in self.longer(spelled[0].parts[0]):  # 국방 -> 국방부
                if (word := query_word(noun)).parts and word not in weighted:
                    rarely.append((word, LONGER_WEIGHT, noun))
        if not clause.exact and self.verbs:
            nouns = topic_nouns(spelled[0].parts) if spelled else topic_nouns((), clause.text)
            for noun in nouns:  # "써" -> 사용, 이용; "빨리" -> 속도
                if (word := query_word(noun)).parts and word not in weighted:
                    weighted[word] = VERB_NOUN_WEIGHT
                    added.append(noun)
        if not clause.exact and self.expand and spelled:
            expansion = typed_concept(self.concepts, clause.text)
            if not expansion and self.derived and (stemmed := destemmed(clause.text)):
                expansion = self.concepts.expand(stemmed)  # 공공기관용: the concept of 공공기관
            # a concept typed in words the analyser drops in part ("여러 언어"): its other
            # forms stand in for it, the parts left of it ("언어") are not looked for
            lossy = clause.loose and bool(dropped_meaning(clause.text))
            unwritten = lossy or self._unwritten(spelled)
            sibling = STAND_IN_WEIGHT if unwritten else SIBLING_WEIGHT
            own = dict(weighted)
            for forms, weight in (
                (expansion.siblings, sibling),
                (expansion.narrower, NARROWER_WEIGHT),
            ):
                for form in forms:
                    word = query_word(form)
                    if word.parts and word not in weighted and not dropped_meaning(form):
                        weighted[word] = weight
                        added.append(form)
                        if len(word.parts) > 1:
                            apart.append((word, weight * APART_WEIGHT))
            if lossy and len(weighted) > len(own):
                for word in spelled:
                    del weighted[word]
            if self.few is not None:
                broader = [(f, w) for f in expansion.broader if (w := query_word(f)).parts]
                rarely += [(w, BROADER_WEIGHT, f) for f, w in broader if w not in weighted]
        above = tuple((w, weight) for w, weight, _ in rarely)
        above_added = tuple(f for *_, f in rarely)
        return Looked(tuple(weighted.items()), tuple(added), tuple(apart), above, above_added)

    def _plain_name(self, text: str) -> str | None:
        """The word with its tense initials made plain, where that is a known name or a
        thesaurus form (쏘라 -> 소라, Sora), else None: a loanword's spelling the nearest
        spelling leaves out (two syllables are too short for it, suggest.RESPELT_HANGUL), and
        never a common word's (빨간 is not 발간)."""
        plain = plain_initials(text)
        if plain == text:
            return None
        return plain if self.aliases.others(plain) or typed_concept(self.concepts, plain) else None

    def _unwritten(self, spelled: list[QueryWord]) -> bool:
        """Whether no article holds the word typed nor another spelling of it (the `absent`
        callback says): its concept's other forms then stand in for it."""
        if self.absent is None:
            return False
        return all(q is None or self.absent(q) for q in (in_field("content", w) for w in spelled))


def typed_concept(concepts: ConceptTable, text: str):
    """The concept of the text as typed, else of its analysed parts ("오픈AI의" is 오픈 + ai):
    the one fallback of the query builder and of joined_words.said_by_concept."""
    expansion = concepts.expand(text)
    parts = query_word(text).parts
    return expansion or (concepts.expand(" ".join(parts)) if parts else expansion)
