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


def _word_at(text: str, start: int) -> _Word:
    """The word that begins at `start` (a word's first character): its run of word
    characters less the marks that end it, up to a hyphen between Korean letters. Measured
    and not kept: each _Word made without its Python-level __new__ (as analysis._term is),
    the actors of 54 respelled issues in a fresh process 1.16 and 1.16 -> 1.10 and 1.15 CPU
    s (in turn, load 1.1 to 1.6), when every word was made."""
    run = _WORD.match(text, start)
    word = run.group().rstrip(_TRIM) if run else ""
    if "-" in word:
        word = _KOREAN_HYPHEN.split(word, maxsplit=1)[0]
    return _Word(word, start, start + len(word))


def _glued_after(text: str, word: _Word) -> _Word | None:
    """The next word, when one space alone parts it from `word`."""
    after = word.end + 1
    if text[word.end : after] != " ":
        return None
    run = _WORD.match(text, after)
    return _word_at(text, after) if run and run.group().rstrip(_TRIM) else None


def _glued_before(text: str, start: int) -> _Word | None:
    """The word before the one at `start`, when one space alone parts them."""
    end = start - 1
    if end < 1 or text[end] != " " or text[end - 1] in _TRIM or not _WORD.match(text, end - 1):
        return None
    first = end - 1
    while first > 0 and _WORD.match(text, first - 1):
        first -= 1
    last = _KOREAN_HYPHEN.split(text[first:end])[-1]
    return _Word(last, end - len(last), end)


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


@cache
def _openings() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """Where a word may begin a spelling, as tests that spare most words any more: a pattern
    of a word's first character (a run's, or one after a hyphen between Korean letters) that
    is in any case the first of a key, with the next if it is one the word keeps; then the
    first two characters of every key (and of every key as str.lower ends one in σ), and
    the keys of one character, which a particle may follow. Half the words pass the pattern,
    a sixth the pairs, a ninth _may_begin."""
    spellings, _, _ = _lookup()
    firsts = "".join(sorted({re.escape(key[0]) for key in spellings}))
    pattern = rf"(?i:[{firsts}])(?:(?<![\w.&'’+-].)|(?<=[가-힣]-[가-힣]))[\w&+]?"
    pairs = {key[:2] for key in spellings}
    pairs |= {pair[0] + "ς" for pair in pairs if pair[1:] == "σ"}
    singles = frozenset(key for key in spellings if len(key) == 1)
    return re.compile(pattern), frozenset(pairs), singles


def _match_at(word: _Word, text: str) -> tuple[TableEntry, _Word, int, str] | None:
    """The longest table spelling starting at this word: (entry, its last word, end, key)."""
    spellings, _, beginnings = _lookup()
    found, written = None, ""
    last: _Word | None = word
    for _ in range(LONGEST_SPELLING):
        if last is None:
            break
        forms = _without_particle(last.text)
        for key, dropped in forms:
            entry = spellings.get(written + key)
            if entry is not None:
                found = entry, last, last.end - dropped, written + key
                break
        written += forms[0][0]
        if written not in beginnings:
            break
        last = _glued_after(text, last)
    return found


def find_mentions(text: str) -> list[Mention]:
    """Every table entry the text names, in reading order (places too). Measured against the
    finder that split every text into words and asked of each (tests/index/mention_oracle.py),
    over the texts of the 1,062 articles of 54 respelled issues in a fresh process, 0.42 ->
    0.23 CPU s (twice each, load 2.1 to 2.6), the actors of those articles 1.02 and 1.03 ->
    0.75 and 0.73."""
    _, places, _ = _lookup()
    found: list[Mention] = []
    resume = 0  # the end of the words the last mention took
    openings, pairs, singles = _openings()
    for opening in openings.finditer(text):
        at, after = opening.span()
        if at < resume:
            continue
        if after - at == 2:  # the word's first two characters
            two = text[at:after].lower()
            if two[:2] not in pairs and two[0] not in singles:
                continue
        word = _word_at(text, at)
        if not _may_begin(word.text):  # most words (checked without the call below)
            continue
        matched = _match_at(word, text)
        if matched is None:
            continue
        entry, last, end, key = matched
        resume, begin, country = last.end, word.start, None
        if entry.country == ANY_COUNTRY:
            before = _glued_before(text, word.start)
            place = places.get(alias_key(before.text)) if before else None
            if before and place is not None and found and found[-1].entry is place:
                found.pop()  # "영국 국방부": the place is part of the body's name
                begin, country = before.start, place.country
            elif key in NEEDS_PREFIX:
                continue
        found.append(Mention(entry, begin, end, country, key in _contextual_keys()))
    return found
