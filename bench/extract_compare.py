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

zhiku's bodies are taken as a build takes them: the pages of one folder are one build, so template
detection across pages (extract/template.py) removes the blocks repeated on enough of a site's pages.

Eight parts by default, printed apart: the pages the rules were tuned on (tests/pages) and seven sets
of pages of sites never tuned on (tests/pages-measure and tests/pages-measure-2 to -7), measured only;
each folder's README says how it was split off.
`--summary` prints the totals alone (for the measured part: its pages' failures are not to be read
while rules are written).

  .venv/bin/python bench/extract_compare.py [--pages DIR ...] [--repeat 5] [--summary]
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
from zhiku.extract.template import block_key, repeated, sum_part, template_head  # noqa: E402
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


def run_zhiku(raw, profile, chrome=frozenset()):
    """zhiku's extraction; `chrome`: the keys of the blocks its site's template detection removes."""
    article = extract_html(raw, profile)
    body = "\n".join(b.text for b in article.blocks if not (b.kind == "paragraph" and block_key(b.text) in chrome))
    published = bool(article.title and article.blocks) and not any(
        p.startswith(("no body", "login wall", "link list")) for p in article.problems)
    return published, article.title, article.date, body


def site_chrome(raws, profile) -> dict[str, frozenset]:
    """Per page, the keys of its blocks that repeat across its site's pages in the folder (as a build
    of the folder removes them: read/ingest.py)."""
    heads = {raw.path: template_head(extract_html(raw, profile)) for raw in raws}
    total: dict[str, list[int]] = {}
    for head in heads.values():
        for name, counts in sum_part({"template": head}).items():
            total[name] = [total.get(name, [0])[0] + counts[0]]
    rules = profile.html
    return {path: frozenset(repeated(head, total, rules.template_min_pages, rules.template_min_share))
            for path, head in heads.items()}


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


def measure(folder: Path, profile, repeat: int, summary: bool) -> None:
    pages = sorted(folder.glob("*.htm*"))
    totals = {name: [0, 0, 0.0] for name in EXTRACTORS}  # checks passed, clean pages, ms
    by_check = {name: dict.fromkeys(CHECKS, 0) for name in EXTRACTORS}
    same_day = {name: 0 for name in EXTRACTORS}  # dates right to the day (trafilatura gives days only)
    raws = [read_page(path, path.parent) for path in pages]
    chrome = site_chrome(raws, profile)
    if not summary:
        print(f"{'page':34} {'extractor':12} " + " ".join(f"{c:>9}" for c in CHECKS) + f" {'ms':>7}")
    for path, raw in zip(pages, raws):
        gold = yaml.safe_load(path.with_suffix(".yml").read_text(encoding="utf-8"))
        for name, run in EXTRACTORS.items():
            args = (raw, profile, chrome[raw.path]) if name == "zhiku" else (raw, profile)
            run(*args)  # warm up (imports, lazy tables)
            best = float("inf")
            for _ in range(repeat):
                started = time.perf_counter()
                outcome = run(*args)
                best = min(best, time.perf_counter() - started)
            result = checks(gold, *outcome)
            date = outcome[2]
            same_day[name] += bool(gold.get("date") and date is not None
                                   and date.astimezone(CST).date() == datetime.fromisoformat(gold["date"]).date())
            totals[name][0] += sum(result.values())
            totals[name][1] += all(result.values())
            totals[name][2] += best * 1000
            for check, ok in result.items():
                by_check[name][check] += ok
            if not summary:
                print(f"{path.stem[:34]:34} {name:12} " + " ".join(f"{'ok' if result[c] else 'FAIL':>9}" for c in CHECKS)
                      + f" {best * 1000:7.1f}")
    n = len(pages)
    removed = sum(1 for keys in chrome.values() if keys)
    print(f"\n{folder} ({n} pages; zhiku's template detection removed blocks from {removed})")
    print(f"{'':12} " + " ".join(f"{c:>9}" for c in CHECKS))
    for name, (passed, clean, ms) in totals.items():
        print(f"{name:12} " + " ".join(f"{by_check[name][c]:>9}" for c in CHECKS))
    for name, (passed, clean, ms) in totals.items():
        print(f"{name:12} {passed}/{n * len(CHECKS)} checks, {clean}/{n} pages clean, "
              f"{ms / max(n, 1):.1f} ms/page; date right to the day on {same_day[name]}/{n}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, action="append",
                        help="a folder of pages with gold YAML (default: tests/pages, tests/pages-measure, "
                             "tests/pages-measure-2 to -7)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--summary", action="store_true", help="the totals only, no line per page")
    args = parser.parse_args(argv)
    profile = default_profile()
    for folder in args.pages or [ROOT / "tests" / name for name in ("pages", "pages-measure",
                                                                    *(f"pages-measure-{n}" for n in range(2, 8)))]:
        measure(folder, profile, args.repeat, args.summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
