"""A parsed query -> Whoosh query objects, plus the term sequences to highlight.

A word that Kiwi analyses into several parts ("오픈AI" -> 오픈 + ai) is looked up by its
pairs of parts ("오픈ai", held for "오픈AI" and "오픈 AI" alike), so "오픈AI" never turns into
a search for "AI". Known names are
expanded with their other spellings (오픈AI / OpenAI).
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as wq

from index.aliases import AliasTable, alias_key
from index.analysis import analyze, normalize
from index.errors import QueryError
from index.query_syntax import Clause, ParsedQuery
from index.search_results import SearchFilters


class UnionOr(wq.Or):
    """An Or that merges its parts' matches as it goes. (Whoosh's plain Or reads and scores
    every match of every part up front on indexes under 5,000 documents.)"""

    matcher_type = wq.Or.DEFAULT_MATCHER


@dataclass(frozen=True)
class QueryWord:
    """The terms one word or phrase of a query stands for."""

    parts: tuple[str, ...]  # one term per position, in order
    pairs: tuple[str, ...] = ()  # each two parts in a row, joined, as the index holds them

    @property
    def adjacent(self) -> bool:
        """True when every part follows the one before directly (no particle between)."""
        return len(self.pairs) == len(self.parts) - 1


def query_word(text: str) -> QueryWord:
    """Analyse a query word or phrase the way the index analysed the articles."""
    by_position: dict[int, str] = {}
    pairs = []
    for term in analyze(normalize(text)):
        if term.kind == "pair":
            pairs.append(term.text)
        elif term.kind in ("part", "lemma"):
            by_position.setdefault(term.pos, term.text)
    return QueryWord(tuple(by_position[p] for p in sorted(by_position)), tuple(pairs))


ACTOR_FIELDS = frozenset({"actor", "subject", "country"})
# Another spelling of a name counts a little less than the one typed.
ALIAS_WEIGHT = 0.8
# Consecutive words looked up together as one name ("Stability AI", "요슈아 벤지오").
LONGEST_NAME = 3


def _in_field(field: str, word: QueryWord, boost: float = 1.0) -> wq.Query | None:
    """One term; for several parts, their pairs (glued or spaced, "오픈AI" = "오픈 AI"), or
    a phrase when a particle sits between them."""
    if not word.parts:
        return None
    if len(word.parts) == 1:
        return wq.Term(field, word.parts[0], boost=boost)
    if word.adjacent:
        pairs = [wq.Term(field, pair, boost=boost) for pair in word.pairs]
        return pairs[0] if len(pairs) == 1 else wq.And(pairs)
    return wq.Phrase(field, list(word.parts), boost=boost)


@dataclass
class CompiledQuery:
    """The Whoosh query for all words, for any word, and what to highlight."""

    all_words: wq.Query
    any_words: wq.Query | None  # None when there is at most one word group
    highlight: tuple[tuple[str, ...], ...]  # term sequences to mark in the text
    words: tuple[str, ...]  # the positive words as typed, for suggestions


class QueryBuilder:
    """Builds Whoosh queries from parsed ones, with the alias table of the index."""

    def __init__(self, aliases: AliasTable) -> None:
        self.aliases = aliases

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

    def clause_query(self, clause: Clause) -> tuple[wq.Query | None, list[QueryWord]]:
        """The Whoosh query for one clause, and the analysed words it looks for."""
        if clause.field in ACTOR_FIELDS:
            return self.actor_query(clause), []
        words = self.spellings(clause)
        fields = {None: ["content", "title"], "title": ["title"], "source": ["sources"]}[
            clause.field
        ]
        alternatives = []
        for field in fields:
            # The best-matching spelling counts, not their sum: an article that writes both
            # "오픈AI" and "OpenAI" is not twice as relevant.
            spelled = [
                q
                for i, w in enumerate(words)
                if (q := _in_field(field, w, 1.0 if i == 0 else ALIAS_WEIGHT))
            ]
            if spelled:
                alternatives.append(spelled[0] if len(spelled) == 1 else wq.DisjunctionMax(spelled))
        if clause.field == "source":
            alternatives.append(wq.Term("outlet", normalize(clause.text).strip().lower()))
        if not alternatives:
            return None, []
        return (alternatives[0] if len(alternatives) == 1 else UnionOr(alternatives)), words

    def build(self, parsed: ParsedQuery, query_text: str) -> CompiledQuery:
        """Compile; raises QueryError when no clause has a searchable word."""
        groups, required, highlight, typed = [], [], [], []
        for group in self.join_names(parsed.groups):
            alternatives = []
            for clause in group:
                q, words = self.clause_query(clause)
                if q is not None:
                    alternatives.append(q)
                    if clause.field not in ACTOR_FIELDS:
                        typed.append(clause.text)
                    highlight.extend(w.parts for w in words)
            if alternatives:
                q = alternatives[0] if len(alternatives) == 1 else UnionOr(alternatives)
                # title: and source: words stay required when the other words are relaxed.
                (groups if all(c.field is None for c in group) else required).append(q)
        filters = filter_query(parsed.sections, parsed.issue_from, parsed.issue_to)
        if required:
            filters = wq.And([*required, filters]) if filters is not None else wq.And(required)
        if not groups and not required and parsed.groups:
            raise QueryError(query_text, "no searchable words (only particles or punctuation?)")
        excluded = [q for c in parsed.excluded if (q := self.clause_query(c)[0]) is not None]
        all_words = self._combine(wq.And(groups) if groups else wq.Every(), filters, excluded)
        any_words = None
        if len(groups) > 1:
            any_words = self._combine(UnionOr(groups), filters, excluded)
        return CompiledQuery(all_words, any_words, tuple(dict.fromkeys(highlight)), tuple(typed))

    def join_names(self, groups: tuple[tuple[Clause, ...], ...]) -> list[tuple[Clause, ...]]:
        """Merge runs of plain words that spell a known name into one phrase clause."""
        joined: list[tuple[Clause, ...]] = []
        i = 0
        while i < len(groups):
            for n in range(min(LONGEST_NAME, len(groups) - i), 1, -1):
                run = groups[i : i + n]
                if all(len(g) == 1 and g[0].field is None and not g[0].phrase for g in run):
                    text = " ".join(g[0].text for g in run)
                    if self.aliases.others(text):
                        joined.append((Clause(text, phrase=True),))
                        i += n
                        break
            else:
                joined.append(groups[i])
                i += 1
        return joined

    @staticmethod
    def _combine(q: wq.Query, filters: wq.Query | None, excluded: list[wq.Query]) -> wq.Query:
        if filters is not None:
            q = wq.And([q, filters])
        if excluded:
            q = wq.AndNot(q, UnionOr(excluded))
        return q


def filter_query(
    sections: tuple[str, ...], issue_from: str | None, issue_to: str | None
) -> wq.Query | None:
    """Sections (any of) and an inclusive issue range, as one Whoosh query (None: no filter)."""
    parts: list[wq.Query] = []
    if sections:
        parts.append(UnionOr([wq.Term("section", s) for s in dict.fromkeys(sections)]))
    if issue_from or issue_to:
        parts.append(wq.TermRange("issue", issue_from, issue_to))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


def filters_query(filters: SearchFilters | None) -> wq.Query | None:
    """SearchFilters as a Whoosh query (sections and countries are canonicalised by the
    caller)."""
    if filters is None:
        return None
    parts = [
        *(wq.Term("actor", alias_key(normalize(a))) for a in filters.actors),
        *(wq.Term("country", c) for c in filters.countries),
    ]
    dates = filter_query(filters.sections, filters.issue_from, filters.issue_to)
    if dates is not None:
        parts.append(dates)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)
