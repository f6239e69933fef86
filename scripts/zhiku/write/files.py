"""Writing the docs folder: only files whose bytes changed (the others keep their mtime, for
`mkdocs serve --dirty`), a manifest of what zhiku wrote, so that a page it no longer makes is
removed, and a record of what each page was rendered from, so that a page whose inputs are
unchanged is not rendered again."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import orjson

from ..cache.store import Journal

MANIFEST = ".zhiku-manifest.json"  # in the docs folder: MkDocs passes over dot files


def write_text(path: Path, text: str) -> bool:
    """Write only when the content changed; True when it did."""
    return write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> bool:
    """write_text for text that is UTF-8 already."""
    try:  # compared as bytes, the size first: the report of a large site is tens of MB
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


@dataclass(frozen=True)
class PagesRecord:
    """The journal (in the cache) of the pages a docs folder was written with: path → the fingerprint
    of what a page was rendered from, and the file's size and mtime then. `version`: of the code
    that renders them."""

    name: str
    version: str


def written_files(folder: Path) -> set[str]:
    """The files zhiku wrote into a docs folder last time, by path in it (its manifest)."""
    try:
        listed = orjson.loads((Path(folder) / MANIFEST).read_bytes())
    except (OSError, ValueError):
        listed = []
    return set(listed) if isinstance(listed, list) else set()


class DocsFolder:
    """The docs folder: its manifest (the files zhiku wrote, so that one it no longer makes is
    removed), and, when a record is given (cache/step.Cache.journal(PagesRecord)), what each page
    was rendered from: a page whose fingerprint is the same and whose file is as it was left is
    not rendered again."""

    def __init__(self, folder: Path, record: Journal | None = None) -> None:
        self.folder = Path(folder)
        self._prefix = f"{self.folder.resolve()}/"  # paths as strings: pathlib costs more than the checks
        self._then = written_files(self.folder)
        self._record = record
        self._fingerprints: dict[str, str] = {}  # of the pages written this run
        self.changed: list[str] = []

    def unchanged(self, rel: str, fingerprint: str | None) -> bool:
        """Whether the page at `rel` was rendered from `fingerprint` and its file is as written then."""
        if self._record is None or not fingerprint:
            return False
        then = self._record.get(self._prefix + rel)
        if not then or then[0] != fingerprint:
            return False
        try:
            stat = os.stat(self._prefix + rel)
        except OSError:
            return False
        return then[1:] == [stat.st_size, stat.st_mtime_ns]

    def write(self, pages: dict[str, str | None], fingerprints: dict[str, str] | None = None) -> None:
        """Write the pages that changed; a page of text None is one found unchanged."""
        for rel, text in sorted(pages.items()):
            if text is None:
                continue
            if write_text(self.folder / rel, text):
                self.changed.append(rel)
            if fingerprints and fingerprints.get(rel):
                self._fingerprints[rel] = fingerprints[rel]

    def finish(self, made: set[str]) -> None:
        """Remove the files an earlier run wrote that this one did not make; save the manifest, and
        record what the pages written were rendered from."""
        for stale in sorted(self._then - made):
            (self.folder / stale).unlink(missing_ok=True)
        write_text(self.folder / MANIFEST, json.dumps(sorted(made), ensure_ascii=False, indent=0) + "\n")
        if self._record is not None:
            for rel, fingerprint in self._fingerprints.items():
                stat = os.stat(self._prefix + rel)
                self._record.put(self._prefix + rel, [fingerprint, stat.st_size, stat.st_mtime_ns])
