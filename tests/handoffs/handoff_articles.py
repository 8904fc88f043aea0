"""An article written for the hand-off tests, with every kind of field a format must carry."""

from __future__ import annotations

from extract.model import Article, Source

RICH = Article(
    id="2024-04-07",
    issue="2024-04",
    section="기술/연구",
    title='구글, 차세대 모델 "제미나이" 공개 & 50% 성능 향상',
    page=7,
    pdf_pages=(9, 10),
    key_contents=("첫째 요약", "둘째 요약"),
    footnotes=("* 각주",),
    sources=(
        Source("Google, Gemini, 2024.03.14.", "Google", "Gemini", "2024-03-14", "https://x.y/z"),
        Source("출처 없는 줄"),
        Source("javascript 줄", url="javascript:alert(1)"),
        Source("둘째 링크", url="https://a.b/c"),
    ),
    captions=("<모델 구조 예시>",),
)
