"""An article's subject, actors and countries, derived from its text and the actor tables.

- subject: the headline's actor as printed (headline_subject.py).
- actors: the subject first, then every actor of the table the headline, KEY Contents, body
  and footnotes name (source lines are citations, not actors), then the names the article
  introduces with their Latin spelling, "윈드서프(Windsurf)", where the Korean side names a
  body (…연구소, …위원회, …저널), the word before it says it is a company ("AI 코딩 기업
  윈드서프"), or both sides read as a person's name with a title after or before it ("리나
  칸(Lina Khan) 위원장", "분석가 딜런 파텔(Dylan Patel)"); and a name glossed in Chinese
  characters and followed by a title is a person ("황옌난(黃彦南) 장관").
- countries: the subject's country when the subject is a public body, and the countries of
  the places, government and international bodies named in the headline and KEY Contents;
  never a company's home country on its own.

Bump RULES_VERSION when these rules change; the version of actors.tsv counts too (ACTORS_VERSION).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from extract.model import Article, ArticleActor, Issue
from index.actor_mentions import Mention, find_mentions
from index.actor_table import ANY_COUNTRY, PLACE, TableEntry, actor_table
from index.aliases import AliasTable, alias_key, curated_aliases, mine_pairs
from index.headline_subject import BODY_ENDINGS, TITLES, HeadlineSubject, headline_subject

RULES_VERSION = 2
PUBLIC_KINDS = frozenset({"government", "international"})
_LATIN_IN_BRACKETS = re.compile(r"\(([A-Za-z][^()\n]{0,60})\)")
# "황옌난(黃彦南)": a one-word Korean name glossed in two to four Chinese characters.
_HANJA_GLOSS = re.compile(r"(?<![가-힣])([가-힣]{2,5})\(([\u4e00-\u9fff]{2,4})\)")
PAIR_WINDOW = 60  # characters before a bracket that can hold the Korean name
TITLE_WINDOW = 15  # characters after it in which a person's title is looked for
COMPANY_WORDS = ("기업", "스타트업", "경쟁사", "업체", "회사", "플랫폼", "자회사")
_PERSON_LATIN = re.compile(r"^[A-Z][a-z]+(?: (?:[A-Z]\.|[A-Z][a-z]+)){1,2}$")
PERSON_TITLES = (
    *TITLES, "창업자", "상무장관", "의원", "위원장", "연구원", "박사", "CTO", "이사", "분석가",
    "대변인", "사무총장",
)
_NOT_PERSON_WORDS = """AI Labs Lab Institute Foundation Technologies Systems Group Capital
Ventures Research Global Cloud Open Data Center Health Intelligence"""
NOT_PERSON_WORDS = frozenset(_NOT_PERSON_WORDS.split())
RESEARCH_ENDINGS = (
    "연구소", "연구원", "연구실", "센터", "大", "대학", "대학교", "재단", "저널", "학회",
)


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
    lines.extend(article.footnotes)
    return lines


class ActorDeriver:
    """Derives the fields with one Kiwi tokenizer and the curated alias list."""

    def __init__(self, tokenize) -> None:
        self.tokenize = tokenize
        self.aliases = AliasTable(curated_aliases())
        self.country_names = actor_table().country_names()
        self.known = actor_table().by_spelling()

    def derive(self, article: Article) -> DerivedActors:
        """The subject, actors and countries of one article."""
        subject = headline_subject(article.title, self.tokenize)
        countries = self._countries(article, subject, self._subject_country(subject))
        # A body named without its country ("국방부") is taken to be of the country the
        # article is about.
        home = countries[0] if countries else None
        text = "\n".join(_body_lines(article))
        found: dict[str, ArticleActor] = {}
        first = self._subject_actor(subject, home)
        if first is not None:
            found[alias_key(first.name)] = first
        mentions = [m for m in find_mentions(text) if m.entry.kind != PLACE]
        for mention in mentions:
            self._add(found, self._table_actor(mention, _body_country(mention, mentions, home)))
        for actor in (*self._paired_actors(text), *self._glossed_people(text)):
            self._add(found, actor)
        pairs = mine_pairs(text)
        actors = tuple(self._with_aliases(a, pairs) for a in found.values())
        return DerivedActors(subject.text if subject else None, actors, countries)

    @staticmethod
    def _add(found: dict[str, ArticleActor], actor: ArticleActor | None) -> None:
        if actor is None:
            return
        keys = {alias_key(s) for s in (actor.name, *actor.aliases)}
        if not any(k in found or any(k in _keys(a) for a in found.values()) for k in keys):
            found[alias_key(actor.name)] = actor

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
        return self._table_actor(subject.mention, home)

    def _table_actor(self, mention: Mention, home: str | None) -> ArticleActor | None:
        """The actor a mention names; a body of every country ("국방부") whose country is
        unknown names none."""
        entry: TableEntry = mention.entry
        if entry.country != ANY_COUNTRY:
            return ArticleActor(entry.name, entry.aliases, entry.kind)
        country = mention.prefix_country or home
        if country is None or country not in self.country_names:
            return None
        place = self.country_names[country]
        # Latin spellings ("DoD") belong to one country's body; the Korean ones take the prefix.
        korean = (a for a in entry.aliases if not a.isascii())
        return ArticleActor(
            f"{place} {entry.name}", tuple(f"{place} {a}" for a in korean), entry.kind
        )

    def _paired_actors(self, text: str) -> list[ArticleActor]:
        actors = []
        for match in _LATIN_IN_BRACKETS.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            window = text[max(line_start, match.start() - PAIR_WINDOW) : match.end()]
            for name, latin in mine_pairs(window)[-1:]:
                if alias_key(name) in self.known:
                    continue  # the table's own mentions name it
                before = window[: window.rfind(name + "(")].split()[-1:] or [""]
                after = text[match.end() : match.end() + TITLE_WINDOW]
                kind = _paired_kind(before[0], name, latin, after)
                if kind is not None:
                    actors.append(ArticleActor(name, (latin,), kind))
        return actors

    def _glossed_people(self, text: str) -> list[ArticleActor]:
        people = []
        for match in _HANJA_GLOSS.finditer(text):
            name, hanja = match.groups()
            after = text[match.end() : match.end() + TITLE_WINDOW]
            if alias_key(name) not in self.known and _names_title(after):
                people.append(ArticleActor(name, (hanja,), "person"))
        return people

    def _with_aliases(self, actor: ArticleActor, pairs: list[tuple[str, str]]) -> ArticleActor:
        spellings = [*actor.aliases, *self.aliases.others(actor.name)]
        key = alias_key(actor.name)
        spellings += [latin for korean, latin in pairs if alias_key(korean) == key]
        unique = [s for s in dict.fromkeys(spellings) if alias_key(s) != key]
        return ArticleActor(actor.name, tuple(unique), actor.kind)

    @staticmethod
    def _countries(article: Article, subject, home: str | None) -> tuple[str, ...]:
        codes: list[str] = [home] if home else []
        for mention in find_mentions("\n".join([article.title, *article.key_contents])):
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


def _keys(actor: ArticleActor) -> set[str]:
    return {alias_key(s) for s in (actor.name, *actor.aliases)}


def _names_title(after: str) -> bool:
    """Whether the words after a name hold a person's title ("… 장관은", "…을 상무이사로")."""
    return any(title in after for title in PERSON_TITLES)


