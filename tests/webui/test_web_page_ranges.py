"""Page ranges held from before import checked them ([1, 99999], [0, 0]) are not served: no
99,999 images on the article page, a 404 for their page images, never a 500 or another page."""

from __future__ import annotations

import dataclasses

import pytest

from archive import Archive
from tests.conftest import copy_home
from webui import create_app

pytestmark = pytest.mark.slow  # a copy of the sample archive, rewritten through the archive


@pytest.fixture(scope="module")
def client(sample_home, tmp_path_factory):
    """A client of a copy of the sample archive whose articles hold those ranges; the tests
    only read it, so it is made once for the module."""
    home = tmp_path_factory.mktemp("page-ranges") / "home"
    copy_home(sample_home, home)
    archive = Archive(home)
    try:
        issue = archive.issue("2024-04")
        first, second, *rest = issue.articles
        articles = (
            dataclasses.replace(first, pdf_pages=(1, 99999)),
            dataclasses.replace(second, pdf_pages=(0, 0)),
            *rest,
        )
        row = archive.catalog.issue("2024-04")
        with archive.writing():
            archive.store.commit_issue(
                dataclasses.replace(issue, articles=articles),
                "pdf",
                row.source_path,
                row.source_sha256,
                pdf=None,
            )
        ids = first.id, second.id, rest[0].id
    finally:
        archive.close()
    app = create_app({"AIBRIEF_HOME": str(home), "RESULT_CACHE": 0})
    yield app.test_client(), ids
    app.extensions["aibrief_archive"].close()


def test_an_article_past_its_pdf_shows_no_page_images(client):
    client, (beyond, _zero, _good) = client
    page = client.get(f"/articles/{beyond}")
    assert page.status_code == 200
    assert b"page.png" not in page.data and len(page.data) < 200_000
    assert client.get(f"/api/articles/{beyond}").get_json()["page_images"] == []


@pytest.mark.parametrize("page", ["", "?p=1", "?p=30"])
def test_a_page_image_of_an_article_past_its_pdf_is_404(client, page):
    client, (beyond, _zero, _good) = client
    response = client.get(f"/articles/{beyond}/page.png{page}")
    assert response.status_code == 404
    assert "pdf_pages [1, 99999] ends past the issue" in response.get_data(as_text=True)


def test_page_zero_is_404_not_the_last_page(client):
    client, (_beyond, zero, _good) = client
    assert client.get(f"/articles/{zero}/page.png").status_code == 404
    assert client.get(f"/articles/{zero}/page.png?p=0").status_code == 404


def test_a_good_article_of_the_same_issue_still_shows_its_page(client):
    client, (_beyond, _zero, good) = client
    response = client.get(f"/articles/{good}/page.png")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
