"""aibrief's Whoosh writer groups postings by term and writes them a block at a time: the
segment it writes must be, byte for byte, the one Whoosh's own writer writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from index.build_writer import POSTINGS_CODEC, BuildWriter
from index.documents import article_fields, with_marks
from index.schema import build_schema
from tests.index.conftest import ARTICLES, make_article

# segments of some 300 articles written twice and compared, and a fresh interpreter
pytestmark = pytest.mark.slow


def _documents() -> list[dict]:
    articles = [a for batch in ARTICLES.values() for a in batch]
    # Enough articles sharing words that their posting lists run over several blocks (128)
    articles += [
        make_article(f"2025-05-{n % 99 + 1:02d}", f"AI 규제 동향 {n}", bullets=(f"사례 {n % 7}",))
        for n in range(300)
    ]
    return [with_marks(article_fields(a, "fp")) for a in articles]


def _segment_files(directory: Path) -> dict[str, bytes]:
    """The segment's files, named without their random segment id."""
    return {
        p.name.split(".", 1)[1]: p.read_bytes()
        for p in directory.iterdir()
        if p.name.startswith("MAIN_") and p.name != "MAIN_WRITELOCK"
    }


def _written(directory: Path, documents: list[dict], ours: bool) -> dict[str, bytes]:
    directory.mkdir()
    ix = whoosh_index.create_in(directory, build_schema())
    writer = (
        BuildWriter(ix, compound=False) if ours else ix.writer(compound=False, codec=POSTINGS_CODEC)
    )
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    return _segment_files(directory)


def test_the_segment_is_the_one_whoosh_writes(tmp_path):
    documents = _documents()
    ours = _written(tmp_path / "ours", documents, ours=True)
    theirs = _written(tmp_path / "whoosh", documents, ours=False)
    assert {"trm", "pst", "_content_len.col"} <= ours.keys()
    assert ours.keys() == theirs.keys()
    for suffix, data in theirs.items():
        assert ours[suffix] == data, suffix


def test_another_whoosh_version_is_refused_with_one_clear_line():
    code = "import whoosh; whoosh.versionstring = lambda: '2.8.0'; import index"
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "ImportError: aibrief's index writer was written for whoosh-reloaded 2.7.5, and 2.8.0"
        " is installed: install whoosh-reloaded==2.7.5"
    )


def _postings(directory: Path) -> dict:
    """Every (field, term) -> its postings as read back: (document, weight, value bytes)."""
    found = {}
    with whoosh_index.open_dir(directory).reader() as reader:
        for field, text in reader.all_terms():
            matcher, postings = reader.postings(field, text), []
            while matcher.is_active():
                postings.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            found[field, text] = postings
    return found


def test_uncompressed_postings_read_as_whoosh_compressed_ones_do(tmp_path):
    documents = _documents()
    _written(tmp_path / "ours", documents, ours=True)
    (tmp_path / "whoosh").mkdir()
    ix = whoosh_index.create_in(tmp_path / "whoosh", build_schema())
    with ix.writer() as writer:  # Whoosh's default codec: zlib-compressed blocks
        for document in documents:
            writer.add_document(**document)
    ours, theirs = _postings(tmp_path / "ours"), _postings(tmp_path / "whoosh")
    assert len(ours) > 1000
    assert ours == theirs
