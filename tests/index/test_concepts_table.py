"""The shipped concept table (index/concepts.tsv) holds together: it parses, its keys and
equivalents are unique, and it covers the field."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from index.aliases import AliasTable

CONCEPTS = Path(__file__).parents[2] / "index" / "concepts.tsv"
REJECTED = Path(__file__).parents[2] / "bench" / "quality" / "concepts_rejected.tsv"
_VERSION_LINE = re.compile(r"#\s*version:\s*(\d+)\s*$")


def fold(form: str) -> str:
    """What two spellings of a form share when a query word is looked up: case and spaces do
    not count ("AI칩" is "AI 칩"); a hyphen does, so "fine-tuning" and "finetuning" are both
    listed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", form)).lower()


def concept_lines() -> list[tuple[int, str, list[str], list[str]]]:
    """(line number, key, equivalents, narrower) for every concept line."""
    lines = []
    for number, line in enumerate(CONCEPTS.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        columns = line.split("\t")
        assert len(columns) == 3, f"line {number}: {len(columns)} columns, not 3"
        key, equivalents, narrower = columns
        lines.append((number, key, split_forms(equivalents), split_forms(narrower)))
    return lines


def split_forms(column: str) -> list[str]:
    return [form.strip() for form in column.split(",")] if column.strip() else []


@pytest.fixture(scope="module")
def table() -> list[tuple[int, str, list[str], list[str]]]:
    return concept_lines()


def test_version_line_is_present() -> None:
    versions = [
        int(m.group(1))
        for line in CONCEPTS.read_text(encoding="utf-8").splitlines()
        if (m := _VERSION_LINE.match(line))
    ]
    assert len(versions) == 1 and versions[0] >= 1


def test_at_least_150_concepts(table) -> None:
    assert len(table) >= 150


def test_no_form_is_empty_or_padded(table) -> None:
    for number, key, equivalents, narrower in table:
        for form in [key, *equivalents, *narrower]:
            assert form, f"line {number}: an empty form"
            assert form == " ".join(form.split()), f"line {number}: {form!r} has stray spaces"


def test_keys_are_unique(table) -> None:
    keys = [fold(key) for _, key, _, _ in table]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []


def test_each_key_is_one_of_its_own_equivalents(table) -> None:
    for number, key, equivalents, _ in table:
        assert equivalents and equivalents[0] == key, f"line {number}: {key} does not lead"


def test_no_form_is_an_equivalent_of_two_concepts_or_twice_of_one(table) -> None:
    owner: dict[str, str] = {}
    clashes = []
    for _, key, equivalents, _ in table:
        for form in equivalents:
            if fold(form) in owner:
                clashes.append((form, owner[fold(form)], key))
            owner[fold(form)] = key
    assert clashes == []


def test_narrower_terms_are_not_equivalents_of_their_own_concept(table) -> None:
    overlaps = [
        (key, form)
        for _, key, equivalents, narrower in table
        for form in narrower
        if fold(form) in {fold(e) for e in equivalents}
    ]
    assert overlaps == []


def test_a_narrower_term_that_another_concept_owns_is_that_concepts_key(table) -> None:
    """Naming the key lets the engine bring in that concept's equivalents; naming one of its
    other forms would find that spelling only."""
    keys = {fold(key) for _, key, _, _ in table}
    owner = {fold(form): key for _, key, equivalents, _ in table for form in equivalents}
    stray = [
        (key, form, owner[fold(form)])
        for _, key, _, narrower in table
        for form in narrower
        if fold(form) in owner and fold(form) not in keys
    ]
    assert stray == []


# Words a form may hold that the analyzer rightly drops: a conjunction and a bound noun.
FUNCTION_WORDS = frozenset({"및", "수"})


def test_a_form_that_loses_a_word_is_never_looked_for(table) -> None:
    """A form the analyzer reads without one of its words ("여러 언어" is 언어 alone; "예측
    치안" misread out of context is 예측 and an ending) would find every article with the words
    left: it is recognised when typed, never looked for (query_words.dropped_meaning)."""
    from index.analysis import analyze
    from index.clause_forms import ClauseForms
    from index.concepts import shipped_concepts
    from index.query_syntax import Clause

    concepts = shipped_concepts()
    forms = ClauseForms(AliasTable(()), concepts)
    lost = []
    for _, key, equivalents, narrower in table:
        for form in [*equivalents, *narrower]:
            terms = analyze(form)
            for word in re.finditer(r"\S+", form):
                kept = any(word.start() <= term.start < word.end() for term in terms)
                if not kept and word.group() not in FUNCTION_WORDS:
                    lost.append((key, form))
    assert lost  # the table holds such forms (여러 언어): the rule is exercised
    for key, form in lost:
        looked = forms.looked_up(Clause(key))
        assert form not in looked.added, (key, form)


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("반도체", id="hardware"),
        pytest.param("동영상 생성", id="modality"),
        pytest.param("규제 샌드박스", id="policy-instrument"),
        pytest.param("딥페이크", id="harm"),
        pytest.param("일자리", id="labour"),
        pytest.param("의료", id="medicine"),
        pytest.param("금융", id="finance"),
        pytest.param("국방", id="defence"),
        pytest.param("교육", id="education"),
        pytest.param("에너지", id="energy"),
        pytest.param("모빌리티", id="mobility"),
        pytest.param("미디어", id="media"),
        pytest.param("과학", id="science"),
    ],
)
def test_the_field_is_covered(table, key) -> None:
    assert key in {k for _, k, _, _ in table}


