"""The store of query analyses: what it keeps, that a search reads it before Kiwi and records
what Kiwi had to answer, and that writers killed or racing leave it whole."""

from __future__ import annotations

import gc
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import index.query_analysis as query_analysis
import index.store_reader as store_reader
from index.analysis import Term, analyze, normalize
from index.analysis_store import STORE_NAME, AnalysisStore, case_forms, read_alike_by_type
from index.form_readings import shipped_readings
from index.query_analysis import Analysis, analysis_of, decode, encode, kiwi_analysis, reading
from index.query_words import forget_analyses, is_compound, query_word
from tests.conftest import copy_home
from tests.forked_process import forked
from tests.index.conftest import ARTICLES, kiwi_refused

WORDS = [
    "딥페이크",
    "AI안전연구소",
    "의료용",
    "오픈AI",
    "GPT-4o",
    "규제를",
    "딥 페이크",
    "있나?",
    " ",
]


@pytest.fixture
def no_kiwi():
    """Any analysis asked of Kiwi fails the test."""
    with kiwi_refused():
        yield


@pytest.mark.parametrize("word", WORDS)
def test_a_stored_analysis_reads_back_as_kiwi_gave_it(word, tmp_path):
    store = AnalysisStore(tmp_path / STORE_NAME)
    analysis = kiwi_analysis(word)
    assert decode(encode(analysis)) == analysis
    assert store.put({word: encode(analysis)})
    assert decode(store.get(word)) == analysis


@pytest.mark.parametrize(
    "analysis",
    [
        pytest.param(Analysis((), False), id="no-terms"),
        pytest.param(Analysis((Term("규제", 0, 0, 2, "part"),), True), id="one-noun"),
        pytest.param(
            Analysis((Term('a"b\\c', 0, 0, 5), Term("x\ny\t\x01\u2028", 1, 6, 12, "pair")), False),
            id="escapes",
        ),
        pytest.param(Analysis((Term("\ud800", 0, 0, 1),), False), id="lone-surrogate"),
    ],
)
def test_an_analysis_is_stored_as_json_dumps_writes_it(analysis):
    assert encode(analysis) == json.dumps([analysis.noun, analysis.terms], ensure_ascii=False)
    assert decode(encode(analysis)) == analysis


def test_a_search_reads_the_store_before_kiwi_and_records_what_kiwi_answered(tmp_path, no_kiwi):
    store = AnalysisStore(tmp_path / STORE_NAME)
    made_up = Analysis((), True)  # not Kiwi's reading: only the store can have given it
    store.put({"딥페이크": encode(made_up)})
    with reading(store):
        assert analysis_of("딥페이크") == made_up
        with pytest.raises(AssertionError, match="규제"):
            analysis_of("규제")
    query_analysis.kiwi_analysis = kiwi_analysis  # Kiwi answers now, and is recorded
    forget_analyses()
    with reading(store):
        assert analysis_of("규제") == kiwi_analysis("규제")
    assert decode(store.get("규제")) == kiwi_analysis("규제")


def test_query_words_and_compounds_come_from_the_store(tmp_path):
    store = AnalysisStore(tmp_path / STORE_NAME)
    expected = {w: (query_word(w), is_compound(w)) for w in ("딥 페이크", "오픈AI", "의료용")}
    forget_analyses()
    with reading(store):  # Kiwi answers, and each analysis is recorded
        assert {w: (query_word(w), is_compound(w)) for w in expected} == expected

    with kiwi_refused(), reading(store):
        assert {w: (query_word(w), is_compound(w)) for w in expected} == expected


@pytest.mark.parametrize(
    "typed", ["Deepfake", "DEEPFAKE", "Deepfake Detection", "Open Government Data"]
)
def test_a_word_typed_in_another_case_is_read_from_its_proven_lower_case_row(typed, tmp_path):
    store = AnalysisStore(tmp_path / STORE_NAME)
    query_analysis.remember(store, [typed.lower()])
    assert typed.lower() in store.proven()
    expected = kiwi_analysis(typed)

    with kiwi_refused(), reading(store):
        assert analysis_of(typed) == expected


