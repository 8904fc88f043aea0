"""Words typed apart that are one thing: a run of plain query words that spells a known name
("Stability AI", "요슈아 벤지오") or compound ("딥 페이크") is looked up as a phrase, and one
that spells a concept of several words ("AI 반도체") as that concept, which still matches its
words apart."""

from __future__ import annotations

from index.aliases import AliasTable
from index.clause_forms import typed_concept
from index.concepts import ConceptTable
from index.query_syntax import Clause
from index.query_terms import is_plain_word
from index.query_words import dropped_meaning, is_compound, query_word, reading

# Consecutive words looked up together as one name ("Stability AI", "요슈아 벤지오").
LONGEST_NAME = 3

Groups = tuple[tuple[Clause, ...], ...]


def joined_words(
    groups: Groups, aliases: AliasTable, concepts: ConceptTable, expand: bool = True
) -> list[tuple[Clause, ...]]:
    """Merge runs of plain words into one clause when they spell a known name or compound (a
    phrase), or (with `expand`) a concept of several words (which also matches apart)."""
    joined: list[tuple[Clause, ...]] = []
    i = 0
    while i < len(groups):
        for n in range(min(LONGEST_NAME, len(groups) - i), 1, -1):
            run = groups[i : i + n]
            if all(len(g) == 1 and g[0].field is None and not g[0].phrase for g in run):
                text = " ".join(g[0].text for g in run)
                clause = _joined(text, aliases, concepts, expand)
                if clause is not None:
                    joined.append((clause,))
                    i += n
                    break
        else:
            joined.append(groups[i])
            i += 1
    return joined


def _joined(text: str, aliases: AliasTable, concepts: ConceptTable, expand: bool) -> Clause | None:
    if aliases.others(text) or is_compound(text):
        return Clause(text, phrase=True)
    if expand:
        if concepts.knows(text):
            return Clause(text, phrase=True, loose=True)
        # the last word usually carries a particle and a word may be conjugated: "적은 비용으로"
        # is the concept's form 적은 비용, both read 적다 비용 (query_words.reading)
        if (form := concepts.read_alike(text, reading)) is not None:
            return Clause(form, phrase=True, loose=True)
        if dropped_meaning(text):
            return None  # "여러 언어를" is not the concept 언어: the analyser drops 여러
        bare = " ".join(part for word in text.split() for part in query_word(word).parts)
        if (form := concepts.spelled(bare)) is not None:
            return Clause(form, phrase=True, loose=True)
    return None


def said_by_concept(groups: list[tuple[Clause, ...]], concepts: ConceptTable) -> set[int]:
    """The places of the plain one-part words that a concept typed beside them already holds
    in a form of several words: 보호 in "프라이버시 보호" (프라이버시 is a form of the concept
    개인정보 보호). Such a word says what the concept says: an article on the concept need not
    write it (a privacy attack is about 개인정보 without saying 보호), so it is counted where
    it stands, not required of a full match."""
    said = set()
    for i, group in enumerate(groups):
        parts = _plain_parts(group)
        if len(parts) != 1:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(groups) and parts[0] in _form_words(groups[j], concepts):
                said.add(i)
                break
    return said


def _plain_parts(group: tuple[Clause, ...]) -> tuple[str, ...]:
    return query_word(group[0].text).parts if is_plain_word(group) else ()


def _form_words(group: tuple[Clause, ...], concepts: ConceptTable) -> set[str]:
    """The words of the other forms of several words of the concept a group is."""
    if len(group) != 1 or group[0].field is not None or group[0].exact:
        return set()
    text = group[0].text
    expansion = typed_concept(concepts, text)
    own = set(query_word(text).parts)
    words = set()
    for form in expansion.siblings:
        if " " in form.strip():
            words.update(query_word(form).parts)
    return words - own
