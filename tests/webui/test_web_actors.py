"""The actor pages over a real archive: /actors and /actors/<name>, each with its JSON twin,
and the actor and country filters of a search."""

from __future__ import annotations

import html
import re

import pytest
from web_support import imported_home

from extract.model import Article, BodySection, Bullet
from webui import create_app


def article(article_id: str, title: str, body: str, section: str = "기업/산업") -> Article:
    page = int(article_id[8:])
    return Article(
        article_id,
        article_id[:7],
        section,
        title,
        page,
        (page + 2, page + 2),
        (body,),
        (BodySection("주요 내용", (Bullet(body),)),),
    )


ARTICLES = (
    article("2024-01-01", "메타, 새 언어모델 공개", "메타가 구글과 경쟁하는 모델을 공개"),
    article("2024-01-02", "구글, 검색에 AI 도입", "구글은 메타와 오픈AI를 의식"),
    article(
        "2025-02-01",
        "중국 정부, AI 표준 계획 발표",
        "중국 정부가 표준을 발표하고 메타도 언급",
        "정책/법제",
    ),
)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    home = imported_home(tmp_path_factory.mktemp("archive") / "home", ARTICLES)
    app = create_app({"TESTING": True, "AIBRIEF_HOME": str(home)})
    yield app.test_client()
    app.extensions["aibrief_archive"].close()


def test_api_actors_lists_the_actors_with_the_most_articles(client):
    data = client.get("/api/actors").get_json()
    assert data["ok"] is True
    rows = [(a["name"], a["kind"], a["articles"], a["as_subject"]) for a in data["actors"]]
    assert rows == [
        ("메타", "company", 3, 1),
        ("구글", "company", 2, 1),
        ("오픈AI", "company", 1, 0),
        ("중국 정부", "government", 1, 1),
    ]
    assert data["actors"][0]["years"] == {"2024": 2, "2025": 1}
    assert data["actors"][0]["url"] == "/actors/%EB%A9%94%ED%83%80"


@pytest.mark.parametrize(
    ("args", "names"),
    [
        pytest.param("year=2025", ["메타", "중국 정부"], id="year"),
        pytest.param("kind=government", ["중국 정부"], id="kind"),
        pytest.param("country=중국", ["메타", "중국 정부"], id="country-name"),
        pytest.param("country=CN&section=기업", [], id="country-and-section"),
    ],
)
def test_api_actors_filters(client, args, names):
    data = client.get(f"/api/actors?{args}").get_json()
    assert [a["name"] for a in data["actors"]] == names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param("kind=brand", "unknown kind 'brand'", id="kind"),
        pytest.param("year=24", "year must look like YYYY, not '24'", id="year"),
        pytest.param("year=٢٠٢٤", "year must look like YYYY, not '٢٠٢٤'", id="year-other-digits"),
        pytest.param("year=2024%0a", "year must look like YYYY, not '2024\\n'", id="year-newline"),
        pytest.param("country=Atlantis", "unknown country 'Atlantis'", id="country"),
        pytest.param("year=2024&year=2025", "year is given 2 times; give it once", id="year-twice"),
        pytest.param("kind=company&kind=person", "kind is given 2 times", id="kind-twice"),
    ],
)
def test_api_actors_refuses_bad_filters(client, args, message):
    response = client.get(f"/api/actors?{args}")
    assert response.status_code == 400
    assert message in response.get_json()["error"]


def test_an_actor_page_is_found_by_any_spelling(client):
    data = client.get("/api/actors/Meta").get_json()
    assert (data["name"], data["articles"], data["as_subject"]) == ("메타", 3, 1)
    assert [(a["id"], a["is_subject"]) for a in data["articles_list"]] == [
        ("2025-02-01", False),
        ("2024-01-02", False),
        ("2024-01-01", True),
    ]
    assert data["per_issue"] == {"2024-01": 2, "2025-02": 1}
    assert data["appears_with"] == [
        {"name": "구글", "articles": 2},
        {"name": "오픈AI", "articles": 1},
        {"name": "중국 정부", "articles": 1},
    ]
    page = client.get("/actors/메타").get_data(as_text=True)
    assert "/articles/2024-01-01" in page and 'href="/api/actors/' in page


def test_an_unknown_actor_is_a_404(client):
    response = client.get("/api/actors/없는회사")
    assert response.status_code == 404
    assert response.get_json() == {
        "ok": False,
        "error": "no actor '없는회사' in the archive",
        "status": 404,
    }


def test_the_actors_page_renders_its_rows(client):
    page = client.get("/actors?year=2024").get_data(as_text=True)
    assert page.count("<title>2024: ") == 3 * 1  # three actors, one year: a bar each
    assert '<a href="/actors/%EB%A9%94%ED%83%80">메타</a>' in page


