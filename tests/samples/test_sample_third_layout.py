"""The invented third layout really is unlike the two published generations."""

from __future__ import annotations

import pymupdf

from samples.issues import write_plain_issue, write_sample_issue


def spans(path) -> list[dict]:
    with pymupdf.open(path) as doc:
        return [
            span
            for page in doc
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", ())
            for span in line["spans"]
        ]


def test_other_fonts_other_bullets_no_key_box_no_tabs_another_contents_page(tmp_path):
    write_plain_issue(tmp_path / "plain.pdf")
    write_sample_issue(tmp_path / "old.pdf")
    plain, published = spans(tmp_path / "plain.pdf"), spans(tmp_path / "old.pdf")
    fonts = {span["font"] for span in plain}
    assert fonts.isdisjoint({span["font"] for span in published})
    assert not any(font.startswith(("KoPub", "Wingdings", "Haansoft")) for font in fonts)
    texts = [span["text"].strip() for span in plain]
    assert "KEY Contents" not in texts and "CONTENTS" not in texts
    assert not any(t.startswith(("1. 정책", "2. 기업")) or t == "정책" for t in texts)
    assert "이번 호 목차" in texts
    assert any(t.startswith("•") for t in texts) and any(t.startswith("▶") for t in texts)
    assert not any("····" in t for t in texts)  # no leader dots on the contents page
