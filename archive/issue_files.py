"""The files of held issues: home/issues/<issue>.json and home/pdfs/<issue>.pdf.

A new version of an issue is first written whole beside the old one as `<name>.pending`; the
catalog commit decides which version is the issue; `promote()` then renames the pending files
into place. After a crash, `settle_pending()` finishes or discards what a writer left.

A removal first leaves `<issue>.removing` beside the JSON, then commits the catalog, then deletes
the files. A held JSON with no catalog row is deleted only when that mark says a removal was killed
after its commit; any other such file is set aside under home/set-aside/, never deleted, since a
catalog read that missed a commit would otherwise turn into the loss of a whole issue.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from common.atomic_files import copy_atomic, fsync_dir, remove_stale_temporaries, write_atomic
from extract.model import Issue

PENDING = ".pending"
REMOVING = ".removing"


def issue_json_bytes(issue: Issue) -> bytes:
    """The bytes of an issue's JSON file (stable, so equal issues have equal fingerprints)."""
    text = json.dumps(issue.to_json(), ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")


def fingerprint(data: bytes) -> str:
    """The fingerprint of an issue's JSON: its sha256."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Settled:
    """What settle_pending() did after an interrupted write."""

    promoted: tuple[str, ...] = ()
    discarded: tuple[str, ...] = ()


class IssueFiles:
    """The issues/ and pdfs/ folders of an archive home."""

    def __init__(self, home: Path) -> None:
        self.set_aside_dir = home / "set-aside"
        self.issues_dir = home / "issues"
        self.pdfs_dir = home / "pdfs"
        self.issues_dir.mkdir(parents=True, exist_ok=True)
        self.pdfs_dir.mkdir(parents=True, exist_ok=True)

    def json_path(self, issue: str) -> Path:
        """Where an issue's JSON lives."""
        return self.issues_dir / f"{issue}.json"

    def pdf_path(self, issue: str) -> Path:
        """Where the copy of an issue's PDF lives."""
        return self.pdfs_dir / f"{issue}.pdf"

    def held(self) -> list[str]:
        """The issues that have a JSON file, in order."""
        return sorted(path.stem for path in self.issues_dir.glob("*.json"))

    def read(self, issue: str) -> Issue:
        """Load an issue from its JSON file."""
        data = json.loads(self.json_path(issue).read_bytes())
        return Issue.from_json(data)

    def write_pending(self, issue: Issue, pdf: Path | None) -> str:
        """Write the issue's JSON (and its PDF) beside the held ones; return the fingerprint."""
        data = issue_json_bytes(issue)
        if pdf is not None:
            copy_atomic(pdf, pending(self.pdf_path(issue.issue)))
        write_atomic(pending(self.json_path(issue.issue)), data)
        return fingerprint(data)

    def promote(self, issue: str, keep_pdf: bool) -> None:
        """Move the committed pending files into place; an imported issue keeps no PDF."""
        pdf = self.pdf_path(issue)
        if pending(pdf).exists():
            pending(pdf).replace(pdf)
        elif not keep_pdf:
            pdf.unlink(missing_ok=True)
        pending(self.json_path(issue)).replace(self.json_path(issue))
        fsync_dir(self.pdfs_dir)
        fsync_dir(self.issues_dir)

    def settle_unlisted(self, listed: Iterable[str]) -> set[str]:
        """Deal with held files the catalog does not list; return the issues still held.

        A removal killed after its catalog commit left its mark: its files are deleted. No writer
        leaves any other such file, so it is kept, out of the way. A mark whose issue is still
        listed is from a removal killed before its commit: it is dropped.
        """
        held, marked = set(self.held()), set(self._marked())
        for issue in held - set(listed):
            if issue in marked:
                self.delete(issue)
            else:
                self.set_aside(issue)
            held.discard(issue)
        for issue in marked & set(listed):
            self._removing(issue).unlink(missing_ok=True)
        return held

    def mark_removing(self, issue: str) -> None:
        """Say, before the catalog forgets an issue, that its files are to be deleted."""
        write_atomic(self._removing(issue), b"")

    def delete(self, issue: str) -> None:
        """Delete an issue's files (after the catalog has forgotten it), then its mark."""
        for path in (self.json_path(issue), self.pdf_path(issue)):
            path.unlink(missing_ok=True)
            pending(path).unlink(missing_ok=True)
        fsync_dir(self.issues_dir)
        self._removing(issue).unlink(missing_ok=True)

    def set_aside(self, issue: str) -> Path:
        """Move an issue's files that no catalog row holds to home/set-aside/; return the folder."""
        folder = self.set_aside_dir / issue
        folder.mkdir(parents=True, exist_ok=True)
        for path in (self.json_path(issue), self.pdf_path(issue)):
            if path.exists():
                path.replace(folder / path.name)
        fsync_dir(folder)
        fsync_dir(self.issues_dir)
        return folder

    def _removing(self, issue: str) -> Path:
        return self.issues_dir / f"{issue}{REMOVING}"

    def _marked(self) -> list[str]:
        return [path.name.removesuffix(REMOVING) for path in self.issues_dir.glob(f"*{REMOVING}")]

    def settle_pending(self, committed: dict[str, tuple[str, str | None]]) -> Settled:
        """Finish or discard interrupted writes.

        `committed` maps each issue in the catalog to (fingerprint, PDF sha256 or None). A pending
        JSON whose fingerprint is the committed one was committed but not yet moved into place.
        """
        promoted, discarded = [], []
        for folder in (self.issues_dir, self.pdfs_dir):
            remove_stale_temporaries(folder)
        for path in sorted(self.issues_dir.glob(f"*.json{PENDING}")):
            issue = path.name.removesuffix(f".json{PENDING}")
            expected = committed.get(issue)
            if expected and fingerprint(path.read_bytes()) == expected[0]:
                self.promote(issue, keep_pdf=expected[1] is not None)
                promoted.append(issue)
            else:
                path.unlink()
                discarded.append(issue)
        for path in self.pdfs_dir.glob(f"*.pdf{PENDING}"):
            # Left over only when its JSON was not committed: the held PDF stays.
            path.unlink()
        return Settled(tuple(promoted), tuple(discarded))


def pending(path: Path) -> Path:
    """The name a new version of `path` is written under until the catalog commits it."""
    return path.with_name(path.name + PENDING)
