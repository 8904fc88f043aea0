""" "Did you mean": replace a word the index does not know by the closest one it does.

The closest terms come from the spelling index (index/spelling.py), not a scan of the term
list; a query of more than MAX_SUGGESTED_WORDS unknown words gets none, and the work stops
when the search's budget is spent (index/request_limits.py), each cut noted in the budget."""

from __future__ import annotations

from collections.abc import Callable

from whoosh.support.levenshtein import damerau_levenshtein

from index.query_analysis import terms_of
from index.query_words import query_word
from index.request_limits import DID_YOU_MEAN, MAX_SUGGESTED_WORDS, Budget, cut_note
from index.spelling import SpellingIndex

# The shortest word (in characters) that may be a typing slip of another the index holds, in
# Hangul and in Latin letters; twice as long, two edits.
RESPELT_HANGUL, RESPELT_LATIN = 3, 5
# Measured and not kept: a Hangul word respelt letter by letter (its syllables split into jamo,
# one letter apart, two for four syllables or more: 큐웬 -> 큐원, 엔트로픽 -> 앤스로픽, 쏘라 ->
# 소라), before counting syllables. From two syllables, on the quality bench (nDCG@10 held-out 1
# / held-out 7 / held-out 8 against 0.887 / 0.776 / 0.673, the other groups unchanged): 0.882 /
# 0.773 / 0.674, held-out 8's recall@10 0.815 -> 0.789 (a short word's nearest term by a letter
# is another word as often as its slip: 주의, which no article holds, in 연방과 주의 갈등 0.631 ->
# 0.500); from three, no query moved.
# The shortest clipped word (in characters) looked up as the one longer term it begins.
CLIPPED_HANGUL, CLIPPED_LATIN = 2, 4
# The tense initial consonants (ㄲ ㄸ ㅃ ㅆ ㅉ) by their place among Hangul's initials, each
# with its plain one: a loanword or a foreign name is often typed tense where the Brief writes
# it plain (쏘라 for 소라, Sora; 싸이트, 써비스), a class of spellings the edit distance above
# leaves out at two syllables. Made plain, a word is looked for only if it is then a known name
# or a thesaurus form (clause_forms.py): 빨간 is not 발간. On the quality bench (against
# 589f111) 쏘라 영상 AI 0.377 -> 0.964 and held-out 7 0.775 -> 0.793, no other query moved.
# Measured and not kept the same way: the other spellings writers give a loanword
# (bench.hangul_spellings' variants: 컨텐츠 / 콘텐츠, 리더쉽 / 리더십, 딥 / 디프) looked up
# where one is a known name or a thesaurus form: no query of the quality bench moved (held-out 8
# 0.835 and held-out 9 0.659 either way), as three syllables and more are the nearest spelling's.
PLAIN_INITIALS = {1: 0, 4: 3, 8: 7, 10: 9, 13: 12}
_SYLLABLES, _PER_INITIAL = 0xAC00, 21 * 28


