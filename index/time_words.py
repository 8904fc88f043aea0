"""Words of a query that say when: a year ("2024년", "2024년의"), 올해 and 작년, 최근, and a month
or a part of a year ("2024년 3월", "2024년 상반기", "2025년 초").

A researcher who types "2024년 미국 AI 정책" means the articles of 2024, which seldom write the
year (an article of the 2024-03 issue speaks of "지난 2월"), while the articles of later issues
write it often, looking back ("2024년 12월 발표된"). Required as a word, or counted as one, the
year raised the wrong articles. So a time word is a period of issues, and the articles of that
period are raised to twice their score, among the full and among the partial matches, as those
about a country the query names are (period_ranking.PERIOD_BOOST); it filters none (issue: does).
A year is still searched as written, counted where an article writes it, never required of a
full match (an article may look ahead: "2024년 반도체 시장 전망" in a December issue). A year of
which the archive holds no issue ("2030년까지", a target) is a word as any other. A relative
word counts from the newest issue the archive holds, not from today: 올해 and 금년 are its year,
작년 and 지난해 the year before, 최근, 최신 and 요즘 the RECENT_MONTHS up to it; such a word says
nothing an article writes ("최근" in an article is its own month), so it is not searched. A month
("2024년 3월", "작년 11월") right after a year or a relative year narrows it to the issue of that
month and the next: an issue reports the month before its own (the 2024-04 issue holds March's
news), so a researcher's "3월" is the news of the April issue, and the March issue is the one they
may mean by name. The month is not searched: as a word it is the number 3, and the articles of that
month seldom write it. A part of the year (PARTS_OF_YEAR: 상반기 and 하반기, 초 and 말) narrows it
alike, to the issues from its first month to the one after its last: "2024년 상반기" is the
issues of 2024-01 to 2024-07, "2023년 말" those of 2023-10 to 2024-01. Such a word is read before
the words of asking are left out (query_terms.topical), as the analyser reads 초 as no word at all.
On the quality bench (against a15db3b as rebased on fcbef16), held-out 7 0.844 -> 0.847 (2024년
상반기 영상 만드는 AI 0.520 -> 0.631) and held-out 8 0.673 -> 0.683 (2024년 상반기 AI 칩 소식
0.651 -> 0.907, 2025년 초 공개된 추론 모델 0.701 -> 0.911, 2023년 말 AI 규제 동향 0.639 ->
0.681), no other query moved, the blind held-out 9 and 10 0.648 and 0.765 either way. A year
alone run on into the next January likewise moved no query, and is left as the year's issues.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.query_syntax import Clause
from index.query_words import query_word

YEAR = re.compile(r"(?:19|20)\d\d")
RELATIVE_YEARS = {"올해": 0, "금년": 0, "작년": -1, "지난해": -1}
RECENT = frozenset({"최근", "최신", "요즘"})
# 최근 is the issues of the last twelve months up to the newest held.
RECENT_MONTHS = 12
# The parts of a year a word after it names, by the months of their news (first, last).
PARTS_OF_YEAR = {
    "상반기": (1, 6),
    "하반기": (7, 12),
    "초": (1, 3),
    "초반": (1, 3),
    "연초": (1, 3),
    "말": (10, 12),
    "연말": (10, 12),
}
PARTICLES = ("부터", "까지", "에", "의")
MONTH = re.compile(r"(0?[1-9]|1[0-2])월")

Groups = list[tuple[Clause, ...]]


@dataclass(frozen=True)
class Dated:
    """The query's groups once its time words are read: the groups left to search, the places
    among them of the years searched as written (counted, never required), and each period
    said, as an inclusive range of issues (YYYY-MM)."""

    groups: Groups
    written: frozenset[int] = frozenset()
    periods: tuple[tuple[str, str], ...] = ()


def dated(groups: Groups, held: Callable[[], tuple[str, str] | None]) -> Dated:
    """Read the time words of the query's groups (see the module docstring); `held` gives
    the oldest and the newest issue held (None: none), asked only of a time word. A query of
    time words only keeps them as words."""
    kept: Groups = []
    written: set[int] = set()
    periods: list[tuple[str, str]] = []
    i = 0
    while i < len(groups):
        word = _word(groups[i])
        year, searched = _year(word, held)
        if year is not None:
            after = groups[i + 1] if i + 1 < len(groups) else None
            narrowed = _narrowed(year, after) if after is not None else None
            periods.append(narrowed or (f"{year}-01", f"{year}-12"))
            if searched:
                written.add(len(kept))
                kept.append(groups[i])
            i += 2 if narrowed else 1
            continue
        if word in RECENT and (issues := held()) is not None:
            periods.append((_months_before(issues[1], RECENT_MONTHS - 1), issues[1]))
        else:
            kept.append(groups[i])
        i += 1
    if not kept:
        return Dated(groups)
    return Dated(kept, frozenset(written), tuple(dict.fromkeys(periods)))


def _word(group: tuple[Clause, ...]) -> str:
    """The one analysed part of a group of one plain word ("" for any other group)."""
    c = group[0]
    if len(group) != 1 or c.field is not None or c.exact or c.phrase:
        return ""
    parts = query_word(c.text).parts
    return parts[0] if len(parts) == 1 else ""


def _narrowed(year: int, group: tuple[Clause, ...]) -> tuple[str, str] | None:
    """The issues of a half or a month of the year that the group after it names, if it
    names one: a half's issues, or a month's issue and the next (see the module docstring)."""
    word = _word(group)
    part = PARTS_OF_YEAR.get(word or _unread(group))
    if part is not None:
        first, last = part
        return f"{year}-{first:02d}", _months_before(f"{year}-{last:02d}", -1)
    month = MONTH.match(group[0].text)
    if not word or month is None or int(month.group(1)) != int(word):
        return None
    issue = f"{year}-{int(word):02d}"
    return issue, _months_before(issue, -1)


def _unread(group: tuple[Clause, ...]) -> str:
    """The text of a group of one plain word that the analyser reads as nothing ("초", a
    prefix to it), less a particle."""
    c = group[0]
    if len(group) != 1 or c.field is not None or c.exact or c.phrase or query_word(c.text).parts:
        return ""
    text = c.text.strip(".,?!~ ")
    for particle in PARTICLES:
        if text.endswith(particle) and len(text) > len(particle):
            return text[: -len(particle)]
    return text


def _year(word: str, held: Callable[[], tuple[str, str] | None]) -> tuple[int | None, bool]:
    """The year a word says, if the archive holds issues of it, and whether it is searched as
    written (a year typed, not 올해)."""
    if not (YEAR.fullmatch(word) or word in RELATIVE_YEARS) or (issues := held()) is None:
        return None, False
    oldest, newest = (int(issue[:4]) for issue in issues)
    if word in RELATIVE_YEARS:
        return newest + RELATIVE_YEARS[word], False
    return (int(word), True) if oldest <= int(word) <= newest else (None, False)


def _months_before(issue: str, months: int) -> str:
    """The issue `months` before a YYYY-MM issue (after it, for a negative count)."""
    year, month = int(issue[:4]), int(issue[5:7])
    count = year * 12 + month - 1 - months
    return f"{count // 12:04d}-{count % 12 + 1:02d}"


def in_period(issue: str, periods: tuple[tuple[str, str], ...]) -> bool:
    """Whether an issue (YYYY-MM) falls in one of the periods."""
    return any(low <= issue <= high for low, high in periods)
