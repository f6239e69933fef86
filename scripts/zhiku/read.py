"""Reading input: find the pages in a folder, decode them, split them into numbered lines."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .model import RawPage, SourceLine

PAGE_SUFFIXES = {".txt"}


class PageError(ValueError):
    """A page that cannot be read; the message names the file and the problem."""


def find_pages(root: Path) -> list[Path]:
    """Every page below `root`, recursively, in a stable order; hidden files and folders are skipped."""
    pages = [
        path for path in root.rglob("*")
        if path.is_file() and path.suffix.lower() in PAGE_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]
    return sorted(pages, key=lambda p: p.relative_to(root).as_posix())


def decode_page(data: bytes, name: str) -> str:
    if not data.strip():
        raise PageError(f"{name}: empty file")
    if b"\x00" in data[:4096]:
        raise PageError(f"{name}: binary file (NUL bytes), not a text page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PageError(f"{name}: not valid UTF-8 at byte {exc.start}") from None


def read_page(path: Path, root: Path) -> RawPage:
    data = path.read_bytes()
    rel = path.relative_to(root).as_posix()
    return RawPage(path=rel, text=decode_page(data, rel), sha256=hashlib.sha256(data).hexdigest())


def split_lines(text: str) -> list[SourceLine]:
    """Numbered lines; CRLF and lone CR count as line ends, as editors count them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [SourceLine(number, line) for number, line in enumerate(text.split("\n"), start=1)]
