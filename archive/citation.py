"""How a researcher cites an article: issue, printed page, title."""

from __future__ import annotations

from typing import Protocol

from extract.model import issue_title


class Citable(Protocol):
    """What a citation needs: an article, or a search hit."""

    issue: str
    page: int
    title: str


def citation(article: Citable) -> str:
    """The citation line: "SPRi AI Brief, 2024년 4월호, p. 7, <title>"."""
    month = issue_title(article.issue).removeprefix("SPRi AI Brief ")
    return f"SPRi AI Brief, {month}, p. {article.page}, {article.title}"
