#!/usr/bin/env python3
"""zhiku's sharded search index at 1,000, 10,000 and 100,000 articles, and Pagefind beside it.

    .venv/bin/python bench/search_scale.py [--work /tmp/zhiku-search-scale] [--sites 1000 10000]
                                           [--generated 10000 100000] [--runs 3] [--no-pagefind]

- **Sites** (--sites): the corpus (make_corpus.py --html-share 0) built with scripts/build.py into
  WORK/sN/, reused when there (--rebuild). Then the search stage alone on its docs folder, in a
  process of its own with a cold cache (index build time and peak memory: what indexing adds to a
  build), and again after one article changed (time, files written). Pagefind 1.6.0 (extended, npm
  `pagefind` with `@pagefind/linux-x64`, installed by this script into WORK/pagefind/, never by the
  build or the tests) indexes the same built site: article and glossary pages, without what zhiku's
  index leaves out (PAGEFIND_ARGS).
- **Generated** (--generated): the index alone, from articles make_corpus.py's writer makes in
  memory (no Markdown, no MkDocs: a 100,000-article site is not built here) and glossary entries for
  its terms, written with the build's code (terms step, index writer) into WORK/gN/search/.
- Each index: total size, number of files, the largest file.
- In Debian's chromium, a fresh context per query (no cache): the time from opening the page to the
  first answer shown (ten results with titles and excerpts) and the bytes loaded, for each query,
  served on 127.0.0.1 and from file://. zhiku: its plain search page (search/index.html?q=…), which
  loads what the Material adapter's worker loads; on the sites also through Material's box. Pagefind:
  a page that imports pagefind.js and calls search(), until ten results' data() arrived (served
  only: it cannot run from file://, bench/README.md). Bytes are the files' sizes as stored (no server here compresses; Pagefind's are gzip).
Median of --runs. Figures go into bench/README.md ("Search").
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

QUERIES = ["大模型", "扎克伯格", "智能", "Llama模型", "开源 算力", "小扎"]
PAGEFIND = ["pagefind@1.6.0", "@pagefind/linux-x64@1.6.0"]

# What Pagefind indexes, matched to what zhiku's index holds: article and glossary pages, without the
# charts, an article's related articles and an entry's lists of mentions. Pagefind leaves out <nav>,
# <header>, <footer> and forms itself. No --root-selector: under one, Pagefind's exclude
# selectors cannot reach the root's children (`article > ul` then excludes nothing).
PAGEFIND_ARGS = ["--glob", "{articles,glossary}/*.html",
                 "--exclude-selectors", "[data-search-exclude]",
                 "--exclude-selectors", "article > ul",
                 "--exclude-selectors", "a.headerlink",
                 "--exclude-selectors", ".md-skip",
                 "--exclude-selectors", ".md-top"]

PAGEFIND_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>pagefind</title></head>
<body><script>
window.pagefindRun = async (base, query, shown) => {{
  const t0 = performance.now();
  const pagefind = await import(base + "pagefind/pagefind.js");
  const search = await pagefind.search(query);
  const t1 = performance.now();
  const data = await Promise.all(search.results.slice(0, shown).map(r => r.data()));
  const t2 = performance.now();
  return {{count: search.results.length, results_ms: t1 - t0, shown_ms: t2 - t0,
          top: data.map(d => ({{url: d.url, title: d.meta.title}}))}};
}};
window.pagefindReady = true;
</script></body></html>
"""




def kb(n: float) -> str:
    return f"{n / 1000:,.0f} KB" if n < 10_000_000 else f"{n / 1e6:,.0f} MB"


def tree(folder: Path) -> dict:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    largest = max(files, key=lambda p: p.stat().st_size)
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files),
            "largest": (largest.relative_to(folder).as_posix(), largest.stat().st_size)}


# --- building ---------------------------------------------------------------------------------

