"""The archive's actors, read from the held articles: the listing behind /actors and
`aibrief actors`, and one actor's page.

`ActorReading` is that part of the `Archive` (collection.py), which gives it `catalog`, `store`
and `_actor_listing` (the listing and the catalog state it was built from).
"""

from __future__ import annotations

from typing import Any

from archive.actor_listing import ActorFilter, ActorList, ActorListing, ActorProfile
from archive.errors import NotFound
from archive.messages import translatable
from common.echo import echoed


class ActorReading:
    """The actor listing and pages of an Archive (see the module docstring)."""

    catalog: Any
    store: Any
    _actor_listing: tuple[tuple, ActorListing] | None

    def actor_listing(self) -> ActorListing:
        """Every actor of the held articles; built again when an issue changes."""
        rows = self.catalog.issues()
        version = tuple((row.issue, row.fingerprint) for row in rows)
        held = self._actor_listing
        if held is None or held[0] != version:
            articles = (a for row in rows for a in self.store.issue(row.issue).articles)
            held = self._actor_listing = (version, ActorListing(articles))
        return held[1]

    def actors(
        self,
        year: int | None = None,
        section: str | None = None,
        country: str | None = None,
        kind: str | None = None,
        limit: int | None = 50,
    ) -> ActorList:
        """The actors with the most articles; a country is a code or a name (QueryError)."""
        from index import country_code

        chosen = ActorFilter(year, section, country_code(country) if country else None, kind)
        return ActorList(chosen, tuple(self.actor_listing().top(chosen, limit)))

    def actor(self, spelling: str) -> ActorProfile:
        """One actor's page, found by any of its spellings; raises NotFound."""
        listing = self.actor_listing()
        name = listing.find(spelling)
        if name is None:
            raise NotFound(
                translatable("no actor %(actor)s in the archive", actor=echoed(spelling))
            )
        return listing.profile(name)
