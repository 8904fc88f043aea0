"""Korean analysis with Kiwi: text -> index terms with positions and character offsets.

Kiwi tags every morpheme; we keep nouns, proper nouns, numbers, foreign words, hanja, roots
and verb/adjective lemmas, and drop particles and endings. Compounds are indexed both ways,
like nori's `mixed` mode: as their parts, and as each pair of parts in a row joined into one
term ("AI안전연구소" and "AI 안전 연구소" both give ai, 안전, 연구소, ai안전, 안전연구소), so
the glued and spaced spellings meet, and a query word of several parts is a cheap lookup of
its pairs instead of a phrase. Offsets are Kiwi's own start/len; positions count only parts
and lemmas (a pair or stem shares its first part's position), so phrase queries work.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, partial
from typing import NamedTuple

from index.dictionary import domain_dictionary
from index.kiwi_loader import kiwi, share_parent_kiwi, tokenize_many

# Bump when the terms emitted for a text change: the index is then rebuilt.
ANALYZER_VERSION = 5

NOUNISH = frozenset({"NNG", "NNP", "NR", "SN", "SL", "SH", "XR", "NNB"})
AFFIXES = frozenset({"XPN", "XSN"})
PREDICATES = frozenset({"VV", "VA", "VV-R", "VA-R", "VV-I", "VA-I"})
JOINERS = frozenset({"-"})
# Bound nouns that carry no topic ("것", "수") are dropped; longer ones ("달러") are kept.
BOUND_NOUN_STOPS = frozenset(
    {"것", "수", "등", "때", "중", "바", "데", "뿐", "듯", "측", "간", "내"}
)
# Tags whose morphs are always members of a chain (a bound noun only when it carries a topic).
_MEMBER_TAGS = (NOUNISH - {"NNB"}) | AFFIXES
# Plural and similar suffixes carry no meaning of their own for search ("기업들" is "기업").
DROPPED_SUFFIXES = frozenset({"들"})


def load_analyzer() -> None:
    """Load Kiwi now, in a process about to fork workers: they share it (see kiwi_loader)."""
    kiwi()


def start_in_worker() -> None:
    """In a forked worker process: the parent's Kiwi (see kiwi_loader) and no cached terms."""
    share_parent_kiwi()
    _pretokenized.clear()


def normalize(text: str) -> str:
    """NFKC, so compatibility forms (⼤, ･, full-width letters) match their usual spelling."""
    return unicodedata.normalize("NFKC", text)


class Term(NamedTuple):
    """One emitted term: its text, position, and character span in the analysed text.

    kind is "part" (a word or morpheme), "stem" (a part without its affix, at the same
    position), "pair" (two parts in a row, joined, at the first one's position) or "lemma"
    (a verb or adjective in its dictionary form).
    """

    text: str
    pos: int
    start: int
    end: int
    kind: str = "part"


# A morpheme as (form, tag, start, end): plain tuples, as this runs for every token indexed.
_Morph = tuple[str, str, int, int]
_term = partial(tuple.__new__, Term)  # Term(...) without its Python-level __new__


@cache
def _dictionary_parts() -> dict[str, tuple[str, ...]]:
    return domain_dictionary().parts_of()


def _morphs(tokens) -> list[_Morph]:
    return [(t.form, t.tag, t.start, t.start + t.len) for t in tokens]


def _chain_members(morphs: list[_Morph]) -> list[bool]:
    """Which morphs can be part of a chain: nouns and their like, affixes, and bound nouns
    that carry a topic."""
    return [
        tag in _MEMBER_TAGS or (tag == "NNB" and len(form) > 1 and form not in BOUND_NOUN_STOPS)
        for form, tag, _, _ in morphs
    ]


def _chains(morphs: list[_Morph]) -> Iterator[list[_Morph] | _Morph | None]:
    """Group morphs written together into chains; yield predicates alone, and None where a
    dropped morph (a particle, an ending, punctuation) parts two chains."""
    member = _chain_members(morphs)
    last = len(morphs) - 1
    chain: list[_Morph] = []
    chain_end = -1
    for i, m in enumerate(morphs):
        form, tag, start, end = m
        glued = bool(chain) and chain_end == start
        if member[i] or (
            glued and form in JOINERS and i < last and morphs[i + 1][2] == end and member[i + 1]
        ):
            if chain and not glued:
                yield chain
                chain = []
            chain.append(m)
            chain_end = end
        else:
            if chain:
                yield chain
                chain = []
            yield m if tag in PREDICATES else None
    if chain:
        yield chain


def _stem(form: str, tag: str) -> str | None:
    """The bare noun of a derived word, when it can stand alone: a common noun of two
    characters or more. A proper noun is never cut from its suffix (미국산 is not indexed as
    미국), so that a name Kiwi reads as a name and a suffix stays whole."""
    return form.lower() if tag == "NNG" and len(form) > 1 else None


def _parts(chain: list[_Morph], text: str) -> list[tuple[str, int, int, str | None]]:
    """The parts of a chain as (surface, start, end, stem): an affix joins its noun, whose
    bare form is kept as the stem ("생성형" -> stem "생성", "초거대" -> stem "거대")."""
    if len(chain) == 1:  # most chains: one noun (an affix or joiner alone is no part)
        _, tag, start, end = chain[0]
        return [(text[start:end].lower(), start, end, None)] if tag in NOUNISH else []
    parts: list[list] = []
    prefix: _Morph | None = None
    for m in chain:
        form, tag, start, end = m
        if tag == "XPN":
            prefix = m
        elif tag == "XSN":
            if form not in DROPPED_SUFFIXES and parts and parts[-1][2] == start:
                parts[-1][2] = end
                parts[-1][3] = parts[-1][3] or _stem(parts[-1][0], parts[-1][4])
        elif tag in NOUNISH:
            first = prefix[2] if prefix and prefix[3] == start else start
            stem = _stem(form, tag) if first != start else None
            parts.append([form.lower(), first, end, stem, tag])
            prefix = None
        else:  # a joiner ("-" in "GPT-4o") only links the parts on either side
            prefix = None
    return [(text[start:end].lower(), start, end, stem) for _, start, end, stem, _ in parts]