def test_rejected_expansions_are_recorded_with_a_reason() -> None:
    rows = [
        line.split("\t")
        for line in REJECTED.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(rows) >= 10
    assert all(len(row) == 3 and all(cell.strip() for cell in row) for row in rows)


def rejected_rows() -> list[tuple[str, str, list[str]]]:
    """(concept, "=" or "→", candidate forms) for every rejection that names one concept."""
    rows = []
    for line in REJECTED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        concept, candidate, _reason = line.split("\t")
        kind, _, forms = candidate.partition(" ")
        if kind in ("=", "→"):
            rows.append((concept, kind, split_forms(forms)))
    return rows


def test_no_rejected_expansion_is_in_the_table(table) -> None:
    """A form recorded as turned down is not in its concept's line: the record and the table
    cannot say two things (XAI, refused because it folds to the company xAI, once was both)."""
    lines = {key: (equivalents, narrower) for _, key, equivalents, narrower in table}
    kept = []
    for concept, kind, forms in rejected_rows():
        if concept not in lines:
            continue
        equivalents, narrower = lines[concept]
        present = {fold(f) for f in ([concept, *equivalents] if kind == "=" else narrower)}
        kept += [f"{concept} {kind} {form}" for form in forms if fold(form) in present]
    assert kept == []


def test_the_company_xai_finds_no_explainable_ai() -> None:
    from index.concepts import shipped_concepts

    expansion = shipped_concepts().expand("xAI")
    assert not any("explain" in form.lower() for form in expansion.siblings + expansion.narrower)


def test_an_ai_tutor_is_found_under_tutors_not_under_teaching_ai() -> None:
    """AI 교육 is teaching people AI (a course, a curriculum); an AI tutor is AI that teaches,
    which the briefs call a 가정교사 or 개인교사, forms of 튜터."""
    from index.concepts import shipped_concepts

    broader = shipped_concepts().expand("AI tutor").broader
    assert "가정교사" in broader
    assert "AI 교육" not in broader


def test_ethics_standards_are_a_concept_of_their_own_under_ethics() -> None:
    """A query for ethics standards (AI 윤리 기준) finds guidelines, principles and codes, not
    the values they set out (fairness, transparency, responsible AI), which are ethics'
    narrower terms beside them; a query for ethics still finds the standards."""
    from index.concepts import shipped_concepts

    standards = shipped_concepts().expand("AI 윤리 기준")
    assert "윤리 지침" in standards.siblings
    assert not {"공정성", "투명성", "책임 있는 AI"} & set(standards.siblings + standards.narrower)
    ethics = shipped_concepts().expand("AI 윤리")
    assert {"윤리 지침", "공정성", "책임 있는 AI"} <= set(ethics.narrower)


def test_results_find_a_return_on_investment() -> None:
    """Whether AI pays off is asked as 성과 (results); the articles report it as ROI."""
    from index.concepts import shipped_concepts

    assert {"투자수익률", "ROI"} <= set(shipped_concepts().expand("성과").narrower)


def test_market_and_forecast_typed_in_english_find_the_briefs_words() -> None:
    """For "AI chip market forecast" the articles write 시장 규모 and 예측 or 전망."""
    from index.concepts import shipped_concepts

    assert "시장" in shipped_concepts().expand("market").siblings
    assert {"전망", "예측"} <= set(shipped_concepts().expand("forecast").siblings)


def test_hyperscalers_are_the_big_cloud_providers_the_briefs_name() -> None:
    """The briefs call Google, Microsoft and Amazon the 3대 클라우드 사업자, not hyperscalers."""
    from index.concepts import shipped_concepts

    assert "3대 클라우드 사업자" in shipped_concepts().expand("hyperscaler").siblings


def test_the_ai_readiness_index_typed_in_english_finds_the_briefs_words() -> None:
    from index.concepts import shipped_concepts

    assert "AI 준비 지수" in shipped_concepts().expand("AI readiness index").siblings


def test_likeness_rights_find_the_ways_a_likeness_is_taken() -> None:
    """초상권 (likeness rights) is what a cloned voice, a swapped face or an impersonation
    infringes; the articles name those, or a celebrity's likeness (유명인 초상)."""
    from index.concepts import shipped_concepts

    expansion = shipped_concepts().expand("초상권")
    assert "초상" in expansion.siblings
    assert {"음성 복제", "얼굴 합성", "사칭"} <= set(expansion.narrower)


def test_an_ai_avatar_finds_generated_videos_of_a_person() -> None:
    from index.concepts import shipped_concepts

    assert "인물 동영상 생성" in shipped_concepts().expand("AI 아바타").narrower


def test_local_governments_find_state_governments_and_seoul() -> None:
    """The archive's local governments are American states and Seoul (서울시)."""
    from index.concepts import shipped_concepts

    assert {"주 정부", "서울시"} <= set(shipped_concepts().expand("지자체").narrower)


def test_case_law_is_found_as_the_courts_rulings() -> None:
    """A researcher asks for 판례 (case law); the Brief reports a court's 판결 or its 판결문."""
    from index.concepts import shipped_concepts

    assert {"판결", "판결문"} <= set(shipped_concepts().expand("판례").siblings)


def test_upskilling_is_found_as_the_briefs_skills_training() -> None:
    """업스킬링 is a Konglish word the Brief does not write: it says 기술 교육 (AI 기술 교육)."""
    from index.concepts import shipped_concepts

    assert "기술 교육" in shipped_concepts().expand("업스킬링").siblings


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        pytest.param("툴", "도구", id="tool-in-konglish"),
        pytest.param("툴 사용", "도구 사용", id="tool-use-in-konglish"),
        pytest.param("명문대", "명문 대학", id="top-university"),
        pytest.param("대학", "大", id="university-as-the-brief-writes-it"),
        pytest.param("워라밸", "일과 삶의 균형", id="work-life-balance"),
        pytest.param("리브랜딩", "명칭 변경", id="rebranding-as-a-renaming"),
        pytest.param("불발", "무산", id="a-deal-fallen-through"),
        pytest.param("선언문", "선언", id="a-declaration"),
        pytest.param("logo", "로고", id="logo-in-english"),
        pytest.param("cheap", "저비용", id="cheap-in-english"),
    ],
)
def test_a_word_researchers_type_finds_the_briefs_word(typed, written) -> None:
    """Thesaurus v45: words a researcher types (Konglish, English, everyday Korean) that the Brief
    writes otherwise."""
    from index.concepts import shipped_concepts

    assert written in shipped_concepts().expand(typed).siblings


