"""Fixtures for the extraction tests.

pytest's default import mode puts tests/ on sys.path, where this folder would pass for the
`extract` package; the repository root goes first so that `import extract` finds the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
