"""The graded query file of the quality bench: its format, its size, and, on the real issues,
that every graded id is an article."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.graded_queries import (
    BLIND,
    HELD_OUT_SETS,
    KINDS,
    QUERIES,
    load_all_queries,
    load_queries,
    parse_line,
)


def test_parse_line_reads_the_query_its_class_and_its_grades():
    query = parse_line("딥 페이크\tspacing\t2024-03-10:2 2024-07-02:1")
    assert (query.text, query.kind) == ("딥 페이크", "spacing")
    assert query.grades == {"2024-03-10": 2, "2024-07-02": 1}
    assert query.new


def test_topic_and_known_item_queries_are_not_new():
    assert not parse_line("오르카2\tknown-item\t2024-01-12:2").new
    assert not parse_line("딥페이크\ttopic\t2024-03-10:2").new


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param("딥페이크\t2024-03-10:2", "2 tab-separated fields", id="no-class"),
        pytest.param("딥페이크\tguess\t2024-03-10:2", "unknown class 'guess'", id="bad-class"),
        pytest.param("딥페이크\ttopic\t2024-03-10:3", "'2024-03-10:3' is not", id="bad-grade"),
        pytest.param("딥페이크\ttopic\t2024-03-10", "'2024-03-10' is not", id="no-grade"),
        pytest.param("딥페이크\ttopic\t", "no article is graded for '딥페이크'", id="no-article"),
    ],
)
def test_parse_line_names_what_is_wrong(line, reason):
    with pytest.raises(ValueError, match=reason):
        parse_line(line)


def test_load_queries_skips_comments_and_names_the_bad_line(tmp_path):
    path = tmp_path / "queries.tsv"
    path.write_text("# header\n\n딥페이크\ttopic\t2024-03-10:2\n", encoding="utf-8")
    assert [q.text for q in load_queries(path)] == ["딥페이크"]
    path.write_text("# header\n딥페이크\ttopic\t2024-03-10:2\n딥페이크\n", encoding="utf-8")
    with pytest.raises(ValueError, match="queries.tsv line 3: 1 tab-separated fields"):
        load_queries(path)


def test_the_query_file_holds_enough_queries_of_each_kind():
    queries = load_queries()
    kinds = Counter(q.kind for q in queries)
    assert len(queries) >= 140
    assert sum(q.new for q in queries) >= 60
    assert kinds["known-item"] >= 15
    assert set(kinds) == set(KINDS)
    assert len({q.text for q in queries}) == len(queries)


@pytest.mark.parametrize("group", list(HELD_OUT_SETS))
def test_each_held_out_set_is_marked_and_in_no_other_set(group):
    held = load_queries(HELD_OUT_SETS[group], held_out=group)
    others = {q.text for q in load_all_queries() if q.held_out != group}
    assert len(held) >= 20
    assert all(q.held_out == group and q.new for q in held)
    assert not {q.text for q in held} & others


def test_every_held_out_file_is_a_group_and_the_two_newest_are_blind():
    files = sorted(QUERIES.parent.glob("heldout*.tsv"))
    assert sorted(HELD_OUT_SETS.values()) == files
    assert tuple(list(HELD_OUT_SETS)[-2:]) == BLIND


@pytest.mark.parametrize("group", BLIND)
def test_each_blind_group_is_a_held_out_set_of_at_least_30_queries(group):
    assert len(load_queries(HELD_OUT_SETS[group], held_out=group)) >= 30


def test_a_known_item_query_grades_one_article_two():
    for query in load_queries():
        if query.kind == "known-item":
            assert list(query.grades.values()).count(2) == 1, query.text


@pytest.mark.corpus
def test_every_graded_id_is_an_article_of_the_real_issues(corpus_issues):
    ids = {a.id for issue in corpus_issues.values() for a in issue.articles}
    queries = load_all_queries()
    graded = {article for query in queries for article in query.grades}
    assert sorted(graded - ids) == []
