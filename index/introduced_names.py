"""Actors an article introduces that the actor table does not know.

- A name written with its Latin spelling, "윈드서프(Windsurf)", where the Korean side names a
  body (…연구소, …위원회, …저널), the word before it says it is a company or a news outlet
  ("AI 코딩 기업 윈드서프", "경제 매체 한델스블라트"), or both sides read as a person's name
  with a title after or before it ("리나 칸(Lina Khan) 위원장", "분석가 딜런 파텔(Dylan
  Patel)", "공동 창립자인 존 스미스(John Smith)"); one said to be a platform only where it acts
  ("구인 플랫폼 잡헌터(JobHunter)의 설문", not "클라우드 플랫폼 아틀라스(Atlas) AI에서"). A
  committee named after its parliament ("유럽의회 산업위원회(ITRE)와
  법사위원회(JURI)") carries the parliament's name.
- A name glossed in Chinese characters and followed by a title is a person ("황옌난(黃彦南)
  장관").
- A university written the Brief's way, "게이오大", or in full, "듀크대학교": the 大 form is
  its name; a generic stem ("국립大") takes the place written before it ("호주 국립大").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from extract.model import ArticleActor
from index.actor_mentions import PARTICLE_SET, find_mentions
from index.actor_table import PLACE, TableEntry
from index.aliases import alias_key, mine_pairs
from index.headline_subject import TITLES
from index.mention_senses import acts

_LATIN_IN_BRACKETS = re.compile(r"\(([A-Za-z][^()\n]{0,60})\)")
# "황옌난(黃彦南)": a one-word Korean name glossed in two to four Chinese characters.
_HANJA_GLOSS = re.compile(r"(?<![가-힣])([가-힣]{2,5})\(([\u4e00-\u9fff]{2,4})\)")
PAIR_WINDOW = 60  # characters before a bracket that can hold the Korean name
TITLE_WINDOW = 15  # characters after it in which a person's title is looked for
# "AI 코딩 기업 윈드서프"; news outlets: "경제 매체 한델스블라트", "관영 언론 신화통신"
_COMPANY_WORDS = """기업 스타트업 경쟁사 업체 회사 플랫폼 자회사 미디어 매체 언론 언론사 신문 일간지
통신사 잡지 방송사"""
COMPANY_WORDS = tuple(_COMPANY_WORDS.split())
PLATFORM_WORDS = ("플랫폼",)  # a company only where it acts (mention_senses.acts)
_PERSON_LATIN = re.compile(r"^[A-Z][a-z]+(?: (?:[A-Z]\.|[A-Z][a-z]+)){1,2}$")
_PERSON_TITLES = """창업자 창립자 설립자 상무장관 의원 위원장 연구원 박사 CTO 이사 분석가 대변인
사무총장 책임자 전문가 경제학자 과학자"""
PERSON_TITLES = (*TITLES, *_PERSON_TITLES.split())
_NOT_PERSON_WORDS = """AI Labs Lab Institute Foundation Technologies Systems Group Capital
Ventures Research Global Cloud Open Data Center Health Intelligence"""
NOT_PERSON_WORDS = frozenset(_NOT_PERSON_WORDS.split())
_RESEARCH_ENDINGS = "연구소 연구원 연구실 센터 大 대학 대학교 재단 저널 학회"
RESEARCH_ENDINGS = tuple(_RESEARCH_ENDINGS.split())
LEGISLATURES = frozenset({"유럽의회", "상원", "하원", "미국 연방의회", "의회"})
# "게이오大는", "듀크대학교에서": a university, then a particle or nothing.
_UNIVERSITY = re.compile(r"(?<![\w.])([가-힣]{2,12})(大|대학교)(?=([가-힣]{0,4}))")
# Stems that say what kind of university it is, not which: named by the place before them.
_GENERIC_STEMS = "국립 공과 단과 주요 명문 해외 국내 일부 여러 종합 사이버 전문 각"
GENERIC_STEMS = frozenset(_GENERIC_STEMS.split())


def names_title(after: str) -> bool:
    """Whether the words after a name hold a person's title ("… 장관은", "…을 상무이사로")."""
    return any(title in after for title in PERSON_TITLES)


