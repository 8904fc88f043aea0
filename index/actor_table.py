"""The curated actor table (actors.tsv): companies, government bodies, international bodies,
research institutes and people the AI Brief names, each with its kind and country, and the
places an article can be about.

Two kinds are the table's own, never an actor's: "place" (a country or city an article can be
about) and "platform" (a service things are found on, 유튜브 or 깃허브: a company where the
article names it acting, not where it is only the place a video or a file is found). An
other spelling written "~이사회" names the entry only in an article about its country (the
EU's Council where the article is about the EU, not a company's board).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache, cached_property
from types import MappingProxyType

from index.aliases import ACTORS_PATH, alias_key
from index.analysis import normalize
from index.tsv_tables import table_lines

KINDS = ("company", "government", "international", "research", "person", "other")
PLACE = "place"
PLATFORM = "platform"
# The kinds whose spellings are alias groups (ActorTable.name_groups): bodies and companies.
NAMED = ("company", "government", "international", "research", "other", PLATFORM)
CONTEXTUAL = "~"  # marks a spelling that names the entry only in its country's articles
ANY_COUNTRY = "*"  # a body every country has (국방부): its country is read from the article
_COUNTRY_CODE = re.compile(r"^(?:[A-Z]{2}|INTL)$")
# The member states of a region code: an article about France is about the EU's Europe too.
REGION_MEMBERS = {
    "EU": (
        *("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU"),
        *("IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
    ),
}

# The members of a group of actors a researcher names as one, by the thesaurus label of its
# words (concepts.tsv: 빅테크 is also Big Tech, 거대 기술기업): an article whose headline is
# about Google is about 빅테크, as one about France is about Europe. The big five, and the Chinese
# companies named so in the press (중국 빅테크: the country raise ranks them first for it); the
# archive calls Intel, AMD and Cisco 빅테크 once, among UALink's eight, and they are left out:
# a group is the companies it names as such throughout. "AI 스타트업" names no set of companies.
# Measured and not kept (the members match unscored, below every article that writes a form of
# the group's concept): hyperscalers as Amazon, Microsoft and Google (hyperscaler 0.726 either
# way, the cloud articles reached by the broader concept staying above them), local governments
# as 서울시, 캘리포니아주 and 뉴욕주 (지자체의 AI 정책 0.119 either way).
GROUP_MEMBERS = {
    "빅테크": (
        *("구글", "구글 딥마인드", "구글 클라우드", "마이크로소프트", "메타", "아마존", "애플"),
        *("알리바바", "알리바바 클라우드", "바이두", "텐센트"),
    ),
}


@dataclass(frozen=True)
class TableEntry:
    """One line of the table: the name the Brief uses most, and what it is."""

    name: str
    kind: str  # one of KINDS, or PLACE
    country: str | None  # ISO 3166 alpha-2, "EU", "INTL", ANY_COUNTRY, or None
    aliases: tuple[str, ...] = ()
    contextual: tuple[str, ...] = ()  # spellings that name it only in its country's articles

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class ActorTable:
    """The parsed table: its version, its actors and its places."""

    version: int
    entries: tuple[TableEntry, ...]

    @property
    def places(self) -> tuple[TableEntry, ...]:
        return tuple(e for e in self.entries if e.kind == PLACE)

    def by_spelling(self) -> Mapping[str, TableEntry]:
        """alias_key of every spelling -> its entry (the first line that spells it wins); made
        once per table, read-only."""
        return self._by_spelling

    @cached_property
    def _by_spelling(self) -> Mapping[str, TableEntry]:
        found: dict[str, TableEntry] = {}
        for entry in self.entries:
            for spelling in entry.spellings:
                found.setdefault(alias_key(spelling), entry)
        return MappingProxyType(found)

    def name_groups(self) -> tuple[tuple[str, ...], ...]:
        """The spellings of each body and company, as a group of names a query for one of them
        also finds (과기정통부 / 과학기술정보통신부 / MSIT), as the curated aliases are.

        People and places are left out (a surname alone, 유럽 for the EU, 대한민국 are found
        through the country field), and so are the bodies every country has ("*": 정부 is not
        행정부 in every article); a spelling two entries share names neither and is dropped. So
        is a spelling with its country's name first ("미국 의회"): as a name it would join the
        words typed into one, and the country's word, which stands for its articles, would be
        lost ("미국 의회 AI 법안 표결" 1.000 -> 0.500 nDCG@10 with it)."""
        entries = [e for e in self.entries if e.kind in NAMED and e.country != ANY_COUNTRY]
        counted = Counter(k for e in self.entries for k in {alias_key(s) for s in e.spellings})
        prefixes = self._country_prefixes
        groups = []
        for entry in entries:
            spellings = tuple(
                s
                for s in entry.spellings
                if counted[alias_key(s)] == 1
                and not s.startswith(prefixes.get(entry.country or "", ()))
            )
            if len({alias_key(s) for s in spellings}) > 1:
                groups.append(spellings)
        return tuple(groups)

    @cached_property
    def _country_prefixes(self) -> dict[str, tuple[str, ...]]:
        """Country code -> each spelling of its name, then a space ("미국 ", "US ")."""
        names = self.country_names()
        return {
            place.country: tuple(f"{s} " for s in place.spellings)
            for place in self.places
            if place.country and names.get(place.country) == place.name
        }

    def contextual_spellings(self) -> dict[str, TableEntry]:
        """alias_key of every spelling that names its entry only in context -> the entry."""
        found: dict[str, TableEntry] = {}
        for entry in self.entries:
            for spelling in entry.contextual:
                found.setdefault(alias_key(spelling), entry)
        return found

    def country_code(self, value: str) -> str | None:
        """The code a researcher means by "CN", "중국", "China" or "베이징"; None if none."""
        code = value.strip().upper()
        if code in self.country_names() or code in ("EU", "INTL"):
            return code
        entry = self.by_spelling().get(alias_key(value))
        if entry is not None and entry.kind == PLACE:
            return entry.country
        return None  # no article can be about a country the table does not hold

    def country_named(self, word: str) -> str | None:
        """The code of the country or region a word names ("중국", "China", "유럽", "EU"): a
        place whose name is its country's, not a city ("베이징"); None for anything else."""
        return self._countries_by_spelling.get(alias_key(word))

    def region(self, code: str) -> tuple[str, ...]:
        """The codes an article's country field holds when it is about this country or region:
        the code, and for a region its member states (an article on France is about Europe)."""
        return (code, *REGION_MEMBERS.get(code, ()))

    def members(self, group: str) -> tuple[TableEntry, ...]:
        """The entries of a group's members (GROUP_MEMBERS, by its thesaurus label); ()
        for any other word."""
        names = GROUP_MEMBERS.get(group, ())
        if not names:  # most words: no group, and no need of the table's spellings
            return ()
        spelled = self.by_spelling()
        return tuple(spelled[alias_key(name)] for name in names)

    @cached_property
    def country_of_key(self) -> dict[str, str]:
        """alias_key of every spelling of an actor (not a place) -> the actor's country: an
        article whose headline is about 알리바바 is about China."""
        found: dict[str, str] = {}
        for entry in self.entries:
            if entry.kind not in (PLACE, PLATFORM) and entry.country in self.country_names():
                for spelling in entry.spellings:
                    found.setdefault(alias_key(normalize(spelling)), entry.country)
        return found

    @cached_property
    def _countries_by_spelling(self) -> dict[str, str]:
        names = self.country_names()
        return {
            alias_key(spelling): place.country
            for place in self.places
            if place.country and names.get(place.country) == place.name
            for spelling in place.spellings
        }

    def country_names(self) -> dict[str, str]:
        """Country code -> the name it is written with first ("US" -> "미국")."""
        names: dict[str, str] = {}
        for place in self.places:
            names.setdefault(place.country or "", place.name)
        return names


