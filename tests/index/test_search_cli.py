"""`aibrief search` over an archive holding the test articles (imported as JSON Lines; 2025-03-12,
whose section is spelled the 2025 way, would make the import refuse the file, so it is left out
and the archive holds three)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from archive import Archive
from archive.cli import main
from archive.cli.search_cmd import summary_line
from archive.schema import first_error
from index import Hit, SearchResult
from tests.index.conftest import ARTICLES


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """An archive home holding ARTICLES."""
    home = tmp_path_factory.mktemp("home")
    lines = tmp_path_factory.mktemp("export") / "articles.jsonl"
    articles = [a.to_json() for b in ARTICLES.values() for a in b]
    rows = [json.dumps(a, ensure_ascii=False) for a in articles if not first_error("article", a)]
    lines.write_text("\n".join(rows) + "\n", encoding="utf-8")
    archive = Archive(home)
    try:
        assert archive.import_jsonl(lines).articles == 3
    finally:
        archive.close()
    return home


def run(home, *args):
    return CliRunner().invoke(main, ["--home", str(home), "search", *args])


def test_readable_results_bracket_the_matches(home):
    result = run(home, "=규제")  # exact: the thesaurus adds nothing
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].startswith("  related terms: ") and "프런티어" in lines[1]
    assert [lines[0], *lines[2:4]] == [
        "1 article matches '=규제'",
        "  1. 영국 AI안전연구소, 프런티어 모델 평가 결과 발표",
        "     2025-03-05 · 기술/연구 · p.5 · score " + result.output.split("score ")[1][:4],
    ]
    assert "[규제]를 강화하는 대신 [규제]샌드박스" in result.output


def test_options_filter_sort_and_limit(home):
    result = run(home, "AI", "--section", "정책", "--from", "2024-01", "--to", "2024-12")
    assert result.output.startswith("1 article matches 'AI'\n")
    newest = run(home, "AI", "--sort", "newest", "--limit", "1", "--json")
    data = json.loads(newest.output)
    assert (data["total"], [h["id"] for h in data["hits"]]) == (3, ["2025-03-05"])


def hits(*matches: str) -> tuple[Hit, ...]:
    return tuple(
        Hit(f"2024-01-0{n}", "2024-01", None, "t", n, 1.0, "", match=m)
        for n, m in enumerate(matches, 1)
    )


@pytest.mark.parametrize(
    ("total", "fallback", "matches", "said"),
    [
        pytest.param(0, False, (), "no article matches 'a b'", id="none"),
        pytest.param(1, False, ("all",), "1 article matches 'a b'", id="one"),
        pytest.param(12, False, ("all",) * 3, "12 articles match 'a b'", id="several"),
        pytest.param(
            1,
            False,
            ("all",) + ("partial",) * 9,
            "1 article matches every word of 'a b'; 9 more below match some of them",
            id="one-and-partial",
        ),
        pytest.param(
            3,
            False,
            ("all", "all", "all", "partial"),
            "3 articles match every word of 'a b'; 1 more below matches some of them",
            id="several-and-one-partial",
        ),
        pytest.param(
            5,
            True,
            ("partial",) * 5,
            "no article matches every word of 'a b'; 5 articles match some",
            id="fallback",
        ),
        pytest.param(
            1,
            True,
            ("partial",),
            "no article matches every word of 'a b'; 1 article matches some",
            id="fallback-one",
        ),
    ],
)
def test_the_summary_says_what_the_hits_below_are(total, fallback, matches, said):
    result = SearchResult("a b", total, hits(*matches), fallback=fallback)
    assert summary_line(result) == said


def test_json_output_is_the_search_result(home):
    data = json.loads(run(home, "딥페이크", "--issue", "2024-04", "--json").output)
    assert [h["id"] for h in data["hits"]] == ["2024-04-01"]
    hit = data["hits"][0]
    assert [hit["snippet"][start:end] for start, end in hit["marks"]] == ["딥페이크"]
    assert "<mark>" not in hit["snippet"]


def test_queries_file_answers_each_line_as_json_lines(home, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text("딥페이크\n\nOpenAI\n", encoding="utf-8")
    result = run(home, "--queries", str(queries), "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [(d["query"]["q"], d["total"]) for d in lines] == [("딥페이크", 2), ("OpenAI", 1)]
    single = json.loads(run(home, "딥페이크", "--json").output)
    assert lines[0] == single


def test_a_bad_query_in_a_file_is_reported_and_the_rest_answered(home, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text('"AI 법\n딥페이크\n', encoding="utf-8")
    result = run(home, "--queries", str(queries), "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout.splitlines()[1])["total"] == 2
    assert "1 of 2 queries failed" in result.stderr


def test_a_queries_line_is_held_to_the_web_length_and_its_limits_are_shown(home, tmp_path):
    queries = tmp_path / "queries.txt"
    many = " ".join(f"q{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(100))  # "xai" is XAI
    queries.write_text(f"{'규제 ' * 200}\n딥페잌 {many}\n", encoding="utf-8")
    result = run(home, "--queries", str(queries))
    assert result.exit_code == 1
    assert "error: query: the query is longer than 500 characters" in result.stderr
    assert result.stdout.endswith(
        "  limited: query: only the first 32 of 101 words were searched\n"
        "  limited: did you mean: not offered for 32 unknown words (at most 6)\n"
    )
    assert "1 of 2 queries failed" in result.stderr


def test_an_option_error_repeats_at_most_80_characters_of_the_value(home):
    from common.echo import echoed

    result = run(home, "AI", "--section", "가" * 5000)
    assert result.exit_code == 1
    assert f"unknown section {echoed('가' * 5000)};" in result.output
    assert len(result.output) < 200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(['"AI'], "unbalanced quote", id="unbalanced-quote"),
        pytest.param(
            ["AI", "--issue", "2024-4"],
            "--issue must look like YYYY-MM, not '2024-4'",
            id="bad-issue",
        ),
        pytest.param(["AI", "--section", "경제"], "unknown section '경제'", id="bad-section"),
        pytest.param(["AND"], "AND needs a word on each side", id="lone-and"),
        pytest.param(["OR"], "OR needs a word on each side", id="lone-or"),
        pytest.param(["NOT"], "the query ends with AND, OR or NOT", id="lone-not"),
    ],
)
def test_query_errors_are_one_line_and_exit_1(home, args, message):
    result = run(home, *args)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and message in result.output
    assert "Traceback" not in result.output


def test_query_or_file_is_required(home):
    result = run(home)
    assert result.exit_code == 2
    assert "give either WORDS or --queries FILE" in result.output


def test_unquoted_words_form_one_query(home):
    spaced = json.loads(run(home, "AI안전연구소", "규제", "--json").output)
    quoted = json.loads(run(home, "AI안전연구소 규제", "--json").output)
    assert spaced["query"]["q"] == quoted["query"]["q"] == "AI안전연구소 규제"
    assert [h["id"] for h in spaced["hits"]] == [h["id"] for h in quoted["hits"]] == ["2025-03-05"]


def test_an_excluded_word_is_a_word_not_an_option(home):
    result = run(home, "딥페이크", "-규제", "--json")
    assert result.exit_code == 0, result.output
    assert [h["id"] for h in json.loads(result.output)["hits"]] == ["2024-04-01"]


def test_home_works_anywhere_on_the_line(home):
    after = CliRunner().invoke(main, ["search", "딥페이크", "--home", str(home), "--json"])
    joined = CliRunner().invoke(main, ["search", f"--home={home}", "딥페이크", "--json"])
    before = run(home, "딥페이크", "--json")
    assert after.exit_code == joined.exit_code == 0, after.output
    assert json.loads(after.output) == json.loads(joined.output) == json.loads(before.output)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["AI", "--issue", "2024-05"],
            "no issue 2024-05 in this archive (held: 2024-04 … 2025-03)",
            id="issue-not-held",
        ),
        pytest.param(
            ["AI", "--from", "2024-05", "--to", "2024-12"],
            "no issue from 2024-05 to 2024-12 in this archive (held: 2024-04 … 2025-03)",
            id="range-holding-none",
        ),
        pytest.param(
            ["AI", "--from", "2025-01", "--to", "2024-01"],
            "from 2025-01 to 2024-01 is an empty range: from comes after to",
            id="empty-range",
        ),
        pytest.param(
            ["AI", "--issue", "٢٠٢٤-04"],
            "--issue must look like YYYY-MM, not '٢٠٢٤-04'",
            id="arabic-indic-digits",
        ),
        pytest.param(
            ["AI", "--issue", "2024-04\n"],
            "--issue must look like YYYY-MM, not '2024-04\\n'",
            id="trailing-newline",
        ),
        pytest.param(
            ["AI", "--year", "2024\n"], "--year must look like YYYY, not '2024\\n'", id="year"
        ),
    ],
)
def test_a_filter_that_cannot_match_is_an_error_with_a_hint(home, args, message):
    result = run(home, *args)
    assert result.exit_code == 1
    assert result.output == f"Error: {message}\n"


def test_an_empty_archive_says_how_to_fill_it(tmp_path):
    result = run(tmp_path / "empty", "AI")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: the archive at {tmp_path / 'empty'} is empty: run aibrief ingest PDF…\n"
    )


def test_a_failed_line_of_a_batch_is_the_contract_error(home, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text('"AI 법\n', encoding="utf-8")
    line = json.loads(run(home, "--queries", str(queries), "--json").stdout)
    assert line == {
        "ok": False,
        "error": "cannot search for '\"AI 법': unbalanced quote (\")",
        "status": 400,
    }


def test_year_and_no_expand_options_mirror_the_web_parameters(home):
    data = json.loads(run(home, "AI", "--year", "2025", "--no-expand", "--json").output)
    assert (data["query"]["issue_from"], data["query"]["issue_to"]) == ("2025-01", "2025-12")
    assert data["query"]["expand"] is False
    assert [h["issue"] for h in data["hits"]] == ["2025-03"]


@pytest.mark.parametrize(
    ("count", "said"),
    [
        pytest.param(0, "0 queries", id="none"),
        pytest.param(1, "1 query", id="one"),
        pytest.param(2, "2 queries", id="two"),
    ],
)
def test_a_count_is_said_in_the_singular_for_one(count, said):
    from archive.cli.counts import counted

    assert counted(count, "query", "queries") == said
    assert counted(count, "article") == said.replace("queries", "articles").replace(
        "query", "article"
    )


def test_also_matched_names_the_forms_the_hits_hold_and_counts_the_rest(home):
    """규제 adds dozens of forms; the one hit holds 규제샌드박스, which is named (×1: one hit
    holds it), and the others are a count, every one of them in --json."""
    lines = run(home, "규제").output.splitlines()
    expansions = json.loads(run(home, "규제", "--json").output)["expansions"]["규제"]
    assert lines[1:3] == [
        "  also matched for 규제: 규제 샌드박스 ×1",
        f"  also looked for {len(expansions) - 1} more forms"
        " (all in --json; --no-expand: the words typed only)",
    ]
    assert len(expansions) > 20 and "규제 샌드박스" in expansions
    assert "also" not in run(home, "규제", "--no-expand").output


def test_forms_no_hit_holds_are_only_counted(home):
    lines = run(home, "반도체").output.splitlines()
    added = json.loads(run(home, "반도체", "--json").output)["expansions"]["반도체"]
    assert [line for line in lines if "also" in line] == [
        f"  also looked for {len(added)} forms, none in these hits"
        " (all in --json; --no-expand: the words typed only)"
    ]


def test_an_export_says_what_its_bound_cut_short(home, monkeypatch):
    """export is bounded as search is, and says on stderr when the spelling index was not
    ready within that bound (here never: the command's budget has no end)."""
    from index.spelling import SpellingCache

    monkeypatch.setattr(SpellingCache, "get", lambda self, generation, timeout: None)
    result = CliRunner().invoke(
        main, ["--home", str(home), "export", "엔디비아", "--format", "json"]
    )
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])
    assert result.stderr.splitlines()[-1] == (
        "warning: limited: also matched: the nearest spellings of unknown words not looked up"
        " in time"
    )


def test_a_page_past_the_last_says_so(home):
    # `aibrief search 반도체 --page 99` on the real issues printed "16 articles match '반도체'"
    # and nothing under it.
    result = run(home, "AI", "--limit", "1", "--page", "9")
    assert result.exit_code == 0, result.output
    assert "  page 9 is past the last page of these results (3)\n" in result.output
    assert "past the last" not in run(home, "AI", "--limit", "1", "--page", "3").output
