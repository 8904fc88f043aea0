"""How a researcher cites an article: issue, printed page, title."""

from __future__ import annotations

from extract.model import Article, issue_title


def citation(article: Article) -> str:
    """The citation line: "SPRi AI Brief, 2024년 4월호, p. 7, <title>"."""
    month = issue_title(article.issue).removeprefix("SPRi AI Brief ")
    return f"SPRi AI Brief, {month}, p. {article.page}, {article.title}"
