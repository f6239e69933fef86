#!/usr/bin/env python3
"""One page changed, two versions of the code side by side: each rebuilds its own warm copy of the
same site after the same change, alternately, so that both meet the same load.

    .venv/bin/python bench/rebuild_ab.py --old /path/to/checkout-at-old-commit --corpus /tmp/zhiku-scale/corpus-10000 \\
        --old-build /tmp/zhiku-scale/build-old --new-build /tmp/zhiku-scale/build-10000 --rounds 4

`--old` is a checkout (a git worktree) of the code to compare against, with its own .venv; the new
code is this checkout's. Each build folder must hold a warm cache made by its own code (a first
`--markdown-only` build with it: run with `--warm` to make one). A round changes one page of the
corpus (bench/scale.py's change_one_page), then rebuilds the Markdown (`--markdown-only`) with the
old code, then with the new. Printed for each: the whole command's wall time and CPU (user +
system of the build and its processes), and the writing and search stages; then the medians.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scale import build, change_one_page  # noqa: E402  (after the path is set)


def timed(corpus: Path, out: Path, root: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    stages, _ = build(corpus, out, "--markdown-only", root=root)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": time.perf_counter() - started, "cpu": cpu,
            "writing": stages.get("writing Markdown", (0, 0))[0], "search": stages.get("search index", (0, 0))[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", type=Path, required=True, help="a checkout of the code to compare against")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--old-build", type=Path, required=True)
    parser.add_argument("--new-build", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--warm", action="store_true", help="first fill each build folder's cache with its code")
    args = parser.parse_args()
    sides = {"old": (args.old.resolve(), args.old_build), "new": (ROOT, args.new_build)}
    if args.warm:
        for root, out in sides.values():
            build(args.corpus, out, "--markdown-only", root=root)
    runs: dict[str, list[dict]] = {side: [] for side in sides}
    for round_ in range(1, args.rounds + 1):
        change_one_page(args.corpus)
        for side, (root, out) in sides.items():
            figures = timed(args.corpus, out, root)
            runs[side].append(figures)
            print(f"round {round_} {side}: {figures['wall']:.2f} s wall, {figures['cpu']:.2f} s CPU, writing "
                  f"{figures['writing']:.2f} s, search {figures['search']:.2f} s", flush=True)
    for side, found in runs.items():
        print(f"{side} ({sides[side][0]}): median {statistics.median(f['wall'] for f in found):.2f} s wall, "
              f"{statistics.median(f['cpu'] for f in found):.2f} s CPU")
    old, new = (statistics.median(f["wall"] for f in runs[s]) for s in ("old", "new"))
    print(f"new / old, wall: {new / old:.2f}")


if __name__ == "__main__":
    main()
