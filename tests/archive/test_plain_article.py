"""The import's quick check of an article against jsonschema, its oracle: whatever it accepts
jsonschema accepts, over every value of a rich article put out of place, and it accepts the
articles an export writes."""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Iterator

import pytest
from rich_article import RICH as EXPORTED

from archive.schema import validator
from archive.schema.plain_article import plainly_an_article
from extract.model import Article, ArticleActor, BodySection, Source

# The exported article with what an export leaves out filled in too: the actors, an empty
# section, a source of some parts, and an id with a letter.
RICH = dataclasses.replace(
    EXPORTED,
    id="2024-04-07b",
    body=(*EXPORTED.body, BodySection("", ())),
    sources=(*EXPORTED.sources, Source("Nature, 2024.03.", "Nature", None, "2024-03", None)),
    subject="구글",
    actors=(ArticleActor("구글", ("Google",), "company"), ArticleActor("EU", (), "government")),
    countries=("US", "EU", "INTL"),
    text="",  # made again from the parts, the new source's line with them
)

# Values put in place of each value of the article: every JSON type, and strings each
# pattern, enumeration or length of the schema takes or refuses.
STAND_INS = [
    None, True, False, 0, 1, 2, -1, 1.0, 2.5, 10**20, "", "x", "2024-04", "2024-13", "2024-04-07",
    "2024-04-07\n", "2024-04\n", "2024-04-07bb", "2024-04-07B", "٢٠٢٤-04", "정책/법제", "정책",
    "company", "Company", "US", "us", "USA", "INTL", "2024-03-14", "2024-3-14", "2024-03-14\n",
    [], [1], ["x"], [1, 1], [1, 2, 3], [0, 1], [1.0, 2], [True, 1], [None], [{}], {}, {"x": 1},
    {"heading": "h", "bullets": []}, {"text": "t", "sub": []}, {"text": "t", "sub": [1]},
    {"name": "n", "aliases": [], "kind": "company"}, {"name": "", "aliases": [], "kind": "other"},
    {"text": "t", "outlet": None, "title": None, "date": None, "url": None},
]  # fmt: skip


def paths(value: object, path: tuple = ()) -> Iterator[tuple]:
    """The path of every value within `value`, itself first."""
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from paths(inner, (*path, i))


def changed(article: dict, path: tuple, stand_in: object) -> object:
    if not path:
        return copy.deepcopy(stand_in)
    edited = copy.deepcopy(article)
    *parents, last = path
    target = edited
    for step in parents:
        target = target[step]
    target[last] = copy.deepcopy(stand_in)
    return edited


def variants(article: dict) -> Iterator[object]:
    """The article with each value replaced by each stand-in, each key of each object
    removed, and an extra key added to each object."""
    for path in paths(article):
        for stand_in in STAND_INS:
            yield changed(article, path, stand_in)
        inner = changed(article, (), article)
        for step in path:
            inner = inner[step]
        if isinstance(inner, dict):
            for key in inner:
                edited = copy.deepcopy(article)
                target = edited
                for step in path:
                    target = target[step]
                del target[key]
                yield edited
            yield changed(article, path, {**inner, "extra": 1})


def test_a_rich_article_and_a_plain_one_are_plainly_articles():
    rich = RICH.to_json()
    assert validator("article").is_valid(rich) and plainly_an_article(rich)
    plain = Article("2023-12-01", "2023-12", None, "t", 1, (3, 3))
    assert plainly_an_article(plain.to_json())
    assert plainly_an_article({k: v for k, v in rich.items() if k not in ("text", "actors")})


def test_what_the_check_accepts_jsonschema_accepts():
    checked = accepted = 0
    for instance in variants(RICH.to_json()):
        checked += 1
        if plainly_an_article(instance):
            accepted += 1
            assert validator("article").is_valid(instance), json.dumps(instance)
    # most changes make no article; those that keep one (another section, a string for a
    # string) the check accepts too
    assert checked > 3000 and accepted > 300


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"section": "정책"}, id="section"),
        pytest.param({"page": 0}, id="page"),
        pytest.param({"page": "7"}, id="page-string"),
        pytest.param({"page": True}, id="page-bool"),
        pytest.param({"pdf_pages": [1]}, id="pdf-pages"),
        pytest.param({"extra": 1}, id="extra"),
        pytest.param({"issue": "2024-13"}, id="issue"),
        pytest.param({"id": "2024-04-07\n"}, id="trailing-newline"),
        pytest.param({"section": "가" * 5000}, id="long-section"),
        pytest.param({"countries": ["usa"]}, id="country"),
        pytest.param({"actors": [{"name": "", "aliases": [], "kind": "company"}]}, id="actor"),
    ],
)
def test_the_import_tests_bad_articles_are_left_to_jsonschema(change):
    bad = {**RICH.to_json(), **change}
    assert not plainly_an_article(bad)
    assert not validator("article").is_valid(bad)


def test_a_value_jsonschema_accepts_in_another_type_is_left_to_it():
    whole_float = {**RICH.to_json(), "page": 7.0}  # an integer to JSON Schema
    assert validator("article").is_valid(whole_float)
    assert not plainly_an_article(whole_float)