def built_site(pages: int, work: Path, rebuild: bool) -> tuple[Path, dict]:
    corpus, out = work / f"c{pages}", work / f"s{pages}"
    log = out / "build.log"
    if rebuild or not (out / "site" / "search" / "m.js").exists():
        if not corpus.exists():
            subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(corpus), "--pages", str(pages),
                            "--html-share", "0"], check=True, capture_output=True)
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        print(f"building {pages} articles into {out} ...", flush=True)
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--input", str(corpus), "--docs",
                                 str(out / "docs"), "--site", str(out / "site"), "--timings"],
                                capture_output=True, text=True, cwd=ROOT)
        if result.returncode:
            sys.exit(result.stderr[-3000:])
        log.write_text(result.stdout + result.stderr, encoding="utf-8")
    timings = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        if line.startswith("zhiku: ") and " s   peak " in line:
            name, rest = line[7:].rsplit(" s   peak ", 1)
            stage, seconds = name.rstrip().rsplit(" ", 1)
            timings[stage.strip()] = float(seconds)
    return out, timings


# Sampled in this process: the process tree's proportional memory (Pss: a page shared by forked
# processes counts once in all), the memory the stage holds at its peak; ru_maxrss of a process
# forked late counts the parent's pages it shares.
MEASURE = """
import os, resource, threading, time as _time
_peak = [0.0]
def _tree(pid):
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            for child in open(f"/proc/{pid}/task/{task}/children").read().split():
                found += _tree(int(child))
    except OSError:
        pass
    return found
def _sample():
    while True:
        total = 0
        for pid in _tree(os.getpid()):
            try:
                total += sum(int(l.split()[1]) for l in open(f"/proc/{pid}/smaps_rollup") if l.startswith("Pss:"))
            except OSError:
                pass
        _peak[0] = max(_peak[0], total / 1024)
        _time.sleep(0.05)
threading.Thread(target=_sample, daemon=True).start()
def measured():
    usage = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return {"peak_mb": max(u.ru_maxrss for u in usage) / 1024, "pss_peak_mb": _peak[0],
            "cpu_s": sum(u.ru_utime + u.ru_stime for u in usage)}
"""


STAGE_ALONE = """
import json, resource, sys, time
sys.path.insert(0, {scripts!r})
from pathlib import Path
from zhiku.cache.step import Cache
from zhiku.search.dictionary import read_names, user_dictionary_path
from zhiku.search.stage import build_search_index
docs, cache, changed = Path(sys.argv[1]), Cache(Path(sys.argv[2])), sys.argv[3:]
started = time.perf_counter()
pages = {{p.relative_to(docs).as_posix(): None for p in (docs / "articles").glob("*.md")}}
for p in (docs / "glossary").glob("*.md"):
    pages[p.relative_to(docs).as_posix()] = p.read_text(encoding="utf-8")
for rel in changed:
    pages[rel] = (docs / rel).read_text(encoding="utf-8")
figures = build_search_index(cache, docs, pages, set(changed) if changed else set(pages), read_names(docs),
                             user_dictionary_path(docs), jobs=2)
cache.save()
figures.pop("ids", None)
figures["wall"] = time.perf_counter() - started
figures.update(measured())
print(json.dumps(figures))
"""


