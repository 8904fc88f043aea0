"""The registry of export formats: each one's writer, media type and file extension.

The CLI (`aibrief export --format`) and the web (`/export?format=`) both read this one table, so
a format added here is offered, named and served alike everywhere.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO

from archive.citations import STYLES
from archive.citations.writers import reference_writer, write_bibtex, write_csl_json, write_ris
from archive.errors import BadExport
from archive.export import ExportOptions, write_csv, write_json, write_jsonl
from archive.messages import Message, translatable
from common.echo import echoed
from extract.model import Article


def write_xlsx(articles: Iterable[Article], out: BinaryIO, options: ExportOptions) -> int:
    """The Excel workbook (archive/spreadsheet.py). openpyxl is imported here, on first use:
    it takes longer to import than the rest of a search command."""
    from archive.spreadsheet import write_xlsx as write

    return write(articles, out, options)


Writer = Callable[[Iterable[Article], BinaryIO, ExportOptions], int]


@dataclass(frozen=True)
class ExportFormat:
    """One way to write articles out."""

    name: str  # what --format and ?format= take
    writer: Writer  # writes the articles to a binary stream and returns how many
    media_type: str  # the Content-Type of a download
    extension: str  # of a downloaded file, without the dot
    summary: Message  # one line for --help, and the page's label of a citation format
    citation: bool = False  # a way to cite one article (`aibrief show ID --cite`)
    binary: bool = False  # not text: never written to a terminal

    def filename(self, stem: str) -> str:
        """The name a download is saved under."""
        return f"{stem}.{self.extension}"


EXPORT_FORMATS: dict[str, ExportFormat] = {
    form.name: form
    for form in (
        ExportFormat(
            "json", write_json, "application/json", "json", translatable("one JSON array")
        ),
        ExportFormat(
            "jsonl",
            write_jsonl,
            "application/x-ndjson",
            "jsonl",
            translatable("one article per line"),
        ),
        ExportFormat(
            "csv",
            write_csv,
            "text/csv",
            "csv",
            translatable("one row per article, UTF-8 with a byte order mark for Excel"),
        ),
        ExportFormat(
            "xlsx",
            write_xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            translatable("an Excel workbook, one row per article"),
            binary=True,
        ),
        ExportFormat(
            "csl-json",
            write_csl_json,
            "application/vnd.citationstyles.csl+json",
            "csl.json",
            translatable("CSL-JSON for Zotero, Pandoc and citeproc"),
            citation=True,
        ),
        ExportFormat(
            "ris",
            write_ris,
            "application/x-research-info-systems",
            "ris",
            translatable("RIS for EndNote, Zotero and Mendeley"),
            citation=True,
        ),
        ExportFormat(
            "bibtex",
            write_bibtex,
            "application/x-bibtex",
            "bib",
            translatable("BibTeX"),
            citation=True,
        ),
        *(
            ExportFormat(
                style.name,
                reference_writer(style.name),
                "text/plain",
                f"{style.name}.txt",
                translatable("%(style)s references, one a line", style=style.label),
                citation=True,
            )
            for style in STYLES.values()
        ),
    )
}

CITATION_FORMATS = tuple(form.name for form in EXPORT_FORMATS.values() if form.citation)


def export_format(name: str) -> ExportFormat:
    """The format called `name`; BadExport names the choices otherwise."""
    try:
        return EXPORT_FORMATS[name]
    except KeyError:
        choices = ", ".join(EXPORT_FORMATS)
        raise BadExport(f"unknown export format {echoed(name)} (choose from {choices})") from None


def export_bytes(articles: Iterable[Article], form: str) -> bytes:
    """The articles written whole in the format named `form`."""
    out = io.BytesIO()
    write_articles(articles, out, form)
    return out.getvalue()


def write_articles(
    articles: Iterable[Article], out: BinaryIO, form: str, options: ExportOptions | None = None
) -> int:
    """Write articles to the binary stream `out` in the format named `form`; return how many."""
    return export_format(form).writer(articles, out, options or ExportOptions())
