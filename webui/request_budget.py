"""One time budget per web request, shared by every search the request computes.

A page may search several times: the search page also counts the matches per issue for its
chart when a filter narrows the results, a page image looks up the words to highlight, an
actor's page asks for its related terms. Each search's optional work (related terms, "did you
mean") stops once the request's budget is spent, not once each search's own is, so that a
request is bounded as a whole (issue 16). The budget's clock starts when the first search has
compiled its query (index.SharedBudget).
"""

from __future__ import annotations

from flask import current_app, g

from index import SharedBudget


def request_budget() -> SharedBudget:
    """The budget of the current request, made by its first search (REQUEST_BUDGET seconds)."""
    budget = g.get("aibrief_budget")
    if budget is None:
        budget = g.aibrief_budget = SharedBudget(current_app.config["REQUEST_BUDGET"])
    return budget