def parse_actor_table(text: str) -> ActorTable:
    """Parse the TSV text; raises ValueError naming the line of a bad kind or country."""
    version, lines = table_lines(text)
    entries = []
    for number, line in lines:
        name, kind, country, *aliases = (c.strip() for c in line.split("\t"))
        if kind not in (*KINDS, PLACE, PLATFORM):
            raise ValueError(f"actor table line {number}: unknown kind {kind!r}")
        if country not in ("-", ANY_COUNTRY) and not _COUNTRY_CODE.match(country):
            raise ValueError(f"actor table line {number}: bad country {country!r}")
        plain = tuple(a for a in aliases if not a.startswith(CONTEXTUAL))
        contextual = tuple(a[1:] for a in aliases if a.startswith(CONTEXTUAL))
        country_code = None if country == "-" else country
        entries.append(TableEntry(name, kind, country_code, plain, contextual))
    if version is None:
        raise ValueError("the actor table has no '# version: N' line")
    return ActorTable(version, _with_country_spellings(tuple(entries)))


def _with_country_spellings(entries: tuple[TableEntry, ...]) -> tuple[TableEntry, ...]:
    """A body named with its country first ("중국 국가인터넷정보판공실") is spelled with it
    before each of its Korean other spellings too ("중국 인터넷정보판공실")."""
    names: dict[str, str] = {}
    for entry in entries:
        if entry.kind == PLACE and entry.country:
            names.setdefault(entry.country, entry.name)
    out = []
    for entry in entries:
        place = names.get(entry.country or "")
        if entry.kind == PLACE or place is None or not entry.name.startswith(place + " "):
            out.append(entry)
            continue
        prefixed = (
            f"{place} {a}" for a in entry.aliases if not a.isascii() and not a.startswith(place)
        )
        out.append(replace(entry, aliases=tuple(dict.fromkeys((*entry.aliases, *prefixed)))))
    return tuple(out)


@cache
def actor_table() -> ActorTable:
    """The shipped table, read once per process."""
    return parse_actor_table(ACTORS_PATH.read_text(encoding="utf-8"))
