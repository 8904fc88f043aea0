"""MuPDF's own messages, captured while a file is read or drawn, and said in one line.

Shared by the two layers that call MuPDF: extraction (reading an issue) and the web page
(drawing a page image).
"""

from __future__ import annotations

from types import TracebackType

import pymupdf

_MESSAGE_CHARS = 80  # a summary quotes MuPDF's first message, cut here


class MupdfMessages:
    """MuPDF's own messages, kept off stdout and stderr while a file is read.

    MuPDF prints each repair and error ("MuPDF error: …") on stdout, hundreds for a damaged file,
    which would corrupt `--json` output; inside this block they go to its store instead, and
    `summary()` says them in one line.

    Blocks nest: MuPDF's store is one per process, and a block inside another (the parser's own,
    inside the one an ingest worker opens around its extractor) neither empties it nor shows
    messages again when it ends, so the outer block's summary counts what both saw. Threads
    calling MuPDF must take turns anyway (PyMuPDF is not thread-safe), and so do these blocks.
    """

    _open = 0  # blocks open in this process

    def __enter__(self) -> MupdfMessages:
        if MupdfMessages._open == 0:
            MupdfMessages._shown = (
                pymupdf.TOOLS.mupdf_display_errors(),
                pymupdf.TOOLS.mupdf_display_warnings(),
            )
            pymupdf.TOOLS.mupdf_display_errors(False)
            pymupdf.TOOLS.mupdf_display_warnings(False)
            pymupdf.TOOLS.reset_mupdf_warnings()
        MupdfMessages._open += 1
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        MupdfMessages._open -= 1
        if MupdfMessages._open == 0:
            pymupdf.TOOLS.reset_mupdf_warnings()
            pymupdf.TOOLS.mupdf_display_errors(MupdfMessages._shown[0])
            pymupdf.TOOLS.mupdf_display_warnings(MupdfMessages._shown[1])

    def summary(self) -> str | None:
        """ "MuPDF reported 39 problems, first: …", or None when it reported none."""
        # read without emptying the store: a block around this one sums up what it saw too
        messages = pymupdf.TOOLS.mupdf_warnings(reset=False).splitlines()
        if not messages:
            return None
        # MuPDF quotes the file's bytes, which need not be valid text
        first = messages[0].encode("utf-8", "replace").decode("utf-8")
        if len(first) > _MESSAGE_CHARS:
            first = first[: _MESSAGE_CHARS - 1] + "…"
        count = len(messages)
        problems = "problem" if count == 1 else "problems"
        return f"MuPDF reported {count} {problems}, first: {first}"
