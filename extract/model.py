"""The article model: what one issue of the AI Brief holds, as frozen dataclasses.

These types are the boundary between `extract`, `archive`, `index` and `webui`. Their JSON
form (`to_json()` / `from_json()`) is also the export format documented in the README and
described by `archive/schema/*.schema.json`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The parts of an article (body and sources), re-exported: importers read them from here.
from extract.article_parts import BodySection, Bullet, Source  # noqa: F401

# The rules for names the model's values take, re-exported: importers read them from here.
from extract.identifiers import (  # noqa: F401
    ARTICLE_ID_PATTERN,
    ISSUE_PATTERN,
    SECTIONS,
    YEAR_PATTERN,
    is_article_id,
    is_issue,
    is_year,
    section_named,
)

# The layout of an issue whose PDF was read generically, its layout not recognised
# (extract.generic_reader); the recognised generations are named in extract.layouts.
UNKNOWN_LAYOUT = "unknown"

ACTOR_KINDS = ("company", "government", "international", "research", "person", "other")


@dataclass(frozen=True)
class ArticleActor:
    """An organisation, government body, international body or person an article names: its
    canonical name (the spelling the Brief uses most), its other spellings and its kind."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "other"  # one of ACTOR_KINDS

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": list(self.aliases), "kind": self.kind}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleActor:
        return cls(
            name=data["name"],
            aliases=tuple(data.get("aliases", ())),
            kind=data.get("kind", "other"),
        )


@dataclass(frozen=True)
class Article:
    """One article as a reader sees it: headline, KEY Contents, body, footnotes, sources."""

    id: str  # "2024-04-07": issue + printed page (stable across re-ingests)
    issue: str  # "YYYY-MM"
    section: str | None  # one of SECTIONS; None when an issue read generically names none
    title: str
    page: int  # printed page number, as on the contents page
    pdf_pages: tuple[int, int]  # first and last 1-based page of the PDF file
    key_contents: tuple[str, ...] = ()
    body: tuple[BodySection, ...] = ()
    footnotes: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    captions: tuple[str, ...] = ()  # figure captions ("<… 예시>"), kept apart from the body
    text: str = field(default="")  # whole article as plain text, in reading order
    # Derived from the text when the issue is ingested or imported (index.derive_actors);
    # None until then.
    subject: str | None = None  # the headline's actor as printed ("미국 상무부")
    actors: tuple[ArticleActor, ...] | None = None  # every actor named, the subject first
    countries: tuple[str, ...] | None = None  # ISO 3166 alpha-2, EU or INTL

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", article_text(self))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "issue": self.issue,
            "section": self.section,
            "title": self.title,
            "page": self.page,
            "pdf_pages": list(self.pdf_pages),
            "key_contents": list(self.key_contents),
            "body": [s.to_json() for s in self.body],
            "footnotes": list(self.footnotes),
            "sources": [s.to_json() for s in self.sources],
            "captions": list(self.captions),
            "text": self.text,
            **self.actors_json(),
        }

    def actors_json(self) -> dict[str, Any]:
        """The derived fields, when they have been derived ({} before)."""
        if self.actors is None:
            return {}
        return {
            "subject": self.subject,
            "actors": [a.to_json() for a in self.actors],
            "countries": list(self.countries or ()),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        first, last = data["pdf_pages"]
        return cls(
            id=data["id"],
            issue=data["issue"],
            section=data.get("section"),
            title=data["title"],
            page=int(data["page"]),
            pdf_pages=(int(first), int(last)),
            key_contents=tuple(data.get("key_contents", ())),
            body=tuple(BodySection.from_json(s) for s in data.get("body", ())),
            footnotes=tuple(data.get("footnotes", ())),
            sources=tuple(Source.from_json(s) for s in data.get("sources", ())),
            captions=tuple(data.get("captions", ())),
            text=data.get("text", ""),
            subject=data.get("subject"),
            actors=(
                tuple(ArticleActor.from_json(a) for a in data["actors"])
                if "actors" in data
                else None
            ),
            countries=tuple(data["countries"]) if "countries" in data else None,
        )


def page_range_problem(pdf_pages: tuple[int, int], pages: int | None) -> str | None:
    """What is wrong with an article's (first, last) pages of its issue's PDF of `pages` pages
    (None: the issue has no PDF), or None: 1 <= first <= last <= pages."""
    first, last = pdf_pages
    if not 1 <= first <= last:
        return f"pdf_pages [{first}, {last}] is not a range of pages (1 <= first <= last)"
    if pages is not None and last > pages:
        return f"pdf_pages [{first}, {last}] ends past the issue's PDF, which has {pages} pages"
    return None


def body_lines(article: Article) -> list[str]:
    """Sub-headings, bullets, sub-bullets, captions and footnotes, in reading order."""
    lines = []
    for section in article.body:
        lines.append(section.heading)
        for bullet in section.bullets:
            lines.append(bullet.text)
            lines.extend(bullet.sub)
    lines.extend(article.captions)
    lines.extend(article.footnotes)
    return lines


def article_text(article: Article) -> str:
    """The article as plain text in reading order, one paragraph per line."""
    lines = [article.title, *article.key_contents, *body_lines(article)]
    lines.extend(source.text for source in article.sources)
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class Event:
    """One row of the events table (주요 행사)."""

    name: str
    summary: str = ""
    dates: str = ""
    place: str = ""
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "summary": self.summary,
            "dates": self.dates,
            "place": self.place,
            "url": self.url,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        return cls(
            name=data["name"],
            summary=data.get("summary", ""),
            dates=data.get("dates", ""),
            place=data.get("place", ""),
            url=data.get("url"),
        )


@dataclass(frozen=True)
class PdfInfo:
    """The file an issue was read from."""

    name: str
    sha256: str
    pages: int

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "sha256": self.sha256, "pages": self.pages}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PdfInfo:
        return cls(name=data["name"], sha256=data["sha256"], pages=int(data["pages"]))


