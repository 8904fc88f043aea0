"""The parts of an article: its body's sub-headings and bullets, and its cited sources
(re-exported by extract.model, where every importer reads them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Source:
    """One cited source: the line as printed, and what could be read out of it."""

    text: str
    outlet: str | None = None
    title: str | None = None
    date: str | None = None  # ISO 8601, YYYY-MM-DD (or YYYY-MM when no day is printed)
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "outlet": self.outlet,
            "title": self.title,
            "date": self.date,
            "url": self.url,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Source:
        return cls(
            text=data["text"],
            outlet=data.get("outlet"),
            title=data.get("title"),
            date=data.get("date"),
            url=data.get("url"),
        )


@dataclass(frozen=True)
class Bullet:
    """A body bullet (■ in the PDF) with its sub-bullets (∙)."""

    text: str
    sub: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "sub": list(self.sub)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Bullet:
        return cls(text=data["text"], sub=tuple(data.get("sub", ())))


@dataclass(frozen=True)
class BodySection:
    """A sub-heading (□ in the PDF) and the bullets under it."""

    heading: str
    bullets: tuple[Bullet, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"heading": self.heading, "bullets": [b.to_json() for b in self.bullets]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BodySection:
        return cls(
            heading=data["heading"],
            bullets=tuple(Bullet.from_json(b) for b in data.get("bullets", ())),
        )
