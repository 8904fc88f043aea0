"""What the web tests share outside fixtures: the repository root, the strict-mode skip and
an archive of articles imported as JSON Lines."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable
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


def imported_home(home: Path, articles: Iterable) -> Path:
    """`home`, an archive holding these articles, imported as the JSON Lines an export writes
    (from a file beside it); every line read."""
    from archive import Archive

    lines = home.with_name(f"{home.name}.jsonl")
    lines.write_text(
        "".join(json.dumps(a.to_json(), ensure_ascii=False) + "\n" for a in articles),
        encoding="utf-8",
    )
    archive = Archive(home)
    try:
        report = archive.import_jsonl(lines)
    finally:
        archive.close()
    assert not getattr(report, "bad_lines", ()), report
    return home
