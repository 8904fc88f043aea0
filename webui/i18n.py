"""The page's language: Korean by default, English on request, through Flask-Babel catalogues.

The language is, in order: the `lang` cookie set by the switch on every page (`/language/en`),
then the browser's `Accept-Language`, then Korean. Message ids are the English text; the Korean
catalogue is `translations/ko/LC_MESSAGES/messages.po`, compiled to the `.mo` beside it by
`make messages`. The `.mo` is committed so that every way of running the code (an editable
install, a wheel, pytest run directly) finds it without a build step; a test checks that it
matches the `.po`.

Only what the page says is translated, and the archive's messages where the page shows them
(a bad parameter, an issue not held: `translated`, from the template each carries). JSON
answers, query errors and article text stay as they are, so a script sees the same bytes
whatever its headers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, redirect, request, url_for
from flask_babel import Babel, format_date, get_locale, gettext

from archive import Message, echoed
from index import QueryError

LANGUAGES = ("ko", "en")  # the first is the default
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}
COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600
TRANSLATIONS = Path(__file__).parent / "translations"

bp = Blueprint("language", __name__)


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it here; the template does."""
    return message


def translated(message: Message | QueryError | str) -> str:
    """A message of the archive, a malformed query's or a search's note on what it cut short
    (a str carrying its template), in the page's language: its template looked up in the
    catalogue, its values filled in (English where the catalogue lacks it)."""
    if isinstance(message, str):
        template = getattr(message, "template", None)
        return message if template is None else gettext(template, **message.values)
    if isinstance(message, QueryError):
        problem = gettext(message.template, **message.values)
        # the line of index.errors.QUERY_LINE, which a test holds the two to
        return gettext(
            "cannot search for %(query)s: %(problem)s", query=echoed(message.query), problem=problem
        )
    return gettext(message.template, **dict(message.values))


def select_locale() -> str:
    """The language of this request: the switch's cookie, else Accept-Language, else Korean."""
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES, default=LANGUAGES[0])


def current_language() -> str:
    """The language code the page is rendered in ("ko" or "en")."""
    return str(get_locale() or LANGUAGES[0])


def local_target(target: str | None) -> str:
    """`target` if it is a path on this site, else "/": the switch never sends anyone away."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target:
        return "/"
    return target


@bp.route("/language/<code>")
def switch(code: str) -> Response:
    """Remember the chosen language in a cookie and go back to the page it was chosen on."""
    if code not in LANGUAGES:
        code = LANGUAGES[0]
    response = redirect(local_target(request.args.get("next")), code=303)
    response.set_cookie(COOKIE, code, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True)
    return response


def switch_links() -> list[tuple[str, str, str]]:
    """(code, name, URL) for each language other than the current one, back to this page."""
    here = request.full_path.rstrip("?") if request.query_string else request.path
    return [
        (code, LANGUAGE_NAMES[code], url_for("language.switch", code=code, next=here))
        for code in LANGUAGES
        if code != current_language()
    ]


# The kinds of actor (extract.model.ACTOR_KINDS) as the page names them; JSON keeps the keys.
KIND_NAMES = {
    "company": N_("company"),
    "government": N_("government"),
    "international": N_("international body"),
    "research": N_("research institute"),
    "person": N_("person"),
    "other": N_("other"),
}


def kind_name(kind: str) -> str:
    """A kind of actor in the page's language: "기업" for company."""
    return gettext(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def month_name(month: int) -> str:
    """A month's short name in the page's language: "4월", "Apr"."""
    return format_date(date(2000, month, 1), "MMM")


def vary_by_language(response: Response) -> Response:
    """Pages differ by cookie and Accept-Language; say so to any cache in between."""
    if response.mimetype == "text/html":
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
    return response


def register(app: Flask) -> None:
    """Install Flask-Babel with the catalogues, the switch route and the page's language."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", LANGUAGES[0])
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    Babel(app, locale_selector=select_locale)
    # {% trans %} blocks collapse their whitespace, so a re-wrapped template keeps its message id;
    # babel.cfg tells the extractor the same.
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.globals.update(
        month_name=month_name,
        kind_name=kind_name,
        language_links=switch_links,
        translated=translated,
    )
    app.context_processor(lambda: {"current_language": current_language()})
    app.register_blueprint(bp)
    app.after_request(vary_by_language)
