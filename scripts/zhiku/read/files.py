"""Finding the pages of an input folder: formats by file name, a stable order, the size limit.

Formats: `.txt` (the portal's text dump), `.html`/`.htm` (saved web pages), `.md`/`.markdown`
(Markdown with YAML front matter).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..model import RawPage
from .decode import PageError, decode_page

FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
PAGE_SUFFIXES = set(FORMATS)
MAX_PAGE_BYTES = 5 * 1024 * 1024  # a scraped article is tens of KB; 5 MB is a page gone wrong


def page_format(path: Path | str) -> str:
    return FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def walk_pages(root: Path) -> list[tuple[str, Path, os.stat_result | None]]:
    """Every page below `root`, recursively, in a stable order; hidden files and folders are skipped.
    Each with its path relative to `root` ('/' separators) and its stat, taken while listing (one
    system call a page, not three: a large site is listed on every build)."""
    found: list[tuple[str, Path, os.stat_result | None]] = []
    folders = [(str(root), "")]
    while folders:
        folder, rel = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:  # as os.walk: a folder that cannot be listed is passed over
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):  # as os.walk: links to folders not followed
                folders.append((entry.path, f"{rel}{entry.name}/"))
            elif os.path.splitext(entry.name)[1].lower() in PAGE_SUFFIXES and entry.is_file():
                try:
                    stat = entry.stat()
                except OSError:
                    stat = None  # asked again, and reported, when the page is read
                found.append((f"{rel}{entry.name}", Path(entry.path), stat))
    return sorted(found, key=lambda item: item[0])


def read_page(path: Path, root: Path, *, max_bytes: int = MAX_PAGE_BYTES) -> RawPage:
    rel = path.relative_to(root).as_posix()
    size = path.stat().st_size
    if max_bytes and size > max_bytes:
        raise PageError(rel, "too-large", f"{size:,} bytes, over the page size limit of {max_bytes:,} bytes "
                        "(--max-page-mb)")
    data = path.read_bytes()
    fmt = page_format(path)
    text, encoding = decode_page(data, rel, fmt)
    return RawPage(path=rel, text=text, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, format=fmt)


def read_bytes(path: Path, cache=None) -> bytes | OSError:
    """A file's bytes, or the error that reading it raised (said as the page's problem, not raised)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        return exc


def file_hash(data: bytes | OSError, context=None) -> dict:
    """{"sha256": …} of a file's bytes, or {"error": why it could not be read}."""
    if isinstance(data, OSError):
        return {"error": f"cannot read: {data.strerror or data}"}
    return {"sha256": hashlib.sha256(data).hexdigest()}


def readable(found: dict, item=None) -> bool:
    """A file that could not be read is tried again next time (its permissions may be fixed since)."""
    return "error" not in found
