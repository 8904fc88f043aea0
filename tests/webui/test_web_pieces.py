"""The pure pieces of the web layer: snippet safety, request parsing, facets, chart, citation."""

from __future__ import annotations

import pytest
from web_fakes import ARTICLES
from werkzeug.datastructures import MultiDict

from archive import BadParameter, SearchQuery
from archive.citations import citation
from webui.facets import build_facets, facet_counts, issue_calendar
from webui.page_image import highlight_terms
from webui.snippets import marked_snippet
from webui.trend_chart import month_span, trend_chart


@pytest.mark.parametrize(
    ("snippet", "marks", "expected"),
    [
        pytest.param("AI 규제를", [(3, 5)], "AI <mark>규제</mark>를", id="marked"),
        pytest.param("a <b>c</b>", [], "a &lt;b&gt;c&lt;/b&gt;", id="raw-tag-escaped"),
        pytest.param(
            "<script>x</script>",
            [(0, 18)],
            "<mark>&lt;script&gt;x&lt;/script&gt;</mark>",
            id="script-inside-mark",
        ),
        pytest.param("a &amp; b", [], "a &amp;amp; b", id="entity-is-text"),
        pytest.param("abcdef", [(1, 3), (2, 4)], "a<mark>bc</mark><mark>d</mark>ef", id="overlap"),
        pytest.param("abc", [(2, 9)], "ab<mark>c</mark>", id="past-the-end"),
        pytest.param('"quoted" it\'s', [], "&#34;quoted&#34; it&#39;s", id="quotes"),
        pytest.param("", [], "", id="empty"),
    ],
)
def test_marked_snippet(snippet, marks, expected):
    assert str(marked_snippet(snippet, marks)) == expected


def test_search_request_defaults_and_round_trip():
    request = SearchQuery.from_args(
        MultiDict([("q", " 규제 "), ("section", "정책"), ("section", "기업/산업"), ("page", "3")])
    )
    assert request == SearchQuery(q="규제", sections=("정책/법제", "기업/산업"), page=3)
    assert request.args(page=1) == {"q": "규제", "section": ["정책/법제", "기업/산업"]}
    assert request.args(sort="newest") == {
        "q": "규제",
        "section": ["정책/법제", "기업/산업"],
        "sort": "newest",
        "page": 3,
    }


def test_section_with_the_2025_spelling_is_folded():
    request = SearchQuery.from_args(MultiDict([("section", "정책･법제")]))
    assert request.sections == ("정책/법제",)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param({"page": "１"}, "page must be a whole number from 1 to 1000", id="fullwidth"),
        pytest.param({"page": "1001"}, "page must be a whole number from 1 to 1000", id="too-far"),
        pytest.param(
            {"issue": "2024-00"}, "issue must look like YYYY-MM, not '2024-00'", id="month0"
        ),
        pytest.param(
            {"sort": "random"},
            "sort must be one of relevance, newest, oldest, not 'random'",
            id="sort",
        ),
    ],
)
def test_search_request_rejects(args, message):
    with pytest.raises(BadParameter) as error:
        SearchQuery.from_args(MultiDict(args))
    assert str(error.value) == message


def test_facet_counts_read_the_index_shape():
    assert facet_counts({"section": {"a": 1}}, "section") == {"a": 1}
    assert facet_counts({}, "issue") == {}


def test_facets_toggle_their_filter():
    request = SearchQuery(q="x", sections=("기업/산업",))
    facets = build_facets(
        {"section": {"기업/산업": 2, "정책/법제": 5}, "year": {"2024": 7}},
        request,
        lambda **changes: repr(sorted(request.args(**changes).items())),
    )
    assert [(v.value, v.count, v.active) for v in facets.section.values] == [
        ("정책/법제", 5, False),
        ("기업/산업", 2, True),
    ]
    assert "['기업/산업', '정책/법제']" in facets.section.values[0].href  # adds
    assert "section" not in facets.section.values[1].href  # removes
    (year,) = facets.calendar
    assert year.href == "[('q', 'x'), ('section', ['기업/산업']), ('year', '2024')]"
    assert [m.href for m in year.months] == [None] * 12  # no issue counts, no month links


