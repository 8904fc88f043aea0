"""Articles written for these tests (no corpus text) and an index built from them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import index.query_analysis as query_analysis
from extract.model import Article, BodySection, Bullet, Source
from index import SearchIndex, derive_actors
from index.query_words import forget_analyses


@contextmanager
def kiwi_refused() -> Iterator[None]:
    """Within it, any analysis asked of Kiwi fails the test; the process's memory of analyses is
    forgotten on entry and on exit, so that what is read comes from a store or a table."""

    def refuse(text: str):
        raise AssertionError(f"Kiwi was asked about {text!r}")

    asked = query_analysis.kiwi_analysis
    forget_analyses()
    query_analysis.kiwi_analysis = refuse
    try:
        yield
    finally:
        query_analysis.kiwi_analysis = asked
        forget_analyses()


@pytest.fixture
def kiwi_asked(monkeypatch) -> list[str]:
    """The texts the test asks Kiwi to read in batches (query_analysis.tokenize_many), in
    order; the process's memory of analyses is forgotten first, so that what it read before is
    asked again."""
    asked: list[str] = []
    real = query_analysis.tokenize_many
    monkeypatch.setattr(query_analysis, "tokenize_many", lambda t: asked.extend(t) or real(t))
    query_analysis.forget()
    return asked


def make_article(
    article_id: str,
    title: str,
    key: tuple[str, ...] = (),
    bullets: tuple[str, ...] = (),
    section: str = "정책/법제",
    footnotes: tuple[str, ...] = (),
    sources: tuple[Source, ...] = (),
) -> Article:
    """An article with one body section holding the given bullets."""
    issue = article_id[:7]
    page = int(article_id[8:])
    return Article(
        id=article_id,
        issue=issue,
        section=section,
        title=title,
        page=page,
        pdf_pages=(page + 2, page + 2),
        key_contents=key,
        body=(BodySection("주요 내용", tuple(Bullet(b) for b in bullets)),),
        footnotes=footnotes,
        sources=sources,
    )


def filler_articles(issue: str) -> list[Article]:
    """30 articles (pages 10 to 39) holding none of a test's words but 기업, 실적, 발표 and
    매출, so that a word a few other articles hold is specific to them."""
    return [
        make_article(f"{issue}-{n:02d}", f"기업 실적 발표 {n}", bullets=("매출",))
        for n in range(10, 40)
    ]


ARTICLES = {
    "2024-04": [
        make_article(
            "2024-04-01",
            "유럽의회, 세계 최초의 AI 법 통과",
            key=("유럽의회가 AI 법을 압도적 찬성으로 가결",),
            bullets=(
                "AI 법은 고위험 AI 시스템의 의무를 규정하고 범용 AI에 투명성 규칙을 도입",
                "AI로 생성된 딥페이크 콘텐츠는 그 사실을 표시해야 함",
            ),
            sources=(Source("Reuters, EU passes AI Act, 2024.03.13.", outlet="Reuters"),),
        ),
        make_article(
            "2024-04-07",
            "오픈AI, 영상 생성 모델 소라 공개",
            key=("오픈AI가 텍스트로 영상을 만드는 생성형 AI 모델을 공개",),
            bullets=("GPT-4o 기반의 챗GPT 이용자는 1.5배 증가",),
            section="기업/산업",
            sources=(Source("OpenAI, Sora, 2024.02.15.", outlet="OpenAI"),),
        ),
    ],
    "2025-03": [
        make_article(
            "2025-03-05",
            "영국 AI안전연구소, 프런티어 모델 평가 결과 발표",
            key=("안전연구소의 평가에서 딥페이크 악용 위험이 확인됨",),
            bullets=(
                "튜링상 수상자 요슈아 벤지오(Yoshua Bengio) 교수가 평가를 이끌었음",
                "규제를 강화하는 대신 규제샌드박스를 넓히자는 제안도 나옴",
            ),
            section="기술/연구",
            footnotes=("* 프런티어 모델: 최첨단 범용 AI 모델",),
        ),
        make_article(
            "2025-03-12",
            "AI 도입으로 사무직 일자리 감소 전망",
            key=("보고서는 AI가 일자리에 미치는 영향을 분석",),
            bullets=("앤스로픽(Anthropic)의 클로드 사용 통계를 인용",),
            section="인력･교육",
        ),
    ],
}


@pytest.fixture(scope="session")
def built_index(tmp_path_factory) -> SearchIndex:
    """An index holding ARTICLES (their actors derived, as the archive does), shared by the
    read-only tests."""
    index = SearchIndex.open(tmp_path_factory.mktemp("index"))
    for issue, articles in ARTICLES.items():
        index.replace_issue(issue, derive_actors(articles), f"sha-{issue}")
    return index


@pytest.fixture
def fresh_index(tmp_path) -> SearchIndex:
    """An empty index of its own, for tests that write."""
    index = SearchIndex.open(tmp_path / "index")
    index.rebuild([])
    return index
