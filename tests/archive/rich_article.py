"""An article with a value in most of its fields, written for the export and import tests."""

from __future__ import annotations

from extract.model import Article, BodySection, Bullet, Source

RICH = Article(
    id="2024-04-07",
    issue="2024-04",
    section="기술/연구",
    title="구글, 차세대 모델 공개",
    page=7,
    pdf_pages=(9, 10),
    key_contents=("첫째 요약", "둘째 요약"),
    body=(BodySection("개요", (Bullet("본문 글머리", ("세부 하나", "세부 둘")),)),),
    footnotes=("* 각주",),
    sources=(
        Source("Google, Gemini, 2024.03.14.", "Google", "Gemini", "2024-03-14", "https://x.y/z"),
        Source("출처 없는 줄"),
    ),
    captions=("<모델 구조 예시>",),
)
