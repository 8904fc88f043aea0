"""An article's page and its twin, the image of its PDF page with highlights, and the PDF itself."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, abort, request, send_file, url_for

from archive import (
    EXPORT_FORMATS,
    BadParameter,
    NotFound,
    contract,
    echoed,
    export_bytes,
    translatable,
)
from archive.citations import STYLES, citation, csl_item, render
from archive.parameters import ARTICLE_NAMES, MAX_QUERY_CHARS, read_arguments
from extract.model import Article, is_article_id, is_issue, page_range_problem
from index import QueryError, SearchFilters
from webui.app_state import current_archive, page_images, pdf_available
from webui.downloads import download
from webui.errors import wants_json
from webui.i18n import current_language
from webui.page_image import PageNotRendered, highlight_terms
from webui.request_budget import request_budget
from webui.twins import Context, twin

bp = Blueprint("articles", __name__)

QUERY_WORD_RE = re.compile(r'[^\s"()]+')
OPERATORS = {"OR", "AND", "NOT"}
RELATED = 5


def load_article(article_id: str) -> Article:
    """The article with this id; unknown or malformed ids are 404."""
    if not is_article_id(article_id):
        raise NotFound(
            translatable("no article %(article)s in the archive", article=echoed(article_id))
        )
    return current_archive().article(article_id)


def article_context(article_id: str) -> Context:
    """The article, its citation, related articles and where its PDF pages are."""
    q = read_arguments(request.args.to_dict(flat=False), ARTICLE_NAMES, strict=wants_json())["q"]
    article = load_article(article_id)
    first, last = article.pdf_pages
    has_pdf = pdf_available(article.issue) and pdf_problem(article) is None
    item = csl_item(article, article.sources)
    references = [(style, render(item, style.name)) for style in STYLES.values()]
    return {
        "article": article,
        "q": q,
        "citation": page_citation(article, references),
        "csl": item,
        "references": references,
        "cite_formats": [
            (
                form,
                export_bytes([article], form.name).decode("utf-8"),
                url_for("articles.api_article", article_id=article.id, format=form.name),
            )
            for form in EXPORT_FORMATS.values()
            if form.citation and form.name not in STYLES
        ],
        "related": current_archive().more_like_this(article.id, limit=RELATED),
        "pdf_url": f"{url_for('articles.pdf', issue=article.issue)}#page={first}"
        if has_pdf
        else None,
        "page_images": [
            url_for("articles.page_image", article_id=article.id, p=n, q=q or None)
            for n in range(first, last + 1)
        ]
        if has_pdf
        else [],
    }


def page_citation(article: Article, references: list) -> str:
    """The page's Cite line: APA in the page's language (apa-ko on the Korean page), where the
    Korean page showed the English APA and put the Korean one under "More ways to cite"."""
    by_name = {style.name: text for style, text in references}
    return by_name["apa-ko"] if current_language() == "ko" else citation(article)


def article_json(context: Context) -> dict[str, Any] | Response:
    """The article's JSON form, with its citations, links and related articles; with ?format=,
    the article in that export format (a citation format, say) instead."""
    if "format" in request.args:
        article = context["article"]
        return download([article], request.args["format"], stem=article.id)
    return {
        **contract.article_json(context["article"]),
        "csl": context["csl"],
        "references": {style.name: text for style, text in context["references"]},
        "pdf_url": context["pdf_url"],
        "page_images": context["page_images"],
        "related": [
            {
                "id": hit.id,
                "issue": hit.issue,
                "title": hit.title,
                "url": url_for("articles.article", article_id=hit.id),
            }
            for hit in context["related"]
        ],
    }


twin(
    bp,
    "article",
    "/articles/<article_id>",
    "/api/articles/<article_id>",
    template="article.html",
    as_json=article_json,
    takes=ARTICLE_NAMES,
)(article_context)


def pdf_problem(article: Article) -> str | None:
    """Why the article's pages cannot be shown from its issue's PDF (an imported range outside
    it, say), or None."""
    pages = current_archive().issue(article.issue).pdf.pages
    return page_range_problem(article.pdf_pages, pages)


def query_terms(article: Article, q: str) -> tuple[str, ...]:
    """The words of `q` as they matched this article (from the index), for highlighting.

    When the index cannot say (a malformed query, or the article is not among its hits), fall back
    to the plain words of the query so the page still shows something useful.
    """
    if not q:
        return ()
    try:
        result = current_archive().search(
            q,
            filters=SearchFilters(issue_from=article.issue, issue_to=article.issue),
            per_page=50,
            budget=request_budget(),
        )
    except QueryError:
        result = None
    for hit in result.hits if result else ():
        if hit.id == article.id:
            return highlight_terms(hit.terms)
    words = (w.split(":")[-1].lstrip("-") for w in QUERY_WORD_RE.findall(q) if w not in OPERATORS)
    return highlight_terms(words)


@bp.route("/articles/<article_id>/page.png")
def page_image(article_id: str) -> Response:
    """The PDF page of the article (?p=, default its first), the query's words highlighted."""
    article = load_article(article_id)
    first, last = article.pdf_pages
    number = request.args.get("p", str(first))
    if not number.isascii() or not number.isdigit() or not first <= int(number) <= last:
        raise BadParameter(f"p must be a page of this article, {first} to {last}")
    if not pdf_available(article.issue):
        abort(404, f"the PDF of {article.issue} is not in the archive")
    problem = pdf_problem(article)
    if problem:
        abort(404, f"article {article.id}: {problem}")
    terms = query_terms(article, request.args.get("q", "")[:MAX_QUERY_CHARS])
    try:
        image = page_images().get(current_archive().pdf_path(article.issue), int(number), terms)
    except PageNotRendered as failure:
        abort(404, f"the PDF of {article.issue}: {failure}")
    response = Response(image.png, mimetype="image/png")
    response.set_etag(image.etag)
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response.make_conditional(request)


@bp.route("/pdf/<issue>")
def pdf(issue: str) -> Response:
    """The archive's copy of an issue's PDF, looked up by issue id; never a path from the URL."""
    if not is_issue(issue) or not pdf_available(issue):
        abort(404, f"no PDF for issue {echoed(issue)}")
    return send_file(
        current_archive().pdf_path(issue),
        mimetype="application/pdf",
        download_name=f"aibrief-{issue}.pdf",
        conditional=True,
        max_age=3600,
    )
