"""The weighted field's postings format writes what Whoosh's Positions writes."""

from __future__ import annotations

from whoosh.formats import Positions

from index.analysis import PART_SEPARATOR
from index.whoosh_analyzers import WeightedAnalyzer, WeightedPositions

TEXTS = [
    PART_SEPARATOR.join(("오픈AI, 새 모델 공개", "오픈AI가 모델을 공개", "모델 모델 모델", "")),
    PART_SEPARATOR.join(("구글 모델", "", "구글의 새 AI 모델은 구글이 만든 모델", "Google")),
]


def test_the_weighted_format_encodes_as_positions_do():
    ours, stock = WeightedPositions(field_boost=2.0), Positions(field_boost=2.0)
    for _ in range(2):  # the second time, the places of one-place terms are known
        for text in TEXTS:
            values = sorted(ours.word_values(text, WeightedAnalyzer()))
            assert values == sorted(stock.word_values(text, WeightedAnalyzer()))
            assert any(count == 1 for _, count, _, _ in values)
            assert any(count > 1 for _, count, _, _ in values)
