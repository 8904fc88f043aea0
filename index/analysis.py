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

import threading
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

from whoosh.analysis import Analyzer, Token

from index.dictionary import domain_dictionary

# Bump when the terms emitted for a text change: the index is then rebuilt.
ANALYZER_VERSION = 4

NOUNISH = frozenset({"NNG", "NNP", "NR", "SN", "SL", "SH", "XR", "NNB"})
AFFIXES = frozenset({"XPN", "XSN"})
PREDICATES = frozenset({"VV", "VA", "VV-R", "VA-R", "VV-I", "VA-I"})
JOINERS = frozenset({"-"})
# Bound nouns that carry no topic ("것", "수") are dropped; longer ones ("달러") are kept.
BOUND_NOUN_STOPS = frozenset(
    {"것", "수", "등", "때", "중", "바", "데", "뿐", "듯", "측", "간", "내"}
)
# Plural and similar suffixes carry no meaning of their own for search ("기업들" is "기업").
DROPPED_SUFFIXES = frozenset({"들"})

_kiwi_lock = threading.Lock()
_kiwi = None


def kiwi():
    """The process's one Kiwi, with the domain dictionary, loaded on first use."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                # The typo and multi-word dictionaries cost load time and memory and do not
                # help on edited text; two workers let batch tokenizing use both cores.
                instance = Kiwi(num_workers=2, load_typo_dict=False, load_multi_dict=False)
                for word in domain_dictionary().words:
                    instance.add_user_word(word.word, word.tag)
                _kiwi = instance
    return _kiwi


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


class _Morph(NamedTuple):
    form: str
    tag: str
    start: int
    end: int


@cache
def _dictionary_parts() -> dict[str, tuple[str, ...]]:
    return domain_dictionary().parts_of()


def _morphs(tokens) -> list[_Morph]:
    return [_Morph(t.form, t.tag, t.start, t.start + t.len) for t in tokens]


def _is_chain_member(m: _Morph) -> bool:
    if m.tag in AFFIXES:
        return True
    if m.tag == "NNB":
        return m.form not in BOUND_NOUN_STOPS and len(m.form) > 1
    return m.tag in NOUNISH


def _chains(morphs: list[_Morph]) -> Iterator[list[_Morph] | _Morph | None]:
    """Group morphs written together into chains; yield predicates alone, and None where a
    dropped morph (a particle, an ending, punctuation) parts two chains."""
    chain: list[_Morph] = []
    i = 0
    while i < len(morphs):
        m = morphs[i]
        glued = bool(chain) and chain[-1].end == m.start
        joiner = (
            m.form in JOINERS
            and glued
            and i + 1 < len(morphs)
            and morphs[i + 1].start == m.end
            and _is_chain_member(morphs[i + 1])
        )
        if _is_chain_member(m) or joiner:
            if chain and not glued:
                yield chain
                chain = []
            chain.append(m)
        else:
            if chain:
                yield chain
                chain = []
            yield m if m.tag in PREDICATES else None
        i += 1
    if chain:
        yield chain


def _parts(chain: list[_Morph], text: str) -> list[tuple[str, int, int, str | None]]:
    """The parts of a chain as (surface, start, end, stem): an affix joins its noun, whose
    bare form is kept as the stem ("생성형" -> stem "생성", "초거대" -> stem "거대")."""
    parts: list[list] = []
    prefix: _Morph | None = None
    for m in chain:
        if m.tag == "XPN":
            prefix = m
        elif m.tag == "XSN":
            if m.form not in DROPPED_SUFFIXES and parts and parts[-1][2] == m.start:
                parts[-1][2] = m.end
                parts[-1][3] = parts[-1][3] or parts[-1][0]
        elif m.tag in NOUNISH:
            start = prefix.start if prefix and prefix.end == m.start else m.start
            stem = m.form.lower() if start != m.start else None
            parts.append([m.form.lower(), start, m.end, stem])
            prefix = None
        else:  # a joiner ("-" in "GPT-4o") only links the parts on either side
            prefix = None
    return [(text[start:end].lower(), start, end, stem) for _, start, end, stem in parts]


def _split_by_dictionary(surface: str, start: int) -> list[tuple[str, int, int]]:
    parts = _dictionary_parts().get(surface)
    if not parts:
        return [(surface, start, start + len(surface))]
    spans, offset = [], start
    for part in parts:
        spans.append((part, offset, offset + len(part)))
        offset += len(part)
    return spans


def _adjacent(text: str, left: Term | None, right_start: int) -> bool:
    """Two parts in a row with at most a space between them, on one line."""
    if left is None:
        return False
    gap = text[left.end : right_start]
    return len(gap) <= 1 and not gap.strip(" -")


def terms_from_morphs(text: str, tokens) -> list[Term]:
    """Turn Kiwi's tokens for `text` into index terms (see the module docstring)."""
    terms: list[Term] = []
    pos = 0
    previous: Term | None = None  # the last part, while nothing was dropped after it
    for group in _chains(_morphs(tokens)):
        if not isinstance(group, list):
            if group is not None:
                terms.append(Term(group.form + "다", pos, group.start, group.end, "lemma"))
                pos += 1
            previous = None
            continue
        for surface, start, _end, stem in _parts(group, text):
            pieces = _split_by_dictionary(surface, start)
            for piece, pstart, pend in pieces:
                part = Term(piece, pos, pstart, pend, "part")
                if _adjacent(text, previous, pstart):
                    pair = previous.text + piece
                    terms.append(Term(pair, previous.pos, previous.start, pend, "pair"))
                terms.append(part)
                if stem and len(pieces) == 1:
                    terms.append(Term(stem, pos, pstart, pend, "stem"))
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
    results = kiwi().tokenize(unique)
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
PART_WEIGHTS = (4.0, 2.0, 1.0, 0.5)
# Positions skipped between parts, so that a phrase never runs from the title into the body.
PART_GAP = 100


class WeightedAnalyzer(Analyzer):
    """Analyses "title␞key␞body␞sources" into one field, each term weighted by its part.

    Summing weighted term frequencies across parts before BM25 saturates them is what BM25F
    does; doing it in one field lets a word be one posting list instead of one per field,
    which keeps searching fast as the archive grows.
    """

    def __eq__(self, other) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, value, positions=False, chars=False, start_pos=0, mode="", **kwargs):
        token = Token(positions, chars, mode=mode, **kwargs)
        base = start_pos
        for part, weight in zip(value.split(PART_SEPARATOR), PART_WEIGHTS, strict=False):
            last = -1
            for term in analyze(part):
                token.text, token.boost, token.stopped = term.text, weight, False
                token.pos = base + term.pos
                if chars:
                    token.startchar, token.endchar = term.start, term.end
                last = max(last, term.pos)
                yield token
            base += last + 1 + PART_GAP


class KiwiAnalyzer(Analyzer):
    """Whoosh analyzer over `analyze`; module-level and stateless so the schema pickles."""

    def __eq__(self, other) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for term in analyze(value):
            token.text = term.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[term.start : term.end]
            if positions:
                token.pos = start_pos + term.pos
            if chars:
                token.startchar = start_char + term.start
                token.endchar = start_char + term.end
            yield token
