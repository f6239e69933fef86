"""Content-hash cache for per-page extraction: a second build with unchanged input re-extracts nothing.

An entry is keyed by the sha256 of the page's bytes, its format, the source profile and the code
version (a hash of the reader, cleaner and model sources, and trafilatura's version), so a change to
any of them is a new key and old entries are simply not found. Entries are JSON, never pickle: a cache
folder is read as data, not code. A small index maps each input path to (size, mtime, sha256) so an
unchanged file is not even read.

Layout under the cache folder (default `build/cache/`):
  pages/<key[:2]>/<key>.json   one extracted Article, or the page's read error
  index.json                   path → [size, mtime_ns, sha256] of the last build
  heads.jsonl                  key → the entry without the body: what a build needs of an unchanged
                               page, read in one go (a Memo); the body is read from pages/ if asked for
  links/, link-counts.jsonl, … the later stages' caches (JsonStore, Memo: pipeline.StageCaches)
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import orjson

from .model import Article, Block, Dropped, Reference, TextFacts

_CODE_FILES = ("read.py", "clean.py", "extract.py", "html_reader.py", "html_extract.py", "dates.py",
               "markdown_reader.py", "model.py", "profile.py", "cache.py", "facts.py")
_BODY = ("blocks", "dropped")  # the large parts of an article, left out of its head
# The large parts of its facts, left out too: they are read only to add up the whole site, and that
# sum is kept between builds (sums.py).
_BODY_FACTS = ("latin_words", "latin_names")
_ARTICLE_FIELDS = frozenset(f.name for f in dataclasses.fields(Article))


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
        if f.name == "content_key":
            continue  # the key the entry is stored under
        # Blocks, references, dropped lines and facts hold plain values: a copy of each one's __dict__
        # is what dataclasses.asdict gives, without its deep copy (a third of extracting a page).
        if isinstance(value, datetime):
            value = value.isoformat()
        elif f.name in ("blocks", "references", "dropped"):
            value = [dict(vars(x)) for x in value]
        elif f.name == "facts" and value is not None:
            value = dict(vars(value))
        data[f.name] = value
    return data


def article_from_json(data: dict, load_body=None) -> Article:
    """The Article of a cache entry; from a head (no body), `load_body()` gives the full entry's
    article when its blocks or dropped lines are first used."""
    data = dict(data)
    if data.get("date"):
        data["date"] = datetime.fromisoformat(data["date"])
    facts = data.get("facts")
    if "blocks" in data or load_body is None:
        data["blocks"] = [Block(**x) for x in data.get("blocks", [])]
        data["dropped"] = [Dropped(**x) for x in data.get("dropped", [])]
    else:
        body = _Body(load_body)
        data["blocks"] = LazyList(lambda: [Block(**x) for x in body.article()["blocks"]])
        data["dropped"] = LazyList(lambda: [Dropped(**x) for x in body.article()["dropped"]])
        if facts:
            facts = {**facts, **{name: LazyDict(functools.partial(body.facts, name)) for name in _BODY_FACTS}}
    data["references"] = [Reference(**x) for x in data.get("references", [])]
    data["related"] = [tuple(x) for x in data.get("related", [])]
    if facts:
        data["facts"] = TextFacts(**facts)
    return Article(**{k: v for k, v in data.items() if k in _ARTICLE_FIELDS})


def head_of(entry: dict) -> dict:
    """A cache entry without the article's body."""
    if "article" not in entry:
        return entry
    article = {k: v for k, v in entry["article"].items() if k not in _BODY}
    if article.get("facts"):
        article["facts"] = {k: v for k, v in article["facts"].items() if k not in _BODY_FACTS}
    return {**entry, "article": article}


class CacheDamaged(RuntimeError):
    """A cache entry that its index names is gone (files deleted by hand): build with --no-cache once."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what}; delete the cache folder or build once with --no-cache")
        self.what = what

    def __reduce__(self):  # from a worker process: made again from what, not from the message
        return type(self), (self.what,)


class _Body:
    """One cache entry's article, read once for its blocks, its dropped lines and its large facts."""

    def __init__(self, load) -> None:
        self._load, self._article = load, None

    def article(self) -> dict:
        if self._article is None:
            self._article = self._load()["article"]
        return self._article

    def facts(self, name: str):
        return self.article()["facts"][name]


