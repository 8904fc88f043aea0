"""Export: articles in their documented JSON form (json, jsonl) or as flat CSV rows."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from archive.errors import BadExport
from extract.model import Article

FORMATS = ("json", "jsonl", "csv")

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


def write_articles(articles: Iterable[Article], out: TextIO, form: str) -> int:
    """Write articles to `out` as json (one array), jsonl or csv; return how many."""
    if form not in FORMATS:
        raise BadExport(f"unknown export format {form!r} (choose from {', '.join(FORMATS)})")
    count = 0
    if form == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for article in articles:
            writer.writerow(csv_row(article))
            count += 1
    elif form == "jsonl":
        for article in articles:
            out.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
            count += 1
    else:
        out.write("[")
        for count, article in enumerate(articles, start=1):
            out.write(",\n" if count > 1 else "\n")
            out.write(json.dumps(article.to_json(), ensure_ascii=False))
        out.write("\n]\n")
    return count
