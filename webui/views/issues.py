"""The issues held, and one issue's contents and events table; each with its JSON twin."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from flask import Blueprint, url_for

from archive import NotFound, contract, echoed, translatable
from extract.model import is_issue
from webui.app_state import current_archive, pdf_available
from webui.twins import Context, twin

bp = Blueprint("issues", __name__)


def issues_context() -> Context:
    """Every issue held, newest first."""
    summaries = sorted(current_archive().issues(), key=lambda s: s.issue, reverse=True)
    return {"issues": summaries}


def issues_json(context: Context) -> dict[str, Any]:
    """The issues as JSON, each with its contents (see archive.contract)."""
    archive = current_archive()
    return contract.issues_json(archive.issue(summary.issue) for summary in context["issues"])


twin(bp, "issues", "/issues", "/api/issues", template="issues.html", as_json=issues_json)(
    issues_context
)


def issue_context(issue: str) -> Context:
    """One issue with its articles grouped by section, in printed order."""
    if not is_issue(issue):
        raise NotFound(translatable("no issue %(issue)s in the archive", issue=echoed(issue)))
    held = current_archive().issue(issue)
    sections = [(name, list(group)) for name, group in groupby(held.articles, lambda a: a.section)]
    return {"issue": held, "sections": sections, "has_pdf": pdf_available(held.issue)}


def issue_json(context: Context) -> dict[str, Any]:
    """One issue's contents and events table as JSON, with the link to its PDF."""
    issue = context["issue"]
    pdf_url = url_for("articles.pdf", issue=issue.issue) if context["has_pdf"] else None
    return {**contract.issue_json(issue), "pdf_url": pdf_url}


twin(
    bp, "issue", "/issues/<issue>", "/api/issues/<issue>", template="issue.html", as_json=issue_json
)(issue_context)
