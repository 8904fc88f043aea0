"""Copies of the real issues whose words differ, so that an archive of many copies holds as
many distinct terms as an archive of as many real issues would.

Copies repeating the same text understate what grows with the archive's vocabulary (writing
the term dictionary, the store of query analyses): 54 copies of six issues hold the six
issues' 11,900 terms, where 54 real issues would hold several times as many. So copy k > 0
respells a share of its word types: each run of Hangul, Latin letters or digits is chosen
or not by a hash of (k, the run), the same way wherever it occurs in the copy (a name
respelled recurs as a real new name does); a chosen Hangul run has its first syllable's
initial consonant moved k places (기업이 -> 니업이 in copy 1: a word Kiwi does not know),
Latin letters and digits are rotated k places (OpenAI -> PqfoBJ, 2024 -> 3135). Copy 0 is
the real text. The respelled text is what the bulk runs and the bare-Kiwi bound both analyse.

`heaps_fit` fits Heaps' law (terms = K * issues ** beta) to the six real issues' term sets,
so that the bench can set the terms its copies hold beside what as many real issues would
hold by that law (an extrapolation from six issues: it likely overstates a long archive,
whose topics recur).
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from dataclasses import replace

from extract.model import Article, BodySection, Bullet, Issue, Source

RESPELLED_SHARE = 0.33  # of the word types of each copy after the first
_RUN = re.compile(r"[가-힣]+|[A-Za-z]+|[0-9]+")
_HANGUL_BASE, _ONSETS, _ONSET_SPAN = 0xAC00, 19, 21 * 28


def _rotated(char: str, k: int) -> str:
    code = ord(char)
    if 0xAC00 <= code <= 0xD7A3:
        onset, rest = divmod(code - _HANGUL_BASE, _ONSET_SPAN)
        return chr(_HANGUL_BASE + (onset + k) % _ONSETS * _ONSET_SPAN + rest)
    for first, span in ((ord("a"), 26), (ord("A"), 26), (ord("0"), 10)):
        if first <= code < first + span:
            return chr(first + (code - first + k) % span)
    return char


def _respell_run(run: str, k: int, share: float) -> str:
    if zlib.crc32(f"{k}\t{run}".encode()) >= share * 2**32:
        return run
    if "가" <= run[0] <= "힣":
        return _rotated(run[0], k) + run[1:]
    return "".join(_rotated(c, k) for c in run)


def respelled_text(text: str, k: int, share: float = RESPELLED_SHARE) -> str:
    """The text of copy k (the text itself for k = 0)."""
    if k == 0 or not text:
        return text
    return _RUN.sub(lambda m: _respell_run(m.group(), k, share), text)


def _respelled_article(article: Article, k: int) -> Article:
    def r(text):
        return None if text is None else respelled_text(text, k)

    body = tuple(
        BodySection(r(s.heading), tuple(Bullet(r(b.text), tuple(map(r, b.sub))) for b in s.bullets))
        for s in article.body
    )
    sources = tuple(
        Source(r(s.text), r(s.outlet), r(s.title), s.date, s.url) for s in article.sources
    )
    return replace(
        article,
        title=r(article.title),
        key_contents=tuple(map(r, article.key_contents)),
        body=body,
        footnotes=tuple(map(r, article.footnotes)),
        sources=sources,
        captions=tuple(map(r, article.captions)),
        text="",  # derived again from the respelled fields
    )


def respelled(issue: Issue, k: int) -> Issue:
    """Issue copy k: its articles' words respelled (see the module docstring)."""
    if k == 0:
        return issue
    return replace(issue, articles=tuple(_respelled_article(a, k) for a in issue.articles))


def heaps_fit(term_sets: list[set[str]]) -> tuple[float, float]:
    """(K, beta) of terms = K * n ** beta, least squares in log-log over the mean number of
    distinct terms of n issues, every order of the issues averaged."""
    sums = [0.0] * len(term_sets)
    orders = list(itertools.permutations(range(len(term_sets))))
    for order in orders:
        seen: set[str] = set()
        for n, index in enumerate(order):
            seen |= term_sets[index]
            sums[n] += len(seen)
    points = [(math.log(n + 1), math.log(total / len(orders))) for n, total in enumerate(sums)]
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    beta = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum(
        (x - mean_x) ** 2 for x, _ in points
    )
    return math.exp(mean_y - beta * mean_x), beta
