"""The search's switches as its docstring tells them: each one named, with a module that is."""

from __future__ import annotations

import re
from pathlib import Path

from bench.search_quality import MECHANISMS, switches_of
from index import SearchIndex

ROOT = Path(__file__).resolve().parents[2]


def test_every_switch_of_the_quality_bench_is_one_the_search_offers():
    offered = switches_of(SearchIndex.search)
    assert [name for name in MECHANISMS if name not in offered] == []


def test_every_switch_of_the_quality_bench_is_told_in_the_search_s_docstring():
    told = SearchIndex.search.__doc__
    assert [name for name in MECHANISMS if f"`{name}`" not in told] == []


def test_every_module_the_search_s_docstring_names_is_one():
    named = re.findall(r"index/\w+\.py", SearchIndex.search.__doc__)
    assert named and [path for path in named if not (ROOT / path).is_file()] == []
