"""Every page is well-formed HTML: tags balanced, ids unique, no inline script or style."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

VOID = {"meta", "link", "input", "img", "br", "hr", "rect", "line", "source", "wbr"}
PAGES = [
    "/",
    "/?q=규제",
    "/?q=규제&section=정책/법제&per_page=1&page=2",
    "/?q=규젱",
    "/?q=nothingmatches",
    "/?q=%22bad",
    "/help",
    "/issues",
    "/issues/2024-04",
    "/articles/2024-01-01?q=규제",
    "/articles/2025-02-02",
    # their bars were sized by style attributes, which the policy blocks: no bar was drawn
    "/actors",
    "/actors/OpenAI",
    "/no/such/page",
]


class Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes:
            self.problems.append("inline script")
        if "style" in attributes or tag == "style":
            self.problems.append(f"inline style on <{tag}>")
        if any(name.startswith("on") for name in attributes):
            self.problems.append(f"event handler attribute on <{tag}>")
        if "id" in attributes:
            if attributes["id"] in self.ids:
                self.problems.append(f"duplicate id {attributes['id']}")
            self.ids.add(attributes["id"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()


@pytest.mark.parametrize("url", PAGES)
def test_page_is_well_formed(client, url):
    response = client.get(url)
    assert response.mimetype == "text/html"
    checker = Checker()
    checker.feed(response.get_data(as_text=True))
    checker.close()
    assert checker.problems == []
    assert checker.stack == []


@pytest.mark.parametrize(
    "markup",
    [
        "<div><span></div>",
        "<p>open",
        '<a onclick="x()">a</a>',
        "<script>alert(1)</script>",
        '<b id="a"></b><i id="a"></i>',
        '<p style="color: red"></p>',
    ],
)
def test_the_checker_catches_bad_markup(markup):
    checker = Checker()
    checker.feed(markup)
    assert checker.problems or checker.stack
