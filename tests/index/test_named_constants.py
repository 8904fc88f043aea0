"""The index's docstrings and comments name constants that are: a `module.NAME` an index
module writes names a constant its module holds, so that a name moved or gone leaves no
pointer to nowhere."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

INDEX = Path(__file__).resolve().parents[2] / "index"
NAMED = re.compile(r"\b([a-z_]+)\.([A-Z][A-Z0-9_]+)\b")


def test_every_constant_an_index_module_names_is_one():
    modules = {path.stem for path in INDEX.glob("*.py")}
    missing = []
    for path in sorted(INDEX.glob("*.py")):
        for module, name in NAMED.findall(path.read_text(encoding="utf-8")):
            if module in modules and not hasattr(importlib.import_module(f"index.{module}"), name):
                missing.append(f"{path.name}: {module}.{name}")
    assert missing == []
