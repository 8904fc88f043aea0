"""Opening a file as a PDF, refusing anything that is not a whole, readable, text PDF.

PyMuPDF is forgiving: it opens HTML, and silently repairs a truncated file. Each check here
turns one such case into its own typed error instead.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pymupdf

from extract.errors import (
    DamagedPdfError,
    EmptyFileError,
    EncryptedPdfError,
    ExtractError,
    MissingFileError,
    NotAPdfError,
    PageSizeError,
    TooLargeError,
)

MAX_BYTES = 100 * 1024 * 1024  # the largest real issue is under 4 MB
MAX_PAGES = 200  # real issues have fewer than 40 pages
# Real issues are A4 (595 x 842 points). A page ten times that (the probe's 5,950 x 8,420) took
# seconds and a gigabyte to render, and twenty times failed in MuPDF; a page of a few points
# holds no article. Past either bound the file is refused, at ingest, with the page named.
MAX_PAGE_POINTS = 3000
MIN_PAGE_POINTS = 36
_HEADER_WINDOW = 1024  # the PDF spec lets "%PDF-" start anywhere in the first 1 KB
_TRAILER_WINDOW = 2048  # "startxref" and "%%EOF" close every complete file
_TRAILER = re.compile(rb"startxref\s+\d+\s+%%EOF")


def check_file(path: Path) -> int:
    """Refuse a missing, empty, oversized, non-PDF or truncated file before parsing it; the
    offset of its %PDF- header."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise MissingFileError(path) from error
    except OSError as error:
        raise NotAPdfError(path, error.strerror or "cannot be read") from error
    if not path.is_file():
        raise NotAPdfError(path, "it is a folder, not a file")
    if size == 0:
        raise EmptyFileError(path)
    if size > MAX_BYTES:
        raise TooLargeError(path, f"{size / 1e6:.0f} MB; the limit is {MAX_BYTES // 2**20} MB")
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEADER_WINDOW)
            handle.seek(max(0, size - _TRAILER_WINDOW))
            tail = handle.read()
    except OSError as error:
        raise NotAPdfError(path, error.strerror or "cannot be read") from error
    header = head.find(b"%PDF-")
    if header < 0:
        raise NotAPdfError(path, "it does not start with a %PDF- header")
    if not _TRAILER.search(tail):
        raise unreadable(path, header, "the end of the file is missing (no startxref/%%EOF)")
    return header


def unreadable(path: Path, header: int, detail: str) -> ExtractError:
    """A file MuPDF cannot read: damaged if it starts as a PDF, else not a PDF at all (an HTML
    page quoting "%PDF-"; the spec's 1 KB of leeway is for readable files)."""
    if header > 0:
        return NotAPdfError(path, f"%PDF- appears only at byte {header}, and no PDF follows")
    return DamagedPdfError(path, detail)


def open_pdf(path: Path) -> pymupdf.Document:
    """Open a checked file with PyMuPDF; refuse it if damaged, encrypted or too long.

    Call it inside `MupdfMessages`, which keeps MuPDF's repair messages off stdout.
    """
    header = check_file(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = pymupdf.open(path, filetype="pdf")
    except Exception as error:  # PyMuPDF raises several unrelated types for broken files
        detail = str(error).strip() or type(error).__name__
        raise unreadable(path, header, detail) from error
    if doc.needs_pass:
        doc.close()
        raise EncryptedPdfError(path)
    if doc.is_repaired:
        doc.close()
        raise unreadable(path, header, "its cross-reference table is broken")
    if doc.page_count > MAX_PAGES:
        pages = doc.page_count
        doc.close()
        raise TooLargeError(path, f"{pages} pages; the limit is {MAX_PAGES}")
    if doc.page_count == 0:
        doc.close()
        raise DamagedPdfError(path, "it has no pages")
    problem = page_size_problem(doc)
    if problem:
        doc.close()
        raise PageSizeError(path, problem)
    return doc


def page_size_problem(doc: pymupdf.Document) -> str | None:
    """The first page whose width or height is out of MIN/MAX_PAGE_POINTS, said, or None."""
    for number in range(doc.page_count):
        rect = doc.page_cropbox(number)
        width, height = rect.width, rect.height
        if not MIN_PAGE_POINTS <= min(width, height) <= max(width, height) <= MAX_PAGE_POINTS:
            return (
                f"page {number + 1} is {width:,.0f} x {height:,.0f} points; pages must be"
                f" {MIN_PAGE_POINTS} to {MAX_PAGE_POINTS:,} a side"
            )
    return None
