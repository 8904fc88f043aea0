"""One typed error per reason a file cannot be read as an issue of the AI Brief."""

from __future__ import annotations

from pathlib import Path


class ExtractError(Exception):
    """A file could not be read as an issue; the message names the file and the reason."""

    reason = "could not be read"

    def __init__(self, path: str | Path, detail: str | None = None) -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(f"{self.path.name}: {self.explanation}")

    @property
    def explanation(self) -> str:
        """The reason without the file's name: "the PDF is damaged or truncated (…)"."""
        return f"{self.reason} ({self.detail})" if self.detail else self.reason


class NotAPdfError(ExtractError):
    reason = "not a PDF file"


class MissingFileError(NotAPdfError):
    """No file at the path: said as ingest says it of a path that names nothing."""

    reason = "no such file or folder"


class EmptyFileError(ExtractError):
    reason = "the file is empty"


class DamagedPdfError(ExtractError):
    reason = "the PDF is damaged or truncated"


class EncryptedPdfError(ExtractError):
    reason = "the PDF is password-protected"


class NoTextLayerError(ExtractError):
    reason = "the PDF has no text layer (a scan?)"


class NotAnAiBriefError(ExtractError):
    reason = "not an issue of the SPRi AI Brief"


class TooLargeError(ExtractError):
    reason = "the file is too large"


class PageSizeError(ExtractError):
    reason = "a page's size is out of bounds"


class LayoutError(ExtractError):
    reason = "the issue's layout was not understood"
