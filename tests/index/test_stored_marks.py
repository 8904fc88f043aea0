"""The packed marks give back every place as stored, for the terms asked."""

from __future__ import annotations

from index.stored_marks import PackedMarks, field_marks, occurrences, packed


def test_packed_places_unpack_to_the_places_written():
    places = {"ai": [(0, 0, 2), (7, 20, 22)], "안전연구소": [(1, 3, 8)], "법": []}
    marks = PackedMarks(packed(places))
    assert dict(marks) == places
    assert set(marks.keys()) == set(places)
    assert marks.get("없는말") is None
    assert {t: occurrences(p) for t, p in packed(places).items()} == {
        "ai": 2,
        "안전연구소": 1,
        "법": 0,
    }


def test_large_offsets_survive_packing():
    places = {"ai": [(70_000, 1_000_000, 1_000_002)]}
    assert PackedMarks(packed(places))["ai"] == places["ai"]


def test_the_stored_marks_of_an_indexed_article_are_its_terms_places(built_index):
    with built_index._reading() as searcher:
        docnum = searcher.document_number(id="2025-03-12")
        stored = searcher.stored_fields(docnum)
        title = field_marks(stored, "title")
        assert [stored["title"][s:e] for _, s, e in title["일자리"]] == ["일자리"]
        assert [p for p, _, _ in title["ai"]] == [0]
        assert len(field_marks(stored, "nothing")) == 0
