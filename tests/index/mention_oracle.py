"""The actor table's names found as index/actor_mentions.py found them before it looked only
where a name can start: every text split into words, each word asked whether a name may begin
there. The oracle its finder is tested against."""

from __future__ import annotations

from index.actor_mentions import (
    _KOREAN_HYPHEN,
    _TRIM,
    _WORD,
    ANY_COUNTRY,
    LONGEST_SPELLING,
    NEEDS_PREFIX,
    Mention,
    _contextual_keys,
    _lookup,
    _may_begin,
    _without_particle,
    _Word,
)
from index.aliases import alias_key


def words_of(text: str) -> list[_Word]:
    """The text's words with their spans."""
    words = []
    for match in _WORD.finditer(text):
        word = match.group().rstrip(_TRIM)
        start = match.start()
        if "-" not in word:
            if word:
                words.append(_Word(word, start, start + len(word)))
            continue
        for part in _KOREAN_HYPHEN.split(word):
            words.append(_Word(part, start, start + len(part)))
            start += len(part) + 1
    return words


def _glued(words: list[_Word], first: int, last: int, text: str) -> bool:
    return all(text[words[i].end : words[i + 1].start] in ("", " ") for i in range(first, last))


def _match_at(words: list[_Word], i: int, text: str):
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


def oracle_mentions(text: str) -> list[Mention]:
    """Every table entry the text names, in reading order (places too)."""
    _, places, _ = _lookup()
    words = words_of(text)
    found: list[Mention] = []
    i = 0
    while i < len(words):
        if not _may_begin(words[i].text):
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
                found.pop()
                start, country = words[i - 1].start, place.country
            elif key in NEEDS_PREFIX:
                i = last + 1
                continue
        found.append(Mention(entry, start, end, country, key in _contextual_keys()))
        i = last + 1
    return found