def stage_alone(docs: Path, cache: Path, changed: list[str] = ()) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE + STAGE_ALONE.format(scripts=str(ROOT / "scripts")), str(docs),
                             str(cache), *changed], capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def index_build_figures(out: Path) -> dict:
    """The search stage alone on the site's docs: cold, then after one article changed."""
    docs, cache = out / "docs", out / "bench-cache"
    # From nothing: without the index the build wrote (the stage would find it made from the same
    # inputs and write nothing) and without a cache; the stage writes the same files again. Both are
    # moved aside and removed after: files made in a folder just emptied of tens of thousands were
    # measured at five times the cost of the same files in a new one (the file system's, not zhiku's).
    aside = out / "removed-before-the-cold-run"
    shutil.rmtree(aside, ignore_errors=True)
    aside.mkdir()
    for old in (cache, docs / "search"):
        if old.exists():
            old.rename(aside / old.name)
    cold = stage_alone(docs, cache)
    shutil.rmtree(aside, ignore_errors=True)
    if cold.get("unchanged"):
        sys.exit(f"{docs}: the search stage found its index unchanged, not built from nothing")
    article = sorted((docs / "articles").glob("*.md"))[len(list((docs / "articles").glob("*.md"))) // 2]
    original = article.read_text(encoding="utf-8")
    try:
        article.write_text(original.replace("\n\n", "\n\n这一段多了一句话，说的是量子计算。\n\n", 1), encoding="utf-8")
        one = stage_alone(docs, cache, [article.relative_to(docs).as_posix()])
    finally:
        article.write_text(original, encoding="utf-8")
        stage_alone(docs, cache, [article.relative_to(docs).as_posix()])
    return {"cold": cold, "one": one}


GENERATE = """
import json, resource, sys, time
sys.path.insert(0, {scripts!r}); sys.path.insert(0, {bench!r})
from datetime import datetime
from pathlib import Path
import make_corpus
from zhiku.cache.step import Cache
from zhiku.search.dictionary import jieba_user_dictionary
from zhiku.search.index import IndexOutput, IndexPage, index_files, write_index
from zhiku.search.terms import TERMS, LazySegmenter
pages, out = int(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
terms = sorted(set(make_corpus.COMPANIES + make_corpus.PRODUCTS + make_corpus.TOPICS + make_corpus.PEOPLE))
names = {{f"glossary/t{{i}}.md": [t] + (["小扎"] if t == "扎克伯格" else []) for i, t in enumerate(terms)}}
dictionary = out / "userdict.txt"
dictionary.write_text(jieba_user_dictionary([n for ns in names.values() for n in ns]), encoding="utf-8")
writer, start = make_corpus.Writer(7), datetime(2023, 1, 1)
fields, paths = [], []
for i in range(pages):
    a = writer.article(i, start)
    fields.append({{"kind": "article", "title": a["title"], "date": a["date"].isoformat(), "tags": a["keywords"],
                   "names": [], "body": "\\n".join(text for _, text in a["blocks"])}})
    paths.append(f"articles/a{{i}}.md")
for path, ns in names.items():
    fields.append({{"kind": "term", "title": ns[0], "date": "", "tags": [], "names": ns, "body": ""}})
    paths.append(path)
generated = time.perf_counter()
# As the search stage runs: a cache folder, the workers store each page's terms and send back its
# words, and a page's text is read from its entry when its file is written.
cache = Cache(out / "cache")
keys = [TERMS.key(str(i)) for i in range(len(fields))]
results = TERMS.run(cache, fields, keys, context=LazySegmenter(dictionary), jobs=2)
terms_done = time.perf_counter()
index_pages = [IndexPage(p, r["words"], r["meta"][0], r["meta"][1], None, key)
               for p, r, key in zip(paths, results, keys)]
del results, fields
output = IndexOutput(out)  # the writers write their shards' files, as in the search stage
files, figures = index_files(index_pages, names, lambda page: TERMS.load(cache, page.key)["doc"], consume=True,
                             output=output)
write_index(out, files, output=output)
done = time.perf_counter()
print(json.dumps({{"terms_s": terms_done - generated, "index_s": done - terms_done, "keys": figures["keys"],
                  **measured()}}))
"""


def generated_index(pages: int, work: Path, rebuild: bool) -> tuple[Path, dict]:
    out = work / f"g{pages}"
    figures_file = out / "figures.json"
    if rebuild or not figures_file.exists():
        shutil.rmtree(out, ignore_errors=True)
        print(f"indexing {pages} generated articles into {out} ...", flush=True)
        result = subprocess.run([sys.executable, "-c", MEASURE + GENERATE.format(scripts=str(ROOT / "scripts"),
                                                                       bench=str(ROOT / "bench")), str(pages), str(out)],
                                capture_output=True, text=True, cwd=ROOT)
        if result.returncode:
            sys.exit(result.stderr[-3000:])
        figures_file.write_text(result.stdout.strip().splitlines()[-1], encoding="utf-8")
    return out, json.loads(figures_file.read_text(encoding="utf-8"))


@contextmanager
def serve_two(site: Path, bundle: Path, lang: str = "zh"):
    """The site on 127.0.0.1, with /pagefind/ served from the bundle folder and /__pagefind.html the
    test page, whose lang Pagefind reads: for zh, ja and th it cuts the query with Intl.Segmenter."""
    from tests.browser import QuietHandler, serve

    page = PAGEFIND_PAGE.format(lang=lang).encode()

    class Handler(QuietHandler):
        def translate_path(self, path):
            clean = unquote(urlparse(path).path)
            if clean.startswith("/pagefind/"):
                return str(bundle / clean[len("/pagefind/"):])
            return super().translate_path(path)

        def do_GET(self):
            if urlparse(self.path).path == "/__pagefind.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)
                return
            super().do_GET()

    with serve(site, Handler) as base:
        yield base



@contextmanager
def counted_page(browser, base: str):
    """A fresh context and page (no cache); yields (page, sizes), sizes: url → bytes of each response."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(lambda url: not url.startswith(base) and not url.startswith("data:"), lambda route: route.abort())
    sizes: dict[str, int] = {}

    def on_response(response):
        length = response.headers.get("content-length")
        if length is not None:
            sizes[response.url] = int(length)

    context.on("response", on_response)
    page = context.new_page()
    try:
        yield page, sizes
    finally:
        context.close()


def pagefind_first_answer(browser, base: str, query: str, shown: int = 10) -> dict:
    with counted_page(browser, base) as (page, sizes):
        started = time.monotonic()
        page.goto(base + "__pagefind.html")
        page.wait_for_function("() => window.pagefindReady")
        answer = page.evaluate("([b, q, n]) => pagefindRun(b, q, 0)", [base, query, shown])
        results_s = time.monotonic() - started
        results_bytes = sum(sizes.values())
        shown_answer = page.evaluate("([b, q, n]) => pagefindRun(b, q, n)", [base, query, shown])
        shown_s = results_s + shown_answer["shown_ms"] / 1000
        return {"results_s": results_s, "results_bytes": results_bytes, "shown_s": shown_s,
                "shown_bytes": sum(sizes.values()), "count": answer["count"], "top": shown_answer["top"],
                "requests": len(sizes)}



def pagefind_binary(work: Path) -> Path:
    folder = work / "pagefind"
    binary = folder / "node_modules" / "@pagefind" / "linux-x64" / "bin" / "pagefind_extended"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(folder), *PAGEFIND], check=True,
                       capture_output=True)
    return binary


def run_pagefind(binary: Path, site: Path, output: Path) -> dict | None:
    """Pagefind over the site, or None when it failed (it is said why). Pagefind 1.6.0 extended holds
    about 2.6 GB for a 1,000-article site here: at 10,000 it may not fit in the machine's memory."""
    if not (output / "pagefind.js").exists():
        shutil.rmtree(output, ignore_errors=True)
        started = time.monotonic()
        result = subprocess.run([str(binary), "--site", str(site), "--output-path", str(output), *PAGEFIND_ARGS],
                                capture_output=True, text=True, check=False)
        if result.returncode:
            how = f"killed by signal {-result.returncode}" if result.returncode < 0 else f"exit {result.returncode}"
            print(f"Pagefind failed on {site} ({how}; SIGKILL is usually the kernel out of memory): "
                  f"{result.stderr.strip()[-300:]}", flush=True)
            shutil.rmtree(output, ignore_errors=True)
            return None
        (output.parent / "pagefind-seconds.txt").write_text(f"{time.monotonic() - started:.1f}")
    return {"seconds": float((output.parent / "pagefind-seconds.txt").read_text()), **tree(output)}


# --- the browser ---------------------------------------------------------------------------------

def file_size(base: str, root: Path, url: str) -> int:
    if not url.startswith(base):
        return 0
    path = root / unquote(urlparse(url).path[len(urlparse(base).path):])
    return path.stat().st_size if path.is_file() else 0


@contextmanager
def site_page(browser, base: str):
    """A page in a fresh context (no cache) that loads nothing from outside `base`, and the
    addresses it requested."""
    context = browser.new_context()
    context.route(lambda url: not url.startswith(base), lambda route: route.abort())
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    try:
        yield context.new_page(), urls
    finally:
        context.close()


def zhiku_plain(browser, base: str, root: Path, query: str) -> dict:
    with site_page(browser, base) as (page, urls):
        page.goto(f"{base}search/index.html?q={quote(query)}")
        page.wait_for_function("() => document.body.dataset.answered", timeout=120_000)
        ms = float(page.evaluate("document.body.dataset.answered"))
        shown = page.eval_on_selector_all("#zhiku-results li", "els => els.length")
        count = page.inner_text("#zhiku-count")
    return {"s": ms / 1000, "bytes": sum(file_size(base, root, u) for u in set(urls)), "shown": shown,
            "count": count, "files": len(set(urls))}


def zhiku_material(browser, base: str, root: Path, query: str) -> dict:
    from tests.browser import search

    with site_page(browser, base) as (page, urls):
        page.goto(base + "index.html")
        started = time.monotonic()
        results = search(page, query, timeout=120_000)
        seconds = time.monotonic() - started
        count = page.inner_text(".md-search-result__meta")
    searched = [u for u in set(urls) if "/search/" in u or "zhiku-material" in u]
    return {"s": seconds, "bytes": sum(file_size(base, root, u) for u in searched), "shown": len(results),
            "count": count}


def pagefind_answer(browser, site: Path, bundle: Path, query: str) -> dict:
    with serve_two(site, bundle) as base:
        answer = pagefind_first_answer(browser, base, query)
        return {"s": answer["shown_s"], "bytes": answer["shown_bytes"], "shown": len(answer["top"]),
                "count": answer["count"], "results_s": answer["results_s"], "results_bytes": answer["results_bytes"]}


def median_of(runs: int, measure) -> dict:
    found = [measure() for _ in range(runs)]
    best = dict(found[0])
    for key in ("s", "bytes", "results_s", "results_bytes"):
        if key in best:
            best[key] = statistics.median(f[key] for f in found)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("/tmp/zhiku-search-scale"))
    parser.add_argument("--sites", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--generated", type=int, nargs="*", default=[10000, 100000])
    parser.add_argument("--queries", nargs="*", default=QUERIES)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--no-pagefind", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    from tests.browser import chromium, serve

    print(f"load average at start: {open('/proc/loadavg').read().split()[:3]}", flush=True)
    answers: dict[str, dict] = {}
    with chromium() as browser:
        for pages in args.sites:
            out, timings = built_site(pages, args.work, args.rebuild)
            site = out / "site"
            build = index_build_figures(out)
            index = tree(site / "search")
            print(f"\n## site of {pages:,} articles (scripts/build.py)", flush=True)
            print(f"build stages: {json.dumps(timings, ensure_ascii=False)}")
            cold, one = build["cold"], build["one"]
            print(f"index build, cold, alone: {cold['wall']:.1f} s (terms {cold['seconds']['terms']:.1f} s, "
                  f"writing {cold['seconds']['index']:.1f} s; {cold['cpu_s']:.0f} s of CPU), peak {cold['peak_mb']:.0f} MB "
                  f"(max RSS), {cold['pss_peak_mb']:.0f} MB (the process tree's Pss); "
                  f"{cold['keys']:,} keys, {cold['shards']} dictionary shards")
            print(f"one article changed: {one['wall']:.1f} s ({one['cpu_s']:.1f} s of CPU), "
                  f"{'patched' if 'patched' in one else 'grouped again'}, {one['written']} of {one['files']:,} files "
                  f"rewritten, peak {one['peak_mb']:.0f} MB, Pss {one['pss_peak_mb']:.0f} MB")
            print(f"index: {kb(index['bytes'])} in {index['files']:,} files, largest {index['largest'][0]} "
                  f"({kb(index['largest'][1])})")
            pagefind = None
            if not args.no_pagefind:
                pagefind = run_pagefind(pagefind_binary(args.work), site, out / "pagefind" / "pagefind")
            if pagefind:
                print(f"Pagefind 1.6.0 extended: built in {pagefind['seconds']:.0f} s, {kb(pagefind['bytes'])} in "
                      f"{pagefind['files']:,} files, largest {kb(pagefind['largest'][1])}")
            with serve(site) as base:
                rows = []
                for query in args.queries:
                    plain = median_of(args.runs, lambda: zhiku_plain(browser, base, site, query))
                    local = median_of(args.runs, lambda: zhiku_plain(browser, site.as_uri() + "/", site, query))
                    material = median_of(args.runs, lambda: zhiku_material(browser, base, site, query))
                    material_file = median_of(args.runs, lambda: zhiku_material(browser, site.as_uri() + "/", site, query))
                    other = (median_of(args.runs, lambda: pagefind_answer(browser, site, out / "pagefind" / "pagefind", query))
                             if pagefind else None)
                    rows.append((query, plain, local, material, material_file, other))
                    answers[f"site {pages} {query}"] = plain
            print("\n| query | zhiku served | zhiku file:// | via Material, served | via Material, file:// | "
                  "Pagefind served (10 shown) | bytes zhiku/Pagefind | time zhiku/Pagefind |")
            print("|---|---|---|---|---|---|---|---|")
            for query, plain, local, material, material_file, other in rows:
                cells = [f"{plain['s']:.2f} s, {kb(plain['bytes'])} ({plain['count']})",
                         f"{local['s']:.2f} s, {kb(local['bytes'])}",
                         f"{material['s']:.2f} s, {kb(material['bytes'])} ({material['count']})",
                         f"{material_file['s']:.2f} s, {kb(material_file['bytes'])}"]
                if other:
                    cells += [f"{other['s']:.2f} s, {kb(other['bytes'])} ({other['count']})",
                              f"{plain['bytes'] / other['bytes']:.2f}", f"{plain['s'] / other['s']:.2f}"]
                else:
                    cells += ["", "", ""]
                print(f"| {query} | " + " | ".join(cells) + " |", flush=True)
        for pages in args.generated:
            out, figures = generated_index(pages, args.work, args.rebuild)
            index = tree(out / "search")
            print(f"\n## index alone, {pages:,} generated articles", flush=True)
            print(f"terms {figures['terms_s']:.1f} s, writing {figures['index_s']:.1f} s ({figures.get('cpu_s', 0):.0f} s "
                  f"of CPU), peak {figures['peak_mb']:.0f} MB (max RSS), {figures.get('pss_peak_mb', 0):.0f} MB (Pss); "
                  f"{figures['keys']:,} keys; {kb(index['bytes'])} in {index['files']:,} files, largest "
                  f"{index['largest'][0]} ({kb(index['largest'][1])})")
            print("\n| query | served | file:// |")
            print("|---|---|---|")
            with serve(out) as base:
                for query in args.queries:
                    plain = median_of(args.runs, lambda: zhiku_plain(browser, base, out, query))
                    local = median_of(args.runs, lambda: zhiku_plain(browser, out.as_uri() + "/", out, query))
                    answers[f"generated {pages} {query}"] = plain
                    print(f"| {query} | {plain['s']:.2f} s, {kb(plain['bytes'])} ({plain['count']}, {plain['files']} files) | "
                          f"{local['s']:.2f} s, {kb(local['bytes'])} |", flush=True)
        if len(args.generated) >= 2:
            small, large = args.generated[0], args.generated[-1]
            print(f"\nbytes a first answer loads, {large:,} over {small:,} generated articles:")
            for query in args.queries:
                a, b = answers[f"generated {small} {query}"], answers[f"generated {large} {query}"]
                print(f"  {query}: {b['bytes'] / a['bytes']:.2f} ({kb(a['bytes'])} → {kb(b['bytes'])})")
    print(f"\nload average at the end: {open('/proc/loadavg').read().split()[:3]}; "
          f"this process's peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
