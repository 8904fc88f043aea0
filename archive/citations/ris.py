"""RIS records (what EndNote, Zotero and Mendeley import), written by rispy from the CSL item."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import rispy

from archive.citations.csl import PERIODICAL_SHORT, note_sources

RIS_TYPE = "MGZN"  # magazine article, as CSL's article-magazine


class NumberlessRisWriter(rispy.RisWriter):
    """rispy's writer without the "1." line it puts before each record by default, which the RIS
    specification does not have and which some importers take for a stray field."""

    def set_header(self, count: int) -> str:
        return ""


def ris_record(item: dict[str, Any]) -> dict[str, Any]:
    """The rispy record for a CSL-JSON item, field for field."""
    year, month = item["issued"]["date-parts"][0]
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
        "start_page": item["page"],
        "language": item["language"],
    }
    if sources := note_sources(item):
        record["notes"] = sources  # one N1 a source: RIS continues no field onto a second line
    return record


def ris_text(items: Iterable[dict[str, Any]]) -> str:
    """The RIS file for these CSL-JSON items."""
    return rispy.dumps([ris_record(item) for item in items], implementation=NumberlessRisWriter)
