"""The stages bench.search_stages times: each names a function of the search path, and is named
for what that function does."""

from __future__ import annotations

import importlib

import pytest

from bench.search_stages import STAGES


@pytest.mark.parametrize(("module", "path", "name"), STAGES, ids=[s[1] for s in STAGES])
def test_each_stage_is_a_function_of_the_search_path(module, path, name):
    owner = importlib.import_module(module)
    for part in path.split("."):
        owner = getattr(owner, part)
    assert callable(owner)


def test_the_stage_of_whooshs_own_matcher_is_named_for_it_not_for_phrases():
    names = {path: name for _, path, name in STAGES}
    # Phrases of adjacent words are matched by positions (phrase_positions), not by Whoosh:
    # what reaches Whoosh's matcher is whatever the postings scorer does not evaluate.
    assert names["PostingsScorer._by_whoosh"] == "whoosh matcher"
    assert "phrases" not in names.values()
