"""Meta-tests that keep the edges honest: every HTML page has a JSON twin."""

from __future__ import annotations

from webui.twins import TWIN_RULES

# Routes that serve files, not pages (their twins would be the same bytes), and the language
# switch, which only sets a cookie and goes back.
FILE_ROUTES = {
    "/language/<code>",
    "/pdf/<issue>",
    "/articles/<article_id>/page.png",
    "/export",
    "/feed.atom",
    "/static/<path:filename>",
}
# Addresses people guess, sent on to a page.
REDIRECTS = {"/search"}


def test_every_html_route_has_a_json_twin(app):
    rules = {rule.rule for rule in app.url_map.iter_rules()}
    pages = {r for r in rules if not r.startswith("/api/") and r not in FILE_ROUTES | REDIRECTS}
    assert pages == set(TWIN_RULES)
    for page in pages:
        assert TWIN_RULES[page] in rules
        assert TWIN_RULES[page].startswith("/api/")


def test_every_twin_answers_json(client):
    samples = {"<article_id>": "2024-01-01", "<issue>": "2024-01", "<name>": "OpenAI"}
    for page, api in TWIN_RULES.items():
        for placeholder, value in samples.items():
            page, api = page.replace(placeholder, value), api.replace(placeholder, value)
        suffix = "?q=규제" if api == "/api/search" else ""
        html = client.get(page + suffix)
        data = client.get(api + suffix)
        assert (html.status_code, data.status_code) == (200, 200), page
        assert html.mimetype == "text/html"
        assert data.mimetype == "application/json"


def test_every_twin_refuses_a_parameter_it_does_not_take(client):
    # README: a JSON address answers any other parameter with a 400 naming it; /api/issues,
    # /api/issues/<issue>, /api/actors/<name> and /api/help answered 200, the parameter dropped.
    samples = {"<article_id>": "2024-01-01", "<issue>": "2024-01", "<name>": "OpenAI"}
    for api in TWIN_RULES.values():
        for placeholder, value in samples.items():
            api = api.replace(placeholder, value)
        answer = client.get(api + "?formt=ris")
        assert answer.status_code == 400, api
        assert answer.get_json()["error"].startswith("unknown parameter 'formt'; "), api
    assert client.get("/api/help?formt=ris").get_json()["error"] == (
        "unknown parameter 'formt'; this address takes none"
    )
    assert client.get("/help?formt=ris").status_code == 200  # a page ignores it
