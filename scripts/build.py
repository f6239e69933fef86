#!/usr/bin/env python3
"""Build the zhiku site: scraped pages → cleaned Markdown (--docs) → HTML site (--site)."""
from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from zhiku.cache.lock import CacheBusy  # noqa: E402
from zhiku.cache.step import Cache, CacheDamaged  # noqa: E402
from zhiku.pipeline import run_pipeline  # noqa: E402
from zhiku.publish.bundle import write_bundle  # noqa: E402
from zhiku.parallel import in_background, peak_memory_mb, runs_beside  # noqa: E402
from zhiku.publish.mkdocs_build import PublishError, build_site, copy_folder, read_site_config  # noqa: E402
from zhiku.read.files import MAX_PAGE_BYTES  # noqa: E402
from zhiku.report import Progress, summary_line  # noqa: E402
from zhiku.search.index import INDEX_DIR  # noqa: E402
from zhiku.search.stage import index_docs_folder  # noqa: E402
from zhiku.write.feeds import SKIPPED as FEEDS_SKIPPED  # noqa: E402

SHOW_PROBLEMS = 30  # problem lines on the terminal; the report has all of them
_OUTLIVE_MAIN: list = []  # what main() made that exit_now() may drop with the process (see there)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__)
    parser.add_argument("--input", type=Path, default=ROOT / "content" / "pages",
                        help="folder of scraped pages, read recursively (default: content/pages)")
    parser.add_argument("--docs", type=Path, default=ROOT / "build" / "docs",
                        help="where the cleaned Markdown goes (default: build/docs)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="where the HTML goes (default: site)")
    parser.add_argument("--glossary", type=Path, default=ROOT / "content" / "glossary.yml",
                        help="curated glossary file, YAML (default: content/glossary.yml)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="MkDocs configuration")
    parser.add_argument("--report", type=Path, default=None,
                        help="ingest report, JSON (default: report.json beside the docs folder)")
    parser.add_argument("--markdown-only", action="store_true", help="write the Markdown, do not run MkDocs")
    parser.add_argument("--bundle", type=Path, default=None, metavar="FILE.zip",
                        help="also write the site as a zip that works unzipped anywhere, from file://")
    parser.add_argument("--strict", action="store_true",
                        help="any bad page (see the report) fails the build: exit 1, the site is not replaced")
    parser.add_argument("--max-page-mb", type=float, default=MAX_PAGE_BYTES / 1_048_576,
                        help="pages larger than this are reported and skipped (default: %(default)g)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="extraction cache folder (default: cache/ beside the docs folder)")
    parser.add_argument("--no-cache", action="store_true",
                        help="extract and link every page again, keep no cache")
    parser.add_argument("--jobs", type=int, default=None,
                        help="worker processes for reading and linking (default: one per core; 1: none)")
    parser.add_argument("--timings", action="store_true", help="print each stage's time and peak memory")
    parser.add_argument("--explain", type=Path, default=None, metavar="PAGE",
                        help="print how each field of one HTML page was chosen (rule, candidates beaten) and exit")
    return parser.parse_args(argv)


def cache_folder(args: argparse.Namespace) -> Path | None:
    """--cache, else cache/ beside the docs folder; None with --no-cache."""
    return None if args.no_cache else (args.cache or args.docs.resolve().parent / "cache")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.explain:
        from zhiku.extract.html_page import explain
        from zhiku.profile import default_profile

        try:
            print(explain(args.explain, default_profile()))
        except (OSError, ValueError) as exc:
            print(f"build.py: error: --explain: {exc}", file=sys.stderr)
            return 2
        return 0
    if not args.input.is_dir():
        print(f"build.py: error: input folder {args.input} does not exist", file=sys.stderr)
        return 2
    report = args.report or args.docs.resolve().parent / "report.json"
    started = time.monotonic()
    cache = cache_folder(args)
    site = read_site_config(args.config)
    if not site.url and not args.markdown_only:
        print(FEEDS_SKIPPED, file=sys.stderr)

    # With MkDocs to run, the search index is made beside it (publish_with_index), not before.
    def pipeline():
        return run_pipeline(args.input, args.docs, report, glossary_file=args.glossary, cache_dir=cache,
                            max_bytes=int(args.max_page_mb * 1_048_576), progress=Progress(sys.stderr),
                            site=site, jobs=args.jobs, index=args.markdown_only)

    try:
        result = pipeline()
    except CacheBusy as exc:
        print(f"build.py: error: {exc}", file=sys.stderr)
        return 2
    except CacheDamaged as exc:
        # A journal names a result that is gone: without the journals every result is looked up itself.
        print(f"warning: cache folder {cache}: {exc}; building again without its journals", file=sys.stderr)
        Cache(cache).forget_journals()
        result = pipeline()
    for line in result.errors[:SHOW_PROBLEMS]:
        print(f"warning: {line}", file=sys.stderr)
    if len(result.errors) > SHOW_PROBLEMS:
        print(f"warning: … and {len(result.errors) - SHOW_PROBLEMS} more (report: {report})", file=sys.stderr)
    print(summary_line(result.ingest, result.articles, terms=len(result.terms), links=result.links))
    print(f"zhiku: {len(result.errors)} problems (report: {report}); "
          f"Markdown in {args.docs} ({result.written} files changed)")
    if not result.articles:
        print("build.py: error: no article could be read from the input folder", file=sys.stderr)
        return 1
    if args.strict and result.errors:
        print(f"build.py: error: --strict: {len(result.errors)} problems (report: {report}); "
              "the site was not built", file=sys.stderr)
        return 1
    if args.markdown_only:
        print_timings(args.timings, result.stages)
        _OUTLIVE_MAIN.append(result)  # freed by exit_now at once, not object by object on return
        return 0
    newest = max((a.date for a in result.articles if a.date), default=None)
    stages, changed = result.stages, result.changed
    # MkDocs needs none of the pipeline's objects, and its garbage collections would scan them all.
    del result
    mkdocs_started = time.perf_counter()
    try:
        searched = publish_with_index(args, cache, changed, newest)
    except PublishError as exc:
        print(f"build.py: error: {exc}", file=sys.stderr)
        return 1
    beside = f" (beside MkDocs, {searched['waited']:.1f} s waited after it)" if searched["beside"] else ""
    search_row = (f"search index{beside}", searched["wall"], searched["peak_mb"])
    print_timings(args.timings, stages + [search_row, ("MkDocs build", time.perf_counter() - mkdocs_started, peak_memory_mb())])
    print(f"zhiku: site in {args.site} ({time.monotonic() - started:.1f} s)")
    if args.bundle:
        count = write_bundle(args.site, args.bundle, newest=newest)
        print(f"zhiku: offline bundle {args.bundle} ({count} files; unzip, open {args.bundle.stem}/index.html)")
    return 0


def publish_with_index(args: argparse.Namespace, cache: Path | None, changed: list[str], newest) -> dict:
    """MkDocs, with the search index made meanwhile in a process of its own (one core: MkDocs uses
    one), then copied into the site before it is published. MkDocs does not see the docs folder's
    index while it is being written. The index's figures, and the time waited for it after MkDocs."""
    outcome: dict = {}
    with in_background(index_docs_folder, args.docs, cache, changed, 1, jobs=args.jobs, fresh=True) as index_done:
        def wait() -> dict:
            if not outcome:  # waited for once
                started = time.perf_counter()
                try:
                    outcome["figures"] = index_done()
                except Exception as exc:  # noqa: BLE001 - any failure of the index fails the publishing
                    outcome["error"] = exc
                outcome["waited"] = time.perf_counter() - started
            if "error" in outcome:
                raise PublishError(f"search index: {outcome['error']}") from outcome["error"]
            return outcome["figures"]

        def finish(folder: Path) -> None:
            wait()
            copy_folder(args.docs / INDEX_DIR, folder / INDEX_DIR)

        try:
            build_site(args.config, args.docs, args.site, newest=newest, leave_out=(INDEX_DIR,), finish=finish)
        finally:
            if not outcome:  # MkDocs failed: the index still finishes its files and saves its cache
                with contextlib.suppress(PublishError):
                    wait()
    return {**outcome["figures"], "waited": outcome["waited"], "beside": runs_beside(args.jobs, fresh=True)}


def print_timings(wanted: bool, stages: list[tuple[str, float, float]]) -> None:
    if wanted:
        for name, seconds, peak in stages:
            print(f"zhiku: {name:<18} {seconds:8.2f} s   peak {peak:7.0f} MB")


def exit_now(code: int) -> None:
    """Exit without Python's clean-up: everything is written and closed, and freeing the build's
    objects one by one (millions at 10,000 pages) took a tenth of a second of a one-page rebuild."""
    import logging
    import os

    logging.shutdown()  # MkDocs' log handlers
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    exit_now(main())
