"""The query language and the JSON addresses, documented once for the help page and its twin.

The meanings and notes are English message ids: the help page shows them in the page's language,
the JSON twin as they are. The parameters are not described here but read from
archive.parameters, the table the views parse requests with, so the help cannot drift from what
the code accepts.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.contract import search_shape
from archive.parameters import ARTICLE_NAMES, BY_NAME, EXPORT_NAMES, FEED_NAMES, SEARCH_NAMES
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
    Syntax(
        "actor:name",
        N_("articles naming an organisation or person, by any spelling; those about it first"),
        "actor:Meta",
    ),
    Syntax("subject:name", N_("articles whose headline is about it"), "subject:메타"),
    Syntax(
        "country:CC", N_("articles about a country or region (a code or a name)"), "country:중국"
    ),
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


@dataclass(frozen=True)
class Endpoint:
    """One JSON address of the web page, and the parameters it takes (archive.parameters)."""

    path: str
    doc: str
    parameters: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "doc": self.doc,
            "parameters": [BY_NAME[name].to_json() for name in self.parameters],
        }


ENDPOINTS = (
    Endpoint(
        "/api/search",
        f"one page of hits: {search_shape()}; the same object as `aibrief search --json`; "
        "query echoes the search as read (issue_from and issue_to: the first and last issue "
        "searched); total and the facets count the articles with every word, or when none has "
        "them all (fallback true) those with some, and each hit's match says which (all or "
        "partial); limits names what was cut short to bound the work (did you mean, related "
        "terms); hint says why nothing can match whatever the words (an issue not held), else "
        "null",
        SEARCH_NAMES,
    ),
    Endpoint(
        "/api/articles/<id>",
        "one article in its JSON form, with its citation, its CSL-JSON record, its references "
        "(APA), PDF links and related articles; with format, the article as that download "
        "(csl-json, ris or bibtex for a reference manager)",
        ARTICLE_NAMES,
    ),
    Endpoint(
        "/api/issues",
        'every issue held, newest first, each with its articles and its layout ("2023", '
        '"2025", "unknown" when it was not recognised and the issue was read generically, '
        "null when imported); dropped_pages: of an issue read generically, the PDF pages after "
        "its contents page whose text no article holds (null for any other issue)",
    ),
    Endpoint("/api/issues/<issue>", "one issue: its articles, its layout and its events table"),
    Endpoint(
        "/api/actors",
        "the 100 actors with the most articles, each with its aliases, kind, article count, the "
        "articles about it and a count per year; narrowed by year (YYYY), section, kind "
        "(company, government, international, research, person, other) and country (CN or 중국)",
    ),
    Endpoint(
        "/api/actors/<name>",
        "one actor by any spelling: its articles newest first (those about it marked), its "
        "articles per issue, the actors it appears with most and its related terms",
    ),
    Endpoint(
        "/export",
        "every article the search matches, as a download in any export format: the article's "
        "JSON form, CSV (with a byte order mark for Excel), xlsx, or a citation format; "
        "within a search's time budget, and when that cut its work short (a misspelt word's "
        "nearest spelling not looked up in time) the header X-Aibrief-Limits says what was cut",
        EXPORT_NAMES,
    ),
    Endpoint(
        "/feed.atom",
        "an Atom feed of the newest articles the search matches (every article without q)",
        FEED_NAMES,
    ),
    Endpoint("/api/help", "this description"),
)

ERRORS = '{"ok": false, "error": "…", "status": 400 | 404 | 503}'
ERROR_NOTE = (
    "400: a bad query or parameter (unknown parameters are named); 404: an unknown article or "
    "issue; 503: the archive is being updated."
)
