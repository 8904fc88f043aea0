"""Opening a file as a PDF, refusing anything that is not a whole, readable, text PDF.

PyMuPDF is forgiving: it opens HTML, and silently repairs a truncated file. Each check here
turns one such case into its own typed error instead.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from pathlib import Path

import pymupdf

from extract.errors import (
    DamagedPdfError,
    EmptyFileError,
    EncryptedPdfError,
    NotAPdfError,
    TooLargeError,
)

MAX_BYTES = 100 * 1024 * 1024  # the largest real issue is under 4 MB
MAX_PAGES = 200  # real issues have fewer than 40 pages
_HEADER_WINDOW = 1024  # the PDF spec lets "%PDF-" start anywhere in the first 1 KB
_TRAILER_WINDOW = 2048  # "startxref" and "%%EOF" close every complete file
_TRAILER = re.compile(rb"startxref\s+\d+\s+%%EOF")


def file_sha256(path: Path) -> str:
    """The sha256 of a file's content."""
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_file(path: Path) -> None:
    """Refuse a missing, empty, oversized, non-PDF or truncated file before parsing it."""
    try:
        size = path.stat().st_size
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
    if b"%PDF-" not in head:
        raise NotAPdfError(path, "it does not start with a %PDF- header")
    if not _TRAILER.search(tail):
        raise DamagedPdfError(path, "the end of the file is missing (no startxref/%%EOF)")


def open_pdf(path: Path) -> pymupdf.Document:
    """Open a checked file with PyMuPDF; refuse it if damaged, encrypted or too long."""
    check_file(path)
    # MuPDF prints repair messages on stderr; the typed error below says it in one line.
    shown = pymupdf.TOOLS.mupdf_display_errors()
    pymupdf.TOOLS.mupdf_display_errors(False)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = pymupdf.open(path, filetype="pdf")
    except Exception as error:  # PyMuPDF raises several unrelated types for broken files
        raise DamagedPdfError(path, str(error).strip() or type(error).__name__) from error
    finally:
        pymupdf.TOOLS.mupdf_display_errors(shown)
    if doc.needs_pass:
        doc.close()
        raise EncryptedPdfError(path)
    if doc.is_repaired:
        doc.close()
        raise DamagedPdfError(path, "its cross-reference table is broken")
    if doc.page_count > MAX_PAGES:
        pages = doc.page_count
        doc.close()
        raise TooLargeError(path, f"{pages} pages; the limit is {MAX_PAGES}")
    if doc.page_count == 0:
        doc.close()
        raise DamagedPdfError(path, "it has no pages")
    return doc
