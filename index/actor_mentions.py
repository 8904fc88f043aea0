"""Where a text names the actors and places of the actor table: whole words only, a name
spelled glued or spaced ("AI안전연구소", "AI 안전 연구소"), followed by nothing or a particle
("구글과", "오픈AI의"), so that 메타 is not found in 메타인지. Korean names joined by hyphens
("이사회-집행위-유럽의회") are words of their own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from index.actor_table import ANY_COUNTRY, PLACE, ActorTable, TableEntry, actor_table
from index.aliases import alias_key

# A word: letters, digits and the marks names are spelled with ("Character.AI", "J.D.").
_WORD = re.compile(r"[\w.&'’+-]+")
_TRIM = ".,'’-"
LONGEST_SPELLING = 6  # words
# What may follow a name inside its word: particles and the copula, longest tried first.
_PARTICLES = """
의 은 는 이 가 을 를 과 와 도 에 에서 에게 에는 에서는 에서도 에도 으로 로 으로는 로는 과의 와의
과는 와는 이나 나 만 까지 부터 보다 처럼 이며 이고 이다 이라는 라는 이란 란 측 측은 측의 에게서
한테 마저 조차 뿐 와도 과도 와를 과를 께서 께서는 에의 로의 으로의 이자 이었다 였다 인 로서
으로서 로써 들 들은 들이 들의 들과 들도 들을 까지의 만의 에만 으로부터 로부터 에서의 같은
"""
PARTICLE_SET = frozenset(_PARTICLES.split())
LONGEST_PARTICLE = max(map(len, PARTICLE_SET))
# Spellings of bodies every country has that count only with the country written before them
# ("정부"; but "행정부" and "연방정부" name the government of the country the article is about).
NEEDS_PREFIX = frozenset({"정부", "의회", "법원", "국회", "경찰"})
_KOREAN_HYPHEN = re.compile(r"(?<=[가-힣])-(?=[가-힣])")


@dataclass(frozen=True)
class Mention:
    """One table entry named in a text: its span as printed, and the country a body of
    every country (ANY_COUNTRY) was given by the place written before it."""

    entry: TableEntry
    start: int
    end: int  # without the particle
    prefix_country: str | None = None
    contextual: bool = False  # spelled in a way that names the entry only in context


class _Word(NamedTuple):
    text: str
    start: int
    end: int


def _words(text: str) -> list[_Word]:
    """The text's words with their spans. Measured and not kept: each _Word made without its
    Python-level __new__ (as analysis._term is), the actors of 54 respelled issues in a fresh
    process 1.16 and 1.16 -> 1.10 and 1.15 CPU s (in turn, load 1.1 to 1.6)."""
    words = []
    for match in _WORD.finditer(text):
        word = match.group().rstrip(_TRIM)
        start = match.start()
        if "-" not in word:  # most words (and the test costs less than the split)
            if word:
                words.append(_Word(word, start, start + len(word)))
            continue
        for part in _KOREAN_HYPHEN.split(word):
            words.append(_Word(part, start, start + len(part)))
            start += len(part) + 1
    return words


@lru_cache(maxsize=65536)  # words recur across articles; each is split once
def _without_particle(word: str) -> tuple[tuple[str, int], ...]:
    """The word, then the word less each particle it ends with: (alias key, characters
    dropped)."""
    forms = [(alias_key(word), 0)]
    for length in range(1, LONGEST_PARTICLE + 1):
        if len(word) > length and word[-length:] in PARTICLE_SET:
            forms.append((alias_key(word[:-length]), length))
    if "-" in word.strip("-"):  # "딥시크-R1": a model named after its maker
        maker = word.split("-")[0]
        forms.append((alias_key(maker), len(word) - len(maker)))
    return tuple(forms)


@cache
def _lookup() -> tuple[dict[str, TableEntry], dict[str, TableEntry], frozenset[str]]:
    """Spelling key -> entry, for every entry (its spellings in context too) and for places;
    and every beginning of a key."""
    table: ActorTable = actor_table()
    spellings = {**table.contextual_spellings(), **table.by_spelling()}
    places = {k: e for k, e in spellings.items() if e.kind == PLACE}
    beginnings = frozenset(key[:n] for key in spellings for n in range(1, len(key) + 1))
    return spellings, places, beginnings


@lru_cache(maxsize=65536)
def _may_begin(word: str) -> bool:
    """Whether a spelling may begin at this word, as _match_at would find: the word begins
    one, or is one less a particle."""
    spellings, _, beginnings = _lookup()
    forms = _without_particle(word)
    return forms[0][0] in beginnings or any(k in spellings for k, _ in forms[1:])


@cache
def _contextual_keys() -> frozenset[str]:
    table = actor_table()
    return frozenset(table.contextual_spellings().keys() - table.by_spelling().keys())


def _glued(words: list[_Word], first: int, last: int, text: str) -> bool:
    """True when the words are written with at most one space between each two."""
    return all(text[words[i].end : words[i + 1].start] in ("", " ") for i in range(first, last))


def _match_at(words: list[_Word], i: int, text: str) -> tuple[TableEntry, int, int, str] | None:
    """The longest table spelling starting at word i: (entry, last word index, end, key)."""
    spellings, _, beginnings = _lookup()
    found, written = None, ""
    for last in range(i, min(i + LONGEST_SPELLING, len(words))):
        if last > i and not _glued(words, last - 1, last, text):
            break
        forms = _without_particle(words[last].text)
        for key, dropped in forms:
            entry = spellings.get(written + key)
            if entry is not None:
                found = entry, last, words[last].end - dropped, written + key
                break
        written += forms[0][0]
        if written not in beginnings:
            break
    return found


def find_mentions(text: str) -> list[Mention]:
    """Every table entry the text names, in reading order (places too)."""
    _, places, _ = _lookup()
    words = _words(text)
    found: list[Mention] = []
    i = 0
    while i < len(words):
        if not _may_begin(words[i].text):  # most words (checked without the call below)
            i += 1
            continue
        matched = _match_at(words, i, text)
        if matched is None:
            i += 1
            continue
        entry, last, end, key = matched
        start, country = words[i].start, None
        if entry.country == ANY_COUNTRY:
            glued = i > 0 and _glued(words, i - 1, i, text)
            place = places.get(alias_key(words[i - 1].text)) if glued else None
            if place is not None and found and found[-1].entry is place:
                found.pop()  # "영국 국방부": the place is part of the body's name
                start, country = words[i - 1].start, place.country
            elif key in NEEDS_PREFIX:
                i = last + 1
                continue
        found.append(Mention(entry, start, end, country, key in _contextual_keys()))
        i = last + 1
    return found
