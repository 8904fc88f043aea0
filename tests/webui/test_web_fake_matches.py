"""The web's stand-in archive, and the cache in front of the real one, take what `Archive` takes:
each method of the `ArchiveReader` protocol with the same parameters and defaults."""

from __future__ import annotations

import inspect

import pytest
from web_fakes import FakeArchive

from archive import Archive, ArchiveReader
from webui.result_cache import CachedArchive

METHODS = sorted(
    name
    for name, value in vars(ArchiveReader).items()
    if inspect.isfunction(value) and not name.startswith("_")
)


def parameters(function) -> list[tuple[str, object, object]]:
    """Each parameter's name, kind and default: what a caller relies on."""
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


def test_the_protocol_names_what_the_web_calls():
    assert METHODS == [
        "actor",
        "actors",
        "article",
        "close",
        "export_articles",
        "issue",
        "issues",
        "more_like_this",
        "pdf_path",
        "search",
        "stats",
    ]


# The cache answers these itself and passes every other call through to the archive.
CACHED = ["more_like_this", "search"]
CASES = [
    *(
        pytest.param(kind, name, id=f"{kind.__name__}.{name}")
        for kind in (Archive, FakeArchive)
        for name in METHODS
    ),
    *(pytest.param(CachedArchive, name, id=f"CachedArchive.{name}") for name in CACHED),
]


def test_the_cache_answers_only_the_calls_it_keeps():
    assert sorted(set(METHODS) & set(vars(CachedArchive))) == CACHED


@pytest.mark.parametrize(("implementation", "name"), CASES)
def test_each_implementation_takes_what_the_protocol_declares(implementation, name):
    declared = parameters(getattr(ArchiveReader, name))
    assert parameters(getattr(implementation, name)) == declared