def _guess_kind(name: str) -> str:
    """The kind of a subject the table does not know, by the word it ends with."""
    if name.endswith(("大", "대학", "대학교", "연구소", "연구원", "센터", "재단")):
        return "research"
    if name.endswith(BODY_ENDINGS):
        return "government"
    return "company" if re.search(r"[A-Za-z]", name) else "other"


def _paired_kind(before: str, korean: str, latin: str, after: str) -> str | None:
    """The kind of a name introduced with its Latin spelling, or None if it names no actor."""
    last = korean.split()[-1]
    if last.endswith(RESEARCH_ENDINGS):
        return "research"
    if last.endswith(("위원회", "부", "청", "기구", "협회")) and len(last) > 2:
        return "government" if last.endswith(("위원회", "부", "청")) else "other"
    if before.endswith(COMPANY_WORDS) or before.rstrip("인이").endswith(COMPANY_WORDS):
        return "company"
    words = latin.split()
    if (
        _PERSON_LATIN.match(latin)
        and len(korean.split()) == len(words)
        and not NOT_PERSON_WORDS.intersection(words)
        and (
            _names_title(after) or any(before.endswith(title) for title in PERSON_TITLES)
        )
    ):
        return "person"
    return None


def derive_actors(articles: Iterable[Article]) -> tuple[Article, ...]:
    """The articles with their subject, actors and countries derived (see the module docs)."""
    from index.kiwi_loader import kiwi

    deriver = ActorDeriver(kiwi().tokenize)
    derived = []
    for article in articles:
        found = deriver.derive(article)
        derived.append(
            replace(article, subject=found.subject, actors=found.actors, countries=found.countries)
        )
    return tuple(derived)


def with_actors(issue: Issue) -> Issue:
    """The issue with its articles' actors derived by the current rules and table."""
    return replace(issue, articles=derive_actors(issue.articles), actors_version=actors_version())
