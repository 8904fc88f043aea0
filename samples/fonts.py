"""The sample issues' font: PyMuPDF's built-in CJK font cut down to the characters they print,
embedded once and named after every face the published files use.

A span reader sees the BaseFont names ("KoPubDotumLight", "Wingdings-Regular" ...), so the
pages look like the published ones without shipping their fonts. Symbol faces print other
glyphs than their letters (Wingdings "n" is ■), and a few characters the base font lacks are
drawn with a look-alike glyph but mapped back to themselves, as Hancom does for ⼤.
"""

from __future__ import annotations

import struct
from functools import cache

import pymupdf

from samples.text import ISSUE_TEXTS

# Characters the built-in CJK font lacks, drawn with a look-alike glyph but mapped back to the
# character itself, as Hancom does for ⼤ (the glyph of 大 under a compatibility code point).
_STAND_INS = {"⼤": "大", "∙": "·", "▹": "▷"}
SYMBOL_FACE = "Wingdings-Regular"
_WINGDINGS = {"n": "■", "£": "□"}  # what Wingdings prints for these letters


# Everything the pages print besides the sample text: furniture, labels, digits, glyphs.
_FIXED_TEXT = (
    "".join(chr(c) for c in range(32, 127))
    + "■□·▷大･☞ⅠⅡ년월호 인공지능산업의최신동향브리프주요행사일정개요기간장소홈페이지명출처"
    + "정책법제기업산업기술연구인력교육견본이는프로젝트가시험용으로만든며실제발행본아닙니다"
    + "월일"
)


@cache
def sample_chars() -> frozenset[str]:
    """Every character the sample issues print: one cut-down font serves them all."""
    return frozenset(repr(ISSUE_TEXTS)) | frozenset(_FIXED_TEXT)


@cache
def _base_font() -> pymupdf.Font:
    """PyMuPDF's built-in CJK font (Droid Sans Fallback): every face's glyphs and metrics."""
    return pymupdf.Font("korea")


@cache
def _glyph(shape: str) -> tuple[int, float]:
    """Glyph id and advance (in ems) of a character in the base font, asked once each."""
    font = _base_font()
    return font.has_glyph(ord(shape)), font.glyph_advance(ord(shape))


def _shape(face: str, char: str) -> str:
    """The character whose glyph prints ``char`` in ``face``."""
    if face == SYMBOL_FACE:
        return _WINGDINGS.get(char, char)
    return _STAND_INS.get(char, char)


@cache
def _font_program(charset: frozenset[str]) -> tuple[bytes, frozenset[int]]:
    """The base font cut down to the glyphs of ``charset`` (glyph ids unchanged), its OS/2
    family class set so that MuPDF reports the serif flag (4) the published files' fonts
    carry; and the glyph ids it keeps."""
    chars = sorted(
        charset | {_shape(SYMBOL_FACE, c) for c in _WINGDINGS} | set(_STAND_INS.values())
    )
    data = bytearray(_subset(chars))
    (count,) = struct.unpack(">H", data[4:6])
    for i in range(count):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        if tag == b"OS/2":
            data[offset + 30] = 1  # sFamilyClass high byte: "oldstyle serifs"
    kept = frozenset(_glyph(c)[0] for c in chars) - {0}
    return bytes(data), kept


def _subset(chars: list[str]) -> bytes:
    """The base font's program with only the glyphs of ``chars``, as MuPDF subsets it."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="F0", fontbuffer=_base_font().buffer)
    rows = ["".join(chars[i : i + 40]) for i in range(0, len(chars), 40)]
    page.insert_text((20, 20), rows, fontname="F0", fontsize=4)  # one call: widths are slow
    doc.subset_fonts()
    return doc.extract_font(page.get_fonts()[0][0])[3]


class Fonts:
    """The fonts of one document: one embedded program under several BaseFont names."""

    def __init__(self, doc: pymupdf.Document, charset: frozenset[str]) -> None:
        self.doc = doc
        program, self.kept = _font_program(charset)
        self.file_xref = doc.get_new_xref()
        doc.update_object(self.file_xref, "<<>>")
        doc.update_stream(self.file_xref, program)
        doc.xref_set_key(self.file_xref, "Length1", str(len(program)))
        self.faces: dict[str, tuple[int, dict[int, str]]] = {}

    def resource(self, face: str) -> str:
        """The resource name of a face, reserving its font object on first use."""
        if face not in self.faces:
            xref = self.doc.get_new_xref()
            self.doc.update_object(xref, "<<>>")
            self.faces[face] = (xref, {})
        return f"F{self.faces[face][0]}"

    def encode(self, face: str, text: str) -> str:
        """The text as a hex string of glyph ids, remembering what each glyph stands for."""
        _, used = self.faces[face]
        out = []
        for char in text:
            gid = _glyph(_shape(face, char))[0]
            if gid not in self.kept:
                raise ValueError(f"the sample font has no glyph for {char!r}")
            if used.setdefault(gid, char) != char:
                raise ValueError(f"{char!r} and {used[gid]!r} share a glyph in {face}")
            out.append(f"{gid:04X}")
        return "".join(out)

    def width(self, text: str, size: float, face: str = "") -> float:
        """The printed width of ``text`` at ``size`` points."""
        return sum(_glyph(_shape(face, c))[1] for c in text) * size

    def finish(self) -> None:
        """Write every face's font dictionaries, widths and ToUnicode map."""
        for face, (xref, used) in self.faces.items():
            self._write_face(face, xref, used)

    def _write_face(self, face: str, xref: int, used: dict[int, str]) -> None:
        """The Type0 font of one face over the shared program, its widths and ToUnicode."""
        doc = self.doc
        name = "".join(c if c.isalnum() or c in "-_" else f"#{ord(c):02X}" for c in face)
        widths = " ".join(
            f"{gid} [{round(_glyph(_shape(face, ch))[1] * 1000)}]"
            for gid, ch in sorted(used.items())
        )
        flags = 4 if face == SYMBOL_FACE else 32
        descriptor = new_object(
            doc,
            f"<< /Type /FontDescriptor /FontName /{name} /Flags {flags} "
            f"/FontBBox [-559 -266 1121 1043] /ItalicAngle 0 /Ascent 800 /Descent -200 "
            f"/CapHeight 700 /StemV 80 /FontFile2 {self.file_xref} 0 R >>",
        )
        cid = new_object(
            doc,
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} "
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 "
            f"/W [{widths}] >>",
        )
        cmap = new_object(doc, "<<>>")
        doc.update_stream(cmap, _to_unicode(used).encode())
        doc.update_object(
            xref,
            f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H "
            f"/DescendantFonts [{cid} 0 R] /ToUnicode {cmap} 0 R >>",
        )


def new_object(doc: pymupdf.Document, source: str) -> int:
    """A new PDF object holding ``source``; its xref."""
    xref = doc.get_new_xref()
    doc.update_object(xref, source)
    return xref


def _to_unicode(used: dict[int, str]) -> str:
    """The ToUnicode CMap mapping each glyph id back to the character it stands for."""
    pairs = [
        f"<{gid:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for gid, ch in sorted(used.items())
    ]
    blocks = [
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar"
        for chunk in (pairs[i : i + 100] for i in range(0, len(pairs), 100))
    ]
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap CMapName currentdict /CMap defineresource pop end end"
    )
