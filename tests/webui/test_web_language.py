"""The page's language: Korean by default, English by Accept-Language or the switch that sticks;
and the catalogues that say it: complete, compiled, and covering every string the templates show."""

from __future__ import annotations

import html
import io
import re
from urllib.parse import unquote

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from web_support import ROOT

from webui.i18n import TRANSLATIONS

KO_PO = TRANSLATIONS / "ko" / "LC_MESSAGES" / "messages.po"
KO_MO = KO_PO.with_suffix(".mo")
# The keywords `make messages` extracts by: gettext's, the archive's translatable("…"), the
# problem a QueryError(query, "…") names and a search's cut_note("…").
KEYWORDS = {**DEFAULT_KEYWORDS, "translatable": None, "QueryError": (2,), "cut_note": None}


@pytest.mark.parametrize(
    ("accept", "lang", "heading"),
    [
        pytest.param(None, "ko", "SPRi AI Brief 검색", id="no-header"),
        pytest.param("ko-KR,ko;q=0.9", "ko", "SPRi AI Brief 검색", id="korean"),
        pytest.param("en-US,en;q=0.9,ko;q=0.5", "en", "Search the SPRi AI Brief", id="english"),
        pytest.param("fr-FR,fr;q=0.9", "ko", "SPRi AI Brief 검색", id="neither"),
    ],
)
def test_the_language_follows_accept_language(client, accept, lang, heading):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    page = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert f"<h1>{heading}</h1>" in page
    assert {"Accept-Language", "Cookie"} <= set(response.vary)


def test_english_results_page(client):
    english = {"Accept-Language": "en"}
    page = client.get("/?q=규제", headers=english).get_data(as_text=True)
    assert "<strong>4</strong> articles for <q>규제</q>" in page
    assert "<title>2024-01: 1 article</title>" in page
    assert "<title>2025-02: 2 articles</title>" in page
    assert '<summary class="button">Filters</summary>' in page
    assert '>Apr <span class="count">1</span></a>' in page  # the issue calendar's months
    one = client.get("/?q=규제&section=인력", headers=english).get_data(as_text=True)
    assert "<strong>1</strong> article for <q>규제</q>" in one


def test_korean_results_page(client):
    page = client.get("/?q=규제").get_data(as_text=True)
    assert "<q>규제</q> 검색 결과 <strong>4</strong>건" in page
    assert '<summary class="button">필터</summary>' in page
    assert '>4월 <span class="count">1</span></a>' in page
    assert "<h2>분야</h2>" in page and "<h2>발행 호</h2>" in page


