"""A parsed query -> Whoosh query objects, plus the term sequences to highlight.

A word that Kiwi analyses into several parts ("오픈AI" -> 오픈 + ai) is looked up by its
pairs of parts ("오픈ai", held for "오픈AI" and "오픈 AI" alike), so "오픈AI" never turns into
a search for "AI". Each word also finds, each weighted below the word typed so that the word
itself ranks first: its other spellings as a name (오픈AI / OpenAI), its stem when it carries
a derivational suffix (의료용 -> 의료), and the other forms and narrower terms of its concept in
the thesaurus (반도체 -> 칩, GPU). Words typed apart that spell a known compound ("딥 페이크")
are looked up as that compound; words that spell a concept of several words ("AI 반도체") are
looked up as that concept, and still match apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from whoosh import query as wq

from index.actor_table import actor_table
from index.aliases import AliasTable, alias_key
from index.analysis import normalize
from index.compiled_query import CompiledQuery, Looked
from index.concepts import ConceptTable
from index.errors import QueryError
from index.filter_queries import UnionOr, filter_query
from index.joined_words import joined_words
from index.query_syntax import Clause, ParsedQuery
from index.query_terms import only_kind_of_thing, topic_nouns, topical
from index.query_words import SEQUENCES, QueryWord, destemmed, query_word, stem_words
from index.word_queries import in_field, near, words_apart

ACTOR_FIELDS = frozenset({"actor", "subject", "country"})


# Weights of what a word also finds, relative to the word typed (1.0): another spelling of
# a name, the stem of a derived word, another form of its concept, a narrower term.
ALIAS_WEIGHT = 0.8
STEM_WEIGHT = 0.7
SIBLING_WEIGHT = 0.6
# The other forms of a concept whose typed form no article holds ("foundation model" where the
# Brief writes 기반모델) stand in for it: no exact word is there to rank above them.
STAND_IN_WEIGHT = 1.0
NARROWER_WEIGHT = 0.5
BROADER_WEIGHT = 0.3
# A longer noun the analyser keeps whole that a word heads (국방 -> 국방부: index/longer_nouns.py)
# counts as a stem does, looked for only when the word's forms find few articles (`few`), so
# that 교육 does not find every 교육부 notice nor 경쟁 every 경쟁력 (README: measured both ways).
LONGER_WEIGHT = STEM_WEIGHT
# A noun naming a question verb's topic (question_verbs.tsv: "써" -> 사용) counts as the verb
# does: the Brief writes the noun, rarely the verb a question is asked with. At 0.8, 0.9 and 1.0
# nDCG@10 all / new / held-out / held-out 2 / held-out 3 were 0.934 / 0.898 / 0.853 / 0.769 /
# 0.914, 0.934 / 0.898 / 0.869 / 0.774 / 0.914 and 0.935 / 0.900 / 0.869 / 0.772 / 0.914.
VERB_NOUN_WEIGHT = 1.0
# A thesaurus form of several words ("의료 AI") found with its words apart counts this much of
# the form found whole.
APART_WEIGHT = 0.5
# A concept typed in several words ("설명 가능한 AI") matches in full where its words, or those of
# a form of it that are the same words, stand within this many words of one another; scattered
# through an article, in part (README, "The order of full and partial matches": 1 to 5 words).
NEAR_WINDOW = 3


class QueryBuilder:
    """Builds Whoosh queries from parsed ones, with the alias table of the index and the
    thesaurus. `expand` and `derived` switch concepts and stems off (exact words only);
    `near=False` lets a concept typed in several words match in full with its words anywhere
    apart (see NEAR_WINDOW); `longer` looks up the longer nouns a word heads (LONGER_WEIGHT)."""

    def __init__(
        self,
        aliases: AliasTable,
        concepts: ConceptTable | None = None,
        expand: bool = True,
        derived: bool = True,
        few: Callable[[wq.Query], bool] | None = None,
        verbs: bool = True,
        absent: Callable[[wq.Query], bool] | None = None,
        near: bool = True,
        longer: Callable[[str], tuple[str, ...]] | None = None,
    ) -> None:
        self.aliases = aliases
        self.concepts = concepts if concepts is not None else ConceptTable()
        self.expand = expand
        self.derived = derived
        self.few = few
        self.verbs = verbs
        self.absent = absent
        self.near = near
        self.longer = longer

    def spellings(self, clause: Clause) -> list[QueryWord]:
        """The clause's own analysis, then that of each other spelling of the same name."""
        own = query_word(clause.text)
        names = set(self.aliases.others(clause.text))
        if own.parts:
            names.update(self.aliases.others("".join(own.parts)))
        words = [own] + [query_word(name) for name in sorted(names)]
        # "오픈AI" and "오픈 AI" analyse alike: look each distinct analysis up once.
        return [w for w in dict.fromkeys(words) if w.parts]

    def actor_query(self, clause: Clause) -> wq.Query:
        """actor:, subject: or country:, matched on the index's keys. Under actor:, an
        article whose headline is about the actor scores (subject is scorable), the others
        match with 0, so the subject ones come first."""
        if clause.field == "country":
            return wq.Term("country", clause.text)
        keys = {alias_key(normalize(s)) for s in (clause.text, *self.aliases.others(clause.text))}
        subject = [wq.Term("subject", k) for k in sorted(keys)]
        if clause.field == "subject":
            return subject[0] if len(subject) == 1 else UnionOr(subject)
        return UnionOr([*(wq.Term("actor", k) for k in sorted(keys)), *subject])

    def looked_up(self, clause: Clause) -> Looked:
        """The clause's spellings, then (unless it is exact) its stems and its concept's
        forms, each weighted; a form already looked up keeps its first, higher, weight."""
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
            expansion = self.concepts.expand(clause.text)
            if not expansion:
                expansion = self.concepts.expand(" ".join(spelled[0].parts))
            if not expansion and self.derived and (stemmed := destemmed(clause.text)):
                expansion = self.concepts.expand(stemmed)  # 공공기관용: the concept of 공공기관
            sibling = STAND_IN_WEIGHT if self._unwritten(spelled) else SIBLING_WEIGHT
            for forms, weight in (
                (expansion.siblings, sibling),
                (expansion.narrower, NARROWER_WEIGHT),
            ):
                for form in forms:
                    word = query_word(form)
                    if word.parts and word not in weighted:
                        weighted[word] = weight
                        added.append(form)
                        if len(word.parts) > 1:
                            apart.append((word, weight * APART_WEIGHT))
            if self.few is not None:
                broader = [(f, w) for f in expansion.broader if (w := query_word(f)).parts]
                rarely += [(w, BROADER_WEIGHT, f) for f, w in broader if w not in weighted]
        above = tuple((w, weight) for w, weight, _ in rarely)
        above_added = tuple(f for *_, f in rarely)
        return Looked(tuple(weighted.items()), tuple(added), tuple(apart), above, above_added)

    def _unwritten(self, spelled: list[QueryWord]) -> bool:
        """Whether no article holds the word typed nor another spelling of it (the `absent`
        callback says): its concept's other forms then stand in for it."""
        if self.absent is None:
            return False
        return all(q is None or self.absent(q) for q in (in_field("content", w) for w in spelled))

    def clause_query(self, clause: Clause) -> tuple[wq.Query | None, Looked]:
        """The Whoosh query for one clause, and what it looks for: its concept's broader forms
        too when the rest finds few articles (the `few` callback says)."""
        if clause.field in ACTOR_FIELDS:
            return self.actor_query(clause), Looked(())
        looked = self.looked_up(clause)
        q = self._clause_query(clause, looked)
        if looked.broader and self.few is not None and (q is None or self.few(q)):
            looked = looked.widened()
            q = self._clause_query(clause, looked)
        return q, looked

    def _clause_query(
        self, clause: Clause, looked: Looked, scattered: bool = True
    ) -> wq.Query | None:
        """The clause's query; `scattered=False` leaves out the words of a concept typed in
        several words found anywhere apart (they match only near one another: NEAR_WINDOW)."""
        fields = {None: ["content", "title"], "title": ["title"], "source": ["sources"]}[
            clause.field
        ]
        alternatives = []
        for name in fields:
            # The best-matching form counts, not their sum: an article that writes both
            # "오픈AI" and "OpenAI" is not twice as relevant.
            found = [q for w, weight in looked.words if (q := in_field(name, w, weight))]
            words = [query_word(w) for w in clause.text.split()] if clause.loose else []
            typed = {part for w in words for part in w.parts}
            for w, weight in looked.apart:
                # a form whose words are the words typed ("설명가능 AI" for "설명 가능한 AI")
                # matches apart as they do
                if scattered or set(w.parts) != typed:
                    found.append(words_apart(name, w, weight))
                else:
                    found.append(near(name, [w], NEAR_WINDOW, weight))
            if clause.loose:
                # a concept of several words also matches its words apart, as typed
                apart = [in_field(name, w) for w in words]
                if all(apart):
                    found.append(wq.And(apart) if scattered else near(name, words, NEAR_WINDOW))
            found = list(dict.fromkeys(found))  # forms spelled apart alike ("텍스트 데이터 마이닝")
            if found:
                alternatives.append(found[0] if len(found) == 1 else wq.DisjunctionMax(found))
        if clause.field == "source":
            alternatives.append(wq.Term("outlet", normalize(clause.text).strip().lower()))
        if not alternatives:
            return None
        return alternatives[0] if len(alternatives) == 1 else UnionOr(alternatives)

    def build(self, parsed: ParsedQuery, query_text: str) -> CompiledQuery:
        """Compile; raises QueryError when no clause has a searchable word."""
        groups, required, highlight, typed, countries, optional = [], [], [], [], [], []
        in_full, titled = [], []
        expansions: dict[str, list[str]] = {}
        for group in topical(
            joined_words(parsed.groups, self.aliases, self.concepts, self.expand), self.verbs
        ):
            alternatives, strict = [], []
            if (country := country_of(group)) is not None:
                # an article about the country matches its name even where it does not write
                # it (one about France, for 유럽)
                countries.append(country)
                alternatives.extend(wq.Term("country", c) for c in actor_table().region(country))
                strict.extend(alternatives)
            for clause in group:
                q, looked = self.clause_query(clause)
                if q is not None:
                    alternatives.append(q)
                    if clause.loose and self.near:
                        q = self._clause_query(clause, looked, scattered=False) or q
                    strict.append(q)
                    if country is not None:  # named in its headline (see ranking.in_passing)
                        title = self._clause_query(replace(clause, field="title"), looked)
                        titled.append((country, title))
                    if clause.field not in ACTOR_FIELDS:
                        typed.append(clause.text)
                    highlight.extend(marked(w) for w, _ in looked.words for marked in SEQUENCES)
                    if looked.added:
                        expansions.setdefault(clause.text, []).extend(looked.added)
            if alternatives:
                q = alternatives[0] if len(alternatives) == 1 else UnionOr(alternatives)
                full_q = strict[0] if len(strict) == 1 else UnionOr(strict)
                if only_kind_of_thing(group):
                    optional.append(q)
                # title: and source: words stay required when the other words are relaxed.
                if all(c.field is None for c in group):
                    groups.append(q)
                    in_full.append(full_q)
                else:
                    required.append(q)
        filters = filter_query(parsed.sections, parsed.issue_from, parsed.issue_to)
        if required:
            filters = wq.And([*required, filters]) if filters is not None else wq.And(required)
        if not groups and not required and parsed.groups:
            raise QueryError(query_text, "no searchable words (only particles or punctuation?)")
        excluded = [q for c in parsed.excluded if (q := self.clause_query(c)[0]) is not None]
        all_words = self._combine(wq.And(in_full) if in_full else wq.Every(), filters, excluded)
        any_words = None
        if len(groups) > 1:
            any_words = self._combine(UnionOr(groups), filters, excluded)
        restrict = None
        if filters is not None or excluded:
            restrict = self._combine(wq.Every(), filters, excluded)
        return CompiledQuery(
            all_words,
            any_words,
            tuple(dict.fromkeys(highlight)),
            tuple(typed),
            tuple(groups) if groups else (wq.Every(),),
            restrict,
            expansions,
            tuple(dict.fromkeys(countries)),
            tuple(optional),
            tuple(in_full) if in_full != groups else (),
            tuple(titled),
        )

    @staticmethod
    def _combine(q: wq.Query, filters: wq.Query | None, excluded: list[wq.Query]) -> wq.Query:
        if filters is not None:
            q = wq.And([q, filters])
        if excluded:
            q = wq.AndNot(q, UnionOr(excluded))
        return q


def country_of(group: tuple[Clause, ...]) -> str | None:
    """The code of the country or region a group of one plain word names ("중국의" -> CN)."""
    if len(group) != 1 or group[0].field is not None or group[0].exact:
        return None
    parts = query_word(group[0].text).parts
    return actor_table().country_named(parts[0]) if len(parts) == 1 else None
