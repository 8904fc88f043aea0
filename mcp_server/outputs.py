"""The output schemas of the tools, so that clients get checked JSON as well as text.

Each model names the fields an assistant relies on and lets the rest through (extra="allow"):
the search answer grows with the team's search contract, and the schema must not strip it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class SearchHit(Open):
    id: str
    issue: str
    section: str | None
    title: str
    page: int
    snippet: str
    citation: str


class SearchAnswer(Open):
    ok: bool
    total: int
    hits: list[SearchHit]
    expansions: dict[str, list[str]]
    related_terms: list[str]


class Source(Open):
    text: str
    url: str | None


class ArticleAnswer(Open):
    ok: bool
    id: str
    issue: str
    section: str | None
    title: str
    page: int
    key_contents: list[str]
    body: list[dict]
    footnotes: list[str]
    sources: list[Source]
    citation: str


class IssueCount(BaseModel):
    issue: str
    title: str
    article_count: int
    url: str
    layout: str | None = None  # "unknown": read generically; None: imported


class IssuesAnswer(BaseModel):
    ok: bool
    issues: list[IssueCount]


class TrendPoint(BaseModel):
    issue: str
    article_count: int


class TrendAnswer(BaseModel):
    ok: bool
    query: str
    total: int
    issues: list[TrendPoint]


class ActorCount(Open):
    name: str
    aliases: list[str]
    kind: str
    articles: int
    as_subject: int


class ActorsAnswer(Open):
    ok: bool
    actors: list[ActorCount]
