"""A quick proof that an exported article is valid, for the import of many lines.

jsonschema walks every value of an article through its validators: about 0.4 ms a line, 0.45
CPU s of an import of 1,062 articles, 0.03x of Kiwi's own work over them. `plainly_an_article`
checks the same keywords of article.schema.json in plain Python and answers only "valid" or
"cannot tell": what it accepts jsonschema accepts, and anything else (a float page, a missing
field, any value out of place) is left to jsonschema, whose message an import reports, so that
the verdicts and the messages stay jsonschema's. The required and allowed properties, the
sections, the kinds of actor and the patterns are read from the schema file, which stays the
contract; tests/archive/test_plain_article.py holds the check to jsonschema over bad articles.
"""

from __future__ import annotations

import re
from functools import cache

from archive.schema import schema

_STRINGS = ("key_contents", "footnotes", "captions")  # arrays of strings


@cache
def _rules() -> dict:
    """What the check reads from article.schema.json."""
    article = schema("article")
    properties, defs = article["properties"], article["$defs"]
    return {
        "required": frozenset(article["required"]),
        "allowed": frozenset(properties),
        "id": re.compile(properties["id"]["pattern"]),
        "issue": re.compile(properties["issue"]["pattern"]),
        "sections": frozenset(s for s in properties["section"]["enum"] if s is not None),
        "country": re.compile(properties["countries"]["items"]["pattern"]),
        "date": re.compile(defs["source"]["properties"]["date"]["pattern"]),
        "kinds": frozenset(defs["actor"]["properties"]["kind"]["enum"]),
        "section_keys": frozenset(defs["body_section"]["properties"]),
        "bullet_keys": frozenset(defs["bullet"]["properties"]),
        "actor_keys": frozenset(defs["actor"]["properties"]),
        "source_keys": frozenset(defs["source"]["properties"]),
    }


def _strings(value: object) -> bool:
    return value.__class__ is list and all(s.__class__ is str for s in value)


def _page(value: object) -> bool:
    return value.__class__ is int and value >= 1


def _optional(value: object) -> bool:
    return value is None or value.__class__ is str


def _section(value: object, rules: dict) -> bool:
    return (
        value.__class__ is dict
        and value.keys() == rules["section_keys"]
        and value["heading"].__class__ is str
        and value["bullets"].__class__ is list
        and all(_bullet(b, rules) for b in value["bullets"])
    )


def _bullet(value: object, rules: dict) -> bool:
    return (
        value.__class__ is dict
        and value.keys() == rules["bullet_keys"]
        and value["text"].__class__ is str
        and _strings(value["sub"])
    )


def _source(value: object, rules: dict) -> bool:
    if value.__class__ is not dict or value.keys() != rules["source_keys"]:
        return False
    date = value["date"]
    return (
        value["text"].__class__ is str
        and _optional(value["outlet"])
        and _optional(value["title"])
        and _optional(value["url"])
        and (date is None or (date.__class__ is str and rules["date"].search(date) is not None))
    )


def _actor(value: object, rules: dict) -> bool:
    return (
        value.__class__ is dict
        and value.keys() == rules["actor_keys"]
        and value["name"].__class__ is str
        and value["name"] != ""
        and _strings(value["aliases"])
        and value["kind"].__class__ is str
        and value["kind"] in rules["kinds"]
    )


def _derived(data: dict, rules: dict) -> bool:
    """The optional fields: text, and those derived on ingest and import."""
    if "text" in data and data["text"].__class__ is not str:
        return False
    if "subject" in data and not _optional(data["subject"]):
        return False
    actors = data.get("actors", [])
    if actors.__class__ is not list or not all(_actor(a, rules) for a in actors):
        return False
    countries = data.get("countries", [])
    return countries.__class__ is list and all(
        c.__class__ is str and rules["country"].search(c) is not None for c in countries
    )


def plainly_an_article(data: object) -> bool:
    """True when the value is an article by article.schema.json beyond doubt; False when it
    is not or the check cannot tell (jsonschema then decides and says why)."""
    rules = _rules()
    if data.__class__ is not dict or not rules["required"] <= data.keys() <= rules["allowed"]:
        return False
    identifier, issue, section = data["id"], data["issue"], data["section"]
    pages, title = data["pdf_pages"], data["title"]
    return (
        identifier.__class__ is str
        and rules["id"].search(identifier) is not None
        and issue.__class__ is str
        and rules["issue"].search(issue) is not None
        and (section is None or (section.__class__ is str and section in rules["sections"]))
        and title.__class__ is str
        and title != ""
        and _page(data["page"])
        and pages.__class__ is list
        and len(pages) == 2
        and _page(pages[0])
        and _page(pages[1])
        and all(_strings(data[name]) for name in _STRINGS)
        and data["body"].__class__ is list
        and all(_section(s, rules) for s in data["body"])
        and data["sources"].__class__ is list
        and all(_source(s, rules) for s in data["sources"])
        and _derived(data, rules)
    )
