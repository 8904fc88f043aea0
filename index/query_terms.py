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
# Nouns appended to a topic to say what kind of thing is meant ("AI 유료 구독 서비스", "코드 생성
# 도구"): searched, and counted where an article holds them, but not required of a full match,
# as the words most articles hold are not (ranking.BROAD_SHARE): an article on the topic need
# not call it a service. 사람 is the "who" of a question ("써 본 사람은 얼마나"), which the articles
# name as 이용자, 응답자 or 국민.
HEAD_NOUNS = frozenset({"서비스", "도구", "시스템", "플랫폼", "솔루션", "제품", "기능", "사람"})

# Verbs a question is asked with whose topic the articles name by a noun: the Brief writes
# "생성 AI 이용 현황", "학습하는 알고리즘", "유출", where a researcher asks "써 본 사람",
# "배우는 AI", "빼내는 공격". A query word that is one of these lemmas also finds its nouns, as
# a concept's other forms are found (query_builder), and is not left out as a light verb.
PREDICATE_NOUNS = {
    "쓰다": ("사용", "이용"),
    "쓰이다": ("사용", "활용"),
    "만들다": ("개발", "제작", "생성"),
    "배우다": ("학습",),
    "가르치다": ("교육",),
    "키우다": ("육성", "양성"),
    "기르다": ("육성", "양성"),
    "막다": ("방지", "차단", "금지", "저해"),
    "미루다": ("연기", "보류", "지연"),
    "들여다보다": ("분석", "해석"),
    "약하다": ("약화", "저하", "감소"),
    "생각하다": ("사고",),
    "그리다": ("그림",),
    "풀다": ("해결", "풀이"),
    "푸다": ("해결", "풀이"),  # Kiwi's lemma of 푸는 (풀다) out of context
    "빼내다": ("추출", "유출"),
    "훔치다": ("탈취", "도용", "유출"),
    "찾다": ("검색", "탐색", "발견"),
    "속이다": ("기만", "사기"),
    "늘다": ("증가", "확대"),
    "늘어나다": ("증가", "확대"),
    "늘리다": ("증가", "확대"),
    "줄다": ("감소", "축소"),
    "줄어들다": ("감소", "축소"),
    "줄이다": ("감소", "절감", "축소"),
    "바꾸다": ("변화", "전환"),
    "바뀌다": ("변화", "전환"),
    "팔다": ("판매",),
    "사다": ("구매", "인수"),
    "사들이다": ("인수", "매입"),
    "지키다": ("보호",),
    "믿다": ("신뢰",),
    "이기다": ("능가", "우위"),
    "앞서다": ("능가", "우위"),
    "따라잡다": ("추격",),
    "잃다": ("상실", "실직"),
    "빼앗다": ("대체", "잠식"),
    "뺏다": ("대체", "잠식"),
    "베끼다": ("표절", "복제"),
    "없애다": ("제거", "폐지"),
    "멈추다": ("중단",),
    "고치다": ("수정", "개선"),
    "뽑다": ("채용", "선발"),
    "모으다": ("수집", "유치"),
    "벌다": ("수익", "매출"),
    "숨기다": ("은닉",),
    "감추다": ("은닉",),
    "알리다": ("공개", "발표"),
    "지우다": ("삭제",),
    "겨루다": ("경쟁",),
    "다투다": ("분쟁", "경쟁"),
    "싸우다": ("분쟁", "대응"),
    "맞서다": ("대응",),
    "어기다": ("위반",),
    "세우다": ("설립", "수립", "구축"),
    "짓다": ("건설", "구축"),
    "닫다": ("폐쇄",),
    "묻다": ("질문",),
    "돌리다": ("실행", "구동"),
    "빠르다": ("속도", "가속"),
    "느리다": ("둔화", "지연"),
    "싸다": ("저렴", "저비용"),
    "기여": ("효과", "영향"),  # 기여하다: "얼마나 기여할까" asks for an effect
    "비싸다": ("비용",),
}


def only_kind_of_thing(group: tuple[Clause, ...]) -> bool:
    """Whether a group is only head nouns (HEAD_NOUNS), none typed exactly or in a field."""
    return all(c.field is None and not c.exact and query_word(c.text).parts in HEADS for c in group)


HEADS = frozenset((noun,) for noun in HEAD_NOUNS)


def topic_nouns(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The nouns that name the topic of a query word that is one verb ("써" -> 사용, 이용)."""
    return PREDICATE_NOUNS.get(parts[0], ()) if len(parts) == 1 else ()


def carries_topic(parts: tuple[str, ...]) -> bool:
    """Whether a query word's analysed parts say anything of its topic: some part is not a
    stop term (a word of no part, punctuation say, carries none)."""
    return any(part not in QUERY_STOP_TERMS for part in parts)


def _asks_only(group: tuple[Clause, ...], verbs: bool) -> bool:
    """Whether a group is only words of asking, none typed exactly or in a field, nor (with
    `verbs`) a verb with topic nouns."""
    for c in group:
        parts = query_word(c.text).parts
        if c.field is not None or c.exact or carries_topic(parts):
            return False
        if verbs and topic_nouns(parts):
            return False
    return True


def topical(groups: list[tuple[Clause, ...]], verbs: bool = True) -> list[tuple[Clause, ...]]:
    """The groups without those that only ask ("얼마나 되나", "관련 사례"), unless no other is
    left; with `verbs`, a verb with topic nouns stays ("써" finds 사용)."""
    kept = [g for g in groups if not _asks_only(g, verbs)]
    return kept or groups


def has_plain_words(parsed: ParsedQuery) -> bool:
    """Whether the query has a word that may be expanded: not exact, in no field."""
    return any(c.field is None and not c.exact for group in parsed.groups for c in group)