def test_the_switch_sets_a_cookie_that_sticks(client):
    response = client.get("/language/en?next=/issues", headers={"Accept-Language": "ko"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/issues"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("lang=en;") and "SameSite=Lax" in cookie
    page = client.get("/issues", headers={"Accept-Language": "ko"}).get_data(as_text=True)
    assert "<h1>Issues held</h1>" in page
    client.get("/language/ko?next=/issues")
    assert "<h1>보관된 발행 호</h1>" in client.get("/issues").get_data(as_text=True)


def test_the_switch_links_back_to_the_same_page(client):
    page = client.get("/?q=%EA%B7%9C%EC%A0%9C&sort=newest").get_data(as_text=True)
    link = re.search(r'<a class="language" href="([^"]+)" lang="en" hreflang="en">', page)
    location = client.get(html.unescape(link.group(1))).headers["Location"]
    assert unquote(location) == "/?q=규제&sort=newest"
    english = client.get("/issues", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'href="/language/ko?next=/issues" lang="ko" hreflang="ko">한국어</a>' in english


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("https://example.org/", id="absolute"),
        pytest.param("//example.org/x", id="scheme-relative"),
        pytest.param("/\\example.org", id="backslash"),
        pytest.param("issues", id="relative"),
        pytest.param("", id="empty"),
    ],
)
def test_the_switch_never_sends_anyone_away(client, target):
    response = client.get("/language/en", query_string={"next": target})
    assert response.headers["Location"] == "/"


def test_an_unknown_language_is_korean(client):
    response = client.get("/language/xx?next=/")
    assert response.headers["Set-Cookie"].startswith("lang=ko;")


def test_json_is_the_same_in_every_language(client):
    for url in ("/api/help", "/api/search?q=규제", "/api/issues/2024-04"):
        korean = client.get(url, headers={"Accept-Language": "ko"}).get_data()
        english = client.get(url, headers={"Accept-Language": "en"}).get_data()
        assert korean == english, url


def test_error_pages_speak_the_language(client):
    english = client.get("/no/such/page", headers={"Accept-Language": "en"})
    assert "<h1>Not found</h1>" in english.get_data(as_text=True)
    korean = client.get("/?q=%22bad").get_data(as_text=True)
    assert "<h1>검색어를 해석할 수 없습니다</h1>" in korean


def test_a_bad_parameter_is_told_in_the_page_s_language_and_in_english_in_json(client):
    url = "/?q=규제&issue=2024-13"
    korean = client.get(url).get_data(as_text=True)
    assert "issue 값은 YYYY-MM 꼴이어야 합니다. 받은 값: &#39;2024-13&#39;" in korean
    english = client.get(url, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "issue must look like YYYY-MM, not &#39;2024-13&#39;" in english
    answer = client.get("/api/search?q=규제&issue=2024-13").get_json()
    assert answer["error"] == "issue must look like YYYY-MM, not '2024-13'"


def test_an_issue_not_held_is_a_hint_on_the_page_and_in_json(client):
    answer = client.get("/api/search?q=규제&issue=2030-01").get_json()
    assert answer["total"] == 0
    assert answer["hint"] == "no issue 2030-01 in this archive (held: 2024-01 … 2025-02)"
    korean = client.get("/?q=규제&issue=2030-01").get_data(as_text=True)
    assert "이 아카이브에는 2030-01 호가 없습니다(보관된 호: 2024-01 … 2025-02)" in korean
    english = client.get("/?q=규제&from=2030-01", headers={"Accept-Language": "en"})
    assert "no issue from 2030-01 to … in this archive" in english.get_data(as_text=True)
    assert client.get("/api/search?q=규제&issue=2024-04").get_json()["hint"] is None


def _messages(catalog) -> dict:
    def hashable(value):
        return value if isinstance(value, str) else tuple(value)

    return {hashable(m.id): hashable(m.string) for m in catalog if m.id}


def test_the_committed_mo_is_the_compiled_po():
    with KO_PO.open("rb") as po:
        catalog = read_po(po)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    with KO_MO.open("rb") as mo:
        committed = read_mo(mo)
    assert _messages(committed) == _messages(read_mo(compiled)), "run `make messages`"


def test_every_message_of_the_page_has_a_korean_translation():
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    extracted = {
        message if isinstance(message, str) else message[0]
        for _, _, message, *_ in extract_from_dir(ROOT, method_map, options_map, KEYWORDS)
    }
    assert "no issue %(issue)s in this archive (held: %(held)s)" in extracted  # the archive's
    with KO_PO.open("rb") as po:
        catalog = read_po(po)
    translated = {
        m.id if isinstance(m.id, str) else m.id[0]: m.string
        for m in catalog
        if m.id and not m.fuzzy
    }
    missing = sorted(i for i in extracted if not translated.get(i))
    assert missing == [], "run `make messages` and translate these in " + str(KO_PO)


# Words a template may show as they are in both languages: names, formats and query syntax.
SAME_IN_EVERY_LANGUAGE = {
    *("aibrief", "SPRi", "AI", "Brief", "KEY", "Contents", "JSON", "PDF"),
    *("section", "title", "issue", "source", "OR", "NOT"),
}
SHOWN_ATTRIBUTES = re.compile(r'\b(?:alt|title|placeholder|aria-label|data-label)="([^"]*)"')
TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"[A-Za-z]{2,}")


def untranslated_words(template: str, source: str) -> list[str]:
    """Latin words in a template's literal text (and shown attributes) outside {% trans %}."""
    from flask import Flask

    from webui import i18n

    app = Flask(__name__)
    i18n.register(app)
    # The template's literal text, with every expression, tag and {% trans %} block as a NUL.
    literal, inside_trans, previous = [], False, None
    for _, kind, value in app.jinja_env.lex(source, template):
        if kind == "name" and previous == "block_begin":
            inside_trans = {"trans": True, "endtrans": False}.get(value, inside_trans)
        literal.append(value if kind == "data" and not inside_trans else "\0")
        if kind != "whitespace":
            previous = kind
    text = "".join(literal)
    shown = TAG.sub(" ", text) + " " + " ".join(SHOWN_ATTRIBUTES.findall(text))
    return [w for w in WORD.findall(shown) if w not in SAME_IN_EVERY_LANGUAGE]


@pytest.mark.parametrize(
    "template",
    sorted(p.name for p in (ROOT / "webui" / "templates").glob("*.html")),
)
def test_templates_show_no_untranslated_words(template):
    source = (ROOT / "webui" / "templates" / template).read_text(encoding="utf-8")
    assert untranslated_words(template, source) == [], (
        "wrap the text in {{ _('…') }} or {% trans %}…{% endtrans %}, then `make messages`"
    )


def test_the_untranslated_word_check_can_fail():
    source = '<p>Export these results</p><input placeholder="Search"><p>{{ _("Cite") }}</p>'
    assert untranslated_words("t.html", source) == ["Export", "these", "results", "Search"]
    assert untranslated_words("t.html", "{% trans %}Cite this{% endtrans %}") == []


def test_the_article_page_names_each_way_to_cite_in_its_language(client):
    # The Cite box's labels are the export formats' summaries (archive/export_formats.py), which
    # the Korean page showed in English ("RIS for EndNote, Zotero and Mendeley").
    from archive import EXPORT_FORMATS

    label = re.compile(r'<label for="cite-([^"]+)">([^<]*)</label>')
    pages = {
        lang: dict(label.findall(client.get("/articles/2024-01-01", headers=h).get_data(True)))
        for lang, h in (("ko", {}), ("en", {"Accept-Language": "en"}))
    }
    assert set(pages["ko"]) == {"csl-json", "ris", "bibtex"}
    for name, shown in pages["en"].items():
        assert html.unescape(shown) == str(EXPORT_FORMATS[name].summary)
    assert html.unescape(pages["ko"]["ris"]) == "EndNote, Zotero, Mendeley용 RIS"
    assert html.unescape(pages["ko"]["csl-json"]) == "Zotero, Pandoc, citeproc용 CSL-JSON"


def test_the_article_page_cites_in_its_language(client):
    # The Korean page's Cite line was the English APA ("(2024, April)"), the Korean one only
    # under "More ways to cite"; the JSON's citation stays the one contract's APA.
    value = re.compile(r'<input id="citation" type="text" readonly value="([^"]*)">')
    shown = {
        lang: html.unescape(value.search(client.get("/articles/2024-04-02", headers=h).text)[1])
        for lang, h in (("ko", {}), ("en", {"Accept-Language": "en"}))
    }
    references = client.get("/api/articles/2024-04-02").get_json()["references"]
    assert shown == {"ko": references["apa-ko"], "en": references["apa"]}
    assert shown["ko"] != shown["en"]
