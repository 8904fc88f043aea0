"""The shipped domain dictionary (domain_dictionary.tsv): words Kiwi should know as one word,
and, for compounds, the parts they are also indexed under."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from index.tsv_tables import table_lines

DICTIONARY_PATH = Path(__file__).with_name("domain_dictionary.tsv")


@dataclass(frozen=True)
class DomainWord:
    """One dictionary entry: the word, its Kiwi tag, and its parts (empty if it has none)."""

    word: str
    tag: str
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class DomainDictionary:
    """The parsed dictionary file: its version and its words."""

    version: int
    words: tuple[DomainWord, ...]

    def parts_of(self) -> dict[str, tuple[str, ...]]:
        """Lower-cased word -> lower-cased parts, for the words that have parts."""
        return {w.word.lower(): tuple(p.lower() for p in w.parts) for w in self.words if w.parts}


def parse_dictionary(text: str) -> DomainDictionary:
    """Parse the TSV text of a domain dictionary; the version comes from a `# version: N` line."""
    version, lines = table_lines(text)
    words = []
    for number, line in lines:
        columns = line.split("\t")
        word, tag = columns[0].strip(), columns[1].strip()
        parts = tuple(columns[2].split()) if len(columns) > 2 else ()
        if parts and "".join(parts) != word:
            raise ValueError(f"dictionary line {number}: parts {parts} do not spell {word!r}")
        words.append(DomainWord(word, tag, parts))
    if version is None:
        raise ValueError("the domain dictionary has no '# version: N' line")
    return DomainDictionary(version, tuple(words))


@cache
def domain_dictionary() -> DomainDictionary:
    """The shipped dictionary, read once per process."""
    return parse_dictionary(DICTIONARY_PATH.read_text(encoding="utf-8"))
