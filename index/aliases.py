"""Cross-script names (오픈AI / OpenAI): a curated list merged with pairs mined from the
articles ("요슈아 벤지오(Yoshua Bengio)"), used to expand query words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from index.tsv_tables import table_lines

ALIASES_PATH = Path(__file__).with_name("aliases.tsv")
ACTORS_PATH = Path(__file__).with_name("actors.tsv")
# Bump when the mining rule changes (the shipped file carries its own version).
_MINING_VERSION = 4

# "커런트 AI(Current AI)": up to six words, then a parenthesised Latin name ("데이비드 앤 루실
# 패커드 재단(David and Lucile Packard Foundation)" has five); the Korean side takes as many
# words as the Latin one has.
_PAIR = re.compile(
    r"((?:[0-9A-Za-z가-힣·]+ ){0,5}[0-9A-Za-z가-힣·]+)"
    r"\(([A-Za-z][A-Za-z0-9 .&'+-]{0,58}[A-Za-z0-9.])\)"
)
_HANGUL = re.compile(r"[가-힣]")
_WEB_ADDRESS = re.compile(r"\.[a-z]{2,}$")  # "perplexity.ai", not "Character.AI"


def alias_key(text: str) -> str:
    """What two spellings must share to be the same name: lower case, no spaces."""
    # str.split() drops the characters r"\s" matches (str.isspace), without a regex per call.
    return "".join(text.split()).lower()


def parse_aliases(text: str) -> tuple[int, tuple[tuple[str, ...], ...]]:
    """Parse the curated TSV: (version, groups of equivalent spellings)."""
    version, lines = table_lines(text)
    groups = []
    for _number, line in lines:
        names = tuple(n.strip() for n in line.split("\t") if n.strip())
        if len(names) > 1:
            groups.append(names)
    if version is None:
        raise ValueError("the alias list has no '# version: N' line")
    return version, tuple(groups)


@cache
def curated_aliases() -> tuple[tuple[str, ...], ...]:
    """The shipped groups of spellings."""
    return parse_aliases(ALIASES_PATH.read_text(encoding="utf-8"))[1]


def _curated_version() -> int:
    return parse_aliases(ALIASES_PATH.read_text(encoding="utf-8"))[0]


def _actors_version() -> int:
    # read here, not through index.actor_table, which imports this module
    version, _lines = table_lines(ACTORS_PATH.read_text(encoding="utf-8"))
    return version or 0


# The actor table's bodies and companies are alias groups too (mined_aliases), so its version
# counts as the curated list's does.
ALIASES_VERSION = (_curated_version() * 1000 + _actors_version()) * 100 + _MINING_VERSION


@lru_cache(maxsize=65536)  # names recur in every issue; each word is asked about once
def _tags(word: str) -> tuple[tuple[str, str], ...]:
    from index.kiwi_loader import kiwi

    return tuple((t.form, t.tag) for t in kiwi().tokenize(word))


def _is_name_word(word: str) -> bool:
    """A word made only of nouns, foreign words and numbers: no particle or ending."""
    from index.analysis import AFFIXES, NOUNISH

    return all(tag in NOUNISH or tag in AFFIXES or form in "·-" for form, tag in _tags(word))


def _plausible(korean: str, latin: str) -> bool:
    if not _HANGUL.search(korean) or _HANGUL.search(latin) or re.search(r"\d", latin):
        return False
    if _WEB_ADDRESS.search(latin):
        return False  # "웹(perplexity.ai)": the page of a thing, not its name
    if " " not in korean and len(latin.split()) > 1 and _tags(korean) == ((korean, "NNG"),):
        # One common noun for a longer name ("새로운 프로(Cursor Pro)"): the words before it
        # were dropped, and what is left is the generic part, not the name.
        return False
    if latin.isupper() and " " not in latin:
        # An acronym ("FTC") names an institution spelled out in Korean; a short generic word
        # before it ("언어모델(LLM)", "테스트(MMLU)") is the thing measured, not the name.
        return len(_HANGUL.findall(korean)) >= 5
    return True


def mine_pairs(text: str) -> list[tuple[str, str]]:
    """(Korean, Latin) name pairs written "한글 이름(Latin Name)" in a text.

    The Korean side takes as many words before the bracket as the Latin name has (so
    "과학자 요슈아 벤지오(Yoshua Bengio)" gives "요슈아 벤지오"), less any leading word that
    carries a particle, an ending or a digit ("2월 14일"); it must contain Hangul, and the
    Latin side no digits.
    """
    pairs: list[tuple[str, str]] = []
    if "(" not in text:  # most headlines and many lines: no bracket, no pair
        return pairs
    # A pair never runs over a line's end, so only the lines with a bracket are searched: the
    # pattern is tried at every word it meets (a third of an article's actors, before).
    for match in (m for line in text.split("\n") if "(" in line for m in _PAIR.finditer(line)):
        latin = match.group(2).strip()
        words = match.group(1).split()[-len(latin.split()) :]
        while words and (re.search(r"\d", words[0]) or not _is_name_word(words[0])):
            words = words[1:]
        korean = " ".join(words)
        if words and _plausible(korean, latin):
            pairs.append((korean, latin))
    return pairs


class AliasTable:
    """Spelling -> the other spellings of the same name."""

    def __init__(self, groups: Iterable[Iterable[str]]) -> None:
        self._others: dict[str, set[str]] = {}
        for group in groups:
            names = list(dict.fromkeys(group))
            for name in names:
                others = self._others.setdefault(alias_key(name), set())
                others.update(n for n in names if alias_key(n) != alias_key(name))

    def spellings_around(self, words: Iterable[str]) -> set[str]:
        """Every spelling of each name one of the words spells."""
        others = self._others
        found = set().union(*(others[k] for k in map(alias_key, words) if k in others))
        return found.union(*(others.get(alias_key(name), ()) for name in found))

    def others(self, spelling: str) -> tuple[str, ...]:
        """The other spellings of `spelling` (empty when it is not a known name)."""
        return tuple(sorted(self._others.get(alias_key(spelling), ())))
