"""The text of the sample issues: invented AI-industry news, written for the project's tests.

None of it is taken from a published issue. Each article exercises something a parser meets in
the real files: a superscript ("10^26" is drawn as "10" and a raised "26"), a compatibility
character ("스탠포드⼤", U+2F24), a figure with its caption, footnotes, two sources, and one
article per issue long enough to run onto a second page (`continues=True`).
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import BodySection, Bullet, Source


@dataclass(frozen=True)
class SampleArticle:
    """One article's text before layout; sections are spelled as in `extract.model.SECTIONS`."""

    section: str
    title: str
    key_contents: tuple[str, ...]
    body: tuple[BodySection, ...]
    footnotes: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    captions: tuple[str, ...] = ()
    continues: bool = False


@dataclass(frozen=True)
class SampleEvent:
    """One row of the events table; dates as the 2023-2024 table prints them ("2024.6.3~4"),
    from which the 2025 table's month ("6월") and 기간 ("3~4일") cells are made."""

    name: str
    summary: str
    dates: str
    place: str
    url: str


def _b(text: str, *sub: str) -> Bullet:
    return Bullet(text, tuple(sub))


def _h(heading: str, *bullets: Bullet) -> BodySection:
    return BodySection(heading, tuple(bullets))


def _src(outlet: str, title: str, date: str) -> Source:
    """A source as printed ("Outlet, Title, 2024.03.14.") with its parts read out."""
    year, month, day = date.rstrip(".").split(".")
    return Source(
        text=f"{outlet}, {title}, {date}",
        outlet=outlet,
        title=title,
        date=f"{year}-{month}-{day}",
    )


