"""The line format of the index's curated tables (the domain dictionary, the aliases, the
concepts and the actors): tab-separated UTF-8, `#` comment lines, one of them `# version: N`,
blank lines ignored."""

from __future__ import annotations

import re

_VERSION_LINE = re.compile(r"#\s*version:\s*(\d+)")


def table_lines(text: str) -> tuple[int | None, list[tuple[int, str]]]:
    """The table's version (None where no `# version: N` line gives it) and its data lines,
    each with its 1-based line number."""
    version, lines = None, []
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            if match := _VERSION_LINE.match(line):
                version = int(match.group(1))
        elif line.strip():
            lines.append((number, line))
    return version, lines
