#!/usr/bin/env python3
"""zhiku's HTML stage against trafilatura and gne on the real saved pages of tests/pages/.

Seven checks per page and extractor, against the gold YAML beside each page:
  published   the page gives an article (title and body)
  headline    the title holds the gold headline
  no-suffix   the title has nothing after the headline (no `-中新网`, `_腾讯网`)
  date        the publish date is the gold date (to the minute, in +08:00)
  first       the gold first paragraph is in the body
  last        the gold last paragraph is in the body
  no-chrome   none of the gold's chrome phrases is in the body
and the extraction time per page (best of --repeat runs, one core).

  .venv/bin/python bench/extract_compare.py [--pages tests/pages] [--repeat 5]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from zhiku.extract.html_page import extract_html  # noqa: E402
from zhiku.profile import default_profile  # noqa: E402
from zhiku.read.files import read_page  # noqa: E402

CHECKS = ("published", "headline", "no-suffix", "date", "first", "last", "no-chrome")
CST = timezone(timedelta(hours=8))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def parse_any(value) -> datetime | None:
    """trafilatura's and gne's date strings (`2019-9-7 21:30:50`, ISO); None when they do not parse."""
    if not value:
        return None
    from zhiku.extract.dates import parse_date

    found = parse_date(str(value), CST)
    return found.value if found else None


def run_zhiku(raw, profile):
    article = extract_html(raw, profile)
    body = "\n".join(b.text for b in article.blocks)
    published = bool(article.title and article.blocks) and not any(
        p.startswith(("no body", "login wall", "link list")) for p in article.problems)
    return published, article.title, article.date, body


def run_trafilatura(raw, profile):
    import trafilatura

    doc = trafilatura.bare_extraction(raw.text, with_metadata=True, include_comments=False)
    if doc is None:
        return False, "", None, ""
    body = doc.text or ""
    return bool(doc.title and body), doc.title or "", parse_any(doc.date), body


def run_gne(raw, profile):
    from gne import GeneralNewsExtractor

    try:
        found = GeneralNewsExtractor().extract(raw.text)
    except Exception:  # noqa: BLE001 - gne raises on odd pages; that is a failed page
        return False, "", None, ""
    body = found.get("content") or ""
    return bool(found.get("title") and body), found.get("title") or "", parse_any(found.get("publish_time")), body


EXTRACTORS = {"zhiku": run_zhiku, "trafilatura": run_trafilatura, "gne": run_gne}


def checks(gold: dict, published, title, date, body) -> dict[str, bool]:
    want = datetime.fromisoformat(gold["date"]) if gold.get("date") else None
    flat = squash(body)
    return {
        "published": published,
        "headline": squash(gold["title"]) in squash(title),
        "no-suffix": squash(title).endswith(squash(gold["title"])) and len(squash(title)) <= len(squash(gold["title"])) + 2,
        "date": want is None or (date is not None and abs((date - want).total_seconds()) < 60),
        "first": squash(gold["first"]) in flat,
        "last": squash(gold["last"]) in flat,
        "no-chrome": not any(squash(c) in flat for c in gold.get("chrome", [])),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=ROOT / "tests" / "pages")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    profile = default_profile()
    pages = sorted(args.pages.glob("*.htm*"))
    totals = {name: [0, 0, 0.0] for name in EXTRACTORS}  # checks passed, clean pages, ms
    same_day = {name: 0 for name in EXTRACTORS}  # dates right to the day (trafilatura gives days only)
    print(f"{'page':34} {'extractor':12} " + " ".join(f"{c:>9}" for c in CHECKS) + f" {'ms':>7}")
    for path in pages:
        gold = yaml.safe_load(path.with_suffix(".yml").read_text(encoding="utf-8"))
        raw = read_page(path, path.parent)
        for name, run in EXTRACTORS.items():
            run(raw, profile)  # warm up (imports, lazy tables)
            best = float("inf")
            for _ in range(args.repeat):
                started = time.perf_counter()
                outcome = run(raw, profile)
                best = min(best, time.perf_counter() - started)
            result = checks(gold, *outcome)
            date = outcome[2]
            same_day[name] += bool(gold.get("date") and date is not None
                                   and date.astimezone(CST).date() == datetime.fromisoformat(gold["date"]).date())
            totals[name][0] += sum(result.values())
            totals[name][1] += all(result.values())
            totals[name][2] += best * 1000
            print(f"{path.stem[:34]:34} {name:12} " + " ".join(f"{'ok' if result[c] else 'FAIL':>9}" for c in CHECKS)
                  + f" {best * 1000:7.1f}")
    print()
    n = len(pages)
    for name, (passed, clean, ms) in totals.items():
        print(f"{name:12} {passed}/{n * len(CHECKS)} checks, {clean}/{n} pages clean, "
              f"{ms / max(n, 1):.1f} ms/page; date right to the day on {same_day[name]}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
