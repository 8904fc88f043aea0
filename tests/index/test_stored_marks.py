"""The packed marks give back every place as stored, for the terms asked."""

from __future__ import annotations

import pickle

import pytest

from index.stored_marks import SEPARATOR, PackedMarks, field_marks, packed


def test_packed_places_unpack_to_the_places_written():
    places = {"ai": [(0, 0, 2), (7, 20, 22)], "안전연구소": [(1, 3, 8)], "법": []}
    marks = PackedMarks(packed(places))
    assert dict(marks) == places
    assert list(marks) == list(places)  # in the order written
    assert set(marks.keys()) == set(places)
    assert "ai" in marks and "없는말" not in marks
    assert marks.get("없는말") is None
    assert {t: marks.occurrences(t) for t in marks} == {"ai": 2, "안전연구소": 1, "법": 0}


def test_a_field_is_one_value_of_three_objects_whatever_its_terms():
    places = {f"t{n}": [(n, 2 * n, 2 * n + 1)] for n in range(500)}
    value = packed(places)
    assert len(value) == 3 and isinstance(value[0], str)
    assert dict(PackedMarks(pickle.loads(pickle.dumps(value, 2)))) == places


def test_a_field_without_terms_has_no_marks():
    assert dict(PackedMarks(packed({}))) == {}
    assert len(PackedMarks(None)) == 0


def test_large_offsets_survive_packing():
    places = {"ai": [(70_000, 1_000_000, 1_000_002)]}
    assert PackedMarks(packed(places))["ai"] == places["ai"]


def test_a_term_holding_the_separator_is_refused():
    with pytest.raises(ValueError, match="separator"):
        packed({f"a{SEPARATOR}b": [(0, 0, 3)]})


def test_the_stored_marks_of_an_indexed_article_are_its_terms_places(built_index):
    with built_index._reading() as searcher:
        docnum = searcher.document_number(id="2025-03-12")
        stored = searcher.stored_fields(docnum)
        title = field_marks(stored, "title")
        assert [stored["title"][s:e] for _, s, e in title["일자리"]] == ["일자리"]
        assert [p for p, _, _ in title["ai"]] == [0]
        assert len(field_marks(stored, "nothing")) == 0
