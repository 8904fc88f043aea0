"""Actors: the curated table, where a text names its entries, headline subjects, and the
subject, actors and countries derived for an article."""

from __future__ import annotations

import pytest

from extract.model import Article, ArticleActor, BodySection, Bullet, Source
from index import actors_version, derive_actors
from index.actor_mentions import find_mentions
from index.actor_table import actor_table, parse_actor_table
from index.article_actors import RULES_VERSION
from index.headline_subject import headline_subject
from index.kiwi_loader import kiwi


def test_the_shipped_table_parses_and_spells_each_name_once():
    table = actor_table()
    assert table.version >= 1
    assert len(table.by_spelling()) > 300
    assert table.country_names()["US"] == "미국"


def test_the_spellings_are_read_once_per_table_and_cannot_be_changed():
    table = actor_table()
    spelled = table.by_spelling()
    assert table.by_spelling() is spelled  # a search asks at every word it compiles
    with pytest.raises(TypeError):
        spelled["새 이름"] = spelled["유튜브"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        pytest.param("cn", "CN", id="code"),
        pytest.param("중국", "CN", id="name"),
        pytest.param("베이징", "CN", id="city"),
        pytest.param("EU", "EU", id="region"),
        pytest.param("ZZ", None, id="two-capitals-no-country-holds"),
        pytest.param("Atlantis", None, id="no-place"),
    ],
)
def test_a_country_is_one_the_table_holds(value, code):
    assert actor_table().country_code(value) == code


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("# version: 1\n메타\tbrand\tUS\n", "line 2: unknown kind 'brand'", id="kind"),
        pytest.param(
            "# version: 1\n메타\tcompany\tUSA\n", "line 2: bad country 'USA'", id="country"
        ),
        pytest.param("메타\tcompany\tUS\n", "no '# version: N' line", id="version"),
    ],
)
def test_a_bad_table_line_is_named(text, message):
    with pytest.raises(ValueError, match=message):
        parse_actor_table(text)


def mentioned(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.entry.name, text[m.start : m.end], m.prefix_country) for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "구글과 메타가", [("구글", "구글", None), ("메타", "메타", None)], id="particles"
        ),
        pytest.param("메타인지 능력", [], id="inside-a-word"),
        pytest.param("MSFT는", [], id="inside-a-latin-word"),
        pytest.param("영국 국방부는", [("국방부", "영국 국방부", "GB")], id="body-of-a-country"),
        pytest.param(
            "영국, 국방부",
            [("영국", "영국", None), ("국방부", "국방부", None)],
            id="comma-is-no-prefix",
        ),
        pytest.param("정부 기관", [], id="government-needs-a-country"),
        pytest.param(
            "AI 안전 연구소와", [("AI안전연구소", "AI 안전 연구소", None)], id="spaced-name"
        ),
        pytest.param("딥시크-R1은", [("딥시크", "딥시크", None)], id="model-of-a-maker"),
        pytest.param(
            "이사회-집행위-유럽의회 간",
            [
                ("EU 이사회", "이사회", None),
                ("EU 집행위원회", "집행위", None),
                ("유럽의회", "유럽의회", None),
            ],
            id="names-joined-by-hyphens",
        ),
        pytest.param(
            "미국 연방거래위원회(FTC)가",
            [
                ("미국 연방거래위원회", "미국 연방거래위원회", None),
                ("미국 연방거래위원회", "FTC", None),
            ],
            id="longest-spelling",
        ),
    ],
)
def test_mentions_are_whole_names(text, expected):
    assert mentioned(text) == expected


def test_the_table_marks_platforms_spellings_in_context_and_spells_bodies_with_their_country():
    table = parse_actor_table(
        "# version: 1\n중국\tplace\tCN\n유튜브\tplatform\tUS\tYouTube\n"
        "EU 이사회\tgovernment\tEU\tCouncil of the EU\t~이사회\n"
        "중국 국가인터넷정보판공실\tgovernment\tCN\t인터넷정보판공실\tCAC\n"
    )
    assert table.by_spelling()["유튜브"].kind == "platform"
    assert "이사회" not in table.by_spelling()
    assert table.contextual_spellings()["이사회"].name == "EU 이사회"
    assert table.by_spelling()["중국인터넷정보판공실"].name == "중국 국가인터넷정보판공실"
    assert "중국 CAC" not in table.entries[-1].aliases  # Latin spellings are not prefixed


