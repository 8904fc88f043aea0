"""The query language, documented once for the help page and its JSON twin."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Syntax:
    """One construct of the query language, with what it finds and an example."""

    syntax: str
    meaning: str
    example: str

    def to_json(self) -> dict[str, str]:
        return {"syntax": self.syntax, "meaning": self.meaning, "example": self.example}


QUERY_LANGUAGE = (
    Syntax(
        "word word",
        "articles with every word, in any form (규제 finds 규제를, 규제하는)",
        "AI 규제",
    ),
    Syntax("a OR b", "articles with either word", "딥페이크 OR 허위정보"),
    Syntax("-word, NOT word", "leave out articles with the word", "오픈AI -소송"),
    Syntax('"a phrase"', "the words next to each other, in this order", '"AI 안전연구소"'),
    Syntax("title:word", "the word in the headline", "title:반도체"),
    Syntax(
        "section:name",
        "one section: 정책/법제, 기업/산업, 기술/연구, 인력/교육 (or 정책…)",
        "section:정책 규제",
    ),
    Syntax("issue:YYYY-MM", "one issue", "issue:2024-04 저작권"),
    Syntax("issue:YYYY-MM..YYYY-MM", "a range of issues", "issue:2024-01..2024-06 일자리"),
    Syntax("source:outlet", "articles citing a source", "source:Reuters"),
)

NOTES = (
    "When every word together finds nothing (a question typed in full), "
    "the results fall back to articles with any of the words, best first.",
    "Korean words match across particles and endings, and names across scripts "
    "(오픈AI and OpenAI, 앤스로픽 and Anthropic).",
    "Filters on the results page (section, year, issue) combine with the query.",
)
