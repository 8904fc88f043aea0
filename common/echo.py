"""What an error message repeats of the input it refuses: quoted, on one line, and short.

Every edge (the CLI, the web, the MCP server) and the query parser quote bad values through
`echoed`, so a 5,000-character section is repeated as its first ECHO_CHARS characters, not
whole, and every message cuts at the same length.
"""

from __future__ import annotations

ECHO_CHARS = 80


def echoed(value: object, limit: int = ECHO_CHARS) -> str:
    """The value quoted as Python's repr() quotes it (control characters escaped), cut at
    `limit` characters with an ellipsis: '규제'."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)
