"""What the web tests share outside fixtures: the repository root and the strict-mode skip."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"


def _root_conftest():
    # Every conftest.py is importable only as "conftest"; load the root one under its own name.
    spec = importlib.util.spec_from_file_location(
        "aibrief_root_conftest", ROOT / "tests" / "conftest.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


skip_or_fail = _root_conftest().skip_or_fail
