"""An article's subject, actors and countries, derived from its text and the actor tables.

- subject: the headline's actor as printed (headline_subject.py).
- actors: the subject first, then every actor of the table the headline, KEY Contents, body
  and footnotes name where it stands for an actor (mention_senses.py; source lines, and
  footnotes in Latin script that cite a source, are citations, not actors), then the names
  the article introduces that the table does not know (introduced_names.py).
- countries: the subject's country when the subject is a public body, and the countries of
  the places, government and international bodies named in the headline and KEY Contents;
  never a company's home country on its own.

Bump RULES_VERSION when these rules change; the version of actors.tsv counts too (ACTORS_VERSION).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from extract.model import Article, ArticleActor, Issue
from index.actor_mentions import Mention, find_mentions
from index.actor_table import ANY_COUNTRY, PLACE, PLATFORM, TableEntry, actor_table
from index.aliases import AliasTable, alias_key, curated_aliases, mine_pairs
from index.headline_subject import BODY_ENDINGS, HeadlineSubject, headline_subject
from index.introduced_names import IntroducedNames
from index.mention_senses import naming_mentions, unit_after

RULES_VERSION = 4
PUBLIC_KINDS = frozenset({"government", "international"})
# A footnote in Latin script ending in a date or holding an address cites a source.
_CITATION = re.compile(r"https?://|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*$")


def actors_version() -> int:
    """The version stored with derived fields: the table's and the rules'."""
    return actor_table().version * 100 + RULES_VERSION


@dataclass(frozen=True)
class DerivedActors:
    """What derive_actors() finds for one article."""

    subject: str | None
    actors: tuple[ArticleActor, ...]
    countries: tuple[str, ...]


def _body_lines(article: Article) -> list[str]:
    lines = [article.title, *article.key_contents]
    for section in article.body:
        lines.append(section.heading)
        for bullet in section.bullets:
            lines.extend((bullet.text, *bullet.sub))
    lines.extend(f for f in article.footnotes if not _cites_a_source(f))
    return lines


def _cites_a_source(footnote: str) -> bool:
    return not re.search(r"[가-힣]", footnote) and bool(_CITATION.search(footnote))


class ActorDeriver:
    """Derives the fields with one Kiwi tokenizer and the curated alias list."""

    def __init__(self, tokenize) -> None:
        self.tokenize = tokenize
        self.aliases = AliasTable(curated_aliases())
        self.country_names = actor_table().country_names()
        self.known = actor_table().by_spelling()
        self.introduced = IntroducedNames(self.known)

    def derive(self, article: Article) -> DerivedActors:
        """The subject, actors and countries of one article."""
        subject = headline_subject(article.title, self.tokenize)
        lines = _body_lines(article)
        text = "\n".join(lines)
        everything = find_mentions(text)
        # The headline and KEY Contents open the text, each on lines of its own, and no
        # mention runs over a line's end: their mentions are the text's first ones.
        opening = len("\n".join(lines[: 1 + len(article.key_contents)]))
        leading = [m for m in everything if m.start < opening]
        countries = self._countries(leading, self._subject_country(subject))
        # A body named without its country ("국방부") is taken to be of the country the
        # article is about.
        home = countries[0] if countries else None
        found: dict[str, ArticleActor] = {}
        first = self._subject_actor(subject, home)
        if first is not None:
            found[alias_key(first.name)] = first
        mentions = [m for m in everything if m.entry.kind != PLACE]
        for mention in naming_mentions(mentions, text, countries):
            country = _body_country(mention, mentions, home)
            printed = text[mention.start : mention.end]
            self._add(found, self._table_actor(mention, country, printed))
        for actor in (*_units(mentions, text), *self.introduced.find(text)):
            self._add(found, actor)
        pairs = mine_pairs(text)
        actors = tuple(self._with_aliases(a, pairs) for a in found.values())
        return DerivedActors(subject.text if subject else None, actors, countries)

    @staticmethod
    def _add(found: dict[str, ArticleActor], actor: ArticleActor | None) -> None:
        """Add an actor not found yet by any of its spellings, or one more spelling of one
        found. Measured and not kept: each found actor's keys kept (an lru_cache on _keys),
        the actors of 54 respelled issues 0.75 and 0.73 -> 0.77 and 0.78 CPU s (load 5)."""
        if actor is None:
            return
        key = alias_key(actor.name)
        if key in found:  # named again, perhaps another way ("행정부", then "연방 정부")
            known = found[key]
            if known.aliases != actor.aliases:
                aliases = tuple(dict.fromkeys((*known.aliases, *actor.aliases)))
                found[key] = replace(known, aliases=aliases)
            return
        keys = {alias_key(s) for s in (actor.name, *actor.aliases)}
        if not any(k in found or any(k in _keys(a) for a in found.values()) for k in keys):
            found[key] = actor

    @staticmethod
    def _subject_country(subject: HeadlineSubject | None) -> str | None:
        """The country of a subject that is a public body (never a company's home)."""
        if subject is None or subject.mention is None:
            return None
        mention = subject.mention
        if mention.entry.kind not in PUBLIC_KINDS and mention.entry.kind != PLACE:
            return None
        return mention.prefix_country or (
            mention.entry.country if mention.entry.country != ANY_COUNTRY else None
        )

    def _subject_actor(self, subject: HeadlineSubject | None, home: str | None):
        if subject is None:
            return None
        if subject.mention is None:
            return ArticleActor(subject.text, (), _guess_kind(subject.text))
        place = subject.mention.entry
        if place.kind == PLACE:  # "영국, …": the country's government; "유럽연합, …" the EU
            if place.country == "EU":
                return ArticleActor(place.name, place.aliases, "government")
            return ArticleActor(f"{place.name} 정부", (subject.text,), "government")
        return self._table_actor(subject.mention, home, subject.text)

    def _table_actor(
        self, mention: Mention, home: str | None, printed: str = ""
    ) -> ArticleActor | None:
        """The actor a mention names; a body of every country ("국방부") whose country is
        unknown names none. `printed` is the mention as written."""
        entry: TableEntry = mention.entry
        kind = "company" if entry.kind == PLATFORM else entry.kind
        if entry.country != ANY_COUNTRY:
            return ArticleActor(entry.name, entry.aliases, kind)
        country = mention.prefix_country or home
        # The EU's own bodies are lines of the table; it has no 정부 or 국방부 of every country.
        if country is None or country == "EU" or country not in self.country_names:
            return None
        place = self.country_names[country]
        # Latin spellings ("DoD") belong to one country's body; the Korean ones take the prefix.
        korean = [f"{place} {a}" for a in entry.aliases if not a.isascii()]
        if mention.contextual and not mention.prefix_country:  # "연방 정부", as written
            korean.append(f"{place} {printed}")
        elif mention.prefix_country and printed:  # "대한민국 정부": the place another way
            korean.append(printed)
        name = f"{place} {entry.name}"
        aliases = [a for a in dict.fromkeys(korean) if alias_key(a) != alias_key(name)]
        return ArticleActor(name, tuple(aliases), entry.kind)

    def _with_aliases(self, actor: ArticleActor, pairs: list[tuple[str, str]]) -> ArticleActor:
        spellings = [*actor.aliases, *self.aliases.others(actor.name)]
        key = alias_key(actor.name)
        spellings += [latin for korean, latin in pairs if alias_key(korean) == key]
        unique = [s for s in dict.fromkeys(spellings) if alias_key(s) != key]
        return ArticleActor(actor.name, tuple(unique), actor.kind)

    @staticmethod
    def _countries(leading: list[Mention], home: str | None) -> tuple[str, ...]:
        """The countries of the mentions of the headline and KEY Contents, after `home`."""
        codes: list[str] = [home] if home else []
        for mention in leading:
            if mention.contextual:
                continue
            entry = mention.entry
            country = mention.prefix_country or entry.country
            if (
                country
                and country != ANY_COUNTRY
                and (entry.kind in PUBLIC_KINDS or entry.kind == PLACE)
            ):
                codes.append(country)
        return tuple(dict.fromkeys(codes))


def _body_country(mention: Mention, mentions: list[Mention], home: str | None) -> str | None:
    """The country of a body of every country written without one: that of the same body
    written with a country elsewhere in the article, else the subject's."""
    if mention.prefix_country or mention.entry.country != ANY_COUNTRY:
        return home
    for other in mentions:
        if other.entry is mention.entry and other.prefix_country:
            return other.prefix_country
    return home


def _units(mentions: list[Mention], text: str) -> list[ArticleActor]:
    """The units named with their body first ("하버드大 로스쿨"), except those the table
    names by the spelling that follows them ("백악관 과학기술위원회(NSTC)")."""
    units = []
    for mention in mentions:
        unit = unit_after(mention, text)
        if unit is None:
            continue
        end = text.index(unit, mention.end) + len(unit)
        if any(end <= other.start <= end + 1 for other in mentions):
            continue
        units.append(ArticleActor(f"{mention.entry.name} {unit}", (), mention.entry.kind))
    return units


def _keys(actor: ArticleActor) -> set[str]:
    return {alias_key(s) for s in (actor.name, *actor.aliases)}


def _guess_kind(name: str) -> str:
    """The kind of a subject the table does not know, by the word it ends with."""
    if name.endswith(("大", "대학", "대학교", "연구소", "연구원", "센터", "재단")):
        return "research"
    if name.endswith(BODY_ENDINGS):
        return "government"
    return "company" if re.search(r"[A-Za-z]", name) else "other"


def derive_actors(articles: Iterable[Article]) -> tuple[Article, ...]:
    """The articles with their subject, actors and countries derived (see the module docs)."""
    deriver = _deriver()
    derived = []
    for article in articles:
        found = deriver.derive(article)
        derived.append(
            replace(article, subject=found.subject, actors=found.actors, countries=found.countries)
        )
    return tuple(derived)


@cache
def _deriver() -> ActorDeriver:
    """The process's one deriver (its alias table and lookups are built once, not per issue),
    with the process's Kiwi; a forked worker goes on with its parent's."""
    from index.kiwi_loader import kiwi

    return ActorDeriver(kiwi().tokenize)


def with_actors(issue: Issue) -> Issue:
    """The issue with its articles' actors derived by the current rules and table."""
    return replace(issue, articles=derive_actors(issue.articles), actors_version=actors_version())
