"""No module of the product is over 300 lines (STYLE.md: modules of a few hundred lines at
most, each one job). Data tables (*.tsv) are not modules and do not count."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("extract", "index", "archive", "webui", "mcp_server", "common")
MOST_LINES = 300


def test_no_product_module_is_over_300_lines():
    modules = [path for package in PRODUCT for path in (ROOT / package).rglob("*.py")]
    assert len(modules) > 100  # every package was read
    sizes = {
        str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in modules
    }
    assert {name: n for name, n in sizes.items() if n > MOST_LINES} == {}
