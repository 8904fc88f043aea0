"""RIS records (what EndNote, Zotero and Mendeley import), written by rispy from the CSL item.
rispy is imported by the first file written, not by every command that loads the citations."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from archive.citations.csl import PERIODICAL_SHORT, note_sources

RIS_TYPE = "MGZN"  # magazine article, as CSL's article-magazine


@cache
def numberless_writer() -> type:
    """rispy's writer without the "1." line it puts before each record by default, which the RIS
    specification does not have and which some importers take for a stray field."""
    import rispy

    class NumberlessRisWriter(rispy.RisWriter):
        def set_header(self, count: int) -> str:
            return ""

    return NumberlessRisWriter


def ris_record(item: dict[str, Any]) -> dict[str, Any]:
    """The rispy record for a CSL-JSON item, field for field."""
    year, month = item["issued"]["date-parts"][0]
    first, _, last = item["page"].partition("-")
    last = last or first
    record = {
        "type_of_reference": RIS_TYPE,
        "id": item["id"],
        "title": item["title"],
        "authors": [author["literal"] for author in item["author"]],
        "secondary_title": item["container-title"],
        "alternate_title1": PERIODICAL_SHORT,
        "publisher": item["publisher"],
        "year": str(year),
        "date": f"{year:04d}/{month:02d}",
        "start_page": first,
        **({"end_page": last} if last != first else {}),  # an article on more than one page
        "language": item["language"],
    }
    if sources := note_sources(item):
        record["notes"] = sources  # one N1 a source: RIS continues no field onto a second line
    return record


def ris_text(items: Iterable[dict[str, Any]]) -> str:
    """The RIS file for these CSL-JSON items."""
    import rispy

    records = [ris_record(item) for item in items]
    return rispy.dumps(records, implementation=numberless_writer())
