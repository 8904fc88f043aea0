"""Related terms (연관어): the terms most telling of a query's best matches."""

from __future__ import annotations

from collections import Counter

import pytest

from index.related_terms import (
    MIN_DOCS,
    RELATED_DOCS,
    DocTerms,
    _is_candidate,
    log_likelihood,
    related_terms,
)
from index.schema import MARKED_FIELDS
from index.stored_marks import field_marks
from tests.index.conftest import make_article


def test_with_one_match_the_term_it_writes_most_comes_first(fresh_index):
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article(
                "2024-05-01", "양자 컴퓨터 개발", bullets=("오류 정정 초전도 초전도 초전도",)
            ),
            make_article("2024-05-02", "반도체 수출 증가"),
            make_article("2024-05-03", "병원 진료 예약"),
        ],
        "sha",
    )
    related = fresh_index.search("양자").related_terms
    # each term is held by the one match and no other article: their G² ties
    assert related[0] == "초전도"
    assert set(related[1:]) >= {"오류", "정정"}


def terms_as_before(searcher, docnum):
    """An article's candidate terms as they were read: its stored marks' terms, each once."""
    stored = searcher.stored_fields(docnum)
    distinct = {t for name in MARKED_FIELDS for t in field_marks(stored, name)}
    return tuple(t for t in sorted(distinct) if _is_candidate(t))


def related_as_before(searcher, docnums, own, count=10):
    """related_terms as it was: each match's terms counted as strings, then each tested."""
    doc_terms = DocTerms.of(searcher)
    best = list(docnums)[:RELATED_DOCS]
    held = Counter(t for d in best for t in terms_as_before(searcher, d))
    least = MIN_DOCS if len(best) >= 2 * MIN_DOCS else 1
    written = Counter()
    if len(best) < 2 * MIN_DOCS:
        for d in best:
            written.update(doc_terms.occurrences(d))
    scored = []
    for term, inside in held.items():
        if inside < least or term in own:
            continue
        score = log_likelihood(inside, len(best), doc_terms.frequency(term), doc_terms.doc_count)
        if score > 0:
            scored.append((-score, -written[term], term))
    return tuple(t for *_, t in sorted(scored)[:count])


@pytest.mark.parametrize("count", [1, 3, 6, 30])
def test_the_terms_are_counted_as_numbers_as_they_were_as_strings(built_index, count):
    with built_index._reading() as searcher:
        everyone = list(range(searcher.doc_count_all()))
        doc_terms = DocTerms.of(searcher)
        for d in everyone:
            numbers = doc_terms.numbers(d).tolist()
            assert tuple(doc_terms.names[n] for n in numbers) == terms_as_before(searcher, d)
        for start in range(len(everyone)):
            docnums = (everyone[start:] + everyone[:start])[:count]
            own = {"ai"}
            assert related_terms(searcher, docnums, own) == related_as_before(
                searcher, docnums, own
            )


def test_a_related_term_shown_is_one_a_click_can_search(fresh_index):
    # 제기 is no searchable word of a query (a verb's noun), and 이매진, as the analyser reads it
    # typed alone, finds nothing: both are terms of the one match, and neither is shown. Both
    # are in a headline, whose terms' readings the store holds (a term read by no build is
    # shown unchecked: see index/related_chips.py)
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article(
                "2024-05-01",
                "양자 컴퓨터 개발",
                bullets=("새로운 방식이 제기되었다", "위원장이 이매진 행사에서 발표"),
            ),
            make_article("2024-05-02", "반도체 수출 증가"),
            make_article("2024-05-03", "병원 진료 예약"),
            make_article("2024-05-04", "이매진 행사에서 제기된 과제"),
        ],
        "sha",
    )
    related = fresh_index.search("양자").related_terms
    assert {"방식", "위원장", "행사"} <= set(related)
    assert "제기" not in related and "이매진" not in related
    for term in related:
        assert fresh_index.search(term).total > 0
