"""A small in-memory stand-in for `archive.Archive`, so the web layer is tested on its own; it
implements `archive.ArchiveReader` (test_web_fake_matches.py holds it to that)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pymupdf

from archive import IssueSummary, NotFound, Stats
from archive.actor_listing import ActorFilter, ActorList, ActorListing, ActorProfile
from common.echo import echoed
from extract.model import Article, BodySection, Bullet, Event, Issue, PdfInfo, Source, issue_title
from index import Hit, QueryError, SearchFilters, SearchResult, derive_actors


def summary(issue: str, title: str, articles: int) -> IssueSummary:
    """A held issue as the archive lists it; 2025-02 stands for an imported one (no PDF)."""
    if issue == "2025-02":
        return IssueSummary(issue, title, articles, "imported", None, None, "2025-03-01T00:00:00Z")
    source = f"/inbox/{issue}.pdf"
    return IssueSummary(issue, title, articles, "pdf", source, "0" * 64, "2025-03-01T00:00:00Z")


def make_article(issue: str, page: int, section: str, title: str, words: str, **extra) -> Article:
    """An article whose body holds `words`, on PDF page `page` of its issue."""
    return Article(
        id=f"{issue}-{page:02d}",
        issue=issue,
        section=section,
        title=title,
        page=page,
        pdf_pages=(page + 1, page + 1),
        key_contents=(f"{title} 요약 첫째", f"{title} 요약 둘째"),
        body=(BodySection(f"{title} 개요", (Bullet(words, ("세부 내용",)),)),),
        footnotes=("* 각주 설명",),
        sources=(
            Source(
                "Example News, Launch, 2024.04.01.",
                "Example News",
                "Launch",
                "2024-04-01",
                "https://example.com/launch",
            ),
            Source("javascript source", url="javascript:alert(1)"),
        ),
        **extra,
    )


ARTICLES = (
    make_article("2024-01", 1, "정책/법제", "EU AI 법 규제 합의", "EU regulation 규제 법안 합의"),
    make_article("2024-01", 2, "기업/산업", "오픈AI GPT 출시", "OpenAI 오픈AI model launch"),
    make_article("2024-04", 1, "정책/법제", "미국 AI 규제 행정명령", "US regulation 규제 order"),
    make_article("2024-04", 2, "기술/연구", "딥페이크 탐지 연구", "deepfake 딥페이크 detection"),
    make_article("2025-02", 1, "인력/교육", "AI 일자리 전망", "jobs 일자리 regulation 규제"),
    make_article(
        "2025-02", 2, "기업/산업", "<script>alert(1)</script> 제목", "xss 규제 <b>bold</b>"
    ),
)

EVENTS = (Event("AI Summit", "정상회의", "2024.05.01~02", "Seoul", "https://example.org/summit"),)


def write_pdf(path: Path, articles: tuple[Article, ...]) -> None:
    """A PDF with one cover page and one page per article, its words in plain Latin text."""
    texts = (
        article.body[0].bullets[0].text.encode("ascii", "ignore").decode() for article in articles
    )
    path.write_bytes(pdf_bytes(tuple(texts)))


@cache  # a fake archive is made for each web test: the same few PDFs, written once a process
def pdf_bytes(texts: tuple[str, ...]) -> bytes:
    """The bytes of a PDF with one cover page and one page holding each text."""
    doc = pymupdf.open()
    doc.new_page(width=612, height=858).insert_text((72, 72), "SPRi AI Brief")
    for text in texts:
        doc.new_page(width=612, height=858).insert_text((72, 100), text)
    try:
        return doc.tobytes()
    finally:
        doc.close()


@cache  # likewise: derived once a process for each set of articles (they are immutable)
def with_derived_actors(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """The articles as the archive stores them, their actors derived."""
    return derive_actors(articles)


class FakeArchive:
    """Word matching over ARTICLES; enough of Archive's behaviour for the pages and their errors."""

    def __init__(self, home: Path, articles: tuple[Article, ...] = ARTICLES) -> None:
        self.home = home
        self.articles = with_derived_actors(tuple(articles))
        self.expanded: list[bool] = []  # the expand argument of each search
        self.searches: list[tuple] = []
        self.budgets: list = []  # the budget argument of each search
        (home / "pdfs").mkdir(parents=True, exist_ok=True)
        for issue in self.issue_ids():
            if issue != "2025-02":  # an imported issue: no PDF held
                write_pdf(home / "pdfs" / f"{issue}.pdf", self._of(issue))

    def actors(
        self,
        year: int | None = None,
        section: str | None = None,
        country: str | None = None,
        kind: str | None = None,
        limit: int | None = 50,
    ) -> ActorList:
        chosen = ActorFilter(year, section, country, kind)
        return ActorList(chosen, tuple(ActorListing(self.articles).top(chosen, limit)))

    def actor(self, spelling: str) -> ActorProfile:
        listing = ActorListing(self.articles)
        if (name := listing.find(spelling)) is None:
            raise NotFound(f"no actor {spelling!r} in the archive")
        return listing.profile(name)

    def issue_ids(self) -> list[str]:
        return sorted({a.issue for a in self.articles})

    def _of(self, issue: str) -> tuple[Article, ...]:
        return tuple(a for a in self.articles if a.issue == issue)

    def issues(self) -> list[IssueSummary]:
        return [summary(i, issue_title(i), len(self._of(i))) for i in self.issue_ids()]

    def issue(self, issue: str) -> Issue:
        if issue not in self.issue_ids():
            raise NotFound(f"no issue {issue} in the archive")
        return Issue(
            issue, issue_title(issue), PdfInfo(f"{issue}.pdf", "0" * 64, 3), self._of(issue), EVENTS
        )

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise NotFound(f"no article {echoed(article_id)} in the archive")

    def pdf_path(self, issue: str) -> Path:
        path = self.home / "pdfs" / f"{issue}.pdf"
        if not path.is_file():
            raise NotFound(f"no PDF of issue {issue} in the archive")
        return path

    def _matches(self, query: str, filters: SearchFilters | None) -> list[Article]:
        if query.count('"') % 2:
            raise QueryError(query, "unbalanced quote")
        named = re.findall(r'actor:"([^"]*)"', query)  # as the actor page asks
        query = re.sub(r'actor:"[^"]*"', " ", query)
        words = [w for w in re.findall(r"[^\s\"]+", query)]
        if any(":" in w for w in words):
            raise QueryError(query, f"unknown field in {words[0]}")
        filters = filters or SearchFilters()
        return [
            a
            for a in self.articles
            if all(w.lower() in a.text.lower() for w in words)
            and all(n in {s for x in a.actors or () for s in (x.name, *x.aliases)} for n in named)
            and (not filters.sections or a.section in filters.sections)
            and (not filters.issue_from or a.issue >= filters.issue_from)
            and (not filters.issue_to or a.issue <= filters.issue_to)
            and (not filters.issues or a.issue in filters.issues)
        ]

    # What the fake's thesaurus adds to a word, and the related terms it reports for it.
    EXPANSIONS = {"합의": ("타결",)}
    RELATED = {"합의": ("법안", "EU")}

    def search(
        self, query, filters=None, sort="relevance", page=1, per_page=10, expand=True, budget=None
    ) -> SearchResult:
        self.searches.append((query, filters, sort, page, per_page))
        self.expanded.append(expand)
        self.budgets.append(budget)
        found = self._matches(query, filters)
        partial: list[Article] = []
        if not found and len(query.split()) > 1:  # every word found apart, none together
            partial = [a for w in query.split() for a in self._matches(w, filters)]
        if sort != "relevance":
            found.sort(key=lambda a: a.id, reverse=sort == "newest")
        counted = found or partial
        facets: dict[str, dict[str, int]] = {"section": {}, "issue": {}, "year": {}}
        for a in counted:
            for name, value in (("section", a.section), ("issue", a.issue), ("year", a.issue[:4])):
                facets[name][value] = facets[name].get(value, 0) + 1
        shown = counted[(page - 1) * per_page : page * per_page]
        match = "partial" if partial else "all"
        hits = tuple(
            replace(self._hit(a, query), match=match, missing=self._lacks(a, query, filters))
            for a in shown
        )
        suggestion = "규제" if not found and query == "규젱" else None
        expansions = {w: f for w, f in self.EXPANSIONS.items() if expand and w in query.split()}
        held = {
            w: {f: n for f in forms if (n := sum(f in a.text for a in shown))}
            for w, forms in expansions.items()
        }
        return SearchResult(
            query,
            len(counted),
            hits,
            facets,
            suggestion,
            bool(partial),
            page,
            per_page,
            expansions=expansions,
            expansions_found={
                w: dict(sorted(h.items(), key=lambda fn: -fn[1])) for w, h in held.items() if h
            },
            related_terms=self.RELATED.get(query, ()),
        )

    def _lacks(self, article: Article, query: str, filters) -> tuple[str, ...]:
        """The words of the query the article does not match (none for a full match)."""
        return tuple(w for w in query.split() if article not in self._matches(w, filters))

    def _hit(self, article: Article, query: str) -> Hit:
        words = query.split()
        snippet = article.body[0].bullets[0].text
        marks = sorted(
            (m.start(), m.end()) for w in words for m in re.finditer(re.escape(w), snippet)
        )
        return Hit(
            article.id,
            article.issue,
            article.section,
            article.title,
            article.page,
            1.0,
            snippet,
            tuple(marks),
            tuple(words),
            article.pdf_pages,
        )

    def more_like_this(self, article_id: str, limit: int = 5) -> list[Hit]:
        article = self.article(article_id)
        return [
            self._hit(a, "")
            for a in self.articles
            if a.section == article.section and a.id != article_id
        ][:limit]

    # What the fake's export says it cut short (the real one: the nearest spellings not looked
    # up within the request's budget).
    EXPORT_LIMITS: tuple[str, ...] = ()

    def export_articles(
        self, query=None, filters=None, sort=None, expand=True, budget=None, limits=None
    ):
        self.budgets.append(budget)
        if limits is not None and query:
            limits.extend(self.EXPORT_LIMITS)
        found = self._matches(query, None) if query else self.articles
        if sort in ("newest", "oldest"):
            found = sorted(found, key=lambda a: a.issue, reverse=sort == "newest")
        yield from (a for a in found if filters is None or filters.admits(a))

    def stats(self) -> Stats:
        count = len(self.articles)
        return Stats(str(self.home), len(self.issue_ids()), count, count, 0, None)

    def close(self) -> None:
        pass