def test_a_case_form_is_folded_only_where_the_build_proved_kiwi_reads_it_alike(tmp_path):
    store = AnalysisStore(tmp_path / STORE_NAME)
    store.put({"deepfake": encode(kiwi_analysis("deepfake"))}, alike={"deepfake": False})
    assert store.get_case_form("Deepfake") is None  # the proof found them read otherwise
    query_analysis.remember(store, ["chatgpt"])
    assert store.get_case_form("ChatGPT") is None  # not one of the forms compared
    assert store.get_case_form("chatgpt") is None  # stored as typed: get() reads it
    assert decode(store.get_case_form("CHATGPT")) == kiwi_analysis("CHATGPT")
    assert case_forms("ai법") == ("ai법", "AI법", "Ai법")


def test_a_store_written_before_case_forms_is_proven_at_the_next_build(tmp_path):
    path = tmp_path / STORE_NAME
    with sqlite3.connect(path) as old:  # the one table a store of before case forms has
        old.execute(
            "CREATE TABLE analysis (version TEXT NOT NULL, text TEXT NOT NULL,"
            " terms TEXT NOT NULL, PRIMARY KEY (version, text)) WITHOUT ROWID"
        )
    old.close()
    store = AnalysisStore(path, version="v")
    store.put({"openai": encode(kiwi_analysis("openai"))})
    assert store.get_case_form("OpenAI") is None and store.proven() == set()
    assert query_analysis.remember(store, ["openai"]) == 0
    assert store.proven() == {"openai"}
    assert decode(store.get_case_form("Openai")) == kiwi_analysis("Openai")


def test_rows_of_another_version_are_neither_read_nor_kept(tmp_path):
    path = tmp_path / STORE_NAME
    old = AnalysisStore(path, version="old")
    old.put({"규제": encode(kiwi_analysis("규제"))})
    new = AnalysisStore(path, version="new")
    assert new.get("규제") is None
    query_analysis.remember(new, ["반도체"])
    assert new.known() == {"반도체"}
    assert AnalysisStore(path, version="old").known() == set()


def test_remembering_texts_all_stored_does_not_load_kiwi(tmp_path, monkeypatch):
    store = AnalysisStore(tmp_path / STORE_NAME)
    assert query_analysis.remember(store, ["반도체", "규제를"]) == 2

    def refuse(texts):
        raise AssertionError(f"Kiwi was loaded for {texts!r}")

    monkeypatch.setattr(query_analysis, "tokenize_many", refuse)
    assert query_analysis.remember(store, ["반도체", "규제를", " "]) == 0
    assert query_analysis.remember(store, []) == 0


def test_a_store_read_ahead_asks_kiwi_nothing_more_and_stores_what_kiwi_gives(tmp_path, kiwi_asked):
    texts = ["반도체 장비", "OpenAI", "규제를", "Deepfake Detection", "ai맹"]
    ahead = AnalysisStore(tmp_path / "ahead" / STORE_NAME)
    ahead.path.parent.mkdir()
    assert query_analysis.read_ahead(ahead, texts[:3]) == len(kiwi_asked) > 0
    assert ahead.known() == set()  # held in memory, not stored
    query_analysis.read_ahead(ahead, texts)
    read = list(kiwi_asked)
    assert len(read) == len(set(read))  # nothing read twice
    query_analysis.remember(ahead, texts)
    assert kiwi_asked == read  # the store's filling found every reading in memory
    query_analysis.forget()  # the rows are those Kiwi gives afresh
    fresh = AnalysisStore(tmp_path / "fresh" / STORE_NAME)
    fresh.path.parent.mkdir()
    query_analysis.remember(fresh, texts)
    assert sorted(kiwi_asked[len(read) :]) == sorted(read)
    assert sorted(ahead.known()) == sorted(fresh.known())
    assert ahead.get_many(sorted(fresh.known())) == fresh.get_many(sorted(fresh.known()))
    assert ahead.proofs() == fresh.proofs()


def test_a_build_stores_its_analyses_with_the_collector_paused(tmp_path, monkeypatch):
    collecting: list[bool] = []
    real = query_analysis.tokenize_many
    monkeypatch.setattr(
        query_analysis, "tokenize_many", lambda t: collecting.append(gc.isenabled()) or real(t)
    )
    query_analysis.forget()
    store = AnalysisStore(tmp_path / STORE_NAME)
    assert query_analysis.remember(store, ["반도체 장비", "규제를"]) == 2
    assert collecting == [False] and gc.isenabled()
    gc.disable()  # a caller that paused it finds it paused still
    try:
        query_analysis.remember(store, ["딥페이크"])
        assert not gc.isenabled()
    finally:
        gc.enable()

    def fail(texts):
        raise RuntimeError("Kiwi failed")

    monkeypatch.setattr(query_analysis, "tokenize_many", fail)
    with pytest.raises(RuntimeError):
        query_analysis.remember(store, ["의료용"])
    assert gc.isenabled()


