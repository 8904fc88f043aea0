"""Import: articles exported elsewhere (JSON Lines) back into their issues.

Every line is validated before anything is committed: it must be UTF-8, JSON of bounded nesting
whose strings are valid Unicode and whose numbers are short, and an article of the schema. A file
with any bad line is imported not at all, and every bad line is reported by number, so that a fixed
file can be imported whole. Imported articles replace held ones with the same id; an issue that
exists only by import has no PDF and is recorded in the catalog as imported. An article's PDF
pages must lie within its issue's PDF where the archive holds one. Its `text` is derived from its
other fields, which are what is searched, so a line whose `text` says something else is refused
(a line may leave `text` out).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archive.errors import ArchiveError
from archive.schema import first_error
from archive.schema.plain_article import plainly_an_article
from archive.store import IssueCommit
from extract.model import Article, Issue, PdfInfo, article_text, issue_title, page_range_problem

if TYPE_CHECKING:
    from archive.store import Store

NO_PDF = PdfInfo(name="", sha256="", pages=0)
MAX_NESTING = 16  # an article nests 6 deep (body, bullets, sub); json.loads recurses per level
MAX_DIGITS = 20  # pages and counts; longer numbers meet Python's int-to-str limit
REASON_CHARS = 100  # a reason quotes the bad value; a 5,000-character title is cut
BOM = "\ufeff"
PagesOf = Callable[[str], int | None]  # an issue -> the pages of its held PDF, None if none
# A string literal, its escapes unrolled: a third of the time of "(?:[^"\\]|\\.)*" per line
JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


@dataclass(frozen=True)
class BadLine:
    """A line of the import file that was not loaded, and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True)
class ImportReport:
    """What an import loaded and what it refused."""

    articles: int
    issues: tuple[str, ...]
    bad_lines: tuple[BadLine, ...]

    @property
    def ok(self) -> bool:
        """True when every line was loaded."""
        return not self.bad_lines

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "articles": self.articles,
            "issues": list(self.issues),
            "bad_lines": [{"line": b.line, "reason": b.reason} for b in self.bad_lines],
        }


def nesting(text: str) -> int:
    """How deep the arrays and objects of a JSON text nest, brackets inside strings aside."""
    depth = deepest = 0
    for char in JSON_STRING.sub("", text):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def short_int(digits: str) -> int:
    """json's parse_int, refusing numbers too long for any field of an article."""
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"a number of {len(digits)} digits")
    return int(digits)


def no_constant(name: str) -> float:
    """json's parse_constant: NaN and Infinity are not JSON."""
    raise ValueError(f"{name} is not a JSON number")


def parse_json(text: str) -> Any:
    """One line's JSON value; raises ValueError with a one-line reason."""
    if nesting(text) > MAX_NESTING:
        raise ValueError(f"nested more than {MAX_NESTING} deep")
    try:
        data = json.loads(text, parse_int=short_int, parse_constant=no_constant)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("a string is not valid Unicode (a lone surrogate)") from None
    return data


def parse_line(text: str, pdf_pages_of: PagesOf = lambda _issue: None) -> Article:
    """One JSONL line as an Article; raises ValueError with a one-line reason. `pdf_pages_of`
    gives the page count of an issue's held PDF (None: no PDF held)."""
    data = parse_json(text)
    problem = None if plainly_an_article(data) else first_error("article", data)
    if problem:
        raise ValueError(f"not an article ({problem})")
    if not data["id"].startswith(data["issue"] + "-"):
        raise ValueError(f"id {data['id']} does not belong to issue {data['issue']}")
    article = Article.from_json(data)
    problem = page_range_problem(article.pdf_pages, pdf_pages_of(article.issue))
    if problem:
        raise ValueError(problem)
    if article.text != article_text(article):
        raise ValueError("text differs from its fields' text: edit the fields, leave text out")
    return article


def shortened(reason: str) -> str:
    """A reason cut to REASON_CHARS characters, on one line."""
    reason = " ".join(reason.split())
    return reason if len(reason) <= REASON_CHARS else reason[: REASON_CHARS - 1] + "…"


def decoded_lines(path: Path) -> list[str | UnicodeDecodeError]:
    """The file's lines as text (a BOM on line 1 dropped), or the decoding error of each bad one."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArchiveError(f"{path}: no such file") from None
    except OSError as error:
        raise ArchiveError(f"{path}: cannot be read ({error.strerror})") from None
    lines: list[str | UnicodeDecodeError] = []
    for raw_line in raw.split(b"\n"):
        try:
            lines.append(raw_line.decode("utf-8"))
        except UnicodeDecodeError as error:
            lines.append(error)
    if lines and isinstance(lines[0], str):
        lines[0] = lines[0].removeprefix(BOM)
    return lines


def read_articles(
    path: Path, pdf_pages_of: PagesOf = lambda _issue: None
) -> tuple[dict[str, list[Article]], list[BadLine]]:
    """The good articles of a JSONL file by issue (in file order), and the bad lines."""
    by_issue: dict[str, list[Article]] = {}
    first_line: dict[str, int] = {}
    bad = []
    for number, text in enumerate(decoded_lines(path), start=1):
        if isinstance(text, UnicodeDecodeError):
            byte = text.object[text.start]
            bad.append(BadLine(number, f"not UTF-8 (byte 0x{byte:02X} at column {text.start + 1})"))
            continue
        if not text.strip():
            continue
        try:
            article = parse_line(text, pdf_pages_of)
        except ValueError as error:
            bad.append(BadLine(number, shortened(str(error))))
            continue
        if article.id in first_line:
            bad.append(
                BadLine(
                    number, f"duplicate id {article.id} (first on line {first_line[article.id]})"
                )
            )
            continue
        first_line[article.id] = number
        by_issue.setdefault(article.issue, []).append(article)
    return by_issue, bad


def merged(held: Issue | None, issue: str, articles: list[Article]) -> Issue:
    """The issue with imported articles replacing held ones of the same id, new ones added."""
    if held is None:
        return Issue(issue=issue, title=issue_title(issue), pdf=NO_PDF, articles=tuple(articles))
    incoming = {article.id: article for article in articles}
    kept = [incoming.pop(a.id, a) for a in held.articles]
    combined = sorted([*kept, *incoming.values()], key=lambda a: a.page)
    return Issue(held.issue, held.title, held.pdf, tuple(combined), held.events)


def import_articles(store: Store, path: Path) -> ImportReport:
    """Import a JSONL file into a store whose lock is held: all of it, in one commit, or
    nothing when any line is bad."""

    def pdf_pages_of(issue: str) -> int | None:
        row = store.catalog.issue(issue)
        return store.issue(issue).pdf.pages if row is not None and row.origin == "pdf" else None

    by_issue, bad = read_articles(path, pdf_pages_of)
    if bad:
        return ImportReport(0, (), tuple(bad))
    commits = []
    for issue, articles in sorted(by_issue.items()):
        row = store.catalog.issue(issue)
        held = store.issue(issue) if row else None
        new = merged(held, issue, articles)
        if row is not None and row.origin == "pdf":  # the issue keeps its PDF and source
            commits.append(IssueCommit(new, "pdf", row.source_path, row.source_sha256, None))
        else:
            commits.append(IssueCommit(new, "imported", None, None, None))
    store.commit_issues(commits)
    count = sum(len(articles) for articles in by_issue.values())
    return ImportReport(count, tuple(sorted(by_issue)), tuple(bad))
