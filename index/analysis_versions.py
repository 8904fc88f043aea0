"""What an analysis depends on, as digests: a stored analysis of another digest is not Kiwi's
reading of today, and is never read."""

from __future__ import annotations

import hashlib
import json
import re
from importlib.util import find_spec
from pathlib import Path

from index.dictionary import domain_dictionary


def _package_version(package: str) -> str:
    """A package's `__version__` read from its `_version.py` without importing it (importing
    kiwipiepy loads its library, and importlib.metadata scans every installed package)."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return "absent"
    source = Path(next(iter(spec.submodule_search_locations)), "_version.py")
    found = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", source.read_text(encoding="utf-8"))
    return found.group(1) if found else "unknown"


def reading_parts() -> dict[str, object]:
    """What Kiwi's reading of a text and the terms made of it depend on: Kiwi's and its
    model's versions, the analysis rules and the domain dictionary."""
    from index.analysis import ANALYZER_VERSION

    return {
        "kiwipiepy": _package_version("kiwipiepy"),
        "kiwipiepy_model": _package_version("kiwipiepy_model"),
        "analyzer": ANALYZER_VERSION,
        "dictionary": domain_dictionary().version,
    }


def digest(parts: dict[str, object]) -> str:
    """A short digest of versions."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def analysis_version() -> str:
    """A digest of what an analysis depends on: a change to any makes every row stale."""
    from index.aliases import ALIASES_VERSION
    from index.concepts import shipped_concepts

    parts = {
        **reading_parts(),
        "aliases": ALIASES_VERSION,
        "concepts": shipped_concepts().version,
    }
    return digest(parts)


def reading_version() -> str:
    """A digest of what Kiwi's reading of a text and its terms depend on (reading_parts)."""
    return digest(reading_parts())
