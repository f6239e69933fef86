#!/usr/bin/env python3
"""How the build scales: stage times, pages per second, peak memory and sizes for N = 100 … 10,000.

    .venv/bin/python bench/scale.py                      # N = 100, 1000, 10000 (the last takes a while)
    .venv/bin/python bench/scale.py --sizes 100 1000     # quicker
    .venv/bin/python bench/scale.py --work /tmp/zhiku-scale --jobs 2

For each N: a synthetic corpus (bench/make_corpus.py, 10% HTML), a cold build without cache in a
fresh process (scripts/build.py --timings), the sizes of the site, its search index and its largest
HTML page; then warm rebuilds from the cache (Markdown only): nothing changed, one page changed, one
page added; and the whole site after one page changed.
Then the linker on the same corpus and glossary against one regex per term, and the growth ratios.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import write_corpus  # noqa: E402

# The last run's build folders are renamed, and removed when this run is over: on this VM's disk,
# deleting a gigabyte slowed the writes that followed by minutes (twice the system time in a 10,000-page
# build), a cost that a user's build never meets.
SET_ASIDE = "old-build-"
TIMING = re.compile(r"^zhiku: (?P<stage>.+?)\s+(?P<seconds>[\d.]+) s\s+peak\s+(?P<peak>\d+) MB$")
PRE_MKDOCS = ("read and clean", "glossary", "linking", "pictures", "writing Markdown", "search index")


def build(corpus: Path, out: Path, *extra: str, jobs: int | None = None, root: Path = ROOT) -> tuple[dict, float]:
    """A build of `corpus` into `out` with the code of the checkout `root` (its own .venv there, if any)."""
    python = root / ".venv" / "bin" / "python"
    cmd = [str(python) if root != ROOT and python.exists() else sys.executable, str(root / "scripts" / "build.py"),
           "--input", str(corpus), "--docs", str(out / "docs"), "--site", str(out / "site"), "--cache", str(out / "cache"),
           "--timings", *extra]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    started = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=root)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr[-2000:]}")
    stages = {}
    for line in result.stdout.splitlines():
        if match := TIMING.match(line):
            stages[match["stage"]] = (float(match["seconds"]), int(match["peak"]))
    return stages, wall


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def mb(size: float) -> str:
    return f"{size / 1e6:,.1f} MB"


def change_one_page(corpus: Path) -> None:
    page = sorted(corpus.rglob("*.txt"))[len(list(corpus.rglob("*.txt"))) // 2]
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[6] += f"（更新于 {time.time():.0f}）"
    page.write_text("\n".join(lines), encoding="utf-8")


def add_one_page(corpus: Path) -> Path:
    """A new page, as a day's scraping brings: another page's text under a title of its own."""
    source = sorted(corpus.rglob("*.txt"))[0]
    lines = source.read_text(encoding="utf-8").split("\n")
    lines[3] = f"新增的一篇（{time.time():.0f}）：{lines[3]}"
    added = source.with_name("zz-added.txt")
    added.write_text("\n".join(lines), encoding="utf-8")
    return added


def run_size(n: int, work: Path, jobs: int | None) -> dict:
    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        write_corpus(corpus, n, seed=7, html_share=0.1)
    out = work / f"build-{n}"
    if out.exists():  # set aside, removed after the run (SET_ASIDE)
        out.rename(work / f"{SET_ASIDE}{n}-{time.time_ns()}")
    stages, wall = build(corpus, out, "--no-cache", jobs=jobs)
    site = out / "site"
    pages = [p for p in site.rglob("*.html")]
    article_pages = [p for p in (site / "articles").glob("*.html") if p.name != "index.html"]
    figures = {
        "n": n, "stages": stages, "wall": wall, "site": folder_size(site), "index": folder_size(site / "search"),
        "largest_article_html": max(p.stat().st_size for p in article_pages),
        "median_article_html": sorted(p.stat().st_size for p in article_pages)[len(article_pages) // 2],
        "html_pages": len(pages),
    }
    build(corpus, out, "--markdown-only", jobs=jobs)  # fill the cache
    figures["unchanged_markdown"], figures["unchanged_markdown_wall"] = build(corpus, out, "--markdown-only", jobs=jobs)
    change_one_page(corpus)
    figures["rebuild_markdown"], figures["rebuild_markdown_wall"] = build(corpus, out, "--markdown-only", jobs=jobs)
    added = add_one_page(corpus)
    figures["added_markdown"], figures["added_markdown_wall"] = build(corpus, out, "--markdown-only", jobs=jobs)
    added.unlink()
    change_one_page(corpus)
    figures["rebuild_site"], figures["rebuild_site_wall"] = build(corpus, out, jobs=jobs)
    return figures


def linker_comparison(corpus: Path, limit: int = 300) -> None:
    """zhiku's linker and one regex per term on the same pages and glossary (as autolink plugins do)."""
    from linker_bench import regex_linker
    from zhiku.glossary.curated import load_curated
    from zhiku.glossary.terms import build_glossary
    from zhiku.read.ingest import read_input
    from zhiku.link.matcher import TermMatcher
    from zhiku.profile import default_profile

    articles = read_input(corpus, default_profile()).articles[:limit]
    terms = build_glossary(articles, load_curated(ROOT / "content" / "glossary.yml")[0]).terms
    paragraphs = [b.text for a in articles for b in a.blocks]
    matcher = TermMatcher(terms)
    matcher.segmenter  # built once per build, outside the timing
    started = time.perf_counter()
    for text in paragraphs:
        matcher.find(text)
    ours = time.perf_counter() - started
    find = regex_linker(terms)
    started = time.perf_counter()
    for text in paragraphs:
        find(text)
    theirs = time.perf_counter() - started
    print(f"\nlinker on {len(articles)} corpus pages, {len(terms)} terms: zhiku {ours:.2f} s, "
          f"one regex per term {theirs:.2f} s, ratio {theirs / ours:.1f}x "
          "(run bench/linker_bench.py for 100 to 5,000 terms)")