def _pieces(surface: str, start: int, split: dict[str, tuple[str, ...]]) -> list[tuple]:
    """A part, or the parts the domain dictionary splits it into (`split`, see
    _dictionary_parts), with their spans."""
    parts = split.get(surface)
    if not parts:
        return [(surface, start, start + len(surface))]
    spans, offset = [], start
    for part in parts:
        spans.append((part, offset, offset + len(part)))
        offset += len(part)
    return spans


def _follows(previous: Term | None, start: int, text: str) -> bool:
    """Whether a part at `start` and the previous one are two parts in a row, with at most a
    space (not a line break) between them."""
    return (
        previous is not None
        and start - previous[3] <= 1
        and not text[previous[3] : start].strip(" -")
    )


def terms_from_morphs(text: str, tokens) -> list[Term]:
    """Turn Kiwi's tokens for `text` into index terms (see the module docstring)."""
    terms: list[Term] = []
    add = terms.append
    pos = 0
    previous: Term | None = None  # the last part, while nothing was dropped after it
    split = _dictionary_parts()
    for group in _chains(_morphs(tokens)):
        if group.__class__ is not list:
            if group is not None:
                add(_term((group[0] + "다", pos, group[2], group[3], "lemma")))
                pos += 1
            previous = None
            continue
        if len(group) == 1:  # most chains: one noun, its one part made here
            _, tag, start, end = group[0]
            if tag not in NOUNISH:  # an affix or joiner alone is no part
                continue
            surface = text[start:end].lower()
            if not split.get(surface):
                if _follows(previous, start, text):
                    add(_term((previous[0] + surface, previous[1], previous[2], end, "pair")))
                previous = _term((surface, pos, start, end, "part"))
                add(previous)
                pos += 1
                continue
        for surface, start, _end, stem in _parts(group, text):
            pieces = _pieces(surface, start, split)
            for piece, pstart, pend in pieces:
                part = _term((piece, pos, pstart, pend, "part"))
                if _follows(previous, pstart, text):
                    add(_term((previous[0] + piece, previous[1], previous[2], pend, "pair")))
                add(part)
                if stem and len(pieces) == 1:
                    add(_term((stem, pos, pstart, pend, "stem")))
                previous = part
                pos += 1
    return terms


_pretokenized: dict[str, list[Term]] = {}


def analyze(text: str) -> list[Term]:
    """The index terms of one (NFKC-normalised) text."""
    cached = _pretokenized.get(text)
    if cached is not None:
        return cached
    if not text.strip():
        return []
    return terms_from_morphs(text, kiwi().tokenize(text))


def analyze_many(texts: Iterable[str]) -> dict[str, list[Term]]:
    """Analyse many texts in one Kiwi batch (both cores); returns text -> terms."""
    unique = [t for t in dict.fromkeys(texts) if t.strip()]
    results = tokenize_many(unique)
    return {
        text: terms_from_morphs(text, tokens) for text, tokens in zip(unique, results, strict=True)
    }


def tokenize_only(texts: list[str]) -> int:
    """Run Kiwi alone over the texts, in one batch; returns the morpheme count (the bound
    the benchmarks compare indexing speed against)."""
    return sum(len(tokens) for tokens in kiwi().tokenize(texts))


class pretokenized:  # noqa: N801 - used as a context manager, reads like one
    """While active, `analyze` answers the given texts from one batch run of Kiwi.

    Whoosh calls the analyzer once per field value (twice with term vectors); batching the
    texts of a whole issue first lets Kiwi tokenize on both cores.
    """

    def __init__(
        self, texts: Iterable[str] = (), analysis: dict[str, list[Term]] | None = None
    ) -> None:
        self._texts = list(texts)
        self._analysis = analysis  # already analysed (see analyze_many)

    def __enter__(self) -> pretokenized:
        analysis = self._analysis if self._analysis is not None else analyze_many(self._texts)
        _pretokenized.update(analysis)
        return self

    def __exit__(self, *exc) -> None:
        _pretokenized.clear()


# Separates the parts of a weighted text (title, KEY Contents, body, sources); see below.
PART_SEPARATOR = "\x1e"
# Weights of those parts, in order: a term in the headline counts four times one in the body.
# The headline at 6, 3 or 2, the KEY Contents at 3 or 1.5 and the sources at 0.25 were measured
# and not kept (bench/HISTORY.md, "The main set's lowest queries by mechanism").
PART_WEIGHTS = (4.0, 2.0, 1.0, 0.5)
# Positions skipped between parts, so that a phrase never runs from the title into the body.
PART_GAP = 100


# What a stem counts for in the article, against the same word written alone.
STEM_SHARE = 0.5


def weighted_terms(value: str) -> Iterator[tuple[str, int, float, Term]]:
    """(text, position, weight, term) of each term of "title␞key␞body␞sources"; positions run
    on across the parts, with PART_GAP between them."""
    base = 0
    for part, weight in zip(value.split(PART_SEPARATOR), PART_WEIGHTS, strict=False):
        last = -1
        for term in analyze(part):
            if term.kind == "stem":  # 의료 in 의료용 counts less than 의료 written
                yield term.text, base + term.pos, weight * STEM_SHARE, term
            else:
                yield term.text, base + term.pos, weight, term
            if term.pos > last:
                last = term.pos
        base += last + 1 + PART_GAP
