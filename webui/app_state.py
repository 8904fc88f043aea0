"""What the views share for the life of the app: the archive and the page-image cache."""

from __future__ import annotations

from flask import current_app

from archive import ArchiveReader, NotFound
from webui.page_image import PageImageCache


def current_archive() -> ArchiveReader:
    """The archive this app serves (an `archive.Archive`, or a stand-in in tests)."""
    return current_app.extensions["aibrief_archive"]


def page_images() -> PageImageCache:
    """The app's cache of rendered PDF pages, created on first use."""
    cache = current_app.extensions.get("aibrief_page_images")
    if cache is None:
        cache = PageImageCache(current_app.config["PAGE_IMAGE_CACHE"])
        current_app.extensions["aibrief_page_images"] = cache
    return cache


def pdf_available(issue: str) -> bool:
    """Whether the archive holds the issue's PDF (imported articles have none)."""
    try:
        return current_archive().pdf_path(issue).is_file()
    except NotFound:
        return False
