"""Who the archive's articles are about: every actor with its articles, for `aibrief actors`,
the /actors page and /actors/<name>.

The listing is built once from the articles' derived actors (the issue files are the truth)
and answers each request by counting over article numbers: at 10,000 articles a filtered
listing is a pass over about 100,000 (actor, article) pairs, well under the 50 ms a page has.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extract.model import Article
from index import alias_key

CO_ACTORS = 10  # the actors an actor appears with most, on its page


@dataclass(frozen=True)
class ActorFilter:
    """Which articles count, and which actors are listed (None: any)."""

    year: int | None = None
    section: str | None = None
    country: str | None = None  # a code: only articles about this country count
    kind: str | None = None


@dataclass(frozen=True)
class ActorSummary:
    """One actor in the listing: the articles naming it, and those about it (the subject)."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    articles: int
    as_subject: int
    years: dict[str, int] = field(default_factory=dict)  # year -> articles

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "kind": self.kind,
            "articles": self.articles,
            "as_subject": self.as_subject,
            "years": dict(self.years),
        }


@dataclass(frozen=True)
class ActorArticle:
    """One article naming an actor, as its page lists it."""

    id: str
    issue: str
    section: str
    title: str
    is_subject: bool

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ActorProfile:
    """An actor's page: its articles newest first, per issue, and who it appears with."""

    summary: ActorSummary
    per_issue: dict[str, int]
    articles: tuple[ActorArticle, ...]
    appears_with: tuple[tuple[str, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.summary.to_json(),
            "per_issue": dict(self.per_issue),
            "articles_list": [a.to_json() for a in self.articles],
            "appears_with": [{"name": n, "articles": c} for n, c in self.appears_with],
        }


class ActorListing:
    """Every actor of a set of articles, and the articles of each."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles: list[Article] = []
        self._members: dict[str, list[int]] = {}  # actor name -> article numbers
        self._subject_of: dict[str, set[int]] = {}
        self._kinds: dict[str, str] = {}
        self._aliases: dict[str, dict[str, None]] = {}
        self._by_key: dict[str, str] = {}  # alias key of any spelling -> actor name
        # Answers without filters and actors' pages do not change: each is made once.
        self._unfiltered: dict[str, ActorSummary] = {}
        self._profiles: dict[str, ActorProfile] = {}
        for number, article in enumerate(articles):
            self._add(number, article)
        self._years = [int(a.issue[:4]) for a in self._articles]

    def _add(self, number: int, article: Article) -> None:
        self._articles.append(article)
        for place, actor in enumerate(article.actors or ()):
            self._members.setdefault(actor.name, []).append(number)
            if place == 0 and article.subject is not None:
                self._subject_of.setdefault(actor.name, set()).add(number)
            self._kinds.setdefault(actor.name, actor.kind)
            self._aliases.setdefault(actor.name, {}).update(dict.fromkeys(actor.aliases))
            for spelling in (actor.name, *actor.aliases):
                self._by_key.setdefault(alias_key(spelling), actor.name)

    def find(self, spelling: str) -> str | None:
        """The actor a spelling names (its name or any alias), or None."""
        return self._by_key.get(alias_key(spelling))

    def _admitted(self, chosen: ActorFilter) -> list[bool] | None:
        if chosen.year is None and chosen.section is None and chosen.country is None:
            return None
        return [
            (chosen.year is None or self._years[n] == chosen.year)
            and (chosen.section is None or a.section == chosen.section)
            and (chosen.country is None or chosen.country in (a.countries or ()))
            for n, a in enumerate(self._articles)
        ]

    def top(self, chosen: ActorFilter | None = None, limit: int | None = 50) -> list[ActorSummary]:
        """The actors with the most articles passing the filter, most first (then by name)."""
        chosen = chosen or ActorFilter()
        admitted = self._admitted(chosen)
        counts = []
        for name, numbers in self._members.items():
            if chosen.kind is not None and self._kinds[name] != chosen.kind:
                continue
            count = len(numbers) if admitted is None else sum(map(admitted.__getitem__, numbers))
            if count:
                counts.append((name, count))
        counts.sort(key=lambda nc: (-nc[1], nc[0]))
        return [self._summary(name, admitted) for name, _ in counts[:limit]]

    def _summary(self, name: str, admitted: list[bool] | None) -> ActorSummary:
        if admitted is None:
            if name not in self._unfiltered:
                self._unfiltered[name] = self._counted(name, None)
            return self._unfiltered[name]
        return self._counted(name, admitted)

    def _counted(self, name: str, admitted: list[bool] | None) -> ActorSummary:
        numbers = [n for n in self._members[name] if admitted is None or admitted[n]]
        subject = self._subject_of.get(name, set())
        years = Counter(str(self._years[n]) for n in numbers)
        return ActorSummary(
            name,
            tuple(self._aliases[name]),
            self._kinds[name],
            len(numbers),
            sum(n in subject for n in numbers),
            dict(sorted(years.items())),
        )

    def profile(self, name: str) -> ActorProfile:
        """The page of an actor named by `name` (as `find` returns it)."""
        if name not in self._profiles:
            self._profiles[name] = self._profile(name)
        return self._profiles[name]

    def _profile(self, name: str) -> ActorProfile:
        numbers = sorted(self._members[name], key=lambda n: self._articles[n].id, reverse=True)
        subject = self._subject_of.get(name, set())
        per_issue = Counter(self._articles[n].issue for n in numbers)
        together = Counter(
            other.name
            for n in numbers
            for other in self._articles[n].actors or ()
            if other.name != name
        )
        listed = tuple(
            ActorArticle(a.id, a.issue, a.section, a.title, n in subject)
            for n in numbers
            for a in (self._articles[n],)
        )
        ordered = sorted(together.items(), key=lambda nc: (-nc[1], nc[0]))[:CO_ACTORS]
        return ActorProfile(
            self._summary(name, None), dict(sorted(per_issue.items())), listed, tuple(ordered)
        )


@dataclass(frozen=True)
class ActorList:
    """The answer of `aibrief actors` and /api/actors: the filter, and the actors it lists."""

    chosen: ActorFilter
    actors: tuple[ActorSummary, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": True,
            "year": self.chosen.year,
            "section": self.chosen.section,
            "country": self.chosen.country,
            "kind": self.chosen.kind,
            "actors": [a.to_json() for a in self.actors],
        }
