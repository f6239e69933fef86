"""Ingest: every page of an input folder as an Article, or one report line saying why it is not.

Per page: size limit, read, decode, extract by format (text dump, HTML, Markdown), checks (no title,
cut off, date); per site: exact duplicates (published once) and articles sharing a title (both
published). Extraction results are cached by content hash (cache.py); progress goes to stderr.
"""
from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, TextIO

from .cache import PageCache, article_from_json, article_to_json, store_page
from .extract import extract_article
from .facts import compute_facts
from .model import Article, RawPage
from .parallel import parallel_map
from .profile import SourceProfile
from .read import MAX_PAGE_BYTES, PageError, decode_page, page_format, walk_pages

# Sentence-final punctuation: a body whose last paragraph ends otherwise, with no footer, was cut off.
END_PUNCTUATION = set("。！？!?…．.;；:：”’」』）)】》\"'~～—-")
# Problem kinds; "published": False for kinds whose page is not on the site.
KINDS = {
    "empty": False, "binary": False, "too-large": False, "undecodable": False, "unreadable": False,
    "no-title": False, "duplicate": False, "no-body": False, "login-wall": False, "link-list": False,
    "cut-off": True, "bad-date": True, "no-date": True, "empty-body": True, "same-title": True,
    "front-matter": True, "relative-date": True,
}
_PREFIXES = (("no title", "no-title"), ("date does not parse", "bad-date"), ("no publish time", "no-date"),
             ("empty body", "empty-body"), ("cut off", "cut-off"), ("front matter", "front-matter"),
             ("no body", "no-body"), ("login wall", "login-wall"), ("link list", "link-list"),
             ("relative date", "relative-date"))


@dataclass(frozen=True)
class Problem:
    """One line of the build report: the file, what is wrong, and whether the page was published."""

    input: str
    kind: str
    message: str
    other: str | None = None  # the other page of a duplicate or a shared title

    @property
    def published(self) -> bool:
        return KINDS.get(self.kind, True)

    def line(self) -> str:
        return f"{self.input}: {self.message}" + ("" if self.published else "; not published")

    def as_dict(self) -> dict:
        entry = {"input": self.input, "kind": self.kind, "message": self.message, "published": self.published}
        if self.other:
            entry["other"] = self.other
        return entry


@dataclass
class Ingest:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    pages_read: int = 0  # input files found
    extracted: list[str] = field(default_factory=list)  # pages extracted this run (cache misses)
    cached: int = 0  # pages whose extraction came from the cache
    formats: dict[str, tuple[str, str]] = field(default_factory=dict)  # input → (format, encoding)

    @property
    def errors(self) -> list[str]:
        return [p.line() for p in self.problems]


def problem_kind(message: str) -> str:
    return next((kind for prefix, kind in _PREFIXES if message.startswith(prefix)), "other")


def cut_off(article: Article, raw: RawPage) -> str | None:
    """Why the page looks cut off mid-body, or None.

    HTML: the file ends before `</body>` or `</html>` (a download broken off). Text dump: no footer
    (keywords, source/author, references) and the last paragraph does not end in sentence-final
    punctuation. Markdown is written by hand, not downloaded: not checked.
    """
    if raw.format == "html":
        tail = raw.text[-4096:].lower()
        return None if ("</html" in tail or "</body" in tail) else "cut off: the HTML ends before </body>/</html>"
    if raw.format != "text" or article.keywords or article.source or article.references:
        return None
    last = next((b for b in reversed(article.blocks) if b.kind == "paragraph"), None)
    if last is None or last.text[-1] in END_PUNCTUATION:
        return None
    return f"cut off mid-body: no footer, and the text ends without punctuation: …{last.text[-20:]!r}"


