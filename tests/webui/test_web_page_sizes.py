"""Page images within one pixel budget, whatever the page's size: a PDF held with enormous
pages (ingested before such pages were refused) is drawn like an A4 one, never a 500."""

from __future__ import annotations

import shutil

import pymupdf
import pytest

from tests.conftest import copy_home
from webui import create_app
from webui.page_image import (
    MAX_PIXELS,
    MAX_SIDE,
    PageImageCache,
    PageNotRendered,
    budget_zoom,
    render_page,
)


def one_page_pdf(path, width: float, height: float):
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    page.insert_text((min(10, width / 4), min(40, height / 2)), "AI 규제", fontsize=8)
    doc.save(path)
    doc.close()
    return path


def pixels(png: bytes) -> tuple[int, int]:
    image = pymupdf.Pixmap(png)
    return image.width, image.height


@pytest.mark.parametrize(
    ("width", "height"),
    [
        pytest.param(14400, 14400, id="largest-pdf-page"),
        pytest.param(11900, 16840, id="twenty-times-a4"),
        pytest.param(40, 14400, id="a-ribbon"),
        pytest.param(3, 3, id="tiny"),
    ],
)
def test_any_page_is_drawn_within_the_budget(tmp_path, width, height):
    pdf = one_page_pdf(tmp_path / "page.pdf", width, height)
    drawn_width, drawn_height = pixels(render_page(pdf, 1, ()).png)
    assert drawn_width * drawn_height <= MAX_PIXELS * 1.01
    assert max(drawn_width, drawn_height) <= MAX_SIDE + 1
    assert min(drawn_width, drawn_height) >= 1


def test_an_a4_page_keeps_its_usual_zoom():
    assert budget_zoom(595, 842) == 1.5


def test_a_page_outside_the_pdf_is_refused_not_the_last_one(tmp_path):
    pdf = one_page_pdf(tmp_path / "page.pdf", 595, 842)
    for number in (0, -1, 2):
        with pytest.raises(PageNotRendered, match=rf"^page {number} is not in the PDF \(1\)$"):
            render_page(pdf, number, ())


def test_a_failed_render_is_remembered(tmp_path, monkeypatch):
    pdf = one_page_pdf(tmp_path / "page.pdf", 595, 842)
    calls = []

    def failing(*args):
        calls.append(args)
        raise PageNotRendered("page 1 cannot be drawn (MuPDF reported 1 problem, first: …)")

    monkeypatch.setattr("webui.page_image.render_page", failing)
    cache = PageImageCache()
    for _ in range(3):
        with pytest.raises(PageNotRendered):
            cache.get(pdf, 1, ())
    assert len(calls) == 1


@pytest.mark.slow  # a copy of the sample archive
def test_a_held_pdf_of_enormous_pages_is_served_within_the_budget(sample_home, tmp_path):
    home = tmp_path / "home"
    copy_home(sample_home, home)
    held = home / "pdfs" / "2024-04.pdf"
    doc = pymupdf.open(held)
    for page in doc:  # twenty times the size, as the probe's file
        rect = page.mediabox
        page.set_mediabox(pymupdf.Rect(0, 0, rect.width * 20, rect.height * 20))
    doc.save(tmp_path / "huge.pdf")
    doc.close()
    shutil.copyfile(tmp_path / "huge.pdf", held)
    app = create_app({"AIBRIEF_HOME": str(home), "RESULT_CACHE": 0})
    try:
        client = app.test_client()
        article = client.get("/api/issues/2024-04").get_json()["articles"][0]["id"]
        response = client.get(f"/articles/{article}/page.png?q=AI")
    finally:
        app.extensions["aibrief_archive"].close()
    assert response.status_code == 200
    drawn_width, drawn_height = pixels(response.data)
    assert drawn_width * drawn_height <= MAX_PIXELS * 1.01
