"""BibTeX entries, written by bibtexparser from the CSL item.

BibTeX has no magazine type; an @article with `journal` is how a periodical's article is cited.
The institution is the author, braced whole so that BibTeX never splits it into a person's name.
Values are written as UTF-8, which biber, Zotero and JabRef read, rather than LaTeX-escaped:
pylatexenc's escaping is lossy for Korean quotation marks. bibtexparser (a tenth of a CPU
second to import, with pylatexenc) is imported by the first entry written, not by every
command that loads the citations.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bibtexparser.model import Entry

BIBTEX_TYPE = "article"


def bibtex_entry(item: dict[str, Any]) -> Entry:
    """The BibTeX entry for a CSL-JSON item, field for field."""
    from bibtexparser.model import Entry, Field

    year, month = item["issued"]["date-parts"][0]
    fields = {
        "title": item["title"],
        "author": " and ".join(f"{{{author['literal']}}}" for author in item["author"]),
        "journal": item["container-title"],
        "publisher": item["publisher"],
        "year": str(year),
        "month": str(month),
        "pages": item["page"].replace("-", "--"),  # BibTeX's range is an en dash, --
        "language": item["language"],
    }
    if "note" in item:
        fields["note"] = item["note"]
    return Entry(BIBTEX_TYPE, item["id"], [Field(key, value) for key, value in fields.items()])


def bibtex_text(items: Iterable[dict[str, Any]]) -> str:
    """The BibTeX file for these CSL-JSON items."""
    import bibtexparser

    return bibtexparser.write_string(bibtexparser.Library([bibtex_entry(i) for i in items]))
