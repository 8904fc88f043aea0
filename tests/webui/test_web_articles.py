"""The article page, its twin, the PDF page image and the PDF itself."""

from __future__ import annotations

import pymupdf
import pytest


def test_article_page_shows_the_structured_article(client):
    page = client.get("/articles/2024-01-01").get_data(as_text=True)
    assert "<h1>EU AI 법 규제 합의</h1>" in page
    assert "<h2>KEY Contents</h2>" in page
    assert "<li>EU AI 법 규제 합의 요약 첫째</li>" in page
    assert "<h2>EU AI 법 규제 합의 개요</h2>" in page
    assert '<ul class="sub"><li>세부 내용</li></ul>' in page
    assert "<li>* 각주 설명</li>" in page


def test_bullets_under_no_sub_heading_get_no_empty_heading(tmp_path):
    """An issue read generically opens its articles with bullets under no sub-heading."""
    from dataclasses import replace

    from web_fakes import ARTICLES, FakeArchive

    from extract.model import BodySection, Bullet
    from webui import create_app

    first = ARTICLES[0]
    opening = BodySection("", (Bullet("머리 없는 항목", ()),))
    articles = (replace(first, body=(opening, *first.body), text=""), *ARTICLES[1:])
    archive = FakeArchive(tmp_path / "home", articles)
    client = create_app({"TESTING": True, "AIBRIEF_ARCHIVE": archive}).test_client()
    page = client.get("/articles/2024-01-01").get_data(as_text=True)
    assert "<li>머리 없는 항목" in page
    assert "<h2></h2>" not in page
    assert "<h2>EU AI 법 규제 합의 개요</h2>" in page


def test_sources_link_only_web_urls(client):
    page = client.get("/articles/2024-01-01").get_data(as_text=True)
    assert '<a href="https://example.com/launch" rel="noopener noreferrer nofollow">' in page
    assert "javascript:alert" not in page
    assert "<li>javascript source</li>" in page


def test_citation_and_pdf_link(client):
    page = client.get("/articles/2024-04-02").get_data(as_text=True)
    assert (
        'value="소프트웨어정책연구소 (SPRi). (2024, April). 딥페이크 탐지 연구. '
        'SPRi AI Brief / 인공지능 산업의 최신 동향, 2."'
    ) in page
    assert 'href="/pdf/2024-04#page=3"' in page


def test_related_articles(client):
    data = client.get("/api/articles/2024-01-01").get_json()
    assert [r["id"] for r in data["related"]] == ["2024-04-01"]
    page = client.get("/articles/2024-01-01").get_data(as_text=True)
    assert '<a href="/articles/2024-04-01">미국 AI 규제 행정명령</a>' in page


def test_api_article_is_the_article_json(client, fake_archive):
    data = client.get("/api/articles/2024-01-01").get_json()
    expected = fake_archive.article("2024-01-01").to_json()
    assert {k: data[k] for k in expected} == expected
    assert data["citation"] == (
        "소프트웨어정책연구소 (SPRi). (2024, January). EU AI 법 규제 합의. "
        "SPRi AI Brief / 인공지능 산업의 최신 동향, 1."
    )
    assert data["references"]["apa-ko"] == (
        "소프트웨어정책연구소 (SPRi). (2024, 1월). EU AI 법 규제 합의. "
        "SPRi AI Brief / 인공지능 산업의 최신 동향, 1."
    )
    assert data["csl"]["type"] == "article-magazine"
    assert data["page_images"] == ["/articles/2024-01-01/page.png?p=2"]


def test_article_without_a_held_pdf_has_no_image_or_pdf_link(client):
    data = client.get("/api/articles/2025-02-01").get_json()
    assert (data["pdf_url"], data["page_images"]) == (None, [])
    assert client.get("/articles/2025-02-01/page.png").status_code == 404
    assert client.get("/pdf/2025-02").status_code == 404


def test_page_image_is_a_png_of_the_pdf_page(client):
    response = client.get("/articles/2024-01-02/page.png")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    image = pymupdf.Pixmap(response.data)
    assert (image.width, image.height) == (918, 1287)  # the 612 x 858 pt page at 1.5x


def test_page_image_highlights_the_matched_words(client, app):
    plain = client.get("/articles/2024-01-01/page.png").data
    marked = client.get("/articles/2024-01-01/page.png?q=regulation").data
    assert plain != marked
    assert _yellow_pixels(marked) > _yellow_pixels(plain) == 0


def test_page_image_is_cached_and_conditional(client, app):
    first = client.get("/articles/2024-01-01/page.png?q=regulation")
    again = client.get(
        "/articles/2024-01-01/page.png?q=regulation",
        headers={"If-None-Match": first.headers["ETag"]},
    )
    assert again.status_code == 304
    assert len(app.extensions["aibrief_page_images"]) == 1


def test_page_image_page_must_belong_to_the_article(client):
    assert client.get("/articles/2024-01-01/page.png?p=3").status_code == 400
    assert client.get("/articles/2024-01-01/page.png?p=²").status_code == 400


def test_pdf_is_served_from_the_archive(client, fake_archive):
    with client.get("/pdf/2024-01") as response:
        assert response.status_code == 200
        assert response.mimetype == "application/pdf"
        assert response.data == fake_archive.pdf_path("2024-01").read_bytes()


def _yellow_pixels(png: bytes) -> int:
    pix = pymupdf.Pixmap(png)
    samples = pix.samples
    n = pix.n
    return sum(
        1
        for i in range(0, len(samples), n)
        if samples[i] > 200 and samples[i + 1] > 180 and samples[i + 2] < 170
    )


@pytest.mark.parametrize("q", ["\x00", "((((", "title:", '"open', "a" * 500, "<script>"])
def test_page_image_survives_any_query(client, q):
    response = client.get("/articles/2024-01-01/page.png", query_string={"q": q})
    assert response.status_code == 200
    assert response.mimetype == "image/png"


@pytest.mark.parametrize(
    ("form", "media_type", "start"),
    [
        pytest.param("csl-json", "application/vnd.citationstyles.csl+json", "[", id="csl-json"),
        pytest.param("ris", "application/x-research-info-systems", "TY  - MGZN", id="ris"),
        pytest.param("bibtex", "application/x-bibtex", "@article{2024-01-01,", id="bibtex"),
        pytest.param(
            "apa", "text/plain", "소프트웨어정책연구소 (SPRi). (2024, January).", id="apa"
        ),
    ],
)
def test_api_article_serves_each_citation_format(client, form, media_type, start):
    response = client.get(f"/api/articles/2024-01-01?format={form}")
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert response.get_data(as_text=True).startswith(start)
    extension = {"csl-json": "csl.json", "bibtex": "bib", "apa": "apa.txt"}.get(form, form)
    name = f"2024-01-01.{extension}"
    disposition = f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"
    assert response.headers["Content-Disposition"] == disposition


def test_api_article_refuses_an_unknown_format(client):
    response = client.get("/api/articles/2024-01-01?format=doc")
    assert response.status_code == 400
    assert response.get_json()["error"].startswith("format must be one of json, jsonl, csv,")


def test_cite_box_offers_each_format_to_copy_and_download(client):
    page = client.get("/articles/2024-01-01").get_data(as_text=True)
    reference = "소프트웨어정책연구소 (SPRi). (2024, 1월)."
    assert f'<input id="ref-apa-ko" type="text" readonly value="{reference}' in page
    assert '<textarea id="cite-ris" readonly rows="4">TY  - MGZN' in page
    assert 'href="/api/articles/2024-01-01?format=bibtex" download>.bib 내려받기</a>' in page
