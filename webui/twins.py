"""One code path for HTML and JSON: a view computes its data once, then renders it either way.

`twin(bp, "issues", "/issues", "/api/issues", template="issues.html", as_json=issues_json)`
registers the view under both rules, as endpoints `issues` and `api_issues`. The view returns
its context (a dict of model objects); the HTML rule renders the template with it, the API rule
answers `as_json(context)`, as JSON unless it is already a response (a download the API
rule serves for `?format=`). The page links its twin, unless its context names another
`api_url` (the search page without a query, to which /api/search answers a 400).

The API rule answers a parameter not among `takes` with a 400 naming it, before the view runs,
so that a script's misspelt parameter is told rather than dropped; the page ignores it (a link
from elsewhere may carry a tracking parameter).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from archive.parameters import refuse_unknown

Context = dict[str, Any]

# html rule -> api rule, for every twin registered in the process; read by the meta-test.
TWIN_RULES: dict[str, str] = {}


def twin(
    bp: Blueprint,
    name: str,
    html_rule: str,
    api_rule: str,
    *,
    template: str,
    as_json: Callable[[Context], Any],
    takes: Sequence[str] = (),
) -> Callable[[Callable[..., Context]], Callable[..., Context]]:
    """Register `view` as an HTML page at html_rule and its JSON twin at api_rule, which takes
    the parameters named in `takes`."""

    def decorator(view: Callable[..., Context]) -> Callable[..., Context]:
        def html_view(**kwargs: Any) -> str:
            context = view(**kwargs)
            if "api_url" not in context:  # a view may name another, where its twin has no answer
                context["api_url"] = url_for(
                    f"{bp.name}.api_{name}", **{**request.args.to_dict(flat=False), **kwargs}
                )
            return render_template(template, **context)

        def api_view(**kwargs: Any) -> Any:
            refuse_unknown(request.args, takes)
            answer = as_json(view(**kwargs))
            return answer if isinstance(answer, Response) else jsonify(answer)

        bp.add_url_rule(html_rule, name, html_view)
        bp.add_url_rule(api_rule, f"api_{name}", api_view)
        TWIN_RULES[html_rule] = api_rule
        return view

    return decorator
