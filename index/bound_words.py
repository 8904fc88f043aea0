"""Query words that Kiwi, reading each word of a query alone, takes for a topic they are not:
numbers of no exact size and counters, and bound nouns after a verb.

The words of a query are analysed one by one (query_words.query_word), out of the sentence
that would tell Kiwi what they are. A number of no exact size ("수만 개": tens of thousands)
is read as 수 and a particle, and the counter 개 as a noun (a dog); 수도 in "낮출 수도 있나"
("could it lower ...") is read as a capital city, and 줄, 법 and 때 likewise. Required as
topics, they left the articles about the rest partial matches, below those that happen to
hold them. The articles write quantities in figures ("2만 개"), so a number word says how much,
not what of; and a bound noun after a verb's adnominal form says nothing at all, as Kiwi reads
it in the pair.
"""

from __future__ import annotations

from index.query_analysis import terms_of
from index.query_words import query_word

# Numbers of no exact size and a counter, as Kiwi reads each typed alone (수만 is 수 and a
# particle): words of asking how many, left out of a query as its question words are
# (query_terms.QUERY_STOP_TERMS).
QUANTITY_WORDS = frozenset(
    {
        *("수", "수십", "수백", "수천", "수만", "수십만", "수백만", "수천만"),
        *("수억", "수십억", "수백억", "수천억", "개"),
    }
)
# How a bound noun that Kiwi reads alone as a common noun may begin: 수도 (a capital), 줄 (a
# rope), 법 (a law), 때, 듯이, 만큼, 리, 데, 바. The pair is read again only for words that begin
# so, which keeps Kiwi away from every other pair of a query.
BOUND_NOUN_STARTS = ("수", "줄", "법", "때", "듯", "만큼", "리", "데", "바")


def bound_after_verb(verb: str, word: str) -> bool:
    """Whether the word, typed after a verb's form ("낮출"), is a bound noun that adds nothing
    to it: read together, the two words read as the verb alone ("낮출 수도" is 낮추다)."""
    if not word.startswith(BOUND_NOUN_STARTS):
        return False
    alone = query_word(verb).parts
    if len(alone) != 1 or not any(t.kind == "lemma" for t in terms_of(verb)):
        return False
    return bool(query_word(word).parts) and query_word(f"{verb} {word}").parts == alone