def test_search_takes_actor_and_country_filters_and_reports_their_facets(client):
    data = client.get("/api/search?q=AI&actor=Meta&country=CN").get_json()
    assert [h["id"] for h in data["hits"]] == ["2025-02-01"]
    assert data["query"]["actor"] == ["Meta"] and data["query"]["country"] == ["CN"]
    everything = client.get("/api/search?q=actor:메타").get_json()
    assert [h["id"] for h in everything["hits"]][0] == "2024-01-01"  # about it first
    assert everything["facets"]["actor"]["메타"] == 3
    assert everything["facets"]["country"] == {"CN": 1}


def test_api_actors_names_an_unknown_parameter(client):
    response = client.get("/api/actors?yaer=2024")
    assert response.status_code == 400
    assert response.get_json()["error"] == (
        "unknown parameter 'yaer'; known: year, section, kind, country"
    )
    assert client.get("/actors?yaer=2024").status_code == 200  # the page, as the search page


def bar_heights(page: str) -> dict[str, float]:
    """Each bar of a page's count_bars, by its key: the height of its rect."""
    bars = re.findall(r"<title>([^<:]+): \d+</title>\s*<rect [^>]*height=\"([\d.]+)\"", page)
    return {key: float(height) for key, height in bars}


def test_the_actor_page_draws_its_articles_per_issue(client):
    # The bars were spans sized by style attributes, which the page's policy blocks, and no
    # style sheet drew them: a list of issue names stood where the chart was.
    page = client.get("/actors/메타").get_data(as_text=True)
    assert bar_heights(page) == {"2024-01": 60.0, "2025-02": 30.0}  # 2 and 1 articles
    listing = client.get("/actors").get_data(as_text=True)
    assert listing.count("<rect ") == listing.count("<g><title>") > 0  # a bar a year an actor


def test_the_actors_page_names_kinds_in_its_language_and_reflows_on_a_phone(client):
    korean = client.get("/actors").get_data(as_text=True)
    assert '<td data-label="종류">기업</td>' in korean
    assert '<option value="company">기업</option>' in korean
    assert '<table class="actors reflow">' in korean
    english = client.get("/actors", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<td data-label="Kind">company</td>' in english
    assert "<p>기업 · Meta" in client.get("/actors/메타").get_data(as_text=True)


def test_every_kind_of_actor_has_a_name_on_the_page():
    from extract.model import ACTOR_KINDS
    from webui.i18n import KIND_NAMES

    assert set(KIND_NAMES) == set(ACTOR_KINDS)


@pytest.mark.parametrize(
    ("url", "korean", "english"),
    [
        pytest.param(
            "/articles/2024-01-99",
            "아카이브에 기사 '2024-01-99'이(가) 없습니다",
            "no article '2024-01-99' in the archive",
            id="article",
        ),
        pytest.param(
            "/issues/2024-02",
            "아카이브에 2024-02 호가 없습니다",
            "no issue 2024-02 in the archive",
            id="issue",
        ),
        pytest.param(
            "/actors/없는회사",
            "아카이브에 기관·인물 '없는회사'이(가) 없습니다",
            "no actor '없는회사' in the archive",
            id="actor",
        ),
        pytest.param(
            "/articles/nope",
            "아카이브에 기사 'nope'이(가) 없습니다",
            "no article 'nope' in the archive",
            id="malformed-article-id",
        ),
        pytest.param(
            "/issues/bogus",
            "아카이브에 'bogus' 호가 없습니다",
            "no issue 'bogus' in the archive",
            id="malformed-issue",
        ),
        pytest.param(
            "/no/such/page",
            "'/no/such/page'에는 페이지가 없습니다",
            "no page at '/no/such/page'",
            id="address",
        ),
    ],
)
def test_what_was_not_found_is_said_in_the_page_s_language(client, url, korean, english):
    # The Korean page said "찾을 수 없습니다" above the archive's English line, or Werkzeug's
    # "The requested URL was not found on the server. If you entered the URL manually…".
    page = client.get(url)
    assert page.status_code == 404
    assert f'<p class="message">{korean}</p>' in html.unescape(page.get_data(as_text=True))
    shown = client.get(url, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert f'<p class="message">{english}</p>' in html.unescape(shown)


def test_a_bad_filter_of_the_actors_is_said_in_the_page_s_language(client):
    # "unknown section '경제'" and "unknown kind 'brand' (kinds: company, …)" stood in English
    # under the Korean heading.
    section = html.unescape(client.get("/actors?section=경제").get_data(as_text=True))
    assert "알 수 없는 분야 '경제'" in section
    kind = client.get("/actors?kind=brand")
    assert kind.status_code == 400
    assert "알 수 없는 종류 'brand'" in html.unescape(kind.get_data(as_text=True))
