"""The domain thesaurus (concepts.tsv): what a query word also stands for.

One concept a line: its preferred label, its equivalents (any script, comma-separated) and its
narrower terms. A query word that is one of a concept's forms also finds the concept's other
forms (its siblings) and, below them, its narrower terms; a narrower term that is itself the
label of another line brings that line's equivalents too, one level deep. The concepts a word
is a narrower term of are its broader ones (AI 면접 -> 채용), which the query looks for only
when the word and its own forms find few articles (see query_builder): "AI 칩" does not find
every article on 반도체, but a word the archive hardly holds finds its broader topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from index.tsv_tables import table_lines

CONCEPTS_PATH = Path(__file__).with_name("concepts.tsv")
# A concept with more narrower terms than this (AI 위험, 규제, 의료) is a hub, too broad to stand
# for a narrower word: it is not looked for as a broader concept. On the quality bench (nDCG@10
# all / new) hubs of more than 4, 6 and 8 terms left out gave 0.916 / 0.871, 0.916 / 0.870 and
# 0.915 / 0.868 (0.915 / 0.868 with every broader concept), the held-out sets unchanged.
HUB = 4
# Words whose expansion a table keeps (see ConceptTable.expand); past this it starts again.
EXPANDED = 65536


def concept_key(text: str) -> str:
    """What two spellings of a form share: lower case, no spaces ("AI 칩" = "ai칩")."""
    return re.sub(r"\s+", "", text).lower()


# An English plural: a Latin letter and s, not a singular's ss, us or is (access, status, crisis);
# an acronym's plural is its capitals and s (APIs, GPUs), whatever letter ends the acronym.
_PLURAL = re.compile(r"(?<=[a-z])s$")
_NOT_PLURAL = re.compile(r"(ss|us|is)$")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2}s$")
# A singular shorter than this is an acronym the plural may not be of (CVs are résumés, not
# computer vision; ads are not AD).
SHORTEST_SINGULAR = 3


def english_singulars(text: str) -> tuple[str, ...]:
    """The keys of the singulars an English plural may be of, likeliest first: chips -> chip,
    processes -> process, policies -> policy, APIs -> api; () for a word that is no plural."""
    bare = re.sub(r"\s+", "", text)
    key = bare.lower()
    if _ACRONYM_PLURAL.search(bare):
        singulars = [key[:-1]]
    elif not _PLURAL.search(key) or _NOT_PLURAL.search(key):
        return ()
    else:
        singulars = [key[:-1]]
        if key.endswith("es"):
            singulars.append(key[:-2])
        if key.endswith("ies"):
            singulars.append(key[:-3] + "y")
    return tuple(s for s in singulars if len(s) >= SHORTEST_SINGULAR)


@dataclass(frozen=True)
class Concept:
    """One line of the table: the label, its equivalents and its narrower terms."""

    label: str
    equivalents: tuple[str, ...]
    narrower: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The label and its equivalents, each once, the label first. (Kept once made, with
        concept_key's pattern compiled once, the graded queries' warm searches at 10,000
        articles took 1,045.7 CPU-ms against 1,053.5: within what the runs move; not kept.)"""
        return tuple({concept_key(f): f for f in (self.label, *self.equivalents)}.values())


@dataclass(frozen=True)
class Expansion:
    """The forms a query word adds: siblings (same concept), then narrower terms."""

    siblings: tuple[str, ...] = ()
    narrower: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.siblings or self.narrower or self.broader)


def _forms(column: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in column.split(",") if f.strip())


def parse_concepts(text: str) -> tuple[int, tuple[Concept, ...]]:
    """Parse the table's TSV text: (version, concepts); a malformed line is a ValueError."""
    version, lines = table_lines(text)
    concepts = []
    for number, line in lines:
        columns = line.split("\t")
        if len(columns) > 3 or not columns[0].strip():
            raise ValueError(f"concepts line {number}: want concept, equivalents, narrower")
        label = columns[0].strip()
        equivalents = _forms(columns[1]) if len(columns) > 1 else ()
        narrower = _forms(columns[2]) if len(columns) > 2 else ()
        concepts.append(Concept(label, equivalents, narrower))
    if version is None:
        raise ValueError("the concept table has no '# version: N' line")
    return version, tuple(concepts)