def test_a_second_store_filled_in_one_process_asks_kiwi_only_what_the_first_did_not(
    tmp_path, kiwi_asked
):
    first, second = (AnalysisStore(tmp_path / name / STORE_NAME) for name in ("a", "b"))
    for store in (first, second):
        store.path.parent.mkdir()
    query_analysis.remember(first, ["반도체 장비", "OpenAI", "규제를"])
    asked_first = list(kiwi_asked)
    query_analysis.remember(second, ["반도체 장비", "OpenAI", "규제를", "딥페이크"])
    assert kiwi_asked[len(asked_first) :] == ["딥페이크"]
    query_analysis.forget()  # the second store's rows are those Kiwi gives afresh
    fresh = AnalysisStore(tmp_path / "c" / STORE_NAME)
    fresh.path.parent.mkdir()
    query_analysis.remember(fresh, ["반도체 장비", "OpenAI", "규제를", "딥페이크"])
    texts = sorted(fresh.known())
    assert sorted(second.known()) == texts
    assert second.get_many(texts) == fresh.get_many(texts)
    assert second.proven() == fresh.proven()


def test_a_store_that_cannot_be_read_or_written_is_passed_over(tmp_path):
    damaged = tmp_path / STORE_NAME
    damaged.write_bytes(b"not a database" * 100)
    store = AnalysisStore(damaged)
    assert store.get("규제") is None
    assert store.known() == set()
    assert store.put({"규제": "[]"}) is False
    missing = AnalysisStore(tmp_path / "no-such-folder" / STORE_NAME)
    assert missing.get("규제") is None
    assert missing.put({"규제": "[]"}) is False
    with reading(missing):  # the search goes on with Kiwi
        forget_analyses()
        assert analysis_of("규제") == kiwi_analysis("규제")


def test_a_lookup_that_misses_reads_the_store_file_put_in_place_of_the_one_open(tmp_path):
    """A store file removed alone and written again (by a search or an ingest) is read by a
    store whose connection had the removed one open, from the first lookup that misses."""
    path = tmp_path / STORE_NAME
    kept = AnalysisStore(path, version="v")
    assert kept.put({"규제": "[true, []]"})
    assert kept.get("규제") == "[true, []]"  # the connection is open on this file
    path.unlink()
    assert AnalysisStore(path, version="v").put({"딥페이크": "[false, []]"})
    assert kept.get("딥페이크") == "[false, []]"
    assert kept.get("규제") is None  # the removed file is read no more
    path.unlink()
    assert kept.get("규제") is None
    assert not path.exists()  # a lookup makes no file


def test_a_lookup_that_finds_its_row_does_not_look_at_the_file(tmp_path, monkeypatch):
    """The path's file is compared with the one open only when a lookup misses: a stat per
    lookup would cost every search that reads the store."""
    store = AnalysisStore(tmp_path / STORE_NAME, version="v")
    assert store.put({"규제": "[true, []]"})
    assert store.get("규제") == "[true, []]"
    looked = []
    real = store_reader._identity
    monkeypatch.setattr(store_reader, "_identity", lambda path: looked.append(path) or real(path))
    assert [store.get("규제") for _ in range(3)] == ["[true, []]"] * 3
    assert looked == []
    assert store.get("딥페이크") is None
    assert looked == [store.path]


