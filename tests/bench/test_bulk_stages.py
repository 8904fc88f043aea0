"""The bulk stages' bound: what Kiwi's own work leaves each path under the target."""

from __future__ import annotations

import gc

import pytest

from bench.bulk_stages import (
    IMPORT_ONLY,
    KIWI_LOAD,
    READ_PDFS,
    RESPELLING,
    STORE_CASE_KIWI,
    STORE_KIWI,
    TARGET_OVER_KIWI,
    floors,
    store_texts,
    term_lexicon,
    worker_stages,
)
from index.analysis import Term
from index.concepts import shipped_concepts


def test_the_floor_is_kiwis_work_and_for_an_ingest_the_pdfs():
    seconds = {
        KIWI_LOAD: 1.0,
        "hash the PDFs": 0.5,
        READ_PDFS: 4.0,
        RESPELLING: 100.0,  # the bench's own work: in no sum
        "schema check": 0.5,
        IMPORT_ONLY[0]: 2.0,
        "Kiwi": 10.0,
        "Whoosh takes the documents": 3.0,
        "query analyses stored": 5.0,
        STORE_KIWI: 2.5,  # shares of the store's row: in no sum of their own
        STORE_CASE_KIWI: 0.5,
    }
    found = floors(seconds)
    assert found["import"]["all"] == pytest.approx((1 + 2 + 10 + 3 + 5) / 10)
    assert found["ingest"]["all"] == pytest.approx((1 + 0.5 + 4 + 0.5 + 10 + 3 + 5) / 10)
    assert found["import"]["floor"] == pytest.approx((1 + 10 + 2.5 + 0.5) / 10)
    assert found["ingest"]["floor"] == pytest.approx((1 + 10 + 2.5 + 0.5 + 4) / 10)
    for share in found.values():
        assert share["left"] == pytest.approx(TARGET_OVER_KIWI - share["floor"])
        assert share["rest"] == pytest.approx(share["all"] - share["floor"])
    assert round(TARGET_OVER_KIWI, 4) == 1.6667


def test_the_store_stage_stores_what_a_build_stores(tmp_path):
    """Every thesaurus form, as SearchIndex._remember_terms does, not only those around the
    indexed terms; the headline's terms and those of two articles, not a body's one-off."""
    doc = {"title": "반도체 규제", "key": "", "body": "", "sources": ""}
    docs = [[doc, {**doc, "title": "", "body": "규제 뷁뷁"}]]
    analyses = [
        {
            "반도체 규제": (Term("반도체", 0, 0, 3), Term("규제", 1, 4, 6)),
            "규제 뷁뷁": (Term("규제", 0, 0, 2), Term("뷁뷁", 1, 3, 5)),
        }
    ]
    lexicon, headlines = term_lexicon(docs, analyses)
    assert lexicon == [("규제", 2), ("반도체", 1), ("뷁뷁", 1)]
    texts = store_texts(lexicon, headlines, tmp_path)
    assert {"반도체", "규제"} <= set(texts)
    assert "뷁뷁" not in texts
    assert shipped_concepts().every_form() <= set(texts)


def test_a_workers_stages_run_with_the_collector_paused_as_in_a_worker(tmp_path):
    """parallel_build's workers pause the garbage collector for good; measured with it on,
    the terms of Kiwi's tokens took twice their CPU."""
    collecting: dict[str, bool] = {}

    def timed(name, work):
        collecting[name] = gc.isenabled()
        return work()

    analyses, pairs = worker_stages(timed, None, [[]], [[]], tmp_path)
    assert (analyses, pairs) == ([{}], {"0": []})
    assert collecting == dict.fromkeys(
        (
            "Kiwi",
            "terms from Kiwi's tokens",
            "Whoosh takes the documents",
            "Whoosh writes the segment",
            "mined name pairs",
        ),
        False,
    )
    assert gc.isenabled()
