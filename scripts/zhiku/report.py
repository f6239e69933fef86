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
from collections import Counter

from .ingest import Ingest
from .model import Article

ARTICLES_DIR = "articles"


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


def build_report(ingest: Ingest, articles: list[Article], other_errors: list[str] = (), *,
                 terms: int | None = None, links: int | None = None, not_in_body=None) -> bytes:
    """The report as UTF-8 JSON. `not_in_body`: a cache.Memo of each page's not_in_body as JSON, by
    extraction key, so that a build need not read the dropped lines of the pages it did not extract
    again. (Bytes: joining tens of MB of Chinese text as str was most of the report's time.)"""
    pages = []
    for a in articles:
        fmt, encoding = ingest.formats.get(a.source_path, ("text", "utf-8"))
        page = json.dumps({
            "input": a.source_path,
            "sha256": a.sha256,
            "format": fmt,
            "encoding": encoding,
            "output": f"{ARTICLES_DIR}/{a.slug}.md" if a.slug else None,
            "problems": a.problems,
        }, ensure_ascii=False).encode("utf-8")
        dropped = not_in_body.get_json(a.content_key) if not_in_body is not None and a.content_key else None
        if dropped is None:
            # For HTML pages, line numbers count lines of the extracted text (title first).
            dropped = json.dumps([d.as_dict() for d in a.dropped], ensure_ascii=False).encode("utf-8")
            if not_in_body is not None and a.content_key:
                not_in_body.put_json(a.content_key, dropped)
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