def test_issue_calendar_shows_each_year_with_its_twelve_months():
    request = SearchQuery(q="x", issues=("2024-04",))
    calendar = issue_calendar(
        {"year": {"2024": 5, "2025": 2}, "issue": {"2024-04": 3, "2024-11": 2, "2025-02": 2}},
        request,
        lambda **changes: repr(sorted(request.args(**changes).items())),
    )
    assert [(y.year, y.count, y.active) for y in calendar] == [
        ("2025", 2, False),
        ("2024", 5, False),
    ]
    months = calendar[1].months
    assert [m.month for m in months] == list(range(1, 13))
    assert [(m.issue, m.count, m.active) for m in months if m.href] == [
        ("2024-04", 3, True),
        ("2024-11", 2, False),
    ]
    assert months[3].href == "[('q', 'x')]"  # the chosen month again clears it
    assert months[10].href == "[('issue', ['2024-04', '2024-11']), ('q', 'x')]"  # adds a month
    assert calendar[0].href == "[('q', 'x'), ('year', '2025')]"  # a year replaces the issue


def test_trend_chart_puts_issues_on_a_month_axis():
    chart = trend_chart(
        {"2024-01": 2, "2024-04": 4},
        ["2024-01", "2024-03", "2024-04"],
        lambda issue: f"/?issue={issue}",
    )
    assert chart.months == 4
    assert [(b.issue, b.count) for b in chart.bars] == [
        ("2024-01", 2),
        ("2024-03", 0),
        ("2024-04", 4),
    ]
    tallest = chart.bars[2]
    assert tallest.y == chart.top and tallest.y + tallest.height == chart.baseline
    assert chart.bars[0].height == tallest.height / 2
    assert chart.bars[1].height == 0
    band = (chart.right - chart.left) / 4
    # February is a gap: March stands two bands after January, April one after March.
    assert chart.bars[1].x - chart.bars[0].x == pytest.approx(2 * band, abs=0.02)
    assert chart.bars[2].x - chart.bars[1].x == pytest.approx(band, abs=0.02)
    assert chart.bars[2].x + chart.bars[2].width <= chart.right
    # A tap anywhere in the month's band opens the issue, however thin the bar.
    assert [(b.band_x, b.band_width) for b in chart.bars] == [
        (chart.left, band),
        (chart.left + 2 * band, band),
        (chart.left + 3 * band, band),
    ]
    assert [(t.text, t.year) for t in chart.ticks] == [
        ("2024", True),
        ("1", False),
        ("2", False),
        ("3", False),
        ("4", False),
    ]
    assert chart.bars[2].href == "/?issue=2024-04"
    assert not chart.dense


def test_trend_chart_on_a_long_timeline_labels_years_and_fewer_months():
    issues = ["2023-12", "2024-01", "2024-03", "2024-07", "2025-03", "2025-08"]
    chart = trend_chart({"2024-07": 1}, issues, str)
    assert chart.months == 21
    assert len(chart.bars) == 6
    assert chart.dense  # too narrow for a count over each bar on a phone
    # 2023 has one month on the axis: too little room for its year before "2024".
    assert [t.text for t in chart.ticks if t.year] == ["2024", "2025"]
    months = [str(m) for m in (12, *range(1, 13), *range(1, 9))]
    assert [t.text for t in chart.ticks if not t.year] == months


def test_trend_chart_labels_every_other_month_when_months_are_narrow():
    issues = [f"{year}-{month:02d}" for year in (2023, 2024) for month in range(1, 13)]
    chart = trend_chart({"2024-05": 1}, issues, str)
    assert chart.months == 24 and chart.dense
    months = [t.text for t in chart.ticks if not t.year]
    assert months == ["1", "3", "5", "7", "9", "11"] * 2


def test_trend_chart_over_decades_labels_every_other_year_and_no_months():
    issues = [f"{year}-{month:02d}" for year in range(2015, 2035) for month in (1, 7)]
    chart = trend_chart({"2024-07": 1}, issues, str)
    assert chart.months == 235
    assert [t.text for t in chart.ticks] == [str(year) for year in range(2016, 2035, 2)]


def test_month_span_crosses_years():
    assert month_span("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]


def test_citation_is_the_apa_reference():
    assert citation(ARTICLES[2]) == (
        "소프트웨어정책연구소 (SPRi). (2024, April). 미국 AI 규제 행정명령. "
        "SPRi AI Brief / 인공지능 산업의 최신 동향, 1."
    )


def test_highlight_terms_are_bounded():
    terms = highlight_terms(
        ["규제", " 규제 ", "", "x" * 41, "a\x00", *[f"t{n}" for n in range(20)]]
    )
    assert terms[0] == "규제"
    assert len(terms) == 12
    assert all(len(t) <= 40 for t in terms)
