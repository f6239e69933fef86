"""The two kinds of file a cached step keeps: a journal read whole, and an entry file per key.

Entries are JSON, never pickle: a cache folder is read as data, not code.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import orjson


def loads(data: bytes | str):
    """The caches' JSON, read with orjson (several times faster than json for these values). The
    same values for what the caches hold; orjson would read an integer past 64 bits as a float, and
    the caches hold counts, sizes and nanosecond times."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:  # a subclass of ValueError. json also reads NaN and Infinity,
        return json.loads(data)  # which json.dumps may write; and raises its own error otherwise


def dumps(value) -> bytes:
    """Compact UTF-8 JSON, keys in the order given: the same value gives the same bytes."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class EntryFiles:
    """JSON entries by key, a file each, under `folder`; a `None` folder stores nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str):
        if self.folder is None:
            return None
        try:
            return loads(self.path(key).read_bytes())
        except (OSError, ValueError):
            return None

    def put(self, key: str, entry) -> None:
        if self.folder is None:
            return
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # A temporary file per process: two workers may store the same entry at once.
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(dumps(entry))
        os.replace(tmp, path)  # a build killed mid-write leaves no half entry


_HEADER = b"zhiku journal"


class Journal:
    """Values by key in one file read once: a build after a small change finds what the last one
    worked out without opening a file per page.

    A line per entry (`key<TAB>value as JSON`), read without decoding the values until they are
    asked for; a build appends what it added. Entries no run has used since the file was last
    written whole are dropped when they pass a quarter of it, so it follows the site. A file whose
    header names another version is not read: the values were made by other code."""

    def __init__(self, path: Path | None, version: str) -> None:
        self.path = path
        self._header = _HEADER + b"\t" + version.encode() + b"\n"
        # key → value as UTF-8 JSON. Kept as bytes: most values are never asked for, and decoding
        # them all to text would be most of reading the journals.
        self._old: dict[str, bytes] = {}
        self._lines = 0
        self._torn = False
        if path is not None:
            try:
                data = path.read_bytes()
            except OSError:
                data = b""
            if not data.startswith(self._header):
                data = b""
            if not data.endswith(b"\n"):  # the last line cut short by a killed build: not used, and
                data = data[:data.rfind(b"\n") + 1]  # the file is written whole again (save)
                self._torn = True
            for line in data[len(self._header):].split(b"\n")[:-1]:
                key, tab, value = line.partition(b"\t")
                if tab:
                    try:
                        key = key.decode("utf-8")
                    except UnicodeDecodeError:  # a damaged line: that entry is simply not known
                        continue
                    self._old[_unescape_key(key) if "\\" in key else key] = value
                    self._lines += 1
        self._used: set[str] = set()
        self._added: dict[str, bytes] = {}

    @property
    def touched(self) -> bool:
        return bool(self._used or self._added)

    def _value(self, key: str) -> bytes | None:
        value = self._added.get(key) or self._old.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def get_json(self, key: str) -> bytes | None:
        """The value as UTF-8 JSON, undecoded (the caller may splice it into a file of its own)."""
        value = self._value(key)
        if value is None:
            return None
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            self._forget(key)
            return None
        return value

    def get(self, key: str):
        value = self._value(key)
        if value is None:
            return None
        try:
            return loads(value)
        except ValueError:  # UnicodeDecodeError is one too
            self._forget(key)
            return None

    def peek(self, key: str):
        """The value the last build left, without keeping it for the next."""
        try:
            return loads(self._old[key]) if key in self._old else None
        except ValueError:
            return None

    def _forget(self, key: str) -> None:
        self._old.pop(key, None)
        self._used.discard(key)

    def put_json(self, key: str, value: bytes) -> None:
        """`value`: UTF-8 JSON."""
        self._used.add(key)
        if self._old.get(key) != value:
            self._added[key] = value

    def put(self, key: str, value) -> None:
        self.put_json(key, dumps(value))

    def save(self) -> None:
        if self.path is None or not self.touched:
            return  # not touched here (another process may have saved it): left as it is
        lines = self._lines + len(self._added)  # in the file, were this run's entries appended
        stale = lines - len(self._used)  # entries not used this run, and entries written again
        if self._lines and stale <= lines // 4 and not self._torn:
            if self._added:
                with self.path.open("ab") as journal:
                    journal.write(b"".join(_journal_line(k, v) for k, v in self._added.items()))
                self._old.update(self._added)
                self._lines, self._added = lines, {}  # saved: saving again writes nothing
            return
        if not self._lines and not self._added:
            return
        entries = {k: self._old[k] for k in sorted(self._used - self._added.keys()) if k in self._old}
        entries.update(self._added)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(self._header + b"".join(_journal_line(k, v) for k, v in entries.items()))
        os.replace(tmp, self.path)
        self._old, self._lines, self._added, self._torn = entries, len(entries), {}, False


def _journal_line(key: str, value: bytes) -> bytes:
    # Keys are hashes and paths: written as they are, with \\, tab and line breaks escaped.
    if "\\" in key or "\t" in key or "\n" in key or "\r" in key:
        key = key.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return key.encode("utf-8") + b"\t" + value + b"\n"


def _unescape_key(key: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), key)