@dataclass(frozen=True)
class Issue:
    """One monthly issue: its articles in order and its events table."""

    issue: str  # "YYYY-MM"
    title: str  # "SPRi AI Brief 2024년 4월호"
    pdf: PdfInfo
    articles: tuple[Article, ...] = ()
    events: tuple[Event, ...] = ()
    # The version of the rules and table the articles' actors were derived with (None: not
    # derived); another version derives them again.
    actors_version: int | None = None
    # The layout generation the PDF was read as ("2023", "2025", or "unknown": read
    # generically) and the version of the set of known layouts it was read by; None when the
    # issue was imported rather than read from a PDF.
    layout: str | None = None
    layout_version: int | None = None
    # Of an issue read generically: the PDF pages after its contents page that hold text no
    # article holds (a divider, the events table, a page not understood), in order.
    dropped_pages: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = {
            "issue": self.issue,
            "title": self.title,
            "pdf": self.pdf.to_json(),
            "articles": [a.to_json() for a in self.articles],
            "events": [e.to_json() for e in self.events],
        }
        if self.actors_version is not None:
            data["actors_version"] = self.actors_version
        if self.layout is not None:
            data["layout"] = self.layout
            data["layout_version"] = self.layout_version
        if self.pages_in_no_article is not None:
            data["dropped_pages"] = list(self.pages_in_no_article)
        return data

    @property
    def pages_in_no_article(self) -> tuple[int, ...] | None:
        """`dropped_pages` where the reader says it (an issue read generically), else None."""
        return self.dropped_pages if self.layout == UNKNOWN_LAYOUT else None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Issue:
        return cls(
            issue=data["issue"],
            title=data["title"],
            pdf=PdfInfo.from_json(data["pdf"]),
            articles=tuple(Article.from_json(a) for a in data.get("articles", ())),
            events=tuple(Event.from_json(e) for e in data.get("events", ())),
            actors_version=data.get("actors_version"),
            layout=data.get("layout"),
            layout_version=data.get("layout_version"),
            dropped_pages=tuple(data.get("dropped_pages", ())),
        )


def issue_title(issue: str) -> str:
    """The printed title of an issue: "2024-04" -> "SPRi AI Brief 2024년 4월호"."""
    year, month = issue.split("-")
    return f"SPRi AI Brief {int(year)}년 {int(month)}월호"
