#!/usr/bin/env python3
"""Search index size and the browser's time to the first answer, for the sample site and a big one.

    .venv/bin/python bench/search_size.py [--pages 1000] [--query 扎克伯格] [--runs 3]

Builds two sites in a temporary folder: the sample page alone, and --pages synthetic articles from
bench/make_corpus.py (the sample's sentences under new titles and names, deterministic). For each it
prints the size of search/search_index.json (total, and per article page), and, in Debian's
chromium, the time from opening index.html to the first query's results on screen, served on
127.0.0.1 and opened from file:// (the median of --runs fresh pages). The file:// figure includes
loading the index as a script; both include the worker building the lunr index.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def build(pages: Path, out: Path) -> Path:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--input", str(pages),
                             "--docs", str(out / "docs"), "--site", str(out / "site"), "--no-cache"],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        sys.exit(result.stderr)
    return out / "site"


def index_figures(site: Path) -> dict:
    index = site / "search" / "search_index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    articles = len(list((site / "articles").glob("*.html"))) - 1  # without articles/index.html
    per_page: dict[str, int] = {}
    for doc in data["docs"]:
        page = doc["location"].split("#")[0]
        per_page[page] = per_page.get(page, 0) + len(json.dumps(doc, ensure_ascii=False).encode())
    article_sizes = [size for page, size in per_page.items() if page.startswith("articles/")]
    return {"articles": articles, "entries": len(data["docs"]), "bytes": index.stat().st_size,
            "per_article": statistics.mean(article_sizes) if article_sizes else 0,
            "glossary_bytes": sum(s for p, s in per_page.items() if p.startswith("glossary/"))}


def first_answer(browser, base: str, query: str) -> float:
    from tests.browser import search, watched_page

    with watched_page(browser, base) as (page, watch):
        page.set_default_timeout(600_000)  # from file:// the index is built on the page's own thread
        started = time.monotonic()
        page.goto(base + "index.html")
        results = search(page, query, timeout=600_000)
        elapsed = time.monotonic() - started
        if not results or watch.outside or watch.errors:
            sys.exit(f"{base}: no answer, or outside requests {watch.outside} / errors {watch.errors}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--query", default="扎克伯格")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from tests.browser import chromium, serve

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "sample").mkdir()
        (tmp / "sample" / "page.txt").write_bytes((ROOT / "content/pages/000_f2ff1240febe54e4.txt").read_bytes())
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(tmp / "big"),
                        "--pages", str(args.pages), "--html-share", "0"], check=True, capture_output=True)
        sites = {"sample": build(tmp / "sample", tmp / "out-sample"),
                 f"{args.pages} pages": build(tmp / "big", tmp / "out-big")}
        print(f"{'site':>12} {'articles':>8} {'index':>10} {'per article':>11} {'glossary':>9} "
              f"{'1st answer http':>15} {'1st answer file':>15}")
        with chromium() as browser:
            for name, site in sites.items():
                figures = index_figures(site)
                print(f"{name:>12} {figures['articles']:>8} {figures['bytes'] / 1024:>8.0f} K "
                      f"{figures['per_article'] / 1024:>9.1f} K {figures['glossary_bytes'] / 1024:>7.0f} K ", end="", flush=True)
                with serve(site) as base:
                    http = statistics.median(first_answer(browser, base, args.query) for _ in range(args.runs))
                print(f"{http:>13.2f} s ", end="", flush=True)
                file = statistics.median(first_answer(browser, site.as_uri() + "/", args.query)
                                         for _ in range(args.runs))
                print(f"{file:>13.2f} s", flush=True)


if __name__ == "__main__":
    main()
