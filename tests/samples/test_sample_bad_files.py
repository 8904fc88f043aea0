"""write_bad_files gives one file per way a PDF can fail to be an issue of the AI Brief."""

from __future__ import annotations

import pymupdf
import pytest


def test_every_kind_is_a_pdf_named_file(bad_files):
    assert sorted(bad_files) == ["empty", "encrypted", "html", "not_a_brief", "scan", "truncated"]
    assert all(path.suffix == ".pdf" and path.is_file() for path in bad_files.values())


def test_empty_file_has_no_bytes(bad_files):
    assert bad_files["empty"].stat().st_size == 0
    with pytest.raises(pymupdf.EmptyFileError):
        pymupdf.open(bad_files["empty"])


def test_truncated_file_is_a_pdf_that_lost_its_end(bad_files):
    data = bad_files["truncated"].read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" not in data
    assert b"startxref" not in data


def test_encrypted_file_needs_a_password(bad_files):
    with pymupdf.open(bad_files["encrypted"]) as doc:
        assert doc.needs_pass
        assert doc.authenticate("sample-user")
        assert "KEY Contents" in doc[3].get_text()


def test_html_file_is_not_a_pdf(bad_files):
    data = bad_files["html"].read_bytes()
    assert not data.startswith(b"%PDF")
    assert data.lstrip().lower().startswith(b"<!doctype html>")


def test_scan_has_an_image_and_no_text(bad_files):
    with pymupdf.open(bad_files["scan"]) as doc:
        assert doc.page_count == 1
        assert doc[0].get_text() == ""
        assert len(doc[0].get_images()) == 1


def test_not_a_brief_has_text_but_no_contents_page(bad_files):
    with pymupdf.open(bad_files["not_a_brief"]) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "maintenance report" in text
    assert "SPRi" not in text
    assert "KEY Contents" not in text
