#!/usr/bin/env python3
"""Reading speed: a synthetic corpus read cold (no cache), again (cache), and with one page changed.

    .venv/bin/python bench/read_bench.py [--pages 1000] [--html-share 0.2]

Prints pages per second for each run, split into text dumps and HTML pages for the cold run, and how
many pages each run extracted. The corpus comes from bench/make_corpus.py (same arguments, same files).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from zhiku.cache.step import Cache  # noqa: E402
from zhiku.read.ingest import read_input  # noqa: E402
from zhiku.profile import default_profile  # noqa: E402


def timed(label: str, pages: Path, cache_dir: Path | None, profile) -> None:
    started = time.perf_counter()
    cache = Cache(cache_dir)
    result = read_input(pages, profile, cache)
    cache.save()
    seconds = time.perf_counter() - started
    print(f"{label:<22} {result.pages_read:>6} pages {seconds:7.2f} s {result.pages_read / seconds:8.0f} pages/s "
          f"  extracted {len(result.extracted):>5}, from cache {result.cached:>5}, problems {len(result.problems)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--html-share", type=float, default=0.2)
    args = parser.parse_args()
    profile = default_profile()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(tmp / "pages"),
                        "--pages", str(args.pages), "--html-share", str(args.html_share)], check=True)
        for suffix in ("txt", "html"):
            only = tmp / f"only-{suffix}"
            for path in (tmp / "pages").rglob(f"*.{suffix}"):
                target = only / path.relative_to(tmp / "pages")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(path.read_bytes())
            timed(f"cold, {suffix} only", only, None, profile)
        timed("cold, no cache", tmp / "pages", None, profile)
        timed("cold, filling cache", tmp / "pages", tmp / "cache", profile)
        timed("warm, unchanged", tmp / "pages", tmp / "cache", profile)
        changed = sorted((tmp / "pages").rglob("*.txt"))[0]
        changed.write_text(changed.read_text(encoding="utf-8") + "\n补充一段。\n", encoding="utf-8")
        timed("warm, one page changed", tmp / "pages", tmp / "cache", profile)


if __name__ == "__main__":
    main()
