"""The build report: build/report.json, and its summary on the terminal.

report.json keeps one entry per published page (input, sha256, output, problems, and `not_in_body`:
every input line that is not in the Markdown body, with its reason), and adds:
  summary    counts: pages read, published, not published and warnings by kind, cache use
  problems   one entry per bad page: input, kind, message, published, and `other` (the duplicate's
             original, or the page with the same title)
  errors     the same problems as one line each, `file: problem` (and other lines from later stages)
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from typing import Callable, TextIO

from .cache.step import Step
from .extract.entry import as_report_json, not_in_body
from .layout import article_page
from .model import Article
from .read.ingest import Ingest, content_identity, with_body


# Every input line of a page that is not in its body, with the reason: read from the page's dropped
# lines only when it was extracted again, kept as the report's own JSON, spliced in as it is.
NOT_IN_BODY = Step("report-not-in-body", not_in_body, prepare=with_body, encode=as_report_json)


def summary(ingest: Ingest, articles: list[Article], *, terms: int | None = None, links: int | None = None) -> dict:
    skipped = Counter(p.kind for p in ingest.problems if not p.published)
    warnings = Counter(p.kind for p in ingest.problems if p.published)
    data = {
        "pages_read": ingest.pages_read,
        "published": len(articles),
        "not_published": sum(skipped.values()),
        "not_published_by_kind": dict(sorted(skipped.items())),
        "warnings_by_kind": dict(sorted(warnings.items())),
        "extracted": len(ingest.extracted),
        "from_cache": ingest.cached,
    }
    if terms is not None:
        data["terms"] = terms
    if links is not None:
        data["links"] = links
    return data


def build_report(cache, ingest: Ingest, articles: list[Article], other_errors: list[str] = (), *,
                 terms: int | None = None, links: int | None = None, jobs: int | None = None) -> bytes:
    """The report as UTF-8 JSON. (Bytes: joining tens of MB of Chinese text as str was most of the
    report's time.)"""
    # (A block removed as its site's chrome is reported with this build's counts: they are in the key.)
    lines = NOT_IN_BODY.run(cache, articles, [NOT_IN_BODY.key(content_identity(a), *a.chrome_repeats.values())
                                              for a in articles], raw=True, jobs=jobs)
    pages = []
    for a, dropped in zip(articles, lines):
        fmt, encoding = ingest.formats.get(a.source_path, ("text", "utf-8"))
        page = json.dumps({
            "input": a.source_path,
            "sha256": a.sha256,
            "format": fmt,
            "encoding": encoding,
            "output": article_page(a.slug) if a.slug else None,
            "problems": a.problems,
        }, ensure_ascii=False).encode("utf-8")
        pages.append(_Json((page[:-1], b', "not_in_body": ', dropped, b"}")))
    report = {
        "summary": summary(ingest, articles, terms=terms, links=links),
        "problems": [p.as_dict() for p in ingest.problems],
        "errors": ingest.errors + list(other_errors),
        "pages": pages,
    }
    return dumps_by_line(report)


class _Json(tuple):
    """JSON already: the UTF-8 pieces it is made of, in order."""


def dumps_by_line(report: dict) -> bytes:
    """JSON a person can scan and a diff can follow: one line per key, and per item of a list; as UTF-8.

    (json.dumps with indent= runs the pure-Python encoder: seconds for a large site's report. The
    pieces are joined once: each join or + of the whole copies tens of MB.)
    """
    pieces = [b"{\n "]

    def add(value) -> None:
        if isinstance(value, _Json):
            pieces.extend(value)
        else:
            pieces.append(json.dumps(value, ensure_ascii=False).encode("utf-8"))

    for i, (key, value) in enumerate(report.items()):
        if i:
            pieces.append(b",\n ")
        add(key)
        if isinstance(value, list) and value:
            pieces.append(b": [\n  ")
            for j, item in enumerate(value):
                if j:
                    pieces.append(b",\n  ")
                add(item)
            pieces.append(b"\n ]")
        else:
            pieces.append(b": ")
            add(value)
    pieces.append(b"\n}\n")
    return b"".join(pieces)


def summary_line(ingest: Ingest, articles: list[Article], *, terms: int | None = None,
                 links: int | None = None) -> str:
    """One line for the terminal: pages read, published, skipped with reasons, terms, links, cache."""
    s = summary(ingest, articles, terms=terms, links=links)
    line = f"zhiku: {s['pages_read']} pages read, {s['published']} published"
    if s["not_published"]:
        reasons = ", ".join(f"{n} {kind}" for kind, n in s["not_published_by_kind"].items())
        line += f", {s['not_published']} skipped ({reasons})"
    if s["warnings_by_kind"]:
        line += ", warnings: " + ", ".join(f"{n} {kind}" for kind, n in s["warnings_by_kind"].items())
    if terms is not None:
        line += f"; {terms} terms"
    if links is not None:
        line += f", {links} links"
    return line + f"; {s['extracted']} pages extracted, {s['from_cache']} from cache"


def link_report(terms, uses, ambiguous, problems, candidates) -> bytes:
    """links.json: links made per term, terms never mentioned, ambiguous aliases, glossary problems,
    term discovery's candidates."""
    report = {
        "links_per_term": {t.name: uses[t.name].links for t in terms if uses[t.name].links},
        "mentions_per_term": {t.name: uses[t.name].total for t in terms if uses[t.name].total},
        "never_mentioned": [t.name for t in terms if not uses[t.name].total],
        "ambiguous_aliases": ambiguous,
        "glossary_problems": problems,
        "candidates": [c.__dict__ for c in candidates],
    }
    return dumps_by_line(report)


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