class IntroducedNames:
    """Finds the actors above in a text; `known` maps the table's spellings to its entries."""

    def __init__(self, known: Mapping[str, TableEntry]) -> None:
        self.known = known

    def find(self, text: str) -> list[ArticleActor]:
        """Every actor the text introduces, in the order of the rules above."""
        return [*self.paired(text), *self.glossed(text), *self.universities(text)]

    def paired(self, text: str) -> list[ArticleActor]:
        """Names introduced with their Latin spelling."""
        actors = []
        for match in _LATIN_IN_BRACKETS.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            window = text[max(line_start, match.start() - PAIR_WINDOW) : match.end()]
            for name, latin in mine_pairs(window)[-1:]:
                if alias_key(name) in self.known:
                    continue  # the table's own mentions name it
                at = window.rfind(name + "(")
                before = window[:at].split()[-1:] or [""]
                after = text[match.end() : match.end() + TITLE_WINDOW]
                kind = _paired_kind(before[0], name, latin, after)
                if before[0].endswith(PLATFORM_WORDS) and not acts(text[match.end() :]):
                    continue  # "클라우드 플랫폼 아틀라스(Atlas) AI에서": a product
                if kind is not None:
                    actors.append(_with_parliament(ArticleActor(name, (latin,), kind), window[:at]))
        return actors

    def glossed(self, text: str) -> list[ArticleActor]:
        """People named with a Chinese-character gloss and a title."""
        people = []
        for match in _HANJA_GLOSS.finditer(text):
            name, hanja = match.groups()
            after = text[match.end() : match.end() + TITLE_WINDOW]
            if alias_key(name) not in self.known and names_title(after):
                people.append(ArticleActor(name, (hanja,), "person"))
        return people

    def universities(self, text: str) -> list[ArticleActor]:
        """Universities the table does not spell the way the text does."""
        found = []
        for match in _UNIVERSITY.finditer(text):
            stem, ending, rest = match.groups()
            if rest and rest not in PARTICLE_SET:
                continue  # "대학교육": a longer word
            if stem in GENERIC_STEMS:
                place = _place_before(text, match.start())
                if place is None:
                    continue
                stem = f"{place} {stem}"
            printed = stem + ending
            if alias_key(printed) in self.known:
                continue  # the table's own mentions name it
            entry = self.known.get(alias_key(stem + "大"))
            if entry is not None:
                found.append(ArticleActor(entry.name, (*entry.aliases, printed), entry.kind))
            else:
                others = (printed,) if ending != "大" else ()
                found.append(ArticleActor(stem + "大", others, "research"))
        return found


def _place_before(text: str, start: int) -> str | None:
    words = text[max(0, start - 20) : start].split()
    if not words or text[start - 1 : start] != " ":
        return None
    mentions = find_mentions(words[-1])
    if len(mentions) == 1 and mentions[0].entry.kind == PLACE:
        return words[-1]
    return None


def _with_parliament(actor: ArticleActor, before: str) -> ArticleActor:
    """A committee named after its parliament, in the same sentence, carries its name."""
    if not actor.name.endswith("위원회") or " " in actor.name:
        return actor
    sentence = re.split(r"[.?!]\s|다\.\s", before)[-1]
    bodies = [m for m in find_mentions(sentence) if m.entry.name in LEGISLATURES]
    if not bodies:
        return actor
    parliament = sentence[bodies[-1].start : bodies[-1].end]
    return ArticleActor(f"{parliament} {actor.name}", (actor.name, *actor.aliases), actor.kind)


def _paired_kind(before: str, korean: str, latin: str, after: str) -> str | None:
    """The kind of a name introduced with its Latin spelling, or None if it names no actor."""
    last = korean.split()[-1]
    if last.endswith(RESEARCH_ENDINGS):
        return "research"
    if last.endswith(("위원회", "부", "청", "기구", "협회")) and len(last) > 2:
        return "government" if last.endswith(("위원회", "부", "청")) else "other"
    bare = before.removesuffix("인").removesuffix("이")
    if bare.endswith(COMPANY_WORDS):
        return "company"
    words = latin.split()
    if (
        _PERSON_LATIN.match(latin)
        and len(korean.split()) == len(words)
        and not NOT_PERSON_WORDS.intersection(words)
        and (names_title(after) or any(bare.endswith(title) for title in PERSON_TITLES))
    ):
        return "person"
    return None
