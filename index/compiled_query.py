"""What a query compiles to (CompiledQuery), and what each of its clauses looks for (Looked):
the types the query builder hands the ranking."""

from __future__ import annotations

from dataclasses import dataclass, field

from whoosh import query as wq

from index.query_words import QueryWord


@dataclass
class CompiledQuery:
    """The Whoosh queries of a parsed query, and what to highlight and report.

    `concepts` holds one query per group of the query's words (a word with its alternatives
    and expansions): an article matches in full when it matches every one (`all_words`), in
    part when it matches some (`any_words`). `restrict` (filters, title: and source: words,
    exclusions) is never relaxed."""

    all_words: wq.Query
    any_words: wq.Query | None  # None when there is at most one word group
    highlight: tuple[tuple[str, ...], ...]  # term sequences to mark in the text
    words: tuple[str, ...]  # the positive words as typed, for suggestions
    concepts: tuple[wq.Query, ...] = ()
    restrict: wq.Query | None = None
    expansions: dict[str, list[str]] = field(default_factory=dict)  # word -> forms added
    countries: tuple[str, ...] = ()  # the codes of the countries the query's words name
    # groups never required of a full match: head nouns, nouns of attitude, and a word a concept
    # typed beside it holds in a form (query_terms.only_kind_of_thing, joined_words.said_by_concept)
    optional: tuple[wq.Query, ...] = ()
    # each group as a full match must match it (a concept typed in several words with its words
    # near one another, not anywhere apart: query_builder.NEAR_WINDOW); () when as `concepts`
    in_full: tuple[wq.Query, ...] = ()
    # each country a word names: its code, the word's query in the headline (None where the
    # word makes none) and its concept's place among `concepts` (country_ranking.in_passing)
    titled: tuple[tuple[str, wq.Query | None, int], ...] = ()
    # the words of each concept as typed, in the order of `concepts` (() when it is Every)
    labels: tuple[str, ...] = ()
    # the periods the query's time words say, as inclusive issue ranges (time_words)
    periods: tuple[tuple[str, str], ...] = ()
    # the places among `concepts` of those that name a topic: a concept of the thesaurus, a
    # country or a name (partial_order)
    topics: tuple[int, ...] = ()

    def own_terms(self) -> set[str]:
        """Every term the query highlights: its own, which the related terms and the feedback
        leave out."""
        return {term for sequence in self.highlight for term in sequence}


@dataclass(frozen=True)
class Looked:
    """What one clause looks for: each analysed form with its weight, and the forms the
    thesaurus added (as written there)."""

    words: tuple[tuple[QueryWord, float], ...]
    added: tuple[str, ...] = ()
    # thesaurus forms of several words, which also match apart (at APART_WEIGHT of theirs,
    # query_builder)
    apart: tuple[tuple[QueryWord, float], ...] = ()
    # the broader concepts' forms, looked for only when the rest finds few articles
    broader: tuple[tuple[QueryWord, float], ...] = ()
    broader_added: tuple[str, ...] = ()

    def widened(self) -> Looked:
        """The same, looking for the broader forms too."""
        words = self.words + self.broader
        return Looked(words, self.added + self.broader_added, self.apart)
