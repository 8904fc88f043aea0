"""Kiwi's readings of the thesaurus forms, shipped with the code: current, Kiwi's own, and
read by a build and a search instead of asking Kiwi and writing rows."""

from __future__ import annotations

import pytest

import index.query_analysis as query_analysis
from index import SearchIndex
from index.analysis import normalize
from index.analysis_store import STORE_NAME, AnalysisStore
from index.analysis_versions import reading_version
from index.concepts import shipped_concepts
from index.form_readings import (
    READINGS_PATH,
    FormReadings,
    current_readings,
    parse_readings,
    readings_table,
    shipped_readings,
)
from index.query_analysis import Analysis, decode, encode, kiwi_analysis
from tests.index.conftest import ARTICLES, kiwi_refused

STALE = "index/form_readings.tsv is not today's: run `make form-readings`"


def test_the_shipped_table_is_of_todays_reading_digest_and_holds_every_form():
    readings = parse_readings(READINGS_PATH.read_text(encoding="utf-8"))
    assert readings.version == reading_version(), STALE
    forms = {normalize(form) for form in shipped_concepts().every_form()}
    assert sorted(forms - readings.rows.keys()) == [], STALE
    assert shipped_readings() == readings


@pytest.mark.slow  # Kiwi reads the 10,000 texts afresh
def test_the_shipped_table_is_what_kiwi_reads_today():
    query_analysis.forget()  # Kiwi's reading now, not one this process holds
    try:
        made = readings_table(shipped_concepts().every_form())
    finally:
        query_analysis.forget()
    assert made == READINGS_PATH.read_text(encoding="utf-8"), STALE


def made_up(text: str) -> str:
    """A row no Kiwi gives: only the table can have answered it."""
    return encode(Analysis((), text.startswith("반")))


def test_a_store_answers_from_the_table_where_its_file_holds_no_row(tmp_path):
    table = FormReadings(
        "v",
        {t: made_up(t) for t in ("반도체 장비", "deepfake", "ai법")},
        {"deepfake": True, "ai법": False, "ai팩토리": False},
    )
    store = AnalysisStore(tmp_path / STORE_NAME, readings=lambda: table)
    assert store.get("반도체 장비") == made_up("반도체 장비")
    assert store.get("반도체") is None
    assert store.get_case_form("DeepFake") is None  # not a case form compared
    assert store.get_case_form("Deepfake") == made_up("deepfake")
    assert store.get_case_form("AI법") is None  # the table found it read otherwise
    assert store.get_many(["반도체 장비", "규제"]) == {"반도체 장비": made_up("반도체 장비")}
    assert store.known() == {"반도체 장비", "deepfake", "ai법"}
    assert store.proven() == {"deepfake", "ai법", "ai팩토리"}
    assert store.put({"반도체 장비": encode(kiwi_analysis("반도체 장비"))}, alike={"ai법": True})
    assert decode(store.get("반도체 장비")) == kiwi_analysis("반도체 장비")  # the file's row
    assert store.proofs()["ai법"] is True
    assert store.known() == {"반도체 장비", "deepfake", "ai법"}
    assert AnalysisStore(tmp_path / STORE_NAME).known() == {"반도체 장비"}


def test_a_table_of_another_reading_digest_is_passed_over(tmp_path):
    path = tmp_path / "readings.tsv"
    rows = "반도체\t-\t[true, []]\ndeepfake\t1\t[false, []]\nai팩토리\t0\t-\n"
    path.write_text(f"# version: {reading_version()}\n{rows}", encoding="utf-8")
    assert current_readings(path) == FormReadings(
        reading_version(),
        {"반도체": "[true, []]", "deepfake": "[false, []]"},
        {"deepfake": True, "ai팩토리": False},
    )
    path.write_text(f"# version: 0123456789abcdef\n{rows}", encoding="utf-8")
    assert current_readings(path) is None
    assert current_readings(tmp_path / "absent.tsv") is None


def test_a_build_neither_asks_kiwi_nor_writes_the_forms_the_table_holds(tmp_path, kiwi_asked):
    index = SearchIndex.open(tmp_path / "index")
    index.rebuild((issue, articles, f"sha-{issue}") for issue, articles in ARTICLES.items())
    shipped = shipped_readings()
    assert shipped is not None and len(shipped.rows) > 9000
    assert kiwi_asked and set(kiwi_asked).isdisjoint(shipped.rows)
    written = AnalysisStore(tmp_path / "index" / STORE_NAME).known()  # the file alone
    assert written and written.isdisjoint(shipped.rows)

    with kiwi_refused():
        result = index.search("AI 반도체")
    assert "AI 가속기" in result.expansions["AI 반도체"]
