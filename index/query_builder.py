"""A parsed query -> Whoosh query objects, plus the term sequences to highlight.

A word that Kiwi analyses into several parts ("오픈AI" -> 오픈 + ai) is looked up by its
pairs of parts ("오픈ai", held for "오픈AI" and "오픈 AI" alike), so "오픈AI" never turns into
a search for "AI". Each word also finds, each weighted below the word typed so that the word
itself ranks first: its other spellings as a name (오픈AI / OpenAI), its stem when it carries
a derivational suffix (의료용 -> 의료), and the other forms and narrower terms of its concept in
the thesaurus (반도체 -> 칩, GPU): see index/clause_forms.py. Words typed apart that spell a
known compound ("딥 페이크") are looked up as that compound; words that spell a concept of
several words ("AI 반도체") are looked up as that concept, and still match apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from whoosh import query as wq

from index.actor_table import actor_table
from index.aliases import AliasTable, alias_key
from index.analysis import normalize
from index.clause_forms import ClauseForms
from index.compiled_query import CompiledQuery, Looked
from index.concepts import ConceptTable
from index.errors import QueryError
from index.filter_queries import UnionOr, filter_query
from index.joined_words import joined_words, said_by_concept
from index.origin_words import place_named
from index.query_syntax import Clause, ParsedQuery
from index.query_terms import only_kind_of_thing, topical
from index.query_words import SEQUENCES, query_word
from index.time_words import Dated, dated
from index.word_queries import distinct, in_field, keyed, keyed_in_field, keyed_words_apart, near

ACTOR_FIELDS = frozenset({"actor", "subject", "country"})


# A concept typed in several words ("설명 가능한 AI") matches in full where its words, or those of a
# form of it that are the same words, stand within this many words of one another; scattered through
# an article, in part (1 to 5 words measured: bench/HISTORY.md, "The order of full and partial
# matches"). So does any other form of several words of its concept (near_forms), where its words
# apart matched in full wherever they stood (설명 and 가능성 of 설명 가능성, in two sentences of an
# article on the Paris summit): on the quality bench's queries (all / new / held-out 1 to 10, on
# 588d3f3, against 0.9489 / 0.9180 / 0.8871 / 0.8415 / 0.9619 / 0.9519 / 0.9071 / 0.8512 / 0.8475 /
# 0.8598 / 0.8330 / 0.7650), 0.9505 / 0.9210 / 0.8878 / 0.8450 / 0.9630 / 0.9529 / 0.9210 / 0.8512 /
# 0.8476 / 0.8601 / 0.8352 / 0.7641, the blind held-out 11 and 12 0.720 and 0.666 either way (AI를
# 활용한 과학적 발견 0.629 -> 0.796, 알고리즘 차별 0.697 -> 0.781, AI 모델 안전성 시험 0.720 ->
# 0.806, reinforcement learning 0.631 -> 1.000; AI 윤리 기준 0.605 -> 0.556). Within 1, 2, 4, 5, 10
# and 30 words: all 0.9482, 0.9493, 0.9505, 0.9499, 0.9492 and 0.9490, held-out 10 0.7647, 0.7644
# and 0.7639 from 4 on. Asked also of a word typed alone, whose concept holds forms of several
# words, held-out 7 0.8476 -> 0.8447 (AI 업스킬링 0.596 -> 0.498). Measured at thesaurus v18, within
# three words, it took held-out 2 from 0.777 to 0.770 and was not kept.
NEAR_WINDOW = 3


class QueryBuilder:
    """Builds Whoosh queries from parsed ones, with the alias table of the index and the
    thesaurus. `expand` and `derived` switch concepts and stems off (exact words only);
    `near=False` lets a concept typed in several words match in full with its words anywhere
    apart (see NEAR_WINDOW), and `near_forms=False` the other forms of its concept of several
    words; `longer` looks up the longer nouns a word heads (LONGER_WEIGHT);
    `beside=False` requires of a full match a word that a concept typed beside it holds in one
    of its forms (joined_words.said_by_concept), which is otherwise counted, not required;
    `respell` gives the archive's nearest spelling of a word it does not hold (ClauseForms);
    `held` gives the oldest and newest issues held, by which the query's time words are read
    as periods (time_words; None: read as words)."""

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
        beside: bool = True,
        respell: Callable[[str], str | None] | None = None,
        held: Callable[[], tuple[str, str] | None] | None = None,
        near_forms: bool = True,
    ) -> None:
        self.aliases = aliases
        self.concepts = concepts if concepts is not None else ConceptTable()
        self.expand = expand
        self.near = near
        self.near_forms = near_forms
        self.beside = beside
        self.held = held
        self.forms = ClauseForms(
            aliases, self.concepts, expand, derived, few, verbs, absent, longer, respell
        )

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
        """What the clause looks for (see ClauseForms.looked_up)."""
        return self.forms.looked_up(clause)

    def clause_query(self, clause: Clause) -> tuple[wq.Query | None, Looked]:
        """The Whoosh query for one clause, and what it looks for: its concept's broader forms
        too when the rest finds few articles (the `few` callback says)."""
        if clause.field in ACTOR_FIELDS:
            return self.actor_query(clause), Looked(())
        looked = self.looked_up(clause)
        q = self._clause_query(clause, looked)
        few = self.forms.few  # the one place of the switch, as of `verbs`
        if looked.broader and few is not None and (q is None or few(q)):
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
            found = [k for w, weight in looked.words if (k := keyed_in_field(name, w, weight))]
            words = [query_word(w) for w in clause.text.split()] if clause.loose else []
            typed = {part for w in words for part in w.parts}
            for w, weight in looked.apart:
                # a form of several words matches in full only with its words near one another,
                # as the words typed do (near_forms; always one whose words are the words typed,
                # "설명가능 AI" for "설명 가능한 AI")
                if scattered or (set(w.parts) != typed and not self.near_forms):
                    found.append(keyed_words_apart(name, w, weight))
                else:
                    found.append(keyed(near(name, [w], NEAR_WINDOW, weight)))
            if clause.loose:
                # a concept of several words also matches its words apart, as typed
                apart = [in_field(name, w) for w in words]
                if all(apart):
                    q = wq.And(apart) if scattered else near(name, words, NEAR_WINDOW)
                    found.append(keyed(q))
            queries = distinct(found)  # forms spelled apart alike ("텍스트 데이터 마이닝")
            if queries:
                alternatives.append(queries[0] if len(queries) == 1 else wq.DisjunctionMax(queries))
        if clause.field == "source":
            alternatives.append(wq.Term("outlet", normalize(clause.text).strip().lower()))
        if not alternatives:
            return None
        return alternatives[0] if len(alternatives) == 1 else UnionOr(alternatives)

    def build(self, parsed: ParsedQuery, query_text: str) -> CompiledQuery:
        """Compile; raises QueryError when no clause has a searchable word."""
        groups, required, highlight, typed, countries, optional = [], [], [], [], [], []
        in_full, titled, labels, topics = [], [], [], []
        expansions: dict[str, list[str]] = {}
        joined = joined_words(parsed.groups, self.aliases, self.concepts, self.expand)
        # the time words first: the analyser reads 초 in "2025년 초" as no word, which topical drops
        when = dated(joined, self.held) if self.held is not None else Dated(joined)
        kept = topical(when.groups, self.forms.verbs)
        written = {id(when.groups[place]) for place in when.written}
        said = said_by_concept(kept, self.concepts) if self.expand and self.beside else set()
        for place, group in enumerate(kept):
            alternatives, strict = [], []
            if (country := country_of(group)) is not None:
                # an article about the country matches its name even where it does not write
                # it (one about France, for 유럽)
                countries.append(country)
                alternatives.extend(wq.Term("country", c) for c in actor_table().region(country))
                strict.extend(alternatives)
            if self.expand and (members := member_keys(group, self.concepts)):
                # an article about a member of a group of actors matches the group's word even
                # where it does not write it (one about Google, for 빅테크), unscored as a
                # country's is: its headline's subject is the member (actor_table.GROUP_MEMBERS)
                about = [wq.Term("subject", k, boost=0.0) for k in members]
                alternatives.extend(about)
                strict.extend(about)
            for clause in group:
                q, looked = self.clause_query(clause)
                if q is not None:
                    alternatives.append(q)
                    if clause.loose and self.near:
                        q = self._clause_query(clause, looked, scattered=False) or q
                    strict.append(q)
                    if country is not None:  # in its headline: country_ranking.in_passing
                        title = self._clause_query(replace(clause, field="title"), looked)
                        titled.append((country, title, len(groups)))
                    if clause.field not in ACTOR_FIELDS:
                        typed.append(clause.text)
                    highlight.extend(marked(w) for w, _ in looked.words for marked in SEQUENCES)
                    if looked.added:
                        expansions.setdefault(clause.text, []).extend(looked.added)
            if alternatives:
                q = alternatives[0] if len(alternatives) == 1 else UnionOr(alternatives)
                full_q = strict[0] if len(strict) == 1 else UnionOr(strict)
                if only_kind_of_thing(group) or place in said or id(group) in written:
                    optional.append(q)
                # title: and source: words stay required when the other words are relaxed.
                if all(c.field is None for c in group):
                    if country is not None or self._names_topic(group):
                        topics.append(len(groups))
                    groups.append(q)
                    in_full.append(full_q)
                    labels.append(" OR ".join(c.text for c in group))
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
            tuple(labels),
            when.periods,
            tuple(topics),
        )

    def _names_topic(self, group: tuple[Clause, ...]) -> bool:
        """Whether a word of the group, not typed exactly, names a topic (partial_order): a
        form of a thesaurus concept, or a name the alias table or the actors table spells."""
        spelled = actor_table().by_spelling()
        for c in group:
            if c.exact:
                continue
            parts = query_word(c.text).parts
            if self.expand and (
                self.concepts.knows(c.text) or self.concepts.knows(" ".join(parts))
            ):
                return True
            texts = (c.text, "".join(parts))
            if any(self.aliases.others(t) or alias_key(normalize(t)) in spelled for t in texts):
                return True
        return False

    @staticmethod
    def _combine(q: wq.Query, filters: wq.Query | None, excluded: list[wq.Query]) -> wq.Query:
        if filters is not None:
            q = wq.And([q, filters])
        if excluded:
            q = wq.AndNot(q, UnionOr(excluded))
        return q


def country_of(group: tuple[Clause, ...]) -> str | None:
    """The code of the country or region a group of one plain word names ("중국의" -> CN), or
    names as an origin ("유럽산" -> EU: origin_words)."""
    if len(group) != 1 or group[0].field is not None or group[0].exact:
        return None
    parts = query_word(group[0].text).parts
    return place_named(parts[0]) if len(parts) == 1 else None


def member_keys(group: tuple[Clause, ...], concepts: ConceptTable) -> tuple[str, ...]:
    """The subject keys of the members of the group of actors a group of one plain word names
    ("빅테크의", "Big Tech": see actor_table.GROUP_MEMBERS); () for any other group."""
    if len(group) != 1 or group[0].field is not None or group[0].exact:
        return ()
    parts = query_word(group[0].text).parts
    labels = concepts.labels(group[0].text) or concepts.labels("".join(parts))
    keys = {
        alias_key(normalize(spelling))
        for label in labels
        for entry in actor_table().members(label)
        for spelling in entry.spellings
    }
    return tuple(sorted(keys))
