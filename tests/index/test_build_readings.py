"""Which indexed terms a build reads into the store of query analyses (build_readings): those
a researcher is likely to type at the build, the rest on first use."""

from __future__ import annotations

import pytest

import index.batch_build
import index.full_build
from index import SearchIndex
from index.build_readings import articles_holding, read_at_build
from index.mined_aliases import MinedAliases
from index.query_analysis import encode, kiwi_analysis
from tests.index.conftest import ARTICLES, kiwi_refused, make_article

BODY_ONCE = "고위험"  # in one article's body, once
HEADLINE = "사무직"  # in one article's headline


def _issues(articles: dict) -> list[tuple]:
    return [(issue, held, f"sha-{issue}") for issue, held in articles.items()]


def _answer(index: SearchIndex, query: str) -> list[tuple[str, float]]:
    return [(hit.id, round(hit.score, 6)) for hit in index.search(query).hits]


@pytest.fixture
def rebuilt(tmp_path) -> SearchIndex:
    index = SearchIndex.open(tmp_path / "index")
    index.rebuild(_issues(ARTICLES))
    return index


def test_the_terms_of_two_articles_or_a_headline_are_read():
    lexicon = [("규제", 2), ("사무직", 1), ("고위험", 1), ("ai", 5)]
    assert read_at_build(lexicon, {"사무직"}) == ["규제", "사무직", "ai"]


def test_the_longer_nouns_a_search_reads_are_read_with_their_heads():
    """A search for 모델 reads 모델링, one syllable longer (longer_nouns), and for the
    thesaurus form 국방, 국방부."""
    lexicon = [
        ("모델", 2),
        ("모델링", 1),
        ("모델링기법", 1),
        ("국방부", 1),
        ("gpu", 3),
        ("gpus", 1),
    ]
    assert read_at_build(lexicon, set(), {"국방"}) == ["모델", "모델링", "국방부", "gpu"]


def test_a_headline_term_is_read_at_the_build(rebuilt):
    assert HEADLINE in rebuilt._analyses.known()
    with kiwi_refused():
        assert [hit for hit, _ in _answer(rebuilt, HEADLINE)] == ["2025-03-12"]


def test_a_term_one_body_holds_is_read_on_first_use_and_stored(rebuilt):
    """Answered as before, by Kiwi the first time; the second cold search reads the store."""
    assert BODY_ONCE not in rebuilt._analyses.known()
    first = _answer(rebuilt, BODY_ONCE)
    assert first[0][0] == "2024-04-01"
    assert BODY_ONCE in rebuilt._analyses.known()
    with kiwi_refused():
        assert _answer(rebuilt, BODY_ONCE) == first


def test_a_term_a_later_issue_writes_again_is_read_then(rebuilt):
    later = make_article("2025-04-01", "AI 기본법 시행", bullets=(f"{BODY_ONCE} AI 기준 마련",))
    rebuilt.replace_issue("2025-04", [later], "sha-2025-04")
    assert BODY_ONCE in rebuilt._analyses.known()


@pytest.mark.parametrize("path", ["rebuild", "batch"])
def test_a_build_in_workers_reads_what_one_in_this_process_does(tmp_path, monkeypatch, path):
    """The headlines' terms come back from the workers with the mined pairs."""

    def build(folder) -> set[str]:
        index = SearchIndex.open(folder)
        if path == "rebuild":
            index.rebuild(_issues(ARTICLES))
        else:
            index.rebuild([])
            with index.batch() as batch:
                for issue, articles in ARTICLES.items():
                    batch.add(issue, articles, f"sha-{issue}")
        return index._analyses.known()

    here = build(tmp_path / "here")
    monkeypatch.setattr(index.full_build, "PARALLEL_MIN_CHARS", 1)
    monkeypatch.setattr(index.batch_build, "PARALLEL_MIN_CHARS", 1)
    assert build(tmp_path / "workers") == here
    assert HEADLINE in here and BODY_ONCE not in here


def test_the_articles_holding_each_term_are_summed_over_the_segments(tmp_path, monkeypatch):
    monkeypatch.setattr(index.full_build, "PARALLEL_MIN_CHARS", 1)  # built in the workers
    # a segment per issue, whichever worker takes it (one worker may take every issue)
    monkeypatch.setattr(index.full_build, "SEGMENT_POSTINGS", 1)
    built = SearchIndex.open(tmp_path)
    built.rebuild(_issues(ARTICLES))
    with built._fresh().reader() as reader:
        assert len(reader.leaf_readers()) > 1
        held = articles_holding(reader)
        terms = [t.decode("utf-8") for t in reader.lexicon("content")]
        assert sorted(held) == [(t, reader.doc_frequency("content", t)) for t in terms]
    assert ("ai", 4) in held


def test_a_store_a_build_before_filled_with_every_term_is_kept_whole(rebuilt):
    """A store holding every term (as builds before this rule wrote it) is of the same
    version: the next build neither rebuilds the index nor drops a row."""
    with rebuilt._fresh().reader() as reader:
        terms = [term for term, _ in articles_holding(reader)]
    store = rebuilt._analyses
    every = {t: encode(kiwi_analysis(t)) for t in terms if t not in store.known()}
    assert BODY_ONCE in every
    assert store.put(every)
    held, live = store.known(), rebuilt.live
    later = make_article("2025-04-01", "AI 기본법 시행", bullets=("AI 기준 마련",))
    rebuilt.replace_issue("2025-04", [later], "sha-2025-04")
    assert not rebuilt.needs_rebuild() and rebuilt.live == live
    assert held <= store.known()
    with kiwi_refused():
        assert _answer(rebuilt, BODY_ONCE)


def test_the_mined_table_after_changes_is_the_table_once_they_are_saved(tmp_path):
    mined = MinedAliases(tmp_path)
    mined.save({"2024-04": [["앤스로픽", "Anthropic"]], "2025-03": [["오픈AI", "OpenAI"]]})
    changes = {"2024-04": None, "2025-06": [["가나다랩", "Ganada Lab"], ["라마바", "Ramaba"]]}
    after = mined.table_after(changes)
    assert mined.table().others("가나다랩") == ()  # nothing saved
    mined.save(changes)
    words = ["앤스로픽", "오픈AI", "가나다랩", "Ramaba", "OpenAI"]
    assert after.spellings_around(words) == mined.table().spellings_around(words)
    assert {w: after.others(w) for w in words} == {w: mined.table().others(w) for w in words}
    assert after.others("가나다랩") == ("Ganada Lab",)
