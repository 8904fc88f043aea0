"""Fixtures for the archive tests.

This folder is named like the `archive` package; pytest puts tests/ on sys.path, where
tests/archive would be imported as an (empty) namespace package `archive` before the editable
install's finder is asked. Putting the repository root first makes `import archive` the project.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if sys.path[0] != str(REPO_ROOT):
    sys.path.insert(0, str(REPO_ROOT))
