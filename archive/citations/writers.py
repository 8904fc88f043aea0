"""Export writers for the citation formats: every article's CSL item, as CSL-JSON, RIS, BibTeX
or a list of formatted references."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

from archive.citations.bibtex import bibtex_text
from archive.citations.csl import csl_item
from archive.citations.reference import render
from archive.citations.ris import ris_text
from archive.export import ExportOptions, text_stream
from extract.model import Article


def article_items(articles: Iterable[Article]) -> list[dict[str, Any]]:
    """The CSL-JSON item of every article, sources and all."""
    return [csl_item(article, article.sources) for article in articles]


def write_csl_json(articles: Iterable[Article], out: BinaryIO, _options: ExportOptions) -> int:
    """One CSL-JSON array, as Zotero, Pandoc and citeproc read it."""
    items = article_items(articles)
    with text_stream(out) as text:
        json.dump(items, text, ensure_ascii=False, indent=2)
        text.write("\n")
    return len(items)


def write_ris(articles: Iterable[Article], out: BinaryIO, _options: ExportOptions) -> int:
    """One RIS record per article."""
    items = article_items(articles)
    with text_stream(out) as text:
        text.write(ris_text(items))
    return len(items)


def write_bibtex(articles: Iterable[Article], out: BinaryIO, _options: ExportOptions) -> int:
    """One BibTeX entry per article."""
    items = article_items(articles)
    with text_stream(out) as text:
        text.write(bibtex_text(items))
    return len(items)


def reference_writer(style: str) -> Callable[[Iterable[Article], BinaryIO, ExportOptions], int]:
    """A writer of formatted references in `style`, one a line."""

    def write(articles: Iterable[Article], out: BinaryIO, _options: ExportOptions) -> int:
        items = article_items(articles)
        with text_stream(out) as text:
            text.writelines(render(item, style) + "\n" for item in items)
        return len(items)

    write.__doc__ = f"One {style} reference per line."
    return write
