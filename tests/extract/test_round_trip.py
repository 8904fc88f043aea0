"""Round trip: write sample issues of both layout generations, read them back, compare."""

from __future__ import annotations

import json

import pymupdf
import pytest

from extract import extract_issue
from extract.errors import (
    DamagedPdfError,
    EmptyFileError,
    EncryptedPdfError,
    LayoutError,
    NotAnAiBriefError,
    NotAPdfError,
    NoTextLayerError,
)
from extract.line_joins import needs_space, plain_rule_needs_space
from extract.page_lines import Line
from samples.issues import SAMPLE_ISSUES, sample_line_breaks, write_sample_issue

CASES = [
    *(pytest.param(issue, None, id=issue) for issue in SAMPLE_ISSUES),
    pytest.param("2024-04", "2025", id="2024-04-as-2025"),
    pytest.param("2025-02", "2023", id="2025-02-as-2023"),
]


def with_known_join_errors(expected: dict, issue: str, generation: str | None) -> dict:
    """The expected issue as the trailing-space rule reads it: each break printed at a word
    boundary without a trailing space (a "no-space" break) comes back glued."""
    text = json.dumps(expected, ensure_ascii=False)
    for brk in sample_line_breaks(issue, generation):
        if brk.kind == "no-space":
            spaced = f"{brk.line.strip()} {brk.next_line.strip()}"
            assert spaced in text
            text = text.replace(spaced, f"{brk.line.strip()}{brk.next_line.strip()}")
    return json.loads(text)


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    """(issue, generation) -> (the Issue written, the Issue read back), each made once."""
    cache = {}

    def make(issue, generation):
        if (issue, generation) not in cache:
            path = tmp_path_factory.mktemp("round-trip") / f"{issue}.pdf"
            expected = write_sample_issue(path, issue=issue, generation=generation)
            cache[issue, generation] = (expected, extract_issue(path))
        return cache[issue, generation]

    return make


@pytest.mark.parametrize(("issue", "generation"), CASES)
def test_extracted_issue_equals_what_was_written(round_trip, issue, generation):
    expected, got = round_trip(issue, generation)
    assert got.to_json() == with_known_join_errors(expected.to_json(), issue, generation)


@pytest.mark.parametrize(("issue", "generation"), CASES)
def test_structure_round_trips_exactly(round_trip, issue, generation):
    expected, got = round_trip(issue, generation)
    assert (got.issue, got.title, got.pdf) == (expected.issue, expected.title, expected.pdf)
    assert got.events == expected.events
    assert [a.id for a in got.articles] == [a.id for a in expected.articles]
    for ours, theirs in zip(got.articles, expected.articles, strict=True):
        assert (ours.section, ours.title, ours.page, ours.pdf_pages) == (
            theirs.section,
            theirs.title,
            theirs.page,
            theirs.pdf_pages,
        )
        assert ours.sources == theirs.sources
        assert ours.footnotes == theirs.footnotes
        assert ours.captions == theirs.captions
        assert [len(s.bullets) for s in ours.body] == [len(s.bullets) for s in theirs.body]
        assert [[len(b.sub) for b in s.bullets] for s in ours.body] == [
            [len(b.sub) for b in s.bullets] for s in theirs.body
        ]


@pytest.mark.parametrize(("issue", "generation"), CASES)
def test_an_article_running_onto_a_second_page_is_joined(round_trip, issue, generation):
    expected, got = round_trip(issue, generation)
    spans = [a.pdf_pages for a in got.articles]
    assert any(first < last for first, last in spans)
    assert spans == [a.pdf_pages for a in expected.articles]


def _line(text: str) -> Line:
    return Line(text=text, x0=0, y0=0, x1=550, y1=12, size=12.0, bold=False)


def test_join_errors_on_the_sample_breaks():
    """Every labelled break of the sample issues, decided by both rules."""
    plain = ours = total = 0
    for issue in SAMPLE_ISSUES:
        for brk in sample_line_breaks(issue):
            upper, lower = _line(brk.line), _line(brk.next_line)
            truth = brk.kind != "mid-word"
            plain += plain_rule_needs_space(upper, lower) != truth
            ours += needs_space(upper, lower) != truth
            total += 1
    no_space = sum(
        1 for issue in SAMPLE_ISSUES for b in sample_line_breaks(issue) if b.kind == "no-space"
    )
    assert total > 100
    assert plain == ours == no_space == len(SAMPLE_ISSUES)


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("truncated", DamagedPdfError),
        ("encrypted", EncryptedPdfError),
        ("html", NotAPdfError),
        ("empty", EmptyFileError),
        ("scan", NoTextLayerError),
        ("not_a_brief", NotAnAiBriefError),
    ],
)
def test_sample_bad_files(bad_files, kind, error):
    path = bad_files[kind]
    with pytest.raises(error, match=rf"^{path.name}: "):
        extract_issue(path)


def test_a_missing_article_page_is_a_layout_error_naming_it(tmp_path):
    path = tmp_path / "2025-02.pdf"
    expected = write_sample_issue(path, issue="2025-02")
    victim = expected.articles[1]
    with pymupdf.open(path) as doc:
        doc.delete_page(victim.pdf_pages[0] - 1)
        doc.save(tmp_path / "cut.pdf")
    with pytest.raises(LayoutError) as raised:
        extract_issue(tmp_path / "cut.pdf")
    message = str(raised.value)
    assert message.startswith("cut.pdf: the issue's layout was not understood (the contents")
    assert f"lists {len(expected.articles)} articles but 1 were not found" in message
    assert f"p.{victim.page} {victim.title!r}" in message


def test_an_unlisted_article_page_is_a_layout_error(tmp_path):
    path = tmp_path / "2024-04.pdf"
    expected = write_sample_issue(path, issue="2024-04")
    first = expected.articles[0].pdf_pages[0]
    with pymupdf.open(path) as doc:
        doc.fullcopy_page(first - 1)  # the copy goes to the end, after the events page
        doc.save(tmp_path / "extra.pdf")
        extra = doc.page_count
    with pytest.raises(LayoutError, match=rf"PDF page\(s\) {extra} start an article it does"):
        extract_issue(tmp_path / "extra.pdf")


@pytest.mark.parametrize(("issue", "generation"), CASES)
def test_issue_json_matches_the_archive_schema(round_trip, issue, generation):
    from archive.schema import first_error

    _, got = round_trip(issue, generation)
    assert first_error("issue", got.to_json()) is None
