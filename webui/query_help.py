"""The query language, documented once for the help page and its JSON twin.

The meanings and notes are English message ids: the help page shows them in the page's language,
the JSON twin as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from webui.i18n import N_


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
        N_("articles with every word, in any form (규제 finds 규제를, 규제하는)"),
        "AI 규제",
    ),
    Syntax("a OR b", N_("articles with either word"), "딥페이크 OR 허위정보"),
    Syntax("-word, NOT word", N_("leave out articles with the word"), "오픈AI -소송"),
    Syntax('"a phrase"', N_("the words next to each other, in this order"), '"AI 안전연구소"'),
    Syntax("title:word", N_("the word in the headline"), "title:반도체"),
    Syntax(
        "section:name",
        N_("one section: 정책/법제, 기업/산업, 기술/연구, 인력/교육 (or 정책…)"),
        "section:정책 규제",
    ),
    Syntax("issue:YYYY-MM", N_("one issue"), "issue:2024-04 저작권"),
    Syntax("issue:YYYY-MM..YYYY-MM", N_("a range of issues"), "issue:2024-01..2024-06 일자리"),
    Syntax("source:outlet", N_("articles citing a source"), "source:Reuters"),
)

NOTES = (
    N_(
        "When every word together finds nothing (a question typed in full), "
        "the results fall back to articles with any of the words, best first."
    ),
    N_(
        "Korean words match across particles and endings, and names across scripts "
        "(오픈AI and OpenAI, 앤스로픽 and Anthropic)."
    ),
    N_("Filters on the results page (section, year, issue) combine with the query."),
)
