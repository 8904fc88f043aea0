"""A quick proof that an extracted issue is valid, for the ingest of many PDFs.

An ingest checks each issue it read against issue.schema.json before holding it. jsonschema
walks every value of its articles: about 6 ms an issue, 0.33 CPU s of a first ingest of 54
issues (0.03x of Kiwi's own work over their articles), in the extraction workers.
`plainly_an_issue` checks the issue's own keywords in plain Python and each article with
`plainly_an_article`, and answers only "valid" or "cannot tell": anything it does not accept
is left to jsonschema, whose verdict and message the ingest reports. The required and allowed
properties and the patterns are read from the schema file, which stays the contract;
tests/archive/test_plain_issue.py holds the check to jsonschema over bad issues.
"""

from __future__ import annotations

import re
from functools import cache

from archive.schema import schema
from archive.schema.plain_article import plainly_an_article


@cache
def _rules() -> dict:
    """What the check reads from issue.schema.json."""
    issue = schema("issue")
    properties, event = issue["properties"], issue["$defs"]["event"]
    pdf = properties["pdf"]
    return {
        "required": frozenset(issue["required"]),
        "allowed": frozenset(properties),
        "issue": re.compile(properties["issue"]["pattern"]),
        "pdf_keys": frozenset(pdf["properties"]),
        "sha256": re.compile(pdf["properties"]["sha256"]["pattern"]),
        "layout": re.compile(properties["layout"]["pattern"]),
        "event_keys": frozenset(event["properties"]),
    }


def _count(value: object, least: int) -> bool:
    return value.__class__ is int and value >= least


def _pdf(value: object, rules: dict) -> bool:
    return (
        value.__class__ is dict
        and value.keys() == rules["pdf_keys"]
        and value["name"].__class__ is str
        and value["sha256"].__class__ is str
        and rules["sha256"].search(value["sha256"]) is not None
        and _count(value["pages"], 0)
    )


def _event(value: object, rules: dict) -> bool:
    return (
        value.__class__ is dict
        and value.keys() == rules["event_keys"]
        and all(value[k].__class__ is str for k in ("name", "summary", "dates", "place"))
        and (value["url"] is None or value["url"].__class__ is str)
    )


def _read_from_a_pdf(data: dict, rules: dict) -> bool:
    """The optional fields: the actors' version, the layout read, the pages dropped."""
    if "actors_version" in data and data["actors_version"].__class__ is not int:
        return False
    layout = data.get("layout", "x")
    if layout.__class__ is not str or rules["layout"].search(layout) is None:
        return False
    if "layout_version" in data and not _count(data["layout_version"], 1):
        return False
    dropped = data.get("dropped_pages", [])
    return dropped.__class__ is list and all(_count(page, 1) for page in dropped)


def plainly_an_issue(data: object) -> bool:
    """True when the value is an issue by issue.schema.json beyond doubt; False when it is
    not or the check cannot tell (jsonschema then decides and says why)."""
    rules = _rules()
    if data.__class__ is not dict or not rules["required"] <= data.keys() <= rules["allowed"]:
        return False
    issue, articles, events = data["issue"], data["articles"], data["events"]
    return (
        issue.__class__ is str
        and rules["issue"].search(issue) is not None
        and data["title"].__class__ is str
        and _pdf(data["pdf"], rules)
        and articles.__class__ is list
        and all(plainly_an_article(article) for article in articles)
        and events.__class__ is list
        and all(_event(event, rules) for event in events)
        and _read_from_a_pdf(data, rules)
    )