def test_a_build_stores_the_terms_typed_and_the_forms_and_names_they_expand_to(built_index):
    """The terms of two articles or more and of the headlines and KEY Contents, not those
    one article's body or sources alone holds (build_readings), every thesaurus form, and
    around every term the name spellings a search looks up."""
    known = built_index._analyses.known()
    with built_index._fresh().reader() as reader:
        held = {t.decode("utf-8"): i.doc_frequency() for t, i in reader.iter_field("content")}
    terms = set(held)
    headlines = {
        term.text
        for articles in ARTICLES.values()
        for article in articles
        for text in (article.title, "\n".join(article.key_contents))
        for term in analyze(normalize(text))
    }
    typed = {t for t, n in held.items() if n >= 2} | (headlines & terms)
    assert typed <= known
    assert {"ai모델", "딥페이크", "사무직", "압도적"} <= typed  # two articles, headline, KEY
    left = terms - known
    assert {"고위험", "튜링상", "1.5배"} <= left  # one article's body, once
    assert not left & typed
    assert built_index.concepts.every_form() <= known  # the terms' forms and every other
    assert built_index.aliases().spellings_around(terms) <= known
    assert {"deepfake", "합성 미디어"} <= known  # 딥페이크's concept
    assert {f for t in terms for f in built_index.concepts.expand(t).broader} <= known
    assert {"요슈아 벤지오", "Yoshua Bengio", "OpenAI", "Anthropic"} <= known  # names


def test_every_case_form_a_build_folds_is_read_as_kiwi_reads_it(built_index):
    store = built_index._analyses
    folded = {
        form: store.get_case_form(form)
        for key in store.proven()
        for form in case_forms(key)
        if form != key
    }
    assert len([f for f, row in folded.items() if row is not None]) > 100
    assert {f: decode(row) for f, row in folded.items() if row} == {
        f: kiwi_analysis(f) for f, row in folded.items() if row
    }
    unproven = [f for f, row in folded.items() if row is None]
    assert all(len({kiwi_analysis(f) for f in case_forms(f.lower())}) > 1 for f in unproven)


def write_rows(path: str, name: str, count: int) -> None:
    """A writer process (tests/forked_process.py): `count` rows, one commit each."""
    store = AnalysisStore(Path(path), version="v")
    for i in range(count):
        assert store.put({f"{name}{i}": "[false, []]"}, wait=30)


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / STORE_NAME
    writers = [forked(write_rows, str(path), name, 150) for name in ("a", "b")]
    outputs = [w.communicate(timeout=120) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], outputs
    known = AnalysisStore(path, version="v").known()
    assert known == {f"{name}{i}" for name in "ab" for i in range(150)}
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


