"""The real issues the benchmarks run on: the folder named by AIBRIEF_CORPUS."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def corpus_folder(bench: str) -> Path | None:
    """The folder of real issues, or None after saying on stderr why `bench` cannot run."""
    value = os.environ.get("AIBRIEF_CORPUS")
    if value and Path(value).is_dir():
        return Path(value)
    print(f"{bench}: AIBRIEF_CORPUS must name the folder of real issues", file=sys.stderr)
    return None
