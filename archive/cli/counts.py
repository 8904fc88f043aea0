"""How the command line says a count: "1 article", "2 articles", never "1 articles"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """The count and its noun, singular for one: counted(1, "issue") is "1 issue"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
