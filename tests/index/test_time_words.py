"""A query's time words: a year, 올해, 최근, and a month or a part of a year read as a period of
issues, whose articles are raised, never filtered."""

from __future__ import annotations

import pytest

from index import SearchIndex
from index.query_syntax import parse_query
from index.time_words import dated
from tests.index.conftest import make_article


def read(query: str, held: tuple[str, str] | None = ("2023-12", "2025-08")):
    when = dated(list(parse_query(query).groups), lambda: held)
    return [g[0].text for g in when.groups], sorted(when.written), when.periods


@pytest.mark.parametrize(
    ("query", "groups", "written", "periods"),
    [
        pytest.param(
            "2024년 미국 AI 정책",
            ["2024년", "미국", "AI", "정책"],
            [0],
            (("2024-01", "2024-12"),),
            id="year-searched-as-written",
        ),
        pytest.param(
            "최근 AI 반도체", ["AI", "반도체"], [], (("2024-09", "2025-08"),), id="recent"
        ),
        pytest.param(
            "올해의 AI 규제", ["AI", "규제"], [], (("2025-01", "2025-12"),), id="this-year"
        ),
        pytest.param("작년 AI 투자", ["AI", "투자"], [], (("2024-01", "2024-12"),), id="last-year"),
        # a part of a year: its issues, and the next, which reports its last month's news
        pytest.param(
            "2024년 상반기 AI 투자",
            ["2024년", "AI", "투자"],
            [0],
            (("2024-01", "2024-07"),),
            id="half-of-a-year",
        ),
        pytest.param(
            "2024년 하반기 AI 투자",
            ["2024년", "AI", "투자"],
            [0],
            (("2024-07", "2025-01"),),
            id="second-half-runs-into-the-next-year",
        ),
        pytest.param(
            "2023년 말 AI 규제", ["2023년", "AI", "규제"], [0], (("2023-10", "2024-01"),), id="late"
        ),
        # 초 is no word to the analyser: read as typed, less its particle
        pytest.param(
            "2025년 초에 나온 모델",
            ["2025년", "나온", "모델"],
            [0],
            (("2025-01", "2025-04"),),
            id="early",
        ),
        pytest.param("작년 초 AI", ["AI"], [], (("2024-01", "2024-04"),), id="early-last-year"),
        # without a year, a part of one stays a word
        pytest.param("연말 AI 특집", ["연말", "AI", "특집"], [], (), id="part-alone"),
        # a month: its issue, and the next, which reports that month's news
        pytest.param(
            "2024년 3월 AI 발표",
            ["2024년", "AI", "발표"],
            [0],
            (("2024-03", "2024-04"),),
            id="month-of-a-year",
        ),
        pytest.param(
            "2024년 12월의 AI 규제",
            ["2024년", "AI", "규제"],
            [0],
            (("2024-12", "2025-01"),),
            id="december-runs-into-the-next-year",
        ),
        pytest.param(
            "작년 11월 AI", ["AI"], [], (("2024-11", "2024-12"),), id="month-of-last-year"
        ),
        # a month without a year, or a number that is no month, stays a word
        pytest.param("3월 AI 발표", ["3월", "AI", "발표"], [], (), id="month-alone"),
        pytest.param(
            "2024년 13월 AI",
            ["2024년", "13월", "AI"],
            [0],
            (("2024-01", "2024-12"),),
            id="no-month",
        ),
        pytest.param(
            "2024년 3개 AI", ["2024년", "3개", "AI"], [0], (("2024-01", "2024-12"),), id="a-count"
        ),
        pytest.param("AI 반도체", ["AI", "반도체"], [], (), id="none"),
        # a year of which no issue is held is a target, not the time of the articles
        pytest.param("2030년 탄소 중립", ["2030년", "탄소", "중립"], [], (), id="later-year"),
        pytest.param("2020년 AI 투자", ["2020년", "AI", "투자"], [], (), id="earlier-year"),
        pytest.param("최근", ["최근"], [], (), id="time-word-alone"),
        pytest.param('"최근" 반도체', ["최근", "반도체"], [], (), id="exact"),
    ],
)
def test_time_words_are_read_as_periods(query, groups, written, periods):
    assert read(query) == (groups, written, periods)


def test_time_words_stay_words_in_an_empty_archive():
    assert read("최근 AI 반도체", held=None) == (["최근", "AI", "반도체"], [], ())
    assert read("2024년 AI 반도체", held=None) == (["2024년", "AI", "반도체"], [], ())


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory):
    """Three issues of one standard, built once for this module's tests, which only search."""
    built = SearchIndex.open(tmp_path_factory.mktemp("dated") / "index")
    standard = "AI 표준 초안 공개"
    for issue, article in (
        # a later article that writes the year, looking back at it
        ("2025-08", make_article("2025-08-01", standard, key=("2024년 12월 발표된 AI 표준 개정",))),
        ("2024-05", make_article("2024-05-01", standard, key=("정부가 AI 표준 초안을 공개",))),
        ("2023-12", make_article("2023-12-01", standard, key=("업계가 AI 표준 초안을 공개",))),
    ):
        built.replace_issue(issue, [article], f"sha-{issue}")
    return built


def ids(result) -> list[str]:
    return [hit.id for hit in result.hits]


def test_the_articles_of_the_year_typed_come_first(dated_index):
    assert ids(dated_index.search("2024년 AI 표준"))[0] == "2024-05-01"
    # as a word, the year raised the later article that writes it
    assert ids(dated_index.search("2024년 AI 표준", dates=False))[0] == "2025-08-01"


def test_a_year_is_no_filter_nor_required(dated_index):
    found = dated_index.search("2024년 AI 표준")
    assert found.total == 3
    assert {hit.match for hit in found.hits} == {"all"}


def test_recent_counts_from_the_newest_issue_held(dated_index):
    recent = {hit.id: hit.score for hit in dated_index.search("최근 AI 표준").hits}
    plain = {hit.id: hit.score for hit in dated_index.search("AI 표준").hits}
    # the newest issue's article raised to twice its score, the others as they were
    assert recent == pytest.approx({**plain, "2025-08-01": 2 * plain["2025-08-01"]})
    # 최근 as a word: no article writes it
    assert dated_index.search("최근 AI 표준", dates=False).fallback
    assert ids(dated_index.search("작년 AI 표준"))[0] == "2024-05-01"


def test_a_month_raises_its_issue_and_the_next(dated_index):
    found = dated_index.search("2024년 5월 AI 표준")
    assert ids(found)[0] == "2024-05-01"
    # the month is not searched as the number it is
    assert found.total == 3
    assert ids(dated_index.search("2024년 4월 AI 표준"))[0] == "2024-05-01"
    assert ids(dated_index.search("2024년 6월 AI 표준"))[0] != "2024-05-01"


def test_a_part_of_a_year_is_read_before_the_words_of_asking_are_left_out():
    from index.aliases import AliasTable
    from index.query_builder import QueryBuilder

    builder = QueryBuilder(AliasTable([]), held=lambda: ("2023-12", "2025-08"))
    query = "2025년 초 추론 모델"
    compiled = builder.build(parse_query(query), query)
    assert compiled.periods == (("2025-01", "2025-04"),)
    assert "초" not in compiled.labels
