"""Stand-ins for the parser and the index, so the archive's own logic is tested on its own.

A "fake PDF" is a small text file naming an issue, an article count and a generation; the fake
extractor reads it back as an Issue. The fake index keeps what it was given in one JSON file
(written atomically, as a real index commits), so it survives a killed process like the real one.
"""

from __future__ import annotations

import dataclasses
import json
import os
from contextlib import contextmanager
from pathlib import Path

import extract.layouts
from extract.errors import EmptyFileError, NotAnAiBriefError, NotAPdfError
from extract.model import SECTIONS, Article, Issue, PdfInfo, issue_title

MAGIC = "%FAKE-PDF\n"


def write_fake_pdf(
    path: Path, issue: str, articles: int = 3, generation: int = 1, layout: str | None = None
) -> Path:
    """A file the fake extractor reads as `issue` with `articles` articles (read as `layout`
    by the current set of layouts, when given)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    spec = {"issue": issue, "articles": articles, "generation": generation, "layout": layout}
    path.write_text(MAGIC + json.dumps(spec), encoding="utf-8")
    return path


def fake_articles(issue: str, count: int, generation: int) -> tuple[Article, ...]:
    """The articles a fake PDF holds; their text names the generation."""
    return tuple(
        Article(
            id=f"{issue}-{page:02d}",
            issue=issue,
            section=SECTIONS[page % len(SECTIONS)],
            title=f"기사 {page} ({issue})",
            page=page,
            pdf_pages=(page + 1, page + 1),
            # The text (derived from the fields, as import requires) names the generation.
            key_contents=(
                f"요약 {page}",
                f"세대 {generation}",
                f"기사 {page} 본문 generation{generation} issue{issue}",
            ),
        )
        for page in range(1, count + 1)
    )


def fake_extract(path: Path, sha256: str | None = None) -> Issue:
    """Read a fake PDF; other content raises the parser's errors."""
    data = Path(path).read_bytes()
    if not data:
        raise EmptyFileError(path)
    if not data.startswith(MAGIC.encode()):
        raise NotAPdfError(path)
    spec = json.loads(data[len(MAGIC) :])
    if spec.get("issue") is None:
        raise NotAnAiBriefError(path, "no issue date")
    issue = spec["issue"]
    return Issue(
        issue=issue,
        title=issue_title(issue),
        pdf=PdfInfo(Path(path).name, "0" * 64, spec["articles"] + 1),
        articles=fake_articles(issue, spec["articles"], spec["generation"]),
        layout=spec.get("layout"),
        layout_version=extract.layouts.LAYOUTS_VERSION if spec.get("layout") else None,
    )


def recognising_extract(path: Path, sha256: str | None = None) -> Issue:
    """The fake extractor of a later version, which recognises a layout read generically."""
    return dataclasses.replace(fake_extract(path), layout="2026")


def derive_no_actors() -> None:
    """For a writer process of the stand-in world (fake PDFs, FakeIndex): every issue is
    stamped as derived by the current actor rules, none derived. The rules need Kiwi, whose
    load (1.3-1.9 CPU s) was most of such a process's work, and no test of the stand-in world
    reads actors: the real derivation is tested where the real index is."""
    import index

    def stamped(issue: Issue) -> Issue:
        return dataclasses.replace(issue, actors_version=index.actors_version())

    index.load_analyzer = lambda: None
    index.with_actors = stamped


def malformed_extract(path: Path, sha256: str | None = None) -> Issue:
    """An extractor that returns an article outside the documented form (page 0)."""
    issue = fake_extract(path)
    bad = Article(
        id=f"{issue.issue}-00",
        issue=issue.issue,
        section=SECTIONS[0],
        title="t",
        page=0,
        pdf_pages=(1, 1),
    )
    return Issue(issue.issue, issue.title, issue.pdf, (bad,))


def broken_extract(path: Path, sha256: str | None = None) -> Issue:
    """An extractor with a bug: it raises something that is not an ExtractError."""
    raise ZeroDivisionError("division by zero")


class FakeBatch:
    """What FakeIndex.batch() hands out: issues kept until the block ends."""

    def __init__(self) -> None:
        self.issues: list[tuple[str, dict]] = []

    def __len__(self) -> int:
        return len(self.issues)

    def add(self, issue, articles, fingerprint) -> None:
        docs = {a.id: a.text for a in articles}
        self.issues.append((issue, {"fingerprint": fingerprint, "docs": docs}))


class FakeIndex:
    """The parts of index.SearchIndex the archive uses, kept in directory/state.json."""

    VERSION = 1

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.state_path = self.directory / "state.json"
        self.calls: list[tuple[str, str]] = []
        self._load()  # a damaged index fails to open, as a real one does

    @classmethod
    def open(cls, directory: Path) -> FakeIndex:
        return cls(directory)

    def _load(self) -> dict:
        if not self.state_path.exists():
            return {"version": self.VERSION, "issues": {}}
        return json.loads(self.state_path.read_text(encoding="utf-8"))

    def _save(self, state: dict) -> None:
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.state_path)  # noqa: PTH105

    def needs_rebuild(self) -> bool:
        return self._load()["version"] != self.VERSION

    def replace_issue(self, issue, articles, fingerprint) -> None:
        self.calls.append(("replace", issue))
        state = self._load()
        state["issues"][issue] = {
            "fingerprint": fingerprint,
            "docs": {a.id: a.text for a in articles},
        }
        self._save(state)

    @contextmanager
    def batch(self, expected_chars=0):
        """Issues replaced together, saved in one write when the block ends without error."""
        batch = FakeBatch()
        yield batch
        if not batch.issues:
            return
        self.calls.append(("batch", ",".join(issue for issue, _ in batch.issues)))
        state = self._load()
        for issue, entry in batch.issues:
            state["issues"][issue] = entry
        self._save(state)

    def remove_issue(self, issue) -> None:
        self.calls.append(("remove", issue))
        state = self._load()
        state["issues"].pop(issue, None)
        self._save(state)

    def rebuild(self, issues, total=None, on_step=None) -> None:
        self.calls.append(("rebuild", ""))
        state = {"version": self.VERSION, "issues": {}}
        for issue, articles, fingerprint in issues:
            docs = {a.id: a.text for a in articles}
            state["issues"][issue] = {"fingerprint": fingerprint, "docs": docs}
        self._save(state)

    def merge_deleted(self) -> bool:
        return False  # nothing deleted is kept

    def fingerprints(self) -> dict[str, str]:
        return {k: v["fingerprint"] for k, v in self._load()["issues"].items()}

    def doc_ids(self) -> list[str]:
        return sorted(i for v in self._load()["issues"].values() for i in v["docs"])

    def article_ids(self, query, filters=None, expand=True, budget=None, limits=None) -> list[str]:
        docs = [d for v in self._load()["issues"].values() for d in v["docs"].items()]
        return [doc_id for doc_id, text in docs if query in text]

    def doc_count(self) -> int:
        return len(self.doc_ids())

    def size_bytes(self) -> int:
        return self.state_path.stat().st_size if self.state_path.exists() else 0