class _Lazy:
    """A container read when first used: the bodies of unchanged articles stay on disk unless a stage
    needs them (the page is rendered again, or its terms must be counted again)."""

    _kind: type = list  # what it is once read
    _like: type = Sequence  # what it compares equal to

    def __init__(self, load) -> None:
        self._load, self._items = load, None

    def _value(self):
        if self._items is None:
            self._items, self._load = self._kind(self._load()), None
        return self._items

    def __getitem__(self, key):
        return self._value()[key]

    def __len__(self) -> int:
        return len(self._value())

    def __iter__(self):
        return iter(self._value())

    def __eq__(self, other) -> bool:
        return self._value() == self._kind(other) if isinstance(other, self._like) else NotImplemented

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._value()!r})" if self._items is not None else f"{type(self).__name__}(<not read>)"

    def __reduce__(self):  # to a worker process as a plain list or dict
        return self._kind, (self._value(),)


class LazyList(_Lazy, Sequence):
    """A list read when first used."""


class LazyDict(_Lazy, Mapping):
    """A dict read when first used."""

    _kind, _like = dict, Mapping


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
            entry = loads(self._path(key).read_bytes())
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
        # A temporary file per process: two workers may store the same entry at once.
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)  # a build killed mid-write leaves no half entry


def loads(data: bytes | str):
    """The caches' JSON, read three times faster than json.loads reads it (orjson): a one-page
    rebuild at 10,000 pages decodes 30,000 cached values. The same values for what the caches hold;
    orjson would read an integer past 64 bits as a float, and the caches hold counts, sizes and
    nanosecond times."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:  # a subclass of ValueError. json also reads NaN and Infinity,
        return json.loads(data)  # which json.dumps may write; and raises its own error otherwise


@functools.lru_cache(maxsize=None)
def source_version(*names: str) -> str:
    """A hash of these modules' source: cached results of older code are simply not found. (Read
    once a run: the stages' caches ask for the same modules' versions.)"""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class Memo:
    """What the last build worked out, by key, in one file read once: a build after a small change
    finds it without opening a file per page.

    The file is a journal, a line per entry (`key<TAB>value as JSON`), read without decoding the
    values until they are asked for; a build appends what it added. Entries no run has used since the
    file was last written whole are dropped when they pass a quarter of it, so it follows the site."""

    def __init__(self, folder: Path | None, name: str, version: str = "") -> None:
        """`version`: of the code that makes the values (source_version); a file of another is not read."""
        self.path = folder / f"{name}.jsonl" if folder is not None else None
        self._header = f"{_MEMO_HEADER}\t{version}\n".encode()
        # key → value as UTF-8 JSON, from the file. Kept as bytes: decoding 100 MB of memos to text
        # was a tenth of a one-page rebuild at 10,000 pages, and most values are never asked for.
        self._old: dict[str, bytes] = {}
        self._lines = 0
        self._torn = False
        if self.path is not None:
            try:
                data = self.path.read_bytes()
            except OSError:
                data = b""
            if not data.startswith(self._header):
                data = b""  # written by other code, or not a memo: as if there were none
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

    def _value(self, key: str) -> bytes | None:
        value = self._added.get(key) or self._old.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def _forget(self, key: str) -> None:
        """A value that does not decode (a damaged file): that entry is simply not known."""
        self._old.pop(key, None)
        self._used.discard(key)

    def get_json(self, key: str) -> bytes | None:
        """The entry as UTF-8 JSON, undecoded."""
        value = self._value(key)
        if value is None:
            return None
        try:
            value.decode("utf-8")  # the caller may splice it into a file of its own
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
        """The entry the last build left, without keeping it for the next."""
        try:
            return loads(self._old[key]) if key in self._old else None
        except ValueError:
            return None

    def put_json(self, key: str, value: bytes) -> None:
        """`value`: UTF-8 JSON."""
        self._used.add(key)
        if self._old.get(key) != value:
            self._added[key] = value

    def put(self, key: str, value) -> None:
        self.put_json(key, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def save(self) -> None:
        if self.path is None or not (self._used or self._added):
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


_MEMO_HEADER = "zhiku memo"


class CacheBusy(RuntimeError):
    """Another build holds the cache folder."""


@contextmanager
def cache_lock(folder: Path | None):
    """The cache folder for this build alone: two builds appending to the same journals would leave
    lines that are neither one's. A second build stops with CacheBusy instead of waiting."""
    if folder is None:
        yield
        return
    try:
        import fcntl
    except ImportError:  # not on a POSIX system: no lock
        yield
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    with open(Path(folder) / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise CacheBusy(f"another build is using the cache folder {folder}; wait for it to end, "
                            "or give this one another --cache") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def forget_memos(folder: Path) -> None:
    """Remove every Memo of a cache folder; its entries (JsonStore) stay, each found or not by itself."""
    for memo in Path(folder).glob("*.jsonl"):
        memo.unlink()


def _journal_line(key: str, value: bytes) -> bytes:
    # Keys are hashes and paths: written as they are, with \\, tab and line breaks escaped.
    if "\\" in key or "\t" in key or "\n" in key or "\r" in key:
        key = key.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return key.encode("utf-8") + b"\t" + value + b"\n"


def _unescape_key(key: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), key)