def test_international_organisations_find_their_members_by_name() -> None:
    """The Brief names an international organisation by its name (IMF, OECD), rarely as one."""
    from index.concepts import shipped_concepts

    assert {"OECD", "IMF", "UN"} <= set(shipped_concepts().expand("국제기구").narrower)


@pytest.mark.parametrize(
    ("group", "member"),
    [
        pytest.param("컨설팅 업체", "딜로이트", id="consulting-firms"),
        pytest.param("시장조사 기관", "IDC", id="market-researchers"),
        pytest.param("싱크탱크", "랜드연구소", id="think-tanks"),
    ],
)
def test_a_group_of_sources_finds_its_members_by_name(group, member) -> None:
    """Thesaurus v46: the Brief cites a report by its author's name, rarely by what it is."""
    from index.concepts import shipped_concepts

    assert member in shipped_concepts().expand(group).narrower


def test_work_life_balance_finds_shorter_working_hours() -> None:
    """워라밸 is what the articles on working hours and the four-day week are about."""
    from index.concepts import shipped_concepts

    assert {"근로 시간", "주 4일 근무제"} <= set(shipped_concepts().expand("워라밸").narrower)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        pytest.param("CAGR", "연평균 성장률", id="compound-annual-growth"),
        pytest.param("broadband", "광대역", id="broadband-in-english"),
        pytest.param("엔터 산업", "엔터테인먼트", id="entertainment-clipped"),
        pytest.param("compliance cost", "규제 부담", id="compliance-cost"),
        pytest.param("혁신 클러스터", "혁신 거점", id="innovation-cluster"),
        pytest.param("확신도", "신뢰도 점수", id="confidence-score"),
        pytest.param("loss of control", "통제를 벗어난", id="out-of-human-control"),
    ],
)
def test_a_term_of_the_field_finds_the_briefs_wording(typed, written) -> None:
    """Thesaurus v48: abbreviations, English and clipped words of the field (CAGR, broadband, 엔터)
    and the Brief's own phrasing of a concept (통제를 벗어난 for loss of control)."""
    from index.concepts import shipped_concepts

    assert written in shipped_concepts().expand(typed).siblings


