"""What the archive reports about itself: held issues, export filters and its size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archive.catalog import IngestRow
from extract.model import UNKNOWN_LAYOUT, Article

GENERIC_NOTE = "layout not recognised: read generically"


def layout_note(layout: str | None, dropped_pages: tuple[int, ...] = ()) -> str | None:
    """What the CLI says of an issue read generically (its layout not recognised), with the
    PDF pages whose text no article holds, or None."""
    if layout != UNKNOWN_LAYOUT:
        return None
    if not dropped_pages:
        return GENERIC_NOTE
    pages = ", ".join(map(str, dropped_pages))
    return f"{GENERIC_NOTE}; PDF page{'s' if len(dropped_pages) > 1 else ''} {pages} in no article"


@dataclass(frozen=True)
class IssueSummary:
    """One held issue as `aibrief list` shows it."""

    issue: str
    title: str
    articles: int
    origin: str  # "pdf" or "imported"
    source_path: str | None
    source_sha256: str | None
    updated_at: str
    layout: str | None = None  # "2023", "2025", "unknown" (read generically); None: imported

    @property
    def read_generically(self) -> bool:
        """The issue's layout was not recognised and its PDF was read in the generic form."""
        return self.layout == UNKNOWN_LAYOUT

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles an export takes: by issue and by section (any of them), and naming
    every actor (any spelling) and about every country (codes) given; empty: all."""

    issues: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    issue_from: str | None = None  # "YYYY-MM", inclusive
    issue_to: str | None = None  # "YYYY-MM", inclusive
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()

    def admits_issue(self, issue: str) -> bool:
        """True when the issue passes the issue filters."""
        return (
            (not self.issues or issue in self.issues)
            and (self.issue_from is None or issue >= self.issue_from)
            and (self.issue_to is None or issue <= self.issue_to)
        )

    def admits(self, article: Article) -> bool:
        """True when the article passes every filter."""
        from index import alias_key

        if not self.admits_issue(article.issue):
            return False
        if self.sections and article.section not in self.sections:
            return False
        named = {alias_key(s) for a in article.actors or () for s in (a.name, *a.aliases)}
        return all(alias_key(a) in named for a in self.actors) and all(
            c in (article.countries or ()) for c in self.countries
        )


@dataclass(frozen=True)
class Stats:
    """The size of an archive and when it last took in files."""

    home: str
    issues: int
    articles: int
    index_documents: int
    index_bytes: int
    last_ingest: IngestRow | None
    read_generically: tuple[str, ...] = ()  # issues whose layout was not recognised

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["last_ingest"] = self.last_ingest.__dict__ if self.last_ingest else None
        data["read_generically"] = list(self.read_generically)
        return data
