"""Index generations: a reader open throughout sees each build once it is switched to, whatever
became of the folder meanwhile."""

from __future__ import annotations

import shutil

import pytest

from index import SearchIndex, StaleIndexError, generations
from index.analysis_store import STORE_NAME
from tests.index.conftest import ARTICLES, kiwi_refused


def issues_found(index: SearchIndex, query: str) -> set[str]:
    return {hit.id[:7] for hit in index.search(query).hits}


def test_a_long_lived_index_sees_the_rebuild_that_follows_the_removal_of_its_folder(tmp_path):
    directory = tmp_path / "index"
    served = SearchIndex.open(directory)  # a server's, open throughout
    served.rebuild([("2024-04", ARTICLES["2024-04"], "f")])
    assert issues_found(served, "딥페이크") == {"2024-04"}
    shutil.rmtree(directory)  # `rm -r index` under the running server
    with pytest.raises(StaleIndexError, match="has not been built"):
        served.search("딥페이크")
    SearchIndex.open(directory).rebuild([("2025-03", ARTICLES["2025-03"], "g")])  # another process
    assert issues_found(served, "딥페이크") == {"2025-03"}
    assert served.fingerprints() == {"2025-03": "g"}
    served.close()


def test_a_generation_name_is_never_given_twice_even_after_the_folder_was_removed(tmp_path):
    directory = tmp_path / "index"
    first = generations.start(directory)
    shutil.rmtree(directory)
    second = generations.start(directory)
    assert first.name != second.name
    assert first.name.startswith("g000001-") and second.name.startswith("g000001-")


def test_an_index_whose_generation_has_no_suffix_is_read_and_built_after(tmp_path):
    directory = tmp_path / "index"
    SearchIndex.open(directory).rebuild([("2024-04", ARTICLES["2024-04"], "f")])
    legacy = directory / "g000009"  # a name as builds gave them before the suffix
    SearchIndex.open(directory).live.rename(legacy)
    generations.switch(directory, legacy)
    reopened = SearchIndex.open(directory)
    assert reopened.live == legacy and not reopened.needs_rebuild()
    assert issues_found(reopened, "딥페이크") == {"2024-04"}
    reopened.rebuild([("2025-03", ARTICLES["2025-03"], "g")])
    assert reopened.live.name.startswith("g000010-")
    assert sorted(p.name for p in directory.glob("g*")) == ["g000009", reopened.live.name]
    assert issues_found(reopened, "딥페이크") == {"2025-03"}
    reopened.close()


def test_a_long_lived_index_reads_the_store_of_analyses_the_rebuild_after_the_removal_wrote(
    tmp_path,
):
    """The store of query analyses lives beside the generations and goes with the folder: the
    index kept open reads the one the next build wrote, not the removed file it had open."""
    directory = tmp_path / "index"
    served = SearchIndex.open(directory)
    served.rebuild([("2024-04", ARTICLES["2024-04"], "f")])
    with kiwi_refused():  # its words read from its store, which stays open
        assert issues_found(served, "딥페이크") == {"2024-04"}
    shutil.rmtree(directory)
    SearchIndex.open(directory).rebuild([("2025-03", ARTICLES["2025-03"], "g")])
    with kiwi_refused():  # a headline word of 2025-03 alone: only the new store holds it
        assert issues_found(served, "프런티어") == {"2025-03"}
    served.search("튜링상")  # one article's body holds it: Kiwi reads it, the search stores it
    assert "튜링상" in SearchIndex.open(directory)._analyses.known()
    served.close()


def test_a_long_lived_index_that_builds_after_the_removal_of_its_folder_stores_every_analysis(
    tmp_path,
):
    """The build reads which analyses the store holds from the new file, not from the removed
    one the index had open, which held them all."""
    directory = tmp_path / "index"
    served = SearchIndex.open(directory)
    served.rebuild([("2024-04", ARTICLES["2024-04"], "f")])
    with kiwi_refused():  # its words read from its store, which stays open
        assert issues_found(served, "딥페이크") == {"2024-04"}
    stored = SearchIndex.open(directory)._analyses.known()
    shutil.rmtree(directory)
    served.rebuild([("2024-04", ARTICLES["2024-04"], "f")])
    assert SearchIndex.open(directory)._analyses.known() == stored
    served.close()


def test_a_long_lived_index_reads_the_store_of_analyses_written_after_its_file_was_removed(
    tmp_path,
):
    """The store's file removed alone, an ingest by another process (no new generation) writes
    a new one: the index kept open reads it, not the removed file it had open."""
    directory = tmp_path / "index"
    served = SearchIndex.open(directory)
    served.rebuild([("2024-04", ARTICLES["2024-04"], "f")])
    with kiwi_refused():  # its words read from its store, which stays open
        assert issues_found(served, "딥페이크") == {"2024-04"}
    (directory / STORE_NAME).unlink()
    with SearchIndex.open(directory) as another:
        live = another.live
        another.replace_issue("2025-03", ARTICLES["2025-03"], "g")
    assert another.live == live
    with kiwi_refused():  # a headline word of 2025-03 alone: only the new file holds it
        assert issues_found(served, "프런티어") == {"2025-03"}
    served.close()


def test_a_reader_that_finds_no_index_and_no_build_under_way_reads_the_one_just_switched_to(
    tmp_path, monkeypatch
):
    directory = tmp_path / "index"
    SearchIndex.open(directory).rebuild([("2024-04", ARTICLES["2024-04"], "f")])
    built = generations.current(directory)
    (directory / generations.CURRENT).unlink()  # as before a first build's switch
    reader = SearchIndex.open(directory)

    def finished_meanwhile(folder):
        # the build switches and deletes its progress between the reader's two reads
        generations.switch(folder, built)
        return None

    monkeypatch.setattr(generations, "progress", finished_meanwhile)
    assert issues_found(reader, "딥페이크") == {"2024-04"}
    reader.close()
