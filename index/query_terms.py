"""Which words of a query carry its topic.

A question or a long query typed in full brings words that say how it is asked, not what it is
about: question words and light verbs ("얼마나 되나", "어떻게 하나", "~에 대한"), and the nouns a
researcher appends to any topic ("관련", "사례", "동향", "현황"). Required like the others, they
let a one-word match on "되다" or "사례" fill the page and push the topic's articles down. So
they are left out of the query, unless nothing else is left: "동향" alone is still searched.

The list holds analysed forms (Kiwi lemmas and nouns, as `query_word` gives them), so every
ending of a verb meets one entry ("되나", "된", "되는" are 되다). It is for queries only: the
index keeps every term, and a quoted or =exact word is never left out.
"""

from __future__ import annotations

from index.query_syntax import Clause, ParsedQuery
from index.query_words import query_word

# Light verbs and adjectives, and the verbs of question phrasing.
LIGHT_PREDICATES = frozenset(
    {
        "하다",
        "되다",
        "있다",
        "없다",
        "않다",
        "이다",
        "아니다",
        "보다",
        "주다",
        "쓰다",
        "대하다",
        "위하다",
        "돕다",
        "통하다",
        "관하다",
        "의하다",
        "따르다",
        "어떻다",
        "어떠하다",
        "그렇다",
        "이렇다",
        "같다",
        "싶다",
    }
)
# Question words, the nouns appended to a topic to ask about it, and the light nouns of "using"
# ("AI를 활용한 ...", "~을 이용한"), which every article on AI holds.
ASKING_NOUNS = frozenset(
    {
        "무엇",
        "뭐",
        "어디",
        "언제",
        "누구",
        "얼마",
        "얼마나",
        "어느",
        "하나",
        "관련",
        "사례",
        "동향",
        "현황",
        "방법",
        "방안",
        "경우",
        "정도",
        "여부",
        "내용",
        "실태",
        "활용",
        "이용",
    }
)
QUERY_STOP_TERMS = LIGHT_PREDICATES | ASKING_NOUNS


def carries_topic(parts: tuple[str, ...]) -> bool:
    """Whether a query word's analysed parts say anything of its topic: some part is not a
    stop term (a word of no part, punctuation say, carries none)."""
    return any(part not in QUERY_STOP_TERMS for part in parts)


def _asks_only(group: tuple[Clause, ...]) -> bool:
    """Whether a group is only words of asking, none typed exactly or in a field."""
    return all(
        c.field is None and not c.exact and not carries_topic(query_word(c.text).parts)
        for c in group
    )


def topical(groups: list[tuple[Clause, ...]]) -> list[tuple[Clause, ...]]:
    """The groups without those that only ask ("얼마나 되나", "관련 사례"), unless no other is
    left."""
    kept = [g for g in groups if not _asks_only(g)]
    return kept or groups


def has_plain_words(parsed: ParsedQuery) -> bool:
    """Whether the query has a word that may be expanded: not exact, in no field."""
    return any(c.field is None and not c.exact for group in parsed.groups for c in group)
