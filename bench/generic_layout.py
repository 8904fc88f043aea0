"""How much of the real issues the generic reader keeps: word overlap with the recognised path.

Each real issue is read twice, by its recognised layout and by the generic reader, and every
article of the first is compared with the article the second read from the same first PDF
page: the share of its words (multiset of Hangul/Latin/digit runs, so "기금을" broken into
"기" + "금을" counts as lost) that the generic article also has. Four ways to reach the
generic reader:

- forced: the pages as they are, handed to the generic reader (its contents page is read);
- no contents: the same, with the contents page ignored, so articles start at headlines;
- no page numbers: the same, with every page number taken off the pages in memory, so the
  contents page's entries are placed by the headlines that print their titles;
- renamed cues: `extract_issue` itself on pages whose layout cues are renamed in memory (the
  contents markers, the "KEY Contents" label, the symbol-font bullet glyphs written as "•"
  text), so that no generation is recognised and the issue comes out as layout "unknown".

Reported per issue: articles listed / found, how many of those have the same id (issue and
printed page), word overlap pooled over the issue (recall), the lowest article's, and the share
of the generic text that is the recognised text's (precision).
The issue's target is an overlap of at least 0.95.

    AIBRIEF_CORPUS=../shared/corpus python -m bench.generic_layout
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from unittest import mock

import pymupdf

from bench.corpus import corpus_folder
from extract import Issue, extract_issue, issue_reader
from extract.generic_reader import read_generic_articles
from extract.model import Article
from extract.page_lines import PageText, read_page
from extract.repeated_lines import page_number_line

TARGET = 0.95
_WORDS = re.compile(r"[0-9A-Za-z\uac00-\ud7a3\u4e00-\u9fff]+")
# Layout cues of the two known generations, renamed to what no generation prints
_RENAMED = (
    (re.compile(r"^\s*CONTENTS\s*$"), "목차"),
    (re.compile(r"인공지능\s*산업\s*동향\s*브리프"), "이달의 소식"),
    (re.compile(r"^\s*KEY\s*Contents\s*$", re.IGNORECASE), "요약"),
)
_GLYPHS = {"heading": "□ ", "bullet": "• ", "sub": "◦ "}


def words(text: str) -> Counter[str]:
    """The article's words as a multiset."""
    return Counter(_WORDS.findall(text))


@dataclass(frozen=True)
class Overlap:
    """How one generic reading of an issue compares with the recognised one."""

    listed: int  # articles the recognised path read
    found: int  # of them, articles the generic path read from the same first page
    same_id: int  # of those, articles with the same id
    recall: float  # recognised words the generic articles also have, pooled
    lowest: tuple[str, float]  # the article with the lowest share, and that share
    precision: float  # generic words (of matched articles) that the recognised text has
    generic_articles: int  # every article the generic path read


def overlap(recognised: tuple[Article, ...], generic: tuple[Article, ...]) -> Overlap:
    """Compare the articles read generically with those read by the recognised layout."""
    by_page = {article.pdf_pages[0]: article for article in generic}
    kept = total = spoken = matched = 0
    lowest = ("", 1.0)
    for article in recognised:
        theirs = words(article.text)
        other = by_page.get(article.pdf_pages[0])
        ours = words(other.text) if other else Counter()
        common = sum((theirs & ours).values())
        kept, total = kept + common, total + sum(theirs.values())
        spoken, matched = spoken + sum(ours.values()), matched + common
        share = common / max(1, sum(theirs.values()))
        if share < lowest[1]:
            lowest = (article.id, share)
    return Overlap(
        listed=len(recognised),
        found=sum(1 for a in recognised if a.pdf_pages[0] in by_page),
        same_id=sum(
            1
            for a in recognised
            if a.pdf_pages[0] in by_page and by_page[a.pdf_pages[0]].id == a.id
        ),
        recall=kept / max(1, total),
        lowest=lowest,
        precision=matched / max(1, spoken),
        generic_articles=len(generic),
    )


def read_pages(path: Path) -> list[PageText]:
    """Every page of the PDF as the extractor reads it."""
    with pymupdf.open(path) as doc:
        return [read_page(page) for page in doc]


def renamed_cues(page: PageText) -> PageText:
    """The page with the known generations' cues renamed (see the module docstring)."""
    lines = []
    for line in page.lines:
        text = line.text
        for pattern, name in _RENAMED:
            text = pattern.sub(name, text)
        if line.marker:
            text = _GLYPHS.get(line.marker, "• ") + text
        lines.append(replace(line, text=text, marker=None, font="Plain"))
    return replace(page, lines=tuple(lines))


def without_page_numbers(page: PageText) -> PageText:
    """The page without the number printed in its head or foot."""
    kept = tuple(line for line in page.lines if page_number_line(line, page) is None)
    return replace(page, lines=kept)


@contextmanager
def cues_renamed() -> Iterator[None]:
    """While active, `extract_issue` reads pages with their layout cues renamed."""
    with mock.patch.object(issue_reader, "read_page", lambda page: renamed_cues(read_page(page))):
        yield


def generic_readings(path: Path, issue: str) -> dict[str, Callable[[], tuple[Article, ...]]]:
    """The four ways to the generic reader (see the module docstring), by name."""

    def renamed() -> tuple[Article, ...]:
        with cues_renamed():
            read = extract_issue(path)
        if read.layout != "unknown":
            raise AssertionError(f"{path.name}: read as layout {read.layout} with cues renamed")
        return read.articles

    return {
        "forced": lambda: read_generic_articles(read_pages(path), 3, issue).articles,
        "no contents": lambda: read_generic_articles(read_pages(path), 0, issue).articles,
        "no page numbers": lambda: (
            read_generic_articles(
                [without_page_numbers(page) for page in read_pages(path)], 3, issue
            ).articles
        ),
        "renamed cues": renamed,
    }


def measure(paths: list[Path]) -> dict[str, dict[str, Overlap]]:
    """Way -> issue -> overlap."""
    results: dict[str, dict[str, Overlap]] = {}
    for path in paths:
        recognised: Issue = extract_issue(path)
        for way, read in generic_readings(path, recognised.issue).items():
            results.setdefault(way, {})[recognised.issue] = overlap(recognised.articles, read())
    return results


def _line(issue: str, o: Overlap) -> str:
    low_id, low = o.lowest
    return (
        f"  {issue}  articles {o.found:2d}/{o.listed:2d} (+{o.generic_articles - o.found} more,"
        f" {o.same_id} same id)"
        f"  overlap {o.recall:.4f}  lowest {low:.3f} ({low_id or '-'})"
        f"  precision {o.precision:.4f}"
    )


def main() -> int:
    folder = corpus_folder("bench.generic_layout")
    if folder is None:
        return 1
    paths = sorted(folder.glob("*.pdf"))
    results = measure(paths)
    met = True
    for way, issues in results.items():
        print(f"{way}:")
        for issue, result in issues.items():
            print(_line(issue, result))
        pooled = [r.recall for r in issues.values()]
        lowest = min(r.lowest[1] for r in issues.values())
        print(f"  lowest issue overlap {min(pooled):.4f}, lowest article {lowest:.3f}")
        met = met and min(pooled) >= TARGET
    print(f"target: every issue's overlap >= {TARGET} in every way: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