def plain_initials(text: str) -> str:
    """The text with each Hangul syllable's tense initial made plain (쏘라 -> 소라)."""
    out = []
    for char in text:
        at = ord(char) - _SYLLABLES
        if 0 <= at < 19 * _PER_INITIAL and at // _PER_INITIAL in PLAIN_INITIALS:
            at = PLAIN_INITIALS[at // _PER_INITIAL] * _PER_INITIAL + at % _PER_INITIAL
            char = chr(_SYLLABLES + at)
        out.append(char)
    return "".join(out)


def unknown_parts(speller: SpellingIndex, word: str) -> list[str]:
    """The parts of a word (as the index analyses it) that the index does not hold."""
    return [part for part in query_word(word).parts if speller.frequency(part) == 0]


def corrected_word(speller: SpellingIndex, word: str) -> str | None:
    """The word with each unknown part replaced by its closest known term, or None."""
    corrected = word
    for part in unknown_parts(speller, word):
        replacement = speller.closest(part)
        if replacement is None:
            return None
        lowered = corrected.lower()
        at = lowered.find(part)
        if at == -1:
            return None
        corrected = corrected[:at] + replacement + corrected[at + len(part) :]
    return corrected if corrected != word else None


def respelling(speller: SpellingIndex, word: str) -> str | None:
    """The term the index holds that a word of one part it does not hold is a typing slip of:
    one edit away (a swap of neighbours is one: 엔디비아 -> 엔비디아), two for a long word, and
    none for a short one (주의, 알리는), whose nearest term is another word more often than
    its slip (커머스 is two edits from 서비스), nor for a verb or an adjective (reads_as_verb)."""
    parts = query_word(word).parts
    if len(parts) != 1 or speller.frequency(parts[0]) > 0 or reads_as_verb(word):
        return None
    part = parts[0]
    latin = part.isascii()
    if clipped := completion(speller, part):
        return clipped
    if len(part) < (RESPELT_LATIN if latin else RESPELT_HANGUL):
        return None
    near = speller.closest(part)
    edits = 1 if len(part) < 2 * (RESPELT_LATIN if latin else RESPELT_HANGUL) else 2
    if near is None or damerau_levenshtein(part, near) > edits:
        return None
    return near


def completion(speller: SpellingIndex, part: str) -> str | None:
    """The one term the index holds that the part begins, two characters or more longer: a
    loanword or a name clipped as it is spoken (인스타 for 인스타그램), which the nearest
    spelling by edits reads as another word (스타); None where several terms begin with it
    (엔터: 엔터프라이즈, 엔터테인먼트) or it is shorter than CLIPPED_HANGUL or CLIPPED_LATIN.
    On the quality bench after the thesaurus's v45, 인스타 AI 이미지 표시 0.631 -> 1.000 and
    held-out 8 0.805 -> 0.812; no other query moved, held-out 9 0.659 either way."""
    if len(part) < (CLIPPED_LATIN if part.isascii() else CLIPPED_HANGUL):
        return None
    longer = speller.starting_with(part, 2, shortest=len(part) + 2)
    return longer[0] if len(longer) == 1 else None


def reads_as_verb(word: str) -> bool:
    """Whether the analyser reads the word as a verb or an adjective (its lemma, 빠지다 for
    빠졌나): a word of the language it knows, which the articles do not write, not a slip of the
    nearest term. Respelt, 빠졌나 ("were left out") became 빠르다 (fast), whose topic nouns (속도,
    가속) then ranked the articles on speed for "AI 선언문에 미국과 영국은 왜 빠졌나?", and
    해칠까 became 미치다: on the quality bench against a15db3b, AI가 동료 관계를 해칠까? 0.631 ->
    1.000 and held-out 8 0.673 -> 0.681, no other query moved."""
    return any(term.kind == "lemma" for term in terms_of(word))


def nearest_spelling(
    speller_of: Callable[[], SpellingIndex | None], limits: list
) -> Callable[[str], str | None]:
    """respelling, once the spelling index `speller_of` gives is ready; when it is not (a
    served search waits only its time budget for it to be built), None and a note in
    `limits`."""

    def nearest(word: str) -> str | None:
        speller = speller_of()
        if speller is None:
            note = cut_note(
                "also matched: the nearest spellings of unknown words not looked up in time",
                for_time=True,
            )
            if note not in limits:
                limits.append(note)
            return None
        return respelling(speller, word)

    return nearest


def suggest(
    speller: SpellingIndex,
    query: str,
    words: tuple[str, ...],
    finds: Callable[[str], bool],
    budget: Budget,
) -> str | None:
    """A corrected query that itself finds results, or None."""
    suggestion = query
    unknown = [word for word in words if unknown_parts(speller, word)]
    if len(unknown) > MAX_SUGGESTED_WORDS:
        budget.note(
            cut_note(
                "did you mean: not offered for %(unknown)s unknown words (at most %(most)s)",
                unknown=len(unknown),
                most=MAX_SUGGESTED_WORDS,
            )
        )
        return None
    for word in unknown:
        if budget.spent:
            budget.skipped(DID_YOU_MEAN)
            return None
        corrected = corrected_word(speller, word)
        if corrected:
            suggestion = suggestion.replace(word, corrected, 1)
    if suggestion == query:
        return None
    if budget.spent:
        budget.skipped(DID_YOU_MEAN)
        return None
    return suggestion if finds(suggestion) else None
