"""The README and the code point into the measured history (bench/HISTORY.md) by its sections:
every link and every section named there is a heading of it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HISTORY = ROOT / "bench" / "HISTORY.md"


def anchor(heading: str) -> str:
    """The anchor a Markdown renderer gives a heading, as GitHub makes it."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def headings() -> dict[str, str]:
    """Each heading of the history by its anchor."""
    found = re.findall(r"^#{2,4} (.+)$", HISTORY.read_text(encoding="utf-8"), flags=re.M)
    return {anchor(title): title for title in found}


def test_every_link_into_the_history_names_one_of_its_sections():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    history = HISTORY.read_text(encoding="utf-8")
    links = re.findall(r"\(bench/HISTORY\.md#([^)]+)\)", readme)
    links += re.findall(r"\]\(#([^)]+)\)", history)  # its contents
    assert "(bench/HISTORY.md)" in readme and links
    assert sorted(set(links) - set(headings())) == []


def test_every_section_of_the_history_the_code_names_is_one():
    named = []
    for path in ROOT.glob("*/*.py"):
        text = " ".join(path.read_text(encoding="utf-8").split()).replace("# ", "")
        named += re.findall(r'bench/HISTORY\.md, "([^"]+)"', text)
    assert named and sorted(set(named) - set(headings().values())) == []
