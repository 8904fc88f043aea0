"""Measuring line-join decisions against hand-labelled join points of real issues.

A label names a join by (issue, PDF page, index of the upper line in the page's lines) and
says whether the two lines meet at a word boundary ("space") or inside a word ("glue"). The
labels carry no text of the issues, so they can live in the repository.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from extract.article_pages import Paragraph, split_paragraphs
from extract.layouts import detect_layout
from extract.line_joins import needs_space, plain_rule_needs_space
from extract.page_lines import read_page
from extract.running_heads import strip_furniture


@dataclass(frozen=True)
class JoinLabel:
    """One hand-labelled join point."""

    issue: str
    page: int  # 1-based PDF page
    line: int  # index of the upper line in read_page(page).lines
    space: bool  # True: a word boundary; False: one word broken across the lines
    stratum: str = ""
    chars: int | None = None  # length of the upper line's text: checks the index still fits


@dataclass(frozen=True)
class JoinScore:
    """Errors of the plain trailing-space rule and of `needs_space` on the labelled joins."""

    labelled: int
    found: int  # labels whose join point was found again in the PDF
    plain_errors: int
    rule_errors: int
    wrong: tuple[JoinLabel, ...]  # labels `needs_space` decides wrongly


def read_labels(path: Path) -> list[JoinLabel]:
    """Labels from a TSV file: issue, pdf_page, line_index, label (space|glue), stratum,
    line_chars."""
    labels = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        issue, page, line, label, stratum, chars = row.split("\t")
        labels.append(JoinLabel(issue, int(page), int(line), label == "space", stratum, int(chars)))
    return labels


def score_joins(labels: list[JoinLabel], corpus: Path) -> JoinScore:
    """Decide every labelled join both ways and count the errors."""
    by_page: dict[tuple[str, int], list[JoinLabel]] = defaultdict(list)
    for label in labels:
        by_page[(label.issue, label.page)].append(label)
    found = plain = rule = 0
    wrong = []
    for issue in sorted({label.issue for label in labels}):
        with pymupdf.open(corpus / f"{issue}.pdf") as doc:
            layout = detect_layout("\n".join(read_page(doc[i]).joined() for i in range(3)))
            for (label_issue, number), page_labels in sorted(by_page.items()):
                if label_issue != issue or layout is None:
                    continue
                joins = _page_joins(doc[number - 1], layout)
                for label in page_labels:
                    if label.line not in joins or joins[label.line][0] != label.chars:
                        continue  # the labelled line is gone or moved: not counted as found
                    found += 1
                    _, plain_says, rule_says = joins[label.line]
                    plain += plain_says != label.space
                    if rule_says != label.space:
                        rule += 1
                        wrong.append(label)
    return JoinScore(len(labels), found, plain, rule, tuple(wrong))


def _page_joins(page: pymupdf.Page, layout) -> dict[int, tuple[int, bool, bool]]:
    """Line index -> (its text's length, the plain rule's decision, needs_space's decision)
    for every join on the page."""
    text = read_page(page)
    index = {id(line): i for i, line in enumerate(text.lines)}
    paragraphs: list[Paragraph] = split_paragraphs(strip_furniture(text, layout), layout)
    joins = {}
    for paragraph in paragraphs:
        for upper, lower in zip(paragraph.lines, paragraph.lines[1:], strict=False):
            if id(upper) in index:
                joins[index[id(upper)]] = (
                    len(text.lines[index[id(upper)]].text),
                    plain_rule_needs_space(upper, lower),
                    needs_space(upper, lower),
                )
    return joins