class ConceptTable:
    """Query word -> the forms it also stands for."""

    def __init__(self, concepts: tuple[Concept, ...] = (), version: int = 0) -> None:
        self.version = version
        self._by_form: dict[str, list[Concept]] = {}
        self._by_label: dict[str, Concept] = {}
        self._above: dict[str, list[Concept]] = {}  # a narrower term -> the concepts above it
        self._spelled: dict[str, str] = {}  # key -> the form as the table writes it
        # the forms of several words, by the key of their first word and of their last
        self._by_end: dict[str, list[str]] = {}
        self._expanded: dict[str, Expansion] = {}  # see expand
        # the singular of a form of several words listed in the plural -> that form's key
        self._plural_of: dict[str, str] = {}
        for concept in concepts:
            self._by_label.setdefault(concept_key(concept.label), concept)
            for form in concept.forms:
                self._by_form.setdefault(concept_key(form), []).append(concept)
                self._spelled.setdefault(concept_key(form), form)
                if len(words := form.split()) > 1:
                    for end in dict.fromkeys(concept_key(w) for w in (words[0], words[-1])):
                        self._by_end.setdefault(end, []).append(form)
                    for singular in english_singulars(form):
                        self._plural_of.setdefault(singular, concept_key(form))
            for term in concept.narrower:
                self._above.setdefault(concept_key(term), []).append(concept)

    def __len__(self) -> int:
        return len(self._by_label)

    def every_form(self) -> set[str]:
        """Every form and narrower term the table writes, and each of several words glued
        too (a query typing it apart is asked whether it spells that one compound): what a
        build stores the analyses of, so that a query typed as any form loads no Kiwi."""
        written = set(self._spelled.values())
        written.update(term for concept in self._by_label.values() for term in concept.narrower)
        return written | {form.replace(" ", "") for form in written if " " in form.strip()}

    def _key(self, text: str) -> str:
        """The key the text is looked up by: its own, or, for an English plural the table does
        not list, its singular's ("neuromorphic chips" is "neuromorphic chip", "foundries" is
        foundry). One rule instead of a plural form on every line: the briefs write English in
        the singular (none of the 931 plurals of its English forms it does not list is in the
        six real issues), so a plural is only ever typed, and the rule adds no term to look up.
        The other way too, for a form of several words the table lists in the plural alone: its
        singular typed is that form ("compliance cost" is "compliance costs"), as a phrase's
        last word in the singular names the same thing. Not a word alone, whose singular is
        often a word of its own (fines / fine, judges / judge, news / new)."""
        key = concept_key(text)
        if key in self._by_form or key in self._above:
            return key
        for singular in english_singulars(text):
            if singular in self._by_form or singular in self._above:
                return singular
        return self._plural_of.get(key, key)

    def knows(self, text: str) -> bool:
        """Whether the text is a form of some concept (or an English plural of one)."""
        return self._key(text) in self._by_form

    def labels(self, text: str) -> tuple[str, ...]:
        """The labels of the concepts the text is a form of ("Big Tech" -> ("빅테크",))."""
        return tuple(c.label for c in self._by_form.get(concept_key(text), ()))

    def spelled(self, text: str) -> str | None:
        """The form the text is, as the table writes it ("생성 ai" -> "생성 AI"); None if none."""
        return self._spelled.get(self._key(text))

    def read_alike(self, text: str, read: Callable[[str], tuple[str, ...]]) -> str | None:
        """The form of several words, as the table writes it, that `read` reads as it reads
        the text: "적은 비용으로" is the form 적은 비용 (both 적다 비용), whichever form the
        analyser reduces each word to. Only the forms that share the text's first word or its
        last (as written or as read) are read."""
        read_text = read(text)
        if not read_text:
            return None
        words = text.split()
        ends = (words[0], words[-1], read_text[0], read_text[-1])
        for end in dict.fromkeys(concept_key(e) for e in ends):
            for form in self._by_end.get(end, ()):
                if read(form) == read_text:
                    return form
        return None

    def expand(self, word: str) -> Expansion:
        """The siblings and narrower terms of a word, without the word itself; worked out
        once a word and table (a query's words ask it twice or more each, at every search)."""
        found = self._expanded.get(word)
        if found is None:
            if len(self._expanded) >= EXPANDED:
                self._expanded.clear()
            found = self._expanded[word] = self._expansion(word)
        return found

    def _expansion(self, word: str) -> Expansion:
        typed = concept_key(word)
        own = self._key(word)  # a plural typed: its singular's concept, the singular a sibling
        siblings: dict[str, str] = {}
        narrower: dict[str, str] = {}
        for concept in self._by_form.get(own, ()):
            siblings.update((concept_key(f), f) for f in concept.forms)
            for term in concept.narrower:
                narrower[concept_key(term)] = term
                below = self._by_label.get(concept_key(term))
                if below is not None:
                    narrower.update((concept_key(f), f) for f in below.forms)
        siblings.pop(typed, None)
        for key in (typed, own, *siblings):
            narrower.pop(key, None)
        broader: dict[str, str] = {}
        for key in dict.fromkeys(
            [own, *(concept_key(c.label) for c in self._by_form.get(own, ()))]
        ):
            for concept in self._above.get(key, ()):
                if len(concept.narrower) > HUB:
                    continue
                broader.update((concept_key(f), f) for f in concept.forms)
        for key in (typed, own, *siblings, *narrower):
            broader.pop(key, None)
        return Expansion(
            tuple(siblings.values()), tuple(narrower.values()), tuple(broader.values())
        )


@cache
def shipped_concepts() -> ConceptTable:
    """The table shipped with aibrief (empty, version 0, until the file exists)."""
    if not CONCEPTS_PATH.exists():
        return ConceptTable()
    version, concepts = parse_concepts(CONCEPTS_PATH.read_text(encoding="utf-8"))
    return ConceptTable(concepts, version)