def subject(title: str) -> str | None:
    found = headline_subject(title, kiwi().tokenize)
    return found.text if found else None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("미국 상무부, 반도체 수출 통제 강화", "미국 상무부", id="body"),
        pytest.param("메타, 새 언어모델 공개", "메타", id="company"),
        pytest.param("OECD, AI 원칙 개정", "OECD", id="international"),
        pytest.param("일본 AI안전연구소, 평가 지침 발간", "일본 AI안전연구소", id="institute"),
        pytest.param("CB인사이츠 분석 결과, AI 투자 급증", "CB인사이츠", id="analysis-result"),
        pytest.param("가트너 예측, 2026년 AI 지출 증가", "가트너", id="forecast"),
        pytest.param("한빛로보틱스 연구진, 새 로봇 공개", "한빛로보틱스", id="unknown-researchers"),
        pytest.param("프랑스의 미스트랄AI, 투자 유치", "미스트랄AI", id="place-before"),
        pytest.param("미국 트럼프 대통령, 행정명령 서명", "트럼프", id="title"),
        pytest.param("영국, AI 전략 발표", "영국", id="country"),
        pytest.param("IBM과 메타, 연합 결성", "IBM", id="two-actors"),
        pytest.param("2024년 노벨 물리학상과 화학상, AI 관련 연구자들이 수상", None, id="no-actor"),
        pytest.param("CES 2024, 온디바이스 AI 대거 등장", None, id="event"),
        pytest.param("EU AI 법, 유럽의회 표결 통과", None, id="law"),
        pytest.param("온디바이스 AI, 주요 기술로 부상", None, id="technology"),
        pytest.param("홍콩 금융사 직원, 사기 피해", None, id="unnamed-person"),
        pytest.param("반도체 시장 규모 1,000억 달러 돌파", None, id="no-comma-no-name"),
    ],
)
def test_headline_subjects(title, expected):
    assert subject(title) == expected


def article(
    title: str,
    key: tuple[str, ...] = (),
    body: str = "",
    source: str = "",
    footnotes: tuple[str, ...] = (),
) -> Article:
    bullets = (BodySection("본문", (Bullet(body),)),) if body else ()
    sources = (Source(source),) if source else ()
    return Article(
        "2024-04-07", "2024-04", "정책/법제", title, 7, (9, 9), key, bullets, footnotes, sources
    )


def names(derived: Article) -> list[str]:
    return [a.name for a in derived.actors or ()]


def test_actors_put_the_subject_first_and_name_each_actor_once():
    derived = derive_actors(
        [
            article(
                "유럽의회, AI 법 최종 승인",
                ("유럽의회가 AI 법을 승인하고 오픈AI와 구글이 환영",),
                "OpenAI와 구글은 유럽의회의 결정을 환영하며, AI 스타트업 윈드서프(Windsurf)도 동참",
                source="Reuters, Meta responds, 2024.03.13.",
            )
        ]
    )[0]
    assert derived.subject == "유럽의회"
    assert [(a.name, a.kind) for a in derived.actors] == [
        ("유럽의회", "government"),
        ("오픈AI", "company"),
        ("구글", "company"),
        ("윈드서프", "company"),
    ]
    assert "OpenAI" in derived.actors[1].aliases
    assert derived.countries == ("EU",)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A title before the name, as well as after it, makes a person.
        ("반도체 분석가 딜런 파텔(Dylan Patel)에 따르면 비용이 절감", ("딜런 파텔", "person")),
        ("포럼은 크리스 메서롤(Chris Meserole)을 상무이사로 임명", ("크리스 메서롤", "person")),
        # A name glossed in Chinese characters and followed by a title.
        ("대만의 황옌난(黃彦南) 장관은 특별 보고를 진행", ("황옌난", "person")),
        ("사례는 뉴잉글랜드의학저널(NEJM)에서 수집", ("뉴잉글랜드의학저널", "research")),
        # A news outlet said to be one; a person after a title with a particle.
        ("독일 경제 매체 한델스블라트(Handelsblatt)에 따르면", ("한델스블라트", "company")),
        ("공동 창립자인 존 스미스(John Smith)가 세운 단체", ("존 스미스", "person")),
        ("구인 플랫폼 잡헌터(JobHunter)의 설문", ("잡헌터", "company")),
        # Committees named after their parliament carry its name.
        (
            "유럽의회 산업위원회(ITRE)와 법사위원회(JURI)가 심사",
            ("유럽의회 법사위원회", "government"),
        ),
        # Universities written the Brief's way or in full; a generic stem takes its place.
        ("저자는 일본 게이오大 소속", ("게이오大", "research")),
        ("호주 국립大와 협력", ("호주 국립大", "research")),
        ("미국 듀크대학교가 공개한 자료", ("듀크大", "research")),
    ],
)
def test_names_introduced_with_another_spelling(body, expected):
    derived = derive_actors([article("AI 시장 동향", body=body)])[0]
    assert expected in [(a.name, a.kind) for a in derived.actors]


