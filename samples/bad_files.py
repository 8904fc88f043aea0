"""Files named *.pdf that are not readable issues, one per way a PDF can fail to be one."""

from __future__ import annotations

from pathlib import Path

import pymupdf

BAD_KINDS = ("truncated", "encrypted", "html", "empty", "scan", "not_a_brief")


def write_bad_files_from(folder: Path, pdf: bytes) -> dict[str, Path]:
    """Write one file per kind in BAD_KINDS into ``folder``, the damaged ones made from the
    sample issue ``pdf``; kind -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {kind: folder / f"{kind}.pdf" for kind in BAD_KINDS}
    paths["truncated"].write_bytes(pdf[: len(pdf) // 2])
    with pymupdf.open("pdf", pdf) as doc:
        doc.save(
            paths["encrypted"],
            encryption=pymupdf.PDF_ENCRYPT_AES_256,
            user_pw="sample-user",
            owner_pw="sample-owner",
        )
        scan = doc[3].get_pixmap(dpi=60)
    paths["html"].write_text(
        "<!DOCTYPE html><html><head><title>SPRi AI Brief</title></head>"
        "<body><p>This page moved.</p></body></html>\n",
        encoding="utf-8",
    )
    paths["empty"].write_bytes(b"")
    _write_scan(paths["scan"], scan)
    _write_not_a_brief(paths["not_a_brief"])
    return paths


def _write_scan(path: Path, scan: pymupdf.Pixmap) -> None:
    """One page that is only an image: no text layer."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=858)
        page.insert_image(page.rect, pixmap=scan)
        doc.save(path, garbage=3, deflate=True, no_new_id=True)


def _write_not_a_brief(path: Path) -> None:
    """A text PDF about something else."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=595, height=842)
        lines = [
            "Quarterly maintenance report",
            "",
            "Building B, floor 3: replaced two",
            "air filters and one light fitting.",
            "Next inspection: 2024-07-01.",
        ]
        for i, line in enumerate(lines):
            page.insert_text((72, 96 + 18 * i), line, fontname="helv", fontsize=12)
        doc.save(path, garbage=3, deflate=True, no_new_id=True)