ISSUE_2024_04 = (
    SampleArticle(
        section="정책/법제",
        title="유럽연합, 생성 AI 콘텐츠의 딥페이크 표시 의무 지침 초안 공개",
        key_contents=(
            "유럽연합 집행위원회가 생성 AI로 만든 이미지와 음성, 영상에 딥페이크임을 알리는 표시를 "
            "의무화하는 지침 초안을 공개하고 의견 수렴에 착수",
            "지침은 워터마크와 메타데이터를 함께 쓰도록 권고하고, 위반 기업에 최대 3,500만 유로의 "
            "과징금을 부과할 수 있도록 규정",
        ),
        body=(
            _h(
                "집행위원회, AI 법 시행에 앞서 딥페이크 표시 방법을 구체화",
                _b(
                    "유럽연합 집행위원회는 2024년 3월 12일 생성 AI 콘텐츠의 표시 의무를 다룬 "
                    "지침 초안을 공개하고 4주간 이해관계자 의견을 받는다고 발표",
                    "초안은 사람의 얼굴이나 목소리를 합성한 콘텐츠에 화면 위 표시와 기계가 읽을 "
                    "수 있는 메타데이터를 함께 붙이도록 요구",
                    "뉴스와 풍자, 예술 작품은 표시 위치를 조정할 수 있으나 표시 자체는 생략할 수 "
                    "없도록 규정",
                ),
                _b(
                    "집행위원회는 선거를 앞두고 딥페이크 음성을 이용한 허위 정보가 늘고 있어 "
                    "규제의 실효성을 높일 필요가 있다고 설명*",
                ),
            ),
            _h(
                "위반 시 과징금 부과, 중소기업에는 기술 지원 병행",
                _b(
                    "지침을 위반한 기업에는 최대 3,500만 유로 또는 전 세계 연 매출의 7% 가운데 "
                    "큰 금액을 과징금으로 부과할 수 있음",
                    "중소기업과 스타트업에는 오픈소스 워터마크 도구와 시험 환경을 제공해 준수 "
                    "비용을 낮출 계획",
                ),
            ),
        ),
        footnotes=(
            "* 집행위원회 조사에 따르면 최근 1년간 회원국 선거 관련 딥페이크 신고가 4배 증가",
        ),
        sources=(
            _src(
                "European Commission",
                "Draft guidelines on labelling AI-generated content",
                "2024.03.12.",
            ),
        ),
    ),
    SampleArticle(
        section="정책/법제",
        title="미국 AI 안전연구소, 프런티어 모델의 출시 전 평가 절차 발표",
        key_contents=(
            "미국 AI 안전연구소가 대규모 AI 모델의 출시 전 안전성 평가 절차를 공개하고 "
            "주요 개발 기업과 시범 평가에 나섬",
            "평가 대상은 훈련 연산량이 10^26 FLOP을 넘는 모델로, 사이버 공격과 생물학 위험을 "
            "중심으로 레드팀 시험을 실시",
        ),
        body=(
            _h(
                "연산량 기준으로 평가 대상을 정하고 위험 분야별 시험을 실시",
                _b(
                    "AI 안전연구소는 2024년 3월 20일 훈련 연산량 10^26 FLOP 이상인 프런티어 "
                    "모델을 대상으로 한 출시 전 평가 절차를 발표",
                    "평가는 사이버 공격 지원, 생물학 무기 정보 제공, 자율 복제 가능성의 세 분야로 "
                    "나누어 진행",
                ),
                _b(
                    "연구소는 오픈AI(OpenAI)와 앤스로픽(Anthropic), 구글 딥마인드와 시범 평가 "
                    "협약을 맺고 결과를 요약 보고서로 공개할 예정",
                ),
            ),
            _h(
                "평가 결과는 정부 조달 기준에도 반영",
                _b(
                    "연방 기관이 AI 모델을 도입할 때 연구소 평가를 통과한 모델을 우선 고려하도록 "
                    "조달 지침을 개정할 계획",
                    "평가 방법론은 매년 갱신하며, 학계와 시민단체가 참여하는 자문단이 검토",
                ),
            ),
        ),
        sources=(
            _src(
                "U.S. AI Safety Institute",
                "Pre-deployment evaluation of frontier models",
                "2024.03.20.",
            ),
            _src(
                "Reuters", "US safety institute sets testing rules for frontier AI", "2024.03.21."
            ),
        ),
    ),
    SampleArticle(
        section="기업/산업",
        title="오픈AI, 기업용 음성 비서 플랫폼 ‘보이스 스튜디오’ 출시",
        key_contents=(
            "오픈AI가 GPT-4 기반 음성 비서를 기업이 직접 만들 수 있는 플랫폼 ‘보이스 스튜디오’를 "
            "출시하고 콜센터와 예약 업무를 주요 시장으로 제시",
            "오픈AI는 목소리 복제를 막기 위해 등록된 성우 음성만 쓰도록 제한하고, 모든 통화 "
            "음성에 합성 음성임을 알리는 안내를 넣도록 의무화",
        ),
        body=(
            _h(
                "보이스 스튜디오, 음성 인식과 합성을 하나의 모델로 처리",
                _b(
                    "오픈AI는 2024년 3월 26일 기업 고객이 코드 작성 없이 음성 비서를 설계하고 "
                    "전화망에 연결할 수 있는 보이스 스튜디오를 출시",
                    "음성 인식과 답변 생성, 음성 합성을 하나의 모델이 처리해 응답 지연을 평균 "
                    "0.8초로 줄였다고 설명",
                    "한국어와 일본어를 포함한 24개 언어를 지원하며 통화 중 언어 전환도 가능",
                ),
                _b(
                    "요금은 통화 1분당 0.06달러이며, 월 10만 분 이상 사용하는 기업에는 별도 "
                    "계약 요금을 적용",
                ),
                _b(
                    "오픈AI는 보험사와 항공사, 병원 등 30여 개 기업이 3개월간 시범 운영에 "
                    "참여했으며 상담 대기 시간이 평균 40% 감소했다고 발표",
                    "시범 운영에 참여한 항공사는 예약 변경 문의의 70%를 상담원 연결 없이 "
                    "처리했다고 밝힘",
                ),
            ),
            _h(
                "목소리 복제 악용을 막기 위한 안전장치 도입",
                _b(
                    "보이스 스튜디오는 오픈AI와 계약한 성우의 음성 100여 종만 제공하며, 고객이 "
                    "임의의 음성을 올려 복제하는 기능은 제공하지 않음",
                    "통화를 시작할 때 합성 음성임을 알리는 안내를 반드시 재생해야 하며, 안내를 "
                    "끄는 설정은 없음",
                ),
                _b(
                    "모든 합성 음성에는 사람이 들을 수 없는 음성 워터마크를 넣어 딥페이크 "
                    "여부를 확인할 수 있도록 지원",
                    "오픈AI는 워터마크 검출 도구를 통신사와 금융기관에 무상으로 제공할 계획",
                ),
            ),
            _h(
                "콜센터 일자리 영향에 대한 우려도 제기",
                _b(
                    "미국 노동단체들은 음성 비서 확산으로 콜센터 상담원 일자리가 줄어들 수 "
                    "있다며 기업의 재교육 투자 확대를 요구",
                    "오픈AI는 상담원이 음성 비서를 감독하고 복잡한 문의를 맡는 방향으로 업무가 "
                    "바뀔 것이라고 반박",
                ),
                _b(
                    "시장조사기관들은 2027년까지 고객 상담 통화의 절반 이상을 AI 음성 비서가 "
                    "처리할 것으로 전망하면서도 규제 불확실성을 변수로 지목",
                    "미국 연방통신위원회는 AI 음성을 이용한 자동 전화 발신에 사전 동의를 요구하는 "
                    "규칙을 검토 중",
                ),
            ),
        ),
        sources=(_src("OpenAI", "Introducing Voice Studio for businesses", "2024.03.26."),),
        continues=True,
    ),
    SampleArticle(
        section="기술/연구",
        title="스탠포드⼤ 연구진, 소형 언어모델의 추론 성능을 높이는 학습법 공개",
        key_contents=(
            "스탠포드⼤ 연구진이 대형 모델의 풀이 과정을 단계별로 나누어 가르치는 학습법으로 "
            "매개변수 15억 개의 소형 모델 추론 성능을 크게 개선",
            "새 학습법을 적용한 모델은 수학 벤치마크에서 같은 크기 모델보다 정확도가 1.5배 "
            "높았으며, 연구진은 코드와 데이터를 공개",
        ),
        body=(
            _h(
                "풀이 과정을 단계로 나누어 학습시키는 ‘단계 증류’ 기법 제안",
                _b(
                    "연구진은 대형 모델이 만든 풀이를 단계별로 나누고 각 단계의 정답 여부를 "
                    "표시한 데이터로 소형 모델을 학습시키는 단계 증류 기법을 제안",
                    "틀린 단계를 고쳐 쓰는 예제를 함께 학습해 모델이 스스로 오류를 찾도록 유도",
                ),
                _b(
                    "단계 증류를 적용한 15억 매개변수 모델은 수학 벤치마크 정확도 61.2%를 기록해 "
                    "기존 학습법 대비 1.5배 향상",
                ),
            ),
        ),
        sources=(
            _src(
                "arXiv", "Stepwise Distillation for Small Language Model Reasoning", "2024.03.18."
            ),
        ),
        captions=("<단계 증류 학습 과정 예시>",),
    ),
    SampleArticle(
        section="인력/교육",
        title="교육부, AI 디지털교과서 도입 앞두고 교사 연수 1만 5천 명으로 확대",
        key_contents=(
            "교육부가 2025년 AI 디지털교과서 도입을 앞두고 올해 교사 연수 인원을 1만 5천 명으로 "
            "늘리고, 학교별 연수 지원 인력을 배치",
            "연수는 AI 도구 활용 수업 설계와 학생 데이터 보호를 중심으로 진행되며, 저작권 "
            "교육도 필수 과정에 포함",
        ),
        body=(
            _h(
                "교사 연수를 늘리고 학교 현장 지원 체계를 마련",
                _b(
                    "교육부는 2024년 3월 28일 AI 디지털교과서 교사 연수 계획을 발표하고 "
                    "초등과 중등 교사 1만 5천 명을 대상으로 연수를 실시한다고 밝힘",
                    "연수 과정은 기본 30시간과 심화 60시간으로 나누어 운영",
                ),
                _b(
                    "각 시도교육청은 학교별로 디지털 튜터를 배치해 교사의 수업 준비를 돕고 "
                    "기기 관리와 접속 문제를 지원",
                ),
            ),
            _h(
                "학생 데이터 보호와 저작권 교육을 필수 과정으로 지정",
                _b(
                    "연수에는 학습 데이터 수집 범위와 보관 기간, 보호자 동의 절차를 다루는 "
                    "개인정보 보호 과정이 포함",
                    "생성 AI로 만든 수업 자료의 저작권 문제를 다루는 과정도 필수로 이수해야 함",
                ),
            ),
        ),
        sources=(_src("교육부", "AI 디지털교과서 교사 연수 추진 계획", "2024.03.28."),),
    ),
)

EVENTS_2024_04 = (
    SampleEvent(
        name="Seoul AI Forum 2024",
        summary="AI 안전과 규제를 주제로 정부와 기업, 학계가 참여하는 국제 포럼",
        dates="2024.6.3~4",
        place="한국, 서울",
        url="https://example.org/seoul-ai-forum",
    ),
    SampleEvent(
        name="Generative Media Expo",
        summary="생성 AI 영상과 음성 기술, 딥페이크 탐지 솔루션을 소개하는 전시회",
        dates="2024.6.11~13",
        place="미국, 뉴욕",
        url="https://example.org/generative-media-expo",
    ),
    SampleEvent(
        name="AI Chip Summit",
        summary="AI 반도체 설계와 데이터센터 전력 효율을 논의하는 산업 행사",
        dates="2024.6.25~26",
        place="대만, 타이베이",
        url="https://example.org/ai-chip-summit",
    ),
)

# issue -> (articles, events)
ISSUE_TEXTS: dict[str, tuple[tuple[SampleArticle, ...], tuple[SampleEvent, ...]]] = {
    "2024-04": (ISSUE_2024_04, EVENTS_2024_04),
}