PAGES = "pages"  # the JsonStore kind of extractions


def page_key(salt: str, sha256: str, fmt: str) -> str:
    """An extraction's cache key: the page's bytes, its format, and the code and profile (salt)."""
    return hashlib.sha256(f"{salt}:{fmt}:{sha256}".encode()).hexdigest()


def store_page(folder: Path | None, salt: str, fmt: str, entry: dict) -> None:
    """Store an extraction (entry with its "sha256") where PageCache finds it, from a worker process:
    the worker that made the entry writes it, rather than sending it back to be written."""
    if folder is not None:
        JsonStore(folder, PAGES).put(page_key(salt, entry["sha256"], fmt),
                                       {k: v for k, v in entry.items() if k != "sha256"})


def cached_article(folder: Path | None, key: str) -> Article | None:
    """The whole Article stored under an extraction key, or None: what a page was before it changed."""
    entry = JsonStore(folder, PAGES).get(key)
    return article_from_json(entry["article"]) if entry and "article" in entry else None


class PageCache(JsonStore):
    """Extraction results by content key, and the index that spares reading unchanged files."""

    def __init__(self, folder: Path | None, profile) -> None:
        super().__init__(folder, PAGES)
        self.heads = Memo(folder, "heads")
        self.salt = f"{code_version()}:{profile_fingerprint(profile)}"
        self._index: dict[str, list] = {}
        self._new_index: dict[str, list] = {}
        if folder is not None:
            try:
                self._index = loads((folder / "index.json").read_bytes())
            except (OSError, ValueError):
                self._index = {}

    def key(self, sha256: str, fmt: str) -> str:
        return page_key(self.salt, sha256, fmt)

    def lookup(self, key: str) -> dict | None:
        """The entry under `key`, as its head when the last build kept one (the body is read later,
        if at all); None when the page must be extracted."""
        head = self.heads.get(key)  # its body is in pages/ (written first), unless someone took it
        if head is not None:
            return head
        entry = self.get(key)
        if entry is not None:
            self.heads.put(key, head_of(entry))
        return entry

    def put_head(self, key: str, entry: dict) -> None:
        """The head of an entry that a worker stored (store_page), as the worker returned it."""
        self.heads.put(key, head_of({k: v for k, v in entry.items() if k != "sha256"}))

    def body(self, key: str) -> dict:
        """The whole entry of a page whose head was used: its body is wanted after all."""
        entry = self.get(key)
        if entry is None:
            raise CacheDamaged(f"{self._path(key)} is missing")
        return entry

    def known_sha256(self, rel: str, stat: os.stat_result) -> str | None:
        """The sha256 recorded for this path last time, if its size and mtime are unchanged."""
        entry = self._index.get(rel)
        if entry and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
            return entry[2]
        return None

    def last_title_slug(self, rel: str, fmt: str) -> dict[str, str]:
        """{title: slug} of the last version of the page at this path, if its head is still known:
        a changed page whose title is the same keeps its slug without pinyin (pinyin.py)."""
        then = self._index.get(rel)
        head = self.heads.peek(self.key(then[2], fmt)) if then else None
        facts = head.get("article", {}).get("facts") if isinstance(head, dict) else None
        return {facts["title"]: facts["title_slug"]} if facts else {}

    def remember(self, rel: str, stat: os.stat_result, sha256: str) -> None:
        self._new_index[rel] = [stat.st_size, stat.st_mtime_ns, sha256]

    def save_index(self) -> None:
        if self.folder is None:
            return
        self.heads.save()
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / "index.json.tmp"
        tmp.write_text(json.dumps(self._new_index, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.folder / "index.json")
