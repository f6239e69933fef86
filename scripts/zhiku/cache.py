"""Content-hash cache for per-page extraction: a second build with unchanged input re-extracts nothing.

An entry is keyed by the sha256 of the page's bytes, its format, the source profile and the code
version (a hash of the reader, cleaner and model sources, and trafilatura's version), so a change to
any of them is a new key and old entries are simply not found. Entries are JSON, never pickle: a cache
folder is read as data, not code. A small index maps each input path to (size, mtime, sha256) so an
unchanged file is not even read.

Layout under the cache folder (default `build/cache/`):
  pages/<key[:2]>/<key>.json   one extracted Article, or the page's read error
  index.json                   path → [size, mtime_ns, sha256] of the last build
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from datetime import datetime
from pathlib import Path

from .model import Article, Block, Dropped, Reference

_CODE_FILES = ("read.py", "clean.py", "extract.py", "html_reader.py", "html_extract.py", "dates.py",
               "markdown_reader.py", "model.py", "profile.py", "cache.py")


def code_version() -> str:
    """Changes whenever the code that turns a page into an Article changes."""
    digest = hashlib.sha256(source_version(*_CODE_FILES).encode())
    try:
        from importlib.metadata import version

        digest.update(f"trafilatura {version('trafilatura')}".encode())
    except Exception:  # noqa: BLE001 - not installed: HTML pages then fail, not the cache
        pass
    return digest.hexdigest()[:16]


def profile_fingerprint(profile) -> str:
    """Every setting of a source profile (patterns in full: a Pattern's repr is cut at 200 characters)."""
    def plain(value):
        if hasattr(value, "pattern"):
            return [value.pattern, value.flags]
        if isinstance(value, (tuple, list)):
            return [plain(v) for v in value]
        return str(value)

    fields = {f.name: plain(getattr(profile, f.name)) for f in dataclasses.fields(profile)}
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def article_to_json(article: Article) -> dict:
    data = {}
    for f in dataclasses.fields(article):
        value = getattr(article, f.name)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif f.name in ("blocks", "references", "dropped"):
            value = [dataclasses.asdict(x) for x in value]
        data[f.name] = value
    return data


def article_from_json(data: dict) -> Article:
    data = dict(data)
    if data.get("date"):
        data["date"] = datetime.fromisoformat(data["date"])
    data["blocks"] = [Block(**x) for x in data.get("blocks", [])]
    data["references"] = [Reference(**x) for x in data.get("references", [])]
    data["dropped"] = [Dropped(**x) for x in data.get("dropped", [])]
    data["related"] = [tuple(x) for x in data.get("related", [])]
    names = {f.name for f in dataclasses.fields(Article)}
    return Article(**{k: v for k, v in data.items() if k in names})


class JsonStore:
    """JSON entries by key under `folder/kind/`; a `None` folder stores nothing (every get misses)."""

    def __init__(self, folder: Path | None, kind: str) -> None:
        self.folder, self.kind = folder, kind
        self.hits = self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / self.kind / key[:2] / f"{key}.json"

    def get(self, key: str):
        if self.folder is None:
            self.misses += 1
            return None
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, key: str, entry) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)  # a build killed mid-write leaves no half entry


def source_version(*names: str) -> str:
    """A hash of these modules' source: cached results of older code are simply not found."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class PageCache(JsonStore):
    """Extraction results by content key, and the index that spares reading unchanged files."""

    def __init__(self, folder: Path | None, profile) -> None:
        super().__init__(folder, "pages")
        self.salt = f"{code_version()}:{profile_fingerprint(profile)}"
        self._index: dict[str, list] = {}
        self._new_index: dict[str, list] = {}
        if folder is not None:
            try:
                self._index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._index = {}

    def key(self, sha256: str, fmt: str) -> str:
        return hashlib.sha256(f"{self.salt}:{fmt}:{sha256}".encode()).hexdigest()

    def known_sha256(self, rel: str, stat: os.stat_result) -> str | None:
        """The sha256 recorded for this path last time, if its size and mtime are unchanged."""
        entry = self._index.get(rel)
        if entry and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
            return entry[2]
        return None

    def remember(self, rel: str, stat: os.stat_result, sha256: str) -> None:
        self._new_index[rel] = [stat.st_size, stat.st_mtime_ns, sha256]

    def save_index(self) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / "index.json.tmp"
        tmp.write_text(json.dumps(self._new_index, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.folder / "index.json")
