"""The pure pieces of the web layer: snippet safety, request parsing, facets, chart, citation."""

from __future__ import annotations

import pytest
from web_fakes import ARTICLES
from werkzeug.datastructures import MultiDict

from webui.citation import citation
from webui.errors import BadParameter
from webui.facets import build_facets, facet_counts
from webui.page_image import highlight_terms
from webui.search_request import SearchRequest
from webui.snippets import safe_snippet
from webui.trend_chart import trend_chart


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        pytest.param("AI <mark>규제</mark>를", "AI <mark>규제</mark>를", id="marked"),
        pytest.param("a &lt;b&gt; c", "a &lt;b&gt; c", id="escaped-stays-escaped"),
        pytest.param("a <b>c</b>", "a &lt;b&gt;c&lt;/b&gt;", id="raw-tag-escaped"),
        pytest.param(
            "<mark><script>x</script></mark>",
            "<mark>&lt;script&gt;x&lt;/script&gt;</mark>",
            id="script-inside-mark",
        ),
        pytest.param("<mark>open", "<mark>open</mark>", id="unclosed-mark"),
        pytest.param("close</mark> x", "close x", id="stray-close"),
        pytest.param('"quoted" &amp; it\'s', "&#34;quoted&#34; &amp; it&#39;s", id="quotes"),
        pytest.param("", "", id="empty"),
    ],
)
def test_safe_snippet(snippet, expected):
    assert str(safe_snippet(snippet)) == expected


def test_search_request_defaults_and_round_trip():
    request = SearchRequest.from_args(
        MultiDict([("q", " 규제 "), ("section", "정책"), ("section", "기업/산업"), ("page", "3")])
    )
    assert request == SearchRequest(q="규제", sections=("정책/법제", "기업/산업"), page=3)
    assert request.args(page=1) == {"q": "규제", "section": ["정책/법제", "기업/산업"]}
    assert request.args(sort="newest") == {
        "q": "규제",
        "section": ["정책/법제", "기업/산업"],
        "sort": "newest",
        "page": 3,
    }


def test_section_with_the_2025_spelling_is_folded():
    request = SearchRequest.from_args(MultiDict([("section", "정책･법제")]))
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
        SearchRequest.from_args(MultiDict(args))
    assert str(error.value) == message


def test_facet_counts_accept_mappings_and_pairs():
    assert facet_counts({"section": {"a": 1}}, "section") == {"a": 1}
    assert facet_counts({"section": [("a", 2)]}, "section") == {"a": 2}
    assert facet_counts({}, "issue") == {}


def test_facets_toggle_their_filter():
    request = SearchRequest(q="x", sections=("기업/산업",))
    facets = build_facets(
        {"section": {"기업/산업": 2, "정책/법제": 5}, "year": {"2024": 7}},
        request,
        lambda **changes: repr(sorted(request.args(**changes).items())),
    )
    section, year, issue = facets
    assert [(v.value, v.count, v.active) for v in section.values] == [
        ("정책/법제", 5, False),
        ("기업/산업", 2, True),
    ]
    assert "['기업/산업', '정책/법제']" in section.values[0].href  # adds
    assert "section" not in section.values[1].href  # removes
    assert year.values[0].href == "[('q', 'x'), ('section', ['기업/산업']), ('year', '2024')]"
    assert issue.values == ()


def test_trend_chart_geometry():
    chart = trend_chart(
        {"2024-01": 2, "2024-04": 4},
        ["2024-01", "2024-03", "2024-04"],
        lambda issue: f"/?issue={issue}",
    )
    assert [(b.issue, b.count) for b in chart.bars] == [
        ("2024-01", 2),
        ("2024-03", 0),
        ("2024-04", 4),
    ]
    tallest = chart.bars[2]
    assert tallest.y == chart.top and tallest.y + tallest.height == chart.baseline
    assert chart.bars[0].height == tallest.height / 2
    assert chart.bars[1].height == 0
    assert chart.bars[0].x < chart.bars[1].x < chart.bars[2].x
    assert chart.bars[2].x + chart.bars[2].width <= chart.right
    assert [b.label for b in chart.bars] == ["24.01", "24.03", "24.04"]
    assert chart.bars[2].href == "/?issue=2024-04"


def test_trend_chart_thins_labels_on_a_long_timeline_and_is_none_without_matches():
    issues = [f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13)]
    chart = trend_chart({"2024-05": 1}, issues, str)
    assert len(chart.bars) == 36
    assert sum(1 for b in chart.bars if b.label) == 18
    assert trend_chart({}, issues, str) is None


def test_citation():
    assert citation(ARTICLES[2]) == "SPRi AI Brief, 2024년 4월호, p. 1, 미국 AI 규제 행정명령"


def test_highlight_terms_are_bounded():
    terms = highlight_terms(
        ["규제", " 규제 ", "", "x" * 41, "a\x00", *[f"t{n}" for n in range(20)]]
    )
    assert terms[0] == "규제"
    assert len(terms) == 12
    assert all(len(t) <= 40 for t in terms)
