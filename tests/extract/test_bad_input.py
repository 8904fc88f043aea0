"""Bad input: one typed error per cause, naming the file and the reason; never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from extract import extract_issue, pdf_checks
from extract.errors import (
    DamagedPdfError,
    EmptyFileError,
    EncryptedPdfError,
    ExtractError,
    MissingFileError,
    NotAnAiBriefError,
    NotAPdfError,
    NoTextLayerError,
    PageSizeError,
    TooLargeError,
)


def write_text_pdf(path: Path, lines: list[str], pages: int = 1) -> Path:
    """A small PDF with real text on every page."""
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        for row, text in enumerate(lines):
            page.insert_text((72, 72 + 20 * row), text, fontname="korea", fontsize=12)
    doc.save(path)
    doc.close()
    return path


def write_image_pdf(path: Path) -> Path:
    """A PDF whose only page is a picture, as a scanner makes it."""
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pixmap.clear_with(200)
    doc = pymupdf.open()
    doc.new_page().insert_image(pymupdf.Rect(72, 72, 272, 272), pixmap=pixmap)
    doc.save(path)
    doc.close()
    return path


@pytest.fixture
def text_pdf(tmp_path: Path) -> Path:
    return write_text_pdf(tmp_path / "letter.pdf", ["인공지능 산업의 최신 동향과 무관한 편지"])


def test_html_named_pdf_is_not_a_pdf(tmp_path):
    path = tmp_path / "page.pdf"
    path.write_text("<!doctype html><html><body>SPRi AI Brief</body></html>")
    with pytest.raises(NotAPdfError, match=r"^page\.pdf: not a PDF file \(.*%PDF-"):
        extract_issue(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyFileError, match=r"^empty\.pdf: the file is empty$"):
        extract_issue(path)


def test_missing_file_is_said_missing_as_ingest_says_it(tmp_path):
    with pytest.raises(MissingFileError, match=r"^absent\.pdf: no such file or folder$"):
        extract_issue(tmp_path / "absent.pdf")
    assert issubclass(MissingFileError, NotAPdfError)  # caught as before by its callers


def test_truncated_pdf_is_damaged(tmp_path, text_pdf):
    data = text_pdf.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedPdfError, match=r"^cut\.pdf: the PDF is damaged or truncated"):
        extract_issue(path)


def test_bytes_after_the_end_marker_are_tolerated(tmp_path, text_pdf):
    path = tmp_path / "padded.pdf"
    path.write_bytes(text_pdf.read_bytes() + b"\r\n\x00\x00 trailing bytes a mailer added\n")
    with pytest.raises(NotAnAiBriefError):  # read as a PDF; merely not an issue
        extract_issue(path)


def test_broken_cross_references_are_damage_not_silently_repaired(tmp_path, text_pdf):
    data = re.sub(rb"startxref\s+\d+", b"startxref\n99", text_pdf.read_bytes())
    path = tmp_path / "xref.pdf"
    path.write_bytes(data)
    with pytest.raises(DamagedPdfError, match="cross-reference"):
        extract_issue(path)


def test_password_protected(tmp_path):
    path = tmp_path / "locked.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "SPRi AI Brief")
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="user", owner_pw="owner")
    doc.close()
    with pytest.raises(EncryptedPdfError, match=r"^locked\.pdf: the PDF is password-protected$"):
        extract_issue(path)


def test_scan_without_text_layer(tmp_path):
    path = write_image_pdf(tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayerError, match=r"^scan\.pdf: the PDF has no text layer"):
        extract_issue(path)


def test_unrelated_pdf_is_not_an_ai_brief(text_pdf):
    with pytest.raises(NotAnAiBriefError, match=r"^letter\.pdf: not an issue of the SPRi AI"):
        extract_issue(text_pdf)


def test_contents_marker_without_entries_is_not_an_ai_brief(tmp_path):
    path = write_text_pdf(tmp_path / "hollow.pdf", ["CONTENTS", "2025년 3월호"])
    with pytest.raises(NotAnAiBriefError, match="lists no articles"):
        extract_issue(path)


def test_too_many_bytes(tmp_path, text_pdf, monkeypatch):
    monkeypatch.setattr(pdf_checks, "MAX_BYTES", 100)
    with pytest.raises(TooLargeError, match=r"^letter\.pdf: the file is too large"):
        extract_issue(text_pdf)


def test_too_many_pages(tmp_path, monkeypatch):
    path = write_text_pdf(tmp_path / "long.pdf", ["쪽"], pages=3)
    monkeypatch.setattr(pdf_checks, "MAX_PAGES", 2)
    with pytest.raises(TooLargeError, match=r"^long\.pdf: the file is too large \(3 pages"):
        extract_issue(path)


def test_documented_limits():
    assert pdf_checks.MAX_PAGES == 200
    assert pdf_checks.MAX_BYTES == 100 * 1024 * 1024


@pytest.mark.parametrize(
    "error",
    [
        NotAPdfError,
        EmptyFileError,
        DamagedPdfError,
        EncryptedPdfError,
        NoTextLayerError,
        NotAnAiBriefError,
        TooLargeError,
        PageSizeError,
    ],
)
def test_every_error_is_an_extract_error(error):
    assert issubclass(error, ExtractError)
    assert str(error("dir/x.pdf")).startswith("x.pdf: ")


def test_a_long_list_of_pages_is_cut_to_the_first_five(sample_dir, tmp_path):
    good = sample_dir / "2024-04.pdf"
    start = extract_issue(good).articles[-1].pdf_pages[0] - 1
    with pymupdf.open(good) as source, pymupdf.open() as doc:
        doc.insert_pdf(source)
        for _ in range(8):  # the last article's first page again and again: unlisted starts
            doc.insert_pdf(source, from_page=start, to_page=start)
        doc.save(tmp_path / "repeated.pdf")
        first = source.page_count + 1
    with pytest.raises(ExtractError) as caught:
        extract_issue(tmp_path / "repeated.pdf")
    pages = ", ".join(str(first + n) for n in range(5))
    assert str(caught.value).endswith(
        f"but PDF page(s) {pages}, and 3 more start an article it does not list)"
    )


def test_a_page_quoting_the_pdf_header_is_not_a_pdf(tmp_path):
    path = tmp_path / "download.pdf"
    path.write_text("<html><body>Save it: %PDF-1.7 ... startxref 0 %%EOF</body></html>")
    with pytest.raises(NotAPdfError) as caught:
        extract_issue(path)
    assert str(caught.value) == (
        "download.pdf: not a PDF file (%PDF- appears only at byte 21, and no PDF follows)"
    )


def test_a_readable_pdf_after_a_few_stray_bytes_is_read(sample_dir, tmp_path):
    path = tmp_path / "prefixed.pdf"
    path.write_bytes(b"junk\n" + (sample_dir / "2024-04.pdf").read_bytes())
    assert extract_issue(path).issue == "2024-04"


def write_sized_pdf(path: Path, sizes: list[tuple[float, float]]) -> Path:
    """A PDF with text on pages of these sizes (points)."""
    doc = pymupdf.open()
    for width, height in sizes:
        doc.new_page(width=width, height=height).insert_text((5, 20), "AI", fontsize=8)
    doc.save(path)
    doc.close()
    return path


@pytest.mark.parametrize(
    ("size", "said"),
    [
        pytest.param((14400, 14400), "14,400 x 14,400", id="largest-pdf-page"),
        pytest.param((11900, 16840), "11,900 x 16,840", id="twenty-times-a4"),
        pytest.param((20, 842), "20 x 842", id="a-sliver"),
    ],
)
def test_a_page_of_absurd_size_is_refused_naming_it(tmp_path, size, said):
    path = write_sized_pdf(tmp_path / "odd.pdf", [(595, 842), size])
    with pytest.raises(PageSizeError) as caught:
        extract_issue(path)
    assert str(caught.value) == (
        f"odd.pdf: a page's size is out of bounds (page 2 is {said} points;"
        " pages must be 36 to 3,000 a side)"
    )


def test_an_a3_page_is_not_refused_for_its_size(tmp_path):
    path = write_sized_pdf(tmp_path / "a3.pdf", [(842, 1191)])
    with pytest.raises(NotAnAiBriefError):  # read, and then not an issue
        extract_issue(path)


def test_mupdf_complaints_about_a_file_read_whole_are_one_summary(sample_dir, tmp_path):
    path = tmp_path / "length.pdf"
    data = (sample_dir / "2024-04.pdf").read_bytes()
    # A page's stream whose /Length is 5 short: MuPDF says so and reads on.
    length = list(re.finditer(rb"/Length (\d+)", data))[2]
    wrong = str(int(length.group(1)) - 5).encode()
    path.write_bytes(data[: length.start(1)] + wrong + data[length.end(1) :])
    said = []
    issue = extract_issue(path, on_messages=said.append)
    assert issue.issue == "2024-04"
    assert said == ["MuPDF reported 1 problem, first: PDF stream Length incorrect"]
