#!/usr/bin/env python3
"""What drawing the pictures (term graph, trends, archive chart) and writing the feeds adds to a build.

    .venv/bin/python bench/make_corpus.py /tmp/c10k --pages 10000 --topics
    .venv/bin/python bench/pictures_bench.py /tmp/c10k [--markdown-only]

Runs the pipeline once (the pictures included), then draws every picture again, alone, from its result
(the drawing is pure: the same work), and builds the site with MkDocs unless --markdown-only. Prints
the seconds of each and the share the pictures add to the build without them. With --markdown-only the
share is against the pipeline alone: an upper bound, the MkDocs build only adds to the denominator.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from zhiku.write.feeds import feed_files  # noqa: E402
from zhiku.pictures.draw import draw_pictures  # noqa: E402
from zhiku.pipeline import run_pipeline  # noqa: E402
from zhiku.publish.mkdocs_build import build_site  # noqa: E402
from zhiku.pictures.trends import articles_figure  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", type=Path)
    parser.add_argument("--markdown-only", action="store_true", help="do not run MkDocs")
    parser.add_argument("--work", type=Path, default=None, help="docs/site folder (default: a temporary one)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="zhiku-pictures-"))
    started = time.perf_counter()
    result = run_pipeline(args.input, work / "docs", work / "report.json", glossary_file=ROOT / "content" / "glossary.yml",
                          cache_dir=work / "cache", site_url="https://example.org/zhiku/")
    pipeline = time.perf_counter() - started

    started = time.perf_counter()
    pictures = draw_pictures(result.terms, result.uses, result.articles)
    archive = articles_figure(result.articles)
    drawing = time.perf_counter() - started
    started = time.perf_counter()
    feeds = feed_files(result.articles, "https://example.org/zhiku/", "知库")
    feeding = time.perf_counter() - started
    size = sum(len(t) + len(g) for t, g in pictures.entries.values()) + len(pictures.home) + len(archive) \
        + sum(map(len, pictures.pages.values()))

    mkdocs = 0.0
    if not args.markdown_only:
        newest = max((a.date for a in result.articles if a.date), default=None)
        started = time.perf_counter()
        build_site(ROOT / "mkdocs.yml", work / "docs", work / "site", newest=newest)
        mkdocs = time.perf_counter() - started
    added = drawing + feeding
    without = pipeline + mkdocs - added
    print(f"articles          {len(result.articles)}")
    print(f"terms             {len(result.terms)} ({len(pictures.entries)} with pictures)")
    print(f"pipeline          {pipeline:8.2f} s (pictures and feeds included)")
    if not args.markdown_only:
        print(f"mkdocs build      {mkdocs:8.2f} s")
    print(f"pictures          {drawing:8.2f} s ({size / 1e6:.1f} MB of SVG and Markdown)")
    print(f"feeds             {feeding:8.2f} s ({sum(map(len, feeds.values())) / 1e3:.0f} kB)")
    print(f"added to build    {100 * added / without:8.2f} %" + (" (of the pipeline alone: an upper bound)"
                                                                  if args.markdown_only else ""))


if __name__ == "__main__":
    main()