class DyingConnection:
    """A connection whose process is killed once it has written rows, before their commit."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __getattr__(self, name: str) -> Any:
        return getattr(self.connection, name)

    def __enter__(self) -> DyingConnection:
        return self

    def __exit__(self, *exc: object) -> Any:
        return self.connection.__exit__(*exc)

    def executemany(self, *args: Any) -> None:
        self.connection.executemany(*args)
        os.kill(os.getpid(), signal.SIGKILL)  # the rows written, not committed


def killed_writer(path: str) -> None:
    """A writer process (tests/forked_process.py) killed in its second write."""
    store = AnalysisStore(Path(path), version="v")
    store.put({"before": "[false, []]"})
    connect = sqlite3.connect
    sqlite3.connect = lambda *a, **k: DyingConnection(connect(*a, **k))
    store.put({"after": "[false, []]"})


@pytest.mark.slow
def test_a_writer_killed_before_its_commit_leaves_the_rows_before_it(tmp_path):
    path = tmp_path / STORE_NAME
    with forked(killed_writer, str(path)) as killed:
        killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    store = AnalysisStore(path, version="v")
    assert store.put({"next": "[false, []]"})  # a later writer rolls the torn write back
    assert AnalysisStore(path, version="v").known() == {"before", "next"}


@pytest.mark.slow
def test_a_cold_search_whose_words_are_stored_does_not_load_kiwi(sample_home, tmp_path):
    """`aibrief search` in a process where loading Kiwi fails answers as the command does
    (the sample archive's build stored these words)."""

    home = tmp_path / "home"
    copy_home(sample_home, home)
    aibrief = str(Path(sys.executable).with_name("aibrief"))
    args = ["--home", str(home), "search", "딥페이크", "--json"]
    without_kiwi = (
        "import sys, index.kiwi_loader as loader;"
        "loader.kiwi = lambda: sys.exit('Kiwi was loaded');"
        "from archive.cli import main; sys.argv = ['aibrief', *sys.argv[1:]]; main()"
    )
    env = {**os.environ, "COLUMNS": "100"}
    cold = subprocess.run(
        [sys.executable, "-c", without_kiwi, *args], capture_output=True, text=True, env=env
    )
    assert cold.returncode == 0, cold.stderr
    usual = subprocess.run([aibrief, *args], capture_output=True, text=True, env=env)
    assert cold.stdout == usual.stdout
    assert '"hits": [' in cold.stdout and '"total": 0' not in cold.stdout


@pytest.mark.parametrize(
    ("text", "by_type"),
    [
        pytest.param("deepfake detection", True, id="latin-words"),
        pytest.param("gpt-4o", True, id="latin-and-digits"),
        pytest.param("10mph", True, id="kiwi-dictionary-latin-entry"),
        pytest.param("ai맹", False, id="beside-hangul"),
        pytest.param("jd 밴스", True, id="hangul-apart"),
        pytest.param("café", False, id="cased-letter-outside-ascii"),
        pytest.param("오픈ai", False, id="domain-dictionary-word"),
    ],
)
def test_character_types_decide_case_forms_only_apart_from_other_scripts(text, by_type):
    assert read_alike_by_type(text) is by_type
    if by_type:  # what the rule claims, Kiwi confirms
        assert len({kiwi_analysis(f) for f in case_forms(text)}) == 1


def test_a_build_asks_kiwi_no_case_form_its_character_types_decide(tmp_path, kiwi_asked):
    store = AnalysisStore(tmp_path / STORE_NAME)
    query_analysis.remember(store, ["Deepfake Detection", "ai맹"])
    assert store.proven() == {"deepfake detection", "ai맹"}
    assert {"DEEPFAKE DETECTION", "Deepfake detection"}.isdisjoint(kiwi_asked)
    assert {"AI맹", "Ai맹"} <= set(kiwi_asked)  # beside Hangul: Kiwi compares them
    assert decode(store.get_case_form("DEEPFAKE DETECTION")) == kiwi_analysis("DEEPFAKE DETECTION")
    assert store.get_case_form("AI맹") is None  # read otherwise, as Kiwi found


@pytest.mark.slow
def test_every_case_form_the_real_issues_store_decides_by_type_kiwi_reads_alike(corpus_home):
    store = AnalysisStore(corpus_home / "index" / STORE_NAME, readings=shipped_readings)
    decided = sorted(key for key in store.proven() if read_alike_by_type(key))
    assert len(decided) > 1000
    differ = [k for k in decided if len({kiwi_analysis(f) for f in case_forms(k)}) > 1]
    assert differ == []


@pytest.mark.slow  # three full collections of the test process's heap
def test_analyses_are_remembered_as_tuples_the_collector_stops_tracking(monkeypatch):
    made = Analysis((Term("딥페이크", 0, 0, 4), Term("규제", 1, 5, 7, "part")), False)
    asked = []
    monkeypatch.setattr(query_analysis, "kiwi_analysis", lambda text: asked.append(text) or made)
    query_analysis.forget()
    try:
        assert analysis_of("딥페이크 규제") == made
        again = analysis_of("딥페이크 규제")
        assert again == made and type(again.terms[1]) is Term and asked == ["딥페이크 규제"]
        kept = query_analysis._memory.get("딥페이크 규제")
        for _ in range(3):  # one level of tuples untracked at each collection
            gc.collect()
        assert not any(gc.is_tracked(t) for t in (kept, kept[0], *kept[0]))
    finally:
        query_analysis.forget()


# No article of ARTICLES writes any of these words: only the build's forms are stored.
FORMS_ONLY = """\
# version: 1
반도체 장비\t반도체 장비, 노광 장비, chipmaking equipment\t극자외선 노광
반도체\t반도체, 칩
장비\t장비, 설비
"""


def test_a_query_typed_as_a_thesaurus_form_no_article_term_reaches_loads_no_kiwi(tmp_path):
    """A build stores every thesaurus form, each of several words glued too, not only the
    forms of its terms' concepts: a first search typed as one (and asked whether its words
    typed apart spell one compound) reads them all from the store."""
    from index import SearchIndex
    from index.concepts import ConceptTable, parse_concepts
    from tests.index.conftest import ARTICLES

    version, concepts = parse_concepts(FORMS_ONLY)
    index = SearchIndex.open(tmp_path / "index", concepts=ConceptTable(concepts, version))
    index.rebuild((issue, articles, f"sha-{issue}") for issue, articles in ARTICLES.items())

    with kiwi_refused():
        result = index.search("반도체 장비")
    assert result.expansions == {
        "반도체 장비": ("노광 장비", "chipmaking equipment", "극자외선 노광")
    }
