"""Source lines ("☞ 출처 : outlet, title, 2024.02.08."): split, and read into fields."""

from __future__ import annotations

import re

from extract.model import Source
from extract.page_lines import Line
from extract.text_forms import squeeze_spaces

_DATE = re.compile(r"(\d{4})\s*\.\s*(\d{1,2})\s*\.(?:\s*(\d{1,2})\s*\.?)?")
_DATE_AT_END = re.compile(_DATE.pattern + r"\s*$")
_URL = re.compile(r"(?:https?://|www\.)[^\s,]+")


def iso_date(text: str) -> str | None:
    """The last printed date of ``text`` in ISO form: "2024.02.08." -> "2024-02-08"."""
    found = list(_DATE.finditer(text))
    if not found:
        return None
    year, month, day = found[-1].groups()
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def ends_with_date(text: str) -> bool:
    """A source entry is complete once its date has been printed."""
    return bool(_DATE_AT_END.search(text.strip()))


def parse_source(text: str) -> Source:
    """Read outlet, title, date and URL out of one source entry."""
    text = squeeze_spaces(text)
    url_match = _URL.search(text)
    url = _trim_url(url_match.group()) if url_match else None
    date = iso_date(text)
    body = text
    if date:
        last = list(_DATE.finditer(text))[-1]
        body = text[: last.start()]
    body = body.strip().rstrip(",").strip()
    outlet, comma, title = body.partition(", ")
    if not comma:  # printed without its outlet: what is left is the title
        outlet, title = "", outlet
    return Source(
        text=text,
        outlet=outlet.strip() or None,
        title=title.strip() or None,
        date=date,
        url=url,
    )


def _trim_url(url: str) -> str:
    """Drop punctuation that ends the sentence, not the URL: "…/view.do?id=1)." -> "…id=1"."""
    url = url.rstrip(".,;")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;")
    return url


def split_sources(lines: list[Line]) -> list[list[Line]]:
    """Group the printed lines of the sources into entries, each ending at its date."""
    grouped: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        current.append(line)
        if ends_with_date(line.text):
            grouped.append(current)
            current = []
    if current:
        grouped.append(current)
    return grouped
