"""Search answers are remembered until the archive changes; errors are never remembered."""

from __future__ import annotations

import dataclasses

import pytest
from web_fakes import summary

from index import QueryError, SearchFilters
from webui.result_cache import CachedArchive


def test_a_repeated_search_is_answered_from_the_cache(fake_archive):
    cached = CachedArchive(fake_archive)
    first = cached.search("규제", filters=SearchFilters(sections=("정책/법제",)))
    again = cached.search("규제", filters=SearchFilters(sections=("정책/법제",)))
    assert again is first
    assert len(fake_archive.searches) == 1
    cached.search("규제", filters=SearchFilters(sections=("정책/법제",)), page=2)
    assert len(fake_archive.searches) == 2
    assert (cached.hits, cached.misses) == (1, 2)


def test_a_change_in_the_archive_is_never_answered_from_the_cache(fake_archive, monkeypatch):
    cached = CachedArchive(fake_archive)
    cached.search("규제")
    changed = [dataclasses.replace(s, articles=s.articles + 1) for s in fake_archive.issues()]
    changed.append(summary("2025-06", "SPRi AI Brief 2025년 6월호", 3))
    monkeypatch.setattr(fake_archive, "issues", lambda: changed)
    cached.search("규제")
    assert len(fake_archive.searches) == 2


def test_errors_are_not_cached(fake_archive):
    cached = CachedArchive(fake_archive)
    for _ in range(2):
        with pytest.raises(QueryError):
            cached.search('"open')
    assert len(fake_archive.searches) == 2
    assert len(cached) == 0


def test_the_cache_is_bounded(fake_archive):
    cached = CachedArchive(fake_archive, max_entries=3)
    for word in ("규제", "AI", "딥페이크", "일자리"):
        cached.search(word)
    assert len(cached) == 3
    cached.search("규제")  # the oldest was dropped
    assert len(fake_archive.searches) == 5


def test_related_articles_are_cached_and_other_calls_pass_through(fake_archive):
    cached = CachedArchive(fake_archive)
    assert cached.more_like_this("2024-01-01") is cached.more_like_this("2024-01-01")
    assert cached.article("2024-01-01") == fake_archive.article("2024-01-01")


def test_the_app_caches_by_default_and_can_turn_it_off(fake_archive):
    from webui import create_app

    on = create_app({"AIBRIEF_ARCHIVE": fake_archive})
    off = create_app({"AIBRIEF_ARCHIVE": fake_archive, "RESULT_CACHE": 0})
    assert isinstance(on.extensions["aibrief_archive"], CachedArchive)
    assert off.extensions["aibrief_archive"] is fake_archive
