"""The actor a headline is about, as printed: "미국 상무부, …" gives 미국 상무부 and
"CB인사이츠 분석 결과, …" gives CB인사이츠.

The rule reads the span before the headline's first comma (the whole headline when it has
none). A known name (the actor table) that opens it, after nothing but places ("프랑스의
미스트랄AI", "미국 트럼프 대통령"), is the subject; a lone place ("영국, …") stands for its
government. Otherwise Kiwi's analysis gives the leading noun phrase, up to the first particle,
less the reporting words that follow a name (분석 결과, 예측, 연구진 …); it is a subject only
when it ends in a proper noun, a Latin name or a word that names a body (…위원회, …연구소,
…大), so that events ("AI 서울 정상회의"), laws ("EU AI 법") and people without a name
("홍콩 금융사 직원") give none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.actor_mentions import Mention, find_mentions
from index.actor_table import PLACE

# A comma that is not a thousands separator ("1,000만" is one number).
_HEAD_END = re.compile(r",(?!\d{3})")
_REPORTING_WORDS = """결과 분석 조사 조사결과 연구 연구진 연구팀 예측 전망 발표 보고서 보고 설문
설문조사 보도 평가 주장 발간 공개 추정 진단"""
REPORTING_WORDS = frozenset(_REPORTING_WORDS.split())
_TITLES = "대통령 부통령 총리 장관 위원장 의원 CEO 대표 회장 창업자 교수"
TITLES = frozenset(_TITLES.split())
# Last words that name a body: a ministry (…부), an agency (…청), a committee (…위원회) …
_BODY_ENDINGS = """부 청 처 위원회 위 연구소 연구원 법원 정부 의회 상원 하원 재단 기구 센터 大 대학
대학교 협회 포럼 연합 시"""
BODY_ENDINGS = tuple(_BODY_ENDINGS.split())
NAME_TAGS = frozenset({"NNP", "SL", "SH"})
NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "SN", "XSN", "XPN", "NNB", "SO", "W_SERIAL"})
GENERIC_NAMES = frozenset({"ai", "llm", "gpt"})  # "온디바이스 AI" is a technology


@dataclass(frozen=True)
class HeadlineSubject:
    """The subject as printed, and the table mention it was found as (None when unknown)."""

    text: str
    mention: Mention | None = None


def headline_head(title: str) -> str:
    """The part of a headline before its first comma (all of it when there is none)."""
    return _HEAD_END.split(title, maxsplit=1)[0].strip()


def _only_places_before(head: str, mentions: list[Mention], mention: Mention) -> bool:
    rest = head[: mention.start]
    for place in (m for m in mentions if m.end <= mention.start):
        if place.entry.kind != PLACE:
            return False
        rest = rest.replace(head[place.start : place.end], " ", 1)
    return not re.sub(r"[\s의]", "", rest)


def _from_table(head: str) -> HeadlineSubject | None:
    mentions = [m for m in find_mentions(head) if not m.contextual]
    for mention in mentions:
        if mention.entry.kind != PLACE:
            if _only_places_before(head, mentions, mention):
                return HeadlineSubject(head[mention.start : mention.end], mention)
            return None
    if len(mentions) == 1 and not re.sub(r"[\s의]", "", head[mentions[0].end :]):
        return HeadlineSubject(head[mentions[0].start : mentions[0].end], mentions[0])
    return None


def _leading_noun_phrase(head: str, tokens) -> list:
    """Kiwi's tokens of the noun phrase that opens the head, up to a particle or a verb."""
    phrase: list = []
    for token in tokens:
        if token.tag in NOUN_TAGS and not (token.tag == "NNB" and token.form == "등"):
            phrase.append(token)
        else:
            break
    while phrase and (phrase[-1].form in REPORTING_WORDS or phrase[-1].form in TITLES):
        phrase.pop()
    return phrase


def _names_an_actor(phrase: list) -> bool:
    last = phrase[-1]
    if last.form.lower() in GENERIC_NAMES:
        return len(phrase) > 1 and phrase[-2].tag in NAME_TAGS
    if last.tag in NAME_TAGS:
        return True
    return last.tag == "NNG" and len(last.form) > 1 and last.form.endswith(BODY_ENDINGS)


def headline_subject(title: str, tokenize) -> HeadlineSubject | None:
    """The subject of a headline, or None; `tokenize` is Kiwi's tokenize (text -> tokens)."""
    head = headline_head(title)
    if not head:
        return None
    known = _from_table(head)
    if known is not None:
        return known
    phrase = _leading_noun_phrase(head, tokenize(head))
    if not phrase or not _names_an_actor(phrase):
        return None
    return HeadlineSubject(head[phrase[0].start : phrase[-1].start + phrase[-1].len])