def extract_page(raw: RawPage, profile: SourceProfile) -> Article:
    """The format's extractor, then the checks that need the raw page."""
    if raw.format == "html":
        from .html_reader import extract_html

        article = extract_html(raw, profile)
    elif raw.format == "markdown":
        from .markdown_reader import extract_markdown

        article = extract_markdown(raw, profile)
    else:
        article = extract_article(raw, profile)
        first = article.title
        if first and any(p.match(first) for p in (profile.clicks_date, profile.keywords, profile.source_author)):
            # The first line is the click/time line or a footer line: the title line is missing.
            article.problems.insert(0, f"no title: the first line is metadata, not a title: {first[:40]!r}")
            article.title = ""
    if article.title and (reason := cut_off(article, raw)):
        article.problems.append(reason)
    return article


def _text_key(text: str) -> str:
    """Two files are exact duplicates when their decoded text is equal (whatever the encoding or line ends)."""
    return hashlib.sha256(text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")).hexdigest()


def _load_entry(path: Path, rel: str, fmt: str, data: bytes, sha256: str, profile: SourceProfile,
                mtime: float | None = None, slugs: dict[str, str] | None = None) -> dict:
    """`slugs`: title → slug known from the page's last version (compute_facts)."""
    try:
        text, encoding = decode_page(data, rel, fmt)
    except PageError as exc:
        return {"error": {"kind": exc.kind, "detail": exc.detail}}
    article = extract_page(RawPage(rel, text, sha256, encoding, fmt, mtime), profile)
    article.facts = compute_facts(article, slugs)
    entry = {"article": article_to_json(article), "encoding": encoding, "text_sha256": _text_key(text)}
    if any(p.startswith("relative date") for p in article.problems):
        entry["file_time"] = mtime  # this extraction holds for this file time only
    return entry


def _extract_job(job: tuple) -> dict:
    """One page's extraction, in a worker process: (path, rel, fmt, sha256, profile, cache folder,
    cache salt, slugs known) → cache entry, stored in the cache here."""
    path, rel, fmt, sha256, profile, cache_folder, cache_salt, slugs = job
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:  # changed since it was hashed: hash what is read
        sha256 = hashlib.sha256(data).hexdigest()
    entry = {**_load_entry(path, rel, fmt, data, sha256, profile, path.stat().st_mtime, slugs), "sha256": sha256}
    store_page(cache_folder, cache_salt, fmt, entry)
    return entry


def read_input(input_dir: Path, profile: SourceProfile, *, cache: PageCache | None = None,
               max_bytes: int = MAX_PAGE_BYTES, progress: Callable[[int, int], None] | None = None,
               jobs: int | None = None) -> Ingest:
    """Every page under `input_dir`; bad pages become Problems, never exceptions.

    Three passes: find what the cache already has (cheap, here), extract the rest (on every core),
    then put the results together in path order (duplicates and shared titles need the whole set).
    """
    cache = cache or PageCache(None, profile)
    result = Ingest()
    pages = walk_pages(input_dir)
    result.pages_read = len(pages)
    planned: list[tuple[str, str, dict | PageError | str]] = []  # (rel, fmt, entry | error | key to extract)
    to_extract: list[tuple] = []
    for rel, path, stat in pages:
        fmt = page_format(rel)
        try:
            stat = stat or path.stat()
            if max_bytes and stat.st_size > max_bytes:
                raise PageError(rel, "too-large", f"{stat.st_size:,} bytes, over the page size limit of "
                                f"{max_bytes:,} bytes (--max-page-mb)")
            sha256 = cache.known_sha256(rel, stat)
            if sha256 is None:
                sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
            entry = cache.lookup(cache.key(sha256, fmt))
            if entry is not None and entry.get("file_time", stat.st_mtime) != stat.st_mtime:
                entry = None  # a relative date was counted back from another file time: again
            if entry is None:
                to_extract.append((path, rel, fmt, sha256, profile, cache.folder, cache.salt,
                                   cache.last_title_slug(rel, fmt)))
                planned.append((rel, fmt, "extract"))
            else:
                result.cached += 1
                planned.append((rel, fmt, {**entry, "sha256": sha256}))
            cache.remember(rel, stat, sha256)
        except PageError as exc:
            planned.append((rel, fmt, exc))
        except OSError as exc:
            planned.append((rel, fmt, PageError(rel, "unreadable", f"cannot read: {exc.strerror or exc}")))
    extracted = iter(_extract_with_progress(to_extract, progress, len(pages) - len(to_extract), len(pages), jobs))
    first_by_text: dict[str, str] = {}
    for rel, fmt, planned_entry in planned:
        entry = next(extracted) if planned_entry == "extract" else planned_entry
        if planned_entry == "extract":
            cache.put_head(cache.key(entry["sha256"], fmt), entry)  # the worker stored the entry
            result.extracted.append(rel)
        try:
            if isinstance(entry, PageError):
                raise entry
            if "error" in entry:
                raise PageError(rel, entry["error"]["kind"], entry["error"]["detail"])
        except PageError as exc:
            result.problems.append(Problem(rel, exc.kind, exc.detail))
            continue
        sha256 = entry["sha256"]
        key = cache.key(sha256, fmt)
        article = article_from_json(entry["article"], load_body=partial(cache.body, key))
        article.source_path, article.sha256 = rel, sha256  # the same bytes may sit at another path
        article.content_key = key
        result.formats[rel] = (fmt, entry["encoding"])
        if (first := first_by_text.setdefault(entry["text_sha256"], rel)) != rel:
            result.problems.append(Problem(rel, "duplicate", f"exact duplicate of {first}", other=first))
            continue
        bad = next((p for p in article.problems if not KINDS.get(problem_kind(p), True)), None)
        if article.title and bad is None:
            result.problems.extend(Problem(rel, problem_kind(p), p) for p in article.problems)
            result.articles.append(article)
        else:  # not published (no title; an HTML page with no body, a login wall, a list of links): the reason
            message = bad or (article.problems[0] if article.problems else "no title")
            kind = problem_kind(message)
            result.problems.append(Problem(rel, kind if kind != "other" else "no-title", message))
    by_title: dict[str, str] = {}
    for article in result.articles:
        first = by_title.setdefault(article.title, article.source_path)
        if first != article.source_path:
            result.problems.append(Problem(article.source_path, "same-title",
                                           f"same title as {first}; both published, at distinct URLs", other=first))
    cache.save_index()
    return result


def _extract_with_progress(jobs_list: list[tuple], progress, done_before: int, total: int,
                           jobs: int | None) -> list[dict]:
    results: list[dict] = []
    if progress:
        progress(done_before, total)  # starts the clock; with everything cached, the only line
    for entry in parallel_map(_extract_job, jobs_list, jobs=jobs):
        results.append(entry)
        if progress:
            progress(done_before + len(results), total)
    if progress:
        progress(total, total)
    return results


class Progress:
    """Pages done, rate and time left on stderr: on a terminal, or for long runs (every few seconds)."""

    def __init__(self, stream: TextIO = sys.stderr, *, min_pages: int = 500, every: float = 0.5,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.min_pages, self.every, self.clock = stream, min_pages, every, clock
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.started = self.last = None
        self.shown = self.finished_shown = False

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if self.started is None:
            self.started = self.last = now
        if not (self.tty or total >= self.min_pages) or total == 0:
            return
        finished = done == total
        if finished and self.finished_shown:
            return
        if not finished and now - self.last < (self.every if self.tty else max(self.every, 5.0)):
            return
        self.finished_shown = finished
        self.last = now
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (total - done) / rate if rate > 0 else 0.0
        line = f"zhiku: read {done}/{total} pages" + (
            "" if elapsed < 0.1 else f", {rate:.0f} pages/s, " + (f"{elapsed:.1f} s" if finished else f"{left:.0f} s left"))
        end = "\n" if finished or not self.tty else ""
        self.stream.write(("\r" if self.tty else "") + line + ("\x1b[K" if self.tty else "") + end)
        self.stream.flush()
        self.shown = True