def report(f: dict) -> None:
    n, stages = f["n"], f["stages"]
    print(f"\n=== N = {n:,} pages: {f['html_pages']:,} HTML pages, build wall time {f['wall']:.1f} s")
    print(f"{'stage':<18} {'seconds':>8} {'pages/s':>9} {'peak MB':>8}")
    for name, (seconds, peak) in stages.items():
        print(f"{name:<18} {seconds:8.2f} {n / seconds if seconds else 0:9.0f} {peak:8d}")
    before = sum(stages[s][0] for s in PRE_MKDOCS if s in stages)
    total = before + stages.get("MkDocs build", (0, 0))[0]
    print(f"before MkDocs: {before:.1f} s = {n / before:.0f} pages/s, {100 * before / total:.1f}% of the build")
    print(f"site {mb(f['site'])}; search index {mb(f['index'])} = {f['index'] / n / 1e3:.1f} KB per article; "
          f"article HTML median {f['median_article_html'] / 1e3:.0f} KB, largest {f['largest_article_html'] / 1e3:.0f} KB")
    for label, key in (("nothing changed", "unchanged"), ("one page changed", "rebuild"), ("one page added", "added")):
        md = f[f"{key}_markdown"]
        print(f"{label}: Markdown rebuilt in {sum(md[s][0] for s in PRE_MKDOCS if s in md):.2f} s of stages, "
              f"{f[f'{key}_markdown_wall']:.2f} s for the whole command")
    print(f"one page changed: whole site in {f['rebuild_site_wall']:.1f} s")


def report_growth(all_figures: list[dict]) -> None:
    by_n = {f["n"]: f for f in all_figures}
    if 1000 in by_n and 10000 in by_n:
        a, b = by_n[1000], by_n[10000]
        print("\n1,000 → 10,000 pages (target ≤ 11x):")
        for name in a["stages"]:
            if name in b["stages"]:
                print(f"  {name:<18} time {b['stages'][name][0] / a['stages'][name][0]:5.1f}x   "
                      f"peak memory {b['stages'][name][1] / a['stages'][name][1]:4.1f}x")
        print(f"  whole build        time {b['wall'] / a['wall']:5.1f}x   site size {b['site'] / a['site']:4.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/zhiku-scale"))
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    figures = []
    for n in args.sizes:
        figures.append(run_size(n, args.work, args.jobs))
        report(figures[-1])
    report_growth(figures)
    linker_comparison(args.work / f"corpus-{min(args.sizes)}")  # the smallest corpus built: 300 of its pages
    for old in args.work.glob(f"{SET_ASIDE}*"):
        shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    main()