@pytest.mark.parametrize(
    "body",
    [
        "중국(中國) 시장이 성장",  # a gloss with no title after it
        "리서치 기업(Research Firm) 관계자가 설명",  # no person's name on either side
        "범용 AI(GPAI) 모델의 의무",  # general-purpose AI, not the Global Partnership on AI
        "종합대학교 설립 계획",  # a kind of university, not one
        "국립大 진학률",  # a generic stem with no place before it
        "클라우드 플랫폼 아틀라스(Atlas) AI에서 제공",  # a product, where things are
    ],
)
def test_glosses_that_name_no_actor(body):
    derived = derive_actors([article("AI 시장 동향", body=body)])[0]
    assert [a.name for a in derived.actors] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("유튜브 동영상 수천 편을 분석", [], id="video-on-a-platform"),
        pytest.param("코드는 깃허브와 허깅페이스에서 내려받음", [], id="where-a-file-is"),
        pytest.param("유튜브와 지도 같은 앱에 연결", [], id="an-app"),
        pytest.param("허깅페이스의 순위표에서 1위", ["허깅페이스"], id="owner"),
        pytest.param("유튜브가 AI 콘텐츠 표시를 의무화", ["유튜브"], id="acting"),
    ],
)
def test_a_platform_is_an_actor_where_it_acts(body, expected):
    derived = derive_actors([article("AI 시장 동향", body=body)])[0]
    assert names(derived) == expected
    assert all(a.kind == "company" for a in derived.actors)


def test_short_forms_of_a_body_name_it_in_an_article_about_its_country():
    about_eu = article("EU AI 법, 최종 합의", ("이사회와 집행위가 합의",))
    about_a_company = article("오픈AI, 새 이사회 구성", ("오픈AI 이사회가 새 의장을 선임",))
    assert names(derive_actors([about_eu])[0]) == ["EU 이사회", "EU 집행위원회"]
    assert names(derive_actors([about_a_company])[0]) == ["오픈AI"]


def test_a_body_written_before_its_unit_is_part_of_the_units_name():
    body = "하버드大 로스쿨, 백악관 과학기술위원회(NSTC)와 유럽의회 위원회가 참여"
    assert names(derive_actors([article("AI 시장 동향", body=body)])[0]) == [
        "미국 국가과학기술위원회",
        "유럽의회",
        "하버드大 로스쿨",
    ]


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        pytest.param(
            "미국 상무부, AI 지침 발표",
            "트럼프 행정부는 연방 정부와 협력",
            ["미국 상무부", "트럼프", "미국 정부"],
            id="administration",
        ),
        pytest.param(
            "AI 서울 정상회의, 선언 채택",
            "각국 AI 안전연구소 간 협의체를 만들고 AI 안전연구소와 공동 연구",
            [],
            id="every-countrys",
        ),
        pytest.param(
            "홍콩 금융사 직원, 사기 피해",
            "홍콩 경찰은 사기범을 추적 중이며 경찰 당국은 주의를 당부",
            ["홍콩 경찰"],
            id="police-of-a-place",
        ),
        pytest.param(
            "유럽개인정보보호감독기구, 지침 발간",
            "EU 행정부가 쓰는 챗봇을 점검",
            ["유럽개인정보보호감독기구"],
            id="the-eu-has-no-government",
        ),
    ],
)
def test_bodies_every_country_has(title, body, expected):
    assert names(derive_actors([article(title, body=body)])[0]) == expected


def test_a_body_of_a_country_written_another_way_keeps_that_spelling():
    derived = derive_actors([article("대한민국 정부, AI 기본계획 발표")])[0]
    assert derived.actors[0].name == "한국 정부"
    assert "대한민국 정부" in derived.actors[0].aliases


def test_a_footnote_citing_a_source_names_no_actor():
    notes = ("*Financial Times, AI in hiring, 2024.09.02.", "* 로이터 보도 인용")
    assert names(derive_actors([article("AI 시장 동향", footnotes=notes)])[0]) == ["로이터"]


def test_a_companys_home_country_is_not_the_articles():
    derived = derive_actors([article("오픈AI, 새 모델 공개", ("오픈AI가 새 모델을 공개",))])[0]
    assert derived.countries == ()


def test_bodies_and_places_in_the_headline_and_key_contents_give_countries():
    derived = derive_actors(
        [
            article(
                "마이크로소프트, 영국 데이터센터 투자", ("중국 정부와 OECD도 주목",), "국방부 협력"
            )
        ]
    )[0]
    assert derived.countries == ("GB", "CN", "INTL")
    names = [a.name for a in derived.actors]
    assert names == ["마이크로소프트", "중국 정부", "OECD", "영국 국방부"]


def test_derived_fields_round_trip_through_json():
    derived = derive_actors([article("메타, 새 언어모델 공개")])[0]
    data = derived.to_json()
    assert data["subject"] == "메타"
    assert data["actors"][0] == {
        "name": "메타",
        "aliases": ["Meta", "페이스북", "Facebook", "메타플랫폼스", "Meta Platforms"],
        "kind": "company",
    }
    assert Article.from_json(data) == derived


def test_an_article_exported_before_actors_reads_as_not_derived():
    data = article("메타, 새 언어모델 공개").to_json()
    assert "actors" not in data
    assert Article.from_json(data).actors is None
    assert ArticleActor.from_json({"name": "메타"}) == ArticleActor("메타")


def test_the_version_counts_the_table_and_the_rules():
    assert actors_version() == actor_table().version * 100 + RULES_VERSION
