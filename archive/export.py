"""Export: articles in their documented JSON form (json, jsonl) or as flat CSV rows.

Every writer here writes bytes to a binary stream, so that one signature serves the text formats
and the binary ones alike (see `archive.export_formats`, the registry of every format).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, BinaryIO, TextIO

from extract.model import Article

CSV_FIELDS = (
    "id",
    "issue",
    "section",
    "title",
    "page",
    "pdf_pages",
    "key_contents",
    "footnotes",
    "sources",
    "source_urls",
    "captions",
    "text",
)


@dataclass(frozen=True)
class ExportOptions:
    """Choices a writer may honour; the others ignore them."""

    # Excel reads a CSV file as UTF-8 only when it starts with a byte order mark; without one, a
    # Korean Windows takes it for CP949 and shows every Hangul cell garbled.
    bom: bool = True


@contextmanager
def text_stream(out: BinaryIO, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text view of the binary stream `out`, flushed and let go of (never closed) at the end."""
    text = io.TextIOWrapper(out, encoding=encoding, newline="", write_through=True)
    try:
        yield text
    finally:
        text.flush()
        text.detach()


def csv_row(article: Article) -> dict[str, Any]:
    """One article as flat CSV fields; lists are joined one item per line."""
    first, last = article.pdf_pages
    return {
        "id": article.id,
        "issue": article.issue,
        "section": article.section,
        "title": article.title,
        "page": article.page,
        "pdf_pages": f"{first}-{last}",
        "key_contents": "\n".join(article.key_contents),
        "footnotes": "\n".join(article.footnotes),
        "sources": "\n".join(source.text for source in article.sources),
        "source_urls": "\n".join(source.url for source in article.sources if source.url),
        "captions": "\n".join(article.captions),
        "text": article.text,
    }


def write_csv(articles: Iterable[Article], out: BinaryIO, options: ExportOptions) -> int:
    """One row per article under a header row; the codec writes the byte order mark."""
    count = 0
    with text_stream(out, "utf-8-sig" if options.bom else "utf-8") as text:
        writer = csv.DictWriter(text, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for article in articles:
            writer.writerow(csv_row(article))
            count += 1
    return count


def write_jsonl(articles: Iterable[Article], out: BinaryIO, _options: ExportOptions) -> int:
    """One article's JSON form per line."""
    count = 0
    with text_stream(out) as text:
        for article in articles:
            text.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
            count += 1
    return count


def write_json(articles: Iterable[Article], out: BinaryIO, _options: ExportOptions) -> int:
    """One JSON array of articles, written an article at a time."""
    count = 0
    with text_stream(out) as text:
        text.write("[")
        for count, article in enumerate(articles, start=1):
            text.write(",\n" if count > 1 else "\n")
            text.write(json.dumps(article.to_json(), ensure_ascii=False))
        text.write("\n]\n")
    return count
