"""A word no article holds, in any spelling, and that no concept widens, is looked up as the
archive's nearest spelling of it (a typo, 엔디비아 for 엔비디아), which the result names among
the words added ("also matched")."""

from __future__ import annotations

import pytest

from index import SearchIndex, derive_actors
from index.spelling import SpellingIndex
from index.suggest import completion, plain_initials, reads_as_verb
from tests.index.conftest import make_article


@pytest.fixture(scope="module")
def spelled_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("spelled"))
    articles = [
        make_article("2024-06-01", "엔비디아, 차세대 칩 공개", bullets=("엔비디아 매출 증가",)),
        make_article("2024-06-02", "엔비디아 시가총액 1위", bullets=("반도체 수요 확대",)),
        make_article("2024-06-03", "기업 실적 발표", bullets=("매출 증가", "보고서 발간")),
        make_article("2024-06-04", "오픈AI, 동영상 생성 AI 소라 공개", bullets=("영상 생성",)),
        make_article("2024-06-05", "AI가 고용에 미치는 영향", bullets=("스타 배우의 임금 효과",)),
        make_article("2024-06-06", "인스타그램, AI 이미지 표시", bullets=("사진 라벨",)),
    ]
    index.replace_issue("2024-06", derive_actors(articles), "sha")
    return index


def test_a_misspelt_name_finds_the_articles_of_its_nearest_spelling(spelled_index):
    result = spelled_index.search("엔디비아", budget=float("inf"))
    assert sorted(hit.id for hit in result.hits) == ["2024-06-01", "2024-06-02"]
    assert result.expansions["엔디비아"][0] == "엔비디아"
    assert result.limits == ()


def test_a_word_the_archive_holds_is_not_respelled(spelled_index):
    result = spelled_index.search("엔비디아", budget=float("inf"))
    assert "엔비디아" not in result.expansions


def test_the_nearest_spelling_is_a_switch(spelled_index):
    result = spelled_index.search("엔디비아", respell=False, budget=float("inf"))
    assert (result.total, result.expansions) == (0, {})


def test_an_exact_word_is_never_respelled(spelled_index):
    assert spelled_index.search("=엔디비아", budget=float("inf")).total == 0


def test_a_verb_no_article_holds_is_not_respelled(spelled_index):
    """비칠까 (비치다, to shine) is one letter from 미치다, which an article holds."""
    result = spelled_index.search("비칠까", budget=float("inf"))
    assert (result.total, result.expansions) == (0, {})


def test_a_clipped_name_finds_the_one_term_it_begins(spelled_index):
    """인스타 is one edit from 스타, which an article holds, and begins 인스타그램 alone."""
    result = spelled_index.search("인스타", budget=float("inf"))
    assert [hit.id for hit in result.hits] == ["2024-06-06"]
    assert result.expansions["인스타"][0] == "인스타그램"


@pytest.mark.parametrize(
    ("part", "completed"),
    [
        pytest.param("인스타", "인스타그램", id="clipped"),
        pytest.param("엔터", None, id="begins-two-terms"),
        pytest.param("인스타그", None, id="one-letter-short-is-an-edit"),
        pytest.param("인", None, id="too-short"),
        pytest.param("insta", "instagram", id="latin"),
    ],
)
def test_completion(part, completed):
    speller = SpellingIndex(
        dict.fromkeys(["인스타그램", "엔터프라이즈", "엔터테인먼트", "instagram"], 1)
    )
    assert completion(speller, part) == completed


def test_completion_counts_only_the_terms_long_enough_to_be_completed():
    """Terms one character longer (인스타1, 인스타2: an edit, not a clipping) sort first; the
    two longer terms after them still make the part ambiguous."""
    terms = ["인스타1", "인스타2", "인스타그램", "인스타그래머"]
    speller = SpellingIndex(dict.fromkeys(terms, 1))
    assert completion(speller, "인스타") is None
    assert completion(SpellingIndex(dict.fromkeys(terms[:3], 1)), "인스타") == "인스타그램"


@pytest.mark.parametrize(
    ("word", "verb"),
    [
        pytest.param("빠졌나?", True, id="verb"),
        pytest.param("더딘", True, id="adjective"),
        pytest.param("엔디비아", False, id="name"),
        pytest.param("인스타", False, id="noun"),
    ],
)
def test_reads_as_verb(word, verb):
    assert reads_as_verb(word) is verb


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        pytest.param("쏘라", "소라", id="ss"),
        pytest.param("싸이트", "사이트", id="ss-loanword"),
        pytest.param("빠른 까닭", "바른 가닭", id="pp-kk"),
        pytest.param("짜장 뚜껑", "자장 두겅", id="jj-tt"),
        pytest.param("했다", "했다", id="a-final-is-kept"),
        pytest.param("Sora AI", "Sora AI", id="latin"),
    ],
)
def test_plain_initials(typed, plain):
    assert plain_initials(typed) == plain


def test_a_name_typed_with_tense_initials_finds_its_plain_spelling(spelled_index):
    """쏘라 is two syllables, too short for the nearest spelling by edits (suggest.py)."""
    result = spelled_index.search("쏘라", budget=float("inf"))
    assert [hit.id for hit in result.hits] == ["2024-06-04"]
    assert result.expansions["쏘라"][0] == "소라"


def test_tense_initials_made_plain_are_a_part_of_the_respell_switch(spelled_index):
    assert spelled_index.search("쏘라", respell=False, budget=float("inf")).total == 0


def test_a_common_word_is_not_respelled_by_its_plain_initials(spelled_index):
    """빨간 made plain is 발간, which an article holds but which is no name nor concept."""
    assert "빨간" not in spelled_index.search("빨간", budget=float("inf")).expansions


class UnreadySpelling:
    """A spelling index still being built: each wait is recorded, and it is never ready."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def get(self, generation, timeout: float):
        self.waits.append(timeout)
        return None


def test_every_id_a_search_matches_waits_for_the_spelling_index_only_within_its_budget(
    spelled_index, monkeypatch
):
    """The export's ids wait as a served search does, and say what the wait cut short."""
    unready = UnreadySpelling()
    monkeypatch.setattr(spelled_index, "_spelling", unready)
    limits: list[str] = []
    assert spelled_index.article_ids("엔디비아", budget=0.25, limits=limits) == []
    assert unready.waits == [0.25]
    assert limits == ["also matched: the nearest spellings of unknown words not looked up in time"]
    assert spelled_index.article_ids("엔디비아") == [] and unready.waits[-1] == 0.5


def test_a_search_and_its_ids_wait_for_the_spelling_index_up_to_a_shared_budget(
    spelled_index, monkeypatch
):
    """A web request's searches share one budget: each waits up to its seconds."""
    from index import SharedBudget

    unready = UnreadySpelling()
    monkeypatch.setattr(spelled_index, "_spelling", unready)
    spelled_index.search("엔디비아", suggestions=False, budget=SharedBudget(0.25))
    spelled_index.article_ids("엔디비아", budget=SharedBudget(0.25))
    assert unready.waits == [0.25, 0.25]


def test_every_id_with_the_spelling_index_ready_finds_the_nearest_spelling(spelled_index):
    limits: list[str] = []
    found = spelled_index.article_ids("엔디비아", budget=float("inf"), limits=limits)
    assert (sorted(found), limits) == (["2024-06-01", "2024-06-02"], [])