@pytest.mark.parametrize(
    ("broad", "narrow"),
    [
        pytest.param("self-supervised learning", "대조 학습", id="contrastive-learning"),
        pytest.param("인물 영상 생성", "립싱크", id="lip-sync-in-talking-heads"),
    ],
)
def test_a_method_is_found_under_its_family(broad, narrow) -> None:
    """Contrastive learning is a self-supervised method, and lip sync a part of generating a
    person's video: the broader concept finds the articles that name only the narrower."""
    from index.concepts import shipped_concepts

    assert narrow in shipped_concepts().expand(broad).narrower


@pytest.mark.parametrize(
    ("broad", "narrow"),
    [
        pytest.param("비지도학습", "자기지도학습", id="self-supervised-is-unsupervised"),
        pytest.param("국가고시", "의사 면허 시험", id="medical-licensing-exam"),
        pytest.param("순위", "리더보드", id="a-leaderboard-ranks"),
        pytest.param("협의체", "컨소시엄", id="a-consortium-is-an-industry-body"),
        pytest.param("개방성", "오픈소스", id="openness-of-models"),
        pytest.param("영상", "동영상", id="video-is-a-kind-of-image"),
        pytest.param("규범", "행동 강령", id="a-code-of-conduct-is-a-norm"),
    ],
)
def test_a_broad_word_of_the_field_finds_its_kinds(broad, narrow) -> None:
    """Thesaurus v49: the broad words a researcher types (순위, 협의체, 규범, 영상) find the
    kinds the Brief names (리더보드, 컨소시엄, 행동 강령, 동영상)."""
    from index.concepts import shipped_concepts

    assert narrow in shipped_concepts().expand(broad).narrower


def test_an_enterprise_ai_is_not_an_ai_company() -> None:
    """Thesaurus v49: 기업 AI is no form of enterprise AI, as its words near one another are
    any AI company (AI 기업)."""
    from index.concepts import shipped_concepts

    assert "기업 AI" not in shipped_concepts().expand("엔터프라이즈 AI").siblings


def test_the_eus_trilogue_is_the_briefs_three_way_negotiation() -> None:
    """Thesaurus v50: the Brief writes the trilogue 3자 협상, which Kiwi reads as 3 + 협상 (the
    phrase of the two, as a form of several words is looked for)."""
    from index.concepts import shipped_concepts

    assert "3자 협상" in shipped_concepts().expand("trilogue").siblings
