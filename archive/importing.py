"""Import: articles exported elsewhere (JSON Lines) back into their issues.

Each line is validated against the article schema; a bad line is reported by number and the good
ones are kept. Imported articles replace held ones with the same id; an issue that exists only by
import has no PDF and is recorded in the catalog as imported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archive.errors import ArchiveError
from archive.schema import first_error
from extract.model import Article, Issue, PdfInfo, issue_title

if TYPE_CHECKING:
    from archive.store import Store

NO_PDF = PdfInfo(name="", sha256="", pages=0)


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


def parse_line(text: str) -> Article:
    """One JSONL line as an Article; raises ValueError with a one-line reason."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    problem = first_error("article", data)
    if problem:
        raise ValueError(f"not an article ({problem})")
    if not data["id"].startswith(data["issue"] + "-"):
        raise ValueError(f"id {data['id']} does not belong to issue {data['issue']}")
    return Article.from_json(data)


def read_articles(path: Path) -> tuple[dict[str, list[Article]], list[BadLine]]:
    """The good articles of a JSONL file by issue (in file order), and the bad lines."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ArchiveError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ArchiveError(f"{path}: cannot be read ({error})") from None
    by_issue: dict[str, list[Article]] = {}
    first_line: dict[str, int] = {}
    bad = []
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            article = parse_line(text)
        except ValueError as error:
            bad.append(BadLine(number, str(error)))
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
    """Import a JSONL file into a store whose lock is held; one commit per issue."""
    by_issue, bad = read_articles(path)
    count = 0
    for issue, articles in sorted(by_issue.items()):
        row = store.catalog.issue(issue)
        held = store.issue(issue) if row else None
        new = merged(held, issue, articles)
        if row is not None and row.origin == "pdf":  # the issue keeps its PDF and source
            store.commit_issue(new, "pdf", row.source_path, row.source_sha256, pdf=None)
        else:
            store.commit_issue(new, "imported", None, None, pdf=None)
        count += len(articles)
    return ImportReport(count, tuple(sorted(by_issue)), tuple(bad))
