"""The country or region a query word names, as a place or as the origin of a thing.

A place's name with a suffix of origin (유럽산, 중국발, 중국계, 미국제: made in, coming from,
of the stock of) names that place as much as its name does: "유럽산 LLM" asks for Europe's
models. Kiwi reads such a word as one noun, or as a proper noun and a suffix that the index
keeps whole (a proper noun is never cut from its suffix: analysis._stem), so the word alone is
no country, and an article on a French model, which does not write 유럽, was no full match of
it. Read as its place, the word matches the articles about the place and its members as the
place's name does (query_builder.country_of, actor_table.region).
"""

from __future__ import annotations

from index.actor_table import actor_table

# Suffixes of origin after a place's name: 産 (made in), 發 (coming from), 系 (of the stock
# of), 製 (made by).
ORIGIN_SUFFIXES = ("산", "발", "계", "제")
# Words of origin whose place is clipped: 국산 is 국내산, made at home.
CLIPPED_ORIGINS = {"국산": "국내"}


def place_named(word: str) -> str | None:
    """The code of the country or region an analysed query word names ("중국" -> CN), or
    names as an origin ("유럽산" -> EU, "국산" -> KR); None for any other word."""
    table = actor_table()
    if (code := table.country_named(word)) is not None:
        return code
    if word in CLIPPED_ORIGINS:
        return table.country_named(CLIPPED_ORIGINS[word])
    for suffix in ORIGIN_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return table.country_named(word[: -len(suffix)])
    return None
