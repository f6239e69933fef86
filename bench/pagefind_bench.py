#!/usr/bin/env python3
"""Pagefind's chunked index beside Material's lunr index, on the same built site.

    .venv/bin/pip install pagefind-bin-extended==1.5.2     # a measurement: not in pyproject.toml
    .venv/bin/python bench/pagefind_bench.py --pages 1000 [--work /tmp/zhiku-pagefind] [--runs 3]
    .venv/bin/python bench/pagefind_bench.py --pages 10000 --material-runs 0   # no 239 MB lunr index in the browser

For a corpus of --pages synthetic articles (bench/make_corpus.py, --html-share 0, as
bench/search_size.py uses), built once with scripts/build.py into WORK/bN/ and reused by later runs
(--rebuild builds it again), this runs Pagefind's extended binary (which segments Chinese) over the
built site into WORK/bN/pagefind/, outside the site: the site and the repo's config are not touched.
It indexes about what Material's index holds: article and glossary pages (and the two listing pages
articles/index.html and glossary/index.html, which a glob cannot leave out), the page's content
(Pagefind skips nav, header, footer and forms; the skip link and back-to-top button are left out),
without the charts (data-search-exclude) and without the <article>'s top-level lists (an article's related
articles, a glossary entry's related terms and mentions, which repeat the articles' text; Material's
index drops the latter too, see scripts/zhiku/search.py).

A second Pagefind index, "Pagefind+jieba", is built from a copy of the same pages whose Chinese is cut
into words by jieba with the build's user dictionary (as Material's index is) and the words joined by
spaces, marked lang="en" so that neither Pagefind's indexer nor the browser cuts the words again.

It prints, for Material (search/search_index.json) and Pagefind side by side:
- index build time (Material's is inside MkDocs, not separable), total size, size per article;
- in Debian's chromium (served on 127.0.0.1 by a threading http.server, a fresh browser context per
  run, median of --runs): the bytes downloaded and the time from opening the page to the first
  answer for --query. Material: opening index.html and typing the query into its search box (the
  worker downloads and builds the whole lunr index first). Pagefind: a minimal page that imports
  /pagefind/pagefind.js and calls pagefind.search(query); "results" is when search() resolves (ids
  and count), "+10 shown" after the first ten results' data() (title, excerpt) has arrived too.
- result quality for a few queries: how many pages each finds, beside how many article and glossary
  pages hold the query as a substring (case-insensitive; a mixed query like Llama模型: each of its
  Latin and Chinese parts), and each one's first titles;
- whether Pagefind works from file:// (it fetches its chunks and WASM; chromium refuses fetch and
  module imports from file://), as the offline bundle (--bundle) would need.
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from html import escape as html_escape
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

QUERIES = ["大模型", "扎克伯格", "人工智能", "OpenAI", "Llama模型", "Llama 模型", "智能", "伯格", "千问"]
# What Pagefind indexes, matched to what Material's index holds (see the docstring). Pagefind leaves
# out <nav>, <header>, <footer> and forms itself. No --root-selector: under one, Pagefind's exclude
# selectors cannot reach the root's children (`article > ul` then excludes nothing).
PAGEFIND_ARGS = ["--glob", "{articles,glossary}/*.html",
                 "--exclude-selectors", "[data-search-exclude]",
                 "--exclude-selectors", "article > ul",
                 "--exclude-selectors", "a.headerlink",
                 "--exclude-selectors", ".md-skip",
                 "--exclude-selectors", ".md-top"]

TEST_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>pagefind</title></head>
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


def pagefind_executable() -> Path:
    try:
        import pagefind_bin_extended
    except ImportError:
        sys.exit("pagefind-bin-extended is missing: .venv/bin/pip install pagefind-bin-extended==1.5.2")
    return pagefind_bin_extended.get_executable()


def built_site(pages: int, work: Path, rebuild: bool) -> Path:
    corpus, out = work / f"c{pages}", work / f"b{pages}"
    site = out / "site"
    if not rebuild and (site / "search" / "search_index.json").exists():
        print(f"reusing {site} (--rebuild to build it again)", flush=True)
        return site
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(corpus),
                        "--pages", str(pages), "--html-share", "0"], check=True, capture_output=True)
    print(f"building {pages} articles into {site} ...", flush=True)
    started = time.monotonic()
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--input", str(corpus),
                             "--docs", str(out / "docs"), "--site", str(site)],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        sys.exit(result.stderr)
    print(f"built in {time.monotonic() - started:.0f} s", flush=True)
    return site


def run_pagefind(site: Path, output: Path, extra: list[str] | None = None) -> dict:
    import shutil

    if output.exists():
        shutil.rmtree(output)
    started = time.monotonic()
    result = subprocess.run([str(pagefind_executable()), "--site", str(site), "--output-path", str(output),
                             *PAGEFIND_ARGS, *(extra or [])], capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    pages = re.search(r"Indexed (\d+) pages?", result.stdout)
    words = re.search(r"Indexed (\d+) words?", result.stdout)
    language = re.search(r"Indexed (\d+) languages?", result.stdout)
    files = [p for p in output.rglob("*") if p.is_file()]
    kinds: dict[str, int] = {}
    for path in files:
        kind = {"fragment": "fragments", "index": "word index", "filter": "filters"}.get(path.parent.name, "other")
        if path.name.endswith(".pf_meta"):
            kind = "meta"
        kinds[kind] = kinds.get(kind, 0) + path.stat().st_size
    return {"seconds": elapsed, "pages": int(pages.group(1)) if pages else 0,
            "words": int(words.group(1)) if words else 0, "languages": int(language.group(1)) if language else 0,
            "files": len(files), "bytes": sum(kinds.values()), "kinds": kinds, "log": result.stdout}


def segmented_copy(site: Path, dictionary: Path, out: Path) -> float:
    """The indexed pages' <article>, its Chinese cut into words by jieba with the build's user
    dictionary (zhiku's glossary names and candidates, as Material's index is cut) and the words
    joined by spaces, under <html lang="en">: Pagefind then takes zhiku's words as they are (it
    segments Chinese itself otherwise, with its own dictionary, and the browser cuts the query with
    Intl.Segmenter, so the two disagree). Returns the seconds it took."""
    import shutil

    import jieba

    started = time.monotonic()
    jieba.setLogLevel(60)
    if dictionary.exists():
        jieba.load_userdict(str(dictionary))
    if out.exists():
        shutil.rmtree(out)
    cjk = re.compile(r"[\u3400-\u9fff]+")

    def cut(text: str) -> str:
        return cjk.sub(lambda m: " " + " ".join(jieba.cut(m.group(0), HMM=False)) + " ", text)

    for folder in ("articles", "glossary"):
        for path in sorted((site / folder).glob("*.html")):
            html = path.read_text(encoding="utf-8")
            start, end = html.find("<article"), html.find("</article>")
            if start < 0 or end < 0:
                continue
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html[start:end], re.S)
            title = re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", h1.group(1)) if h1 else ""
            article = re.sub(r">([^<]+)<", lambda m: ">" + cut(m.group(1)) + "<", html[start:end + len("</article>")])
            dest = out / folder / path.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            # the result's title as written, not cut into words
            dest.write_text(f'<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>'
                            f'<div data-pagefind-meta="title:{html_escape(title.strip())}"></div>{article}</body></html>',
                            encoding="utf-8")
    return time.monotonic() - started


@contextmanager
def serve_two(site: Path, bundle: Path, lang: str = "zh"):
    """The site on 127.0.0.1, with /pagefind/ served from the bundle folder and /__pagefind.html the
    test page, whose lang Pagefind reads: for zh, ja and th it cuts the query with Intl.Segmenter."""
    from tests.browser import QuietHandler, serve

    page = TEST_PAGE.format(lang=lang).encode()

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


# Material shows "1k" for 1,000 results and more: the number of pages is read from the worker's answer
# (a wrapper around Worker set before the page's scripts, so zhiku-search.js wraps it in turn).
COUNT_MATERIAL_RESULTS = """(() => {
  const Base = window.Worker;
  if (typeof Base !== "function") return;
  function Counting(url, options) {
    const worker = new Base(url, options);
    worker.addEventListener("message", ev => {
      if (ev.data && ev.data.type === 3 && ev.data.data) window.zhikuBenchCount = (ev.data.data.items || []).length;
    });
    return worker;
  }
  Counting.prototype = Base.prototype;
  window.Worker = Counting;
})()"""


def material_first_answer(browser, base: str, query: str) -> dict:
    from tests.browser import search

    with counted_page(browser, base) as (page, sizes):
        page.set_default_timeout(600_000)
        page.add_init_script(COUNT_MATERIAL_RESULTS)
        started = time.monotonic()
        page.goto(base + "index.html")
        links = search(page, query, timeout=600_000)
        elapsed = time.monotonic() - started
        titles = page.eval_on_selector_all(
            ".md-search-result__list > .md-search-result__item > a article > h1",
            "els => els.slice(0, 3).map(e => e.textContent)")
        return {"seconds": elapsed, "bytes": sum(sizes.values()),
                "count": page.evaluate("() => window.zhikuBenchCount"),
                "top": titles, "links": links, "requests": len(sizes)}


def substring_counts(docs: Path, queries: list[str]) -> dict[str, int]:
    """Article and glossary pages whose Markdown holds the query (each Latin/Chinese part of it);
    of a glossary entry only its top part (name, definition, aliases), which is what all three
    index; links' titles (a term's definition, shown on hover) left out: no index holds them."""
    def text(path: Path, top_only: bool = False) -> str:
        markdown = path.read_text(encoding="utf-8")
        markdown = re.sub(r'(\]\([^)\s]+) "[^"]*"\)', r"\1)", markdown)
        return (markdown.split("\n## ")[0] if top_only else markdown).lower()

    texts = [text(p) for p in (docs / "articles").glob("*.md") if p.name != "index.md"]
    texts += [text(p, top_only=True) for p in (docs / "glossary").glob("*.md") if p.name != "index.md"]
    counts = {}
    for query in queries:
        parts = [part.lower() for part in re.findall(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]+", query)]
        counts[query] = sum(all(part in text for part in parts) for text in texts)
    return counts


def file_url_check(browser_factory, site: Path, bundle: Path) -> dict:
    """Open a page beside the bundle from file:// and call pagefind.search(); what chromium says."""
    folder = bundle.parent / "file-check"
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(TEST_PAGE.format(lang="zh"), encoding="utf-8")
    link = folder / "pagefind"
    if not link.exists():
        link.symlink_to(bundle, target_is_directory=True)
    outcome = {}
    for name, extra in (("plain", []), ("--allow-file-access-from-files", ["--allow-file-access-from-files"])):
        with browser_factory(extra) as browser:
            context = browser.new_context()
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
            page.goto((folder / "index.html").as_uri())
            try:
                answer = page.evaluate("([b, q]) => pagefindRun(b, q, 3).then(r => r.count, e => 'error: ' + e)",
                                       ["./", "大模型"])
            except Exception as exc:  # noqa: BLE001 - what the browser said is the result
                answer = f"error: {exc}"
            outcome[name] = {"answer": answer, "errors": errors[:2]}
            context.close()
    return outcome


@contextmanager
def chromium_with(extra: list[str]):
    from tests.browser import ARGS, CHROMIUM, sync_api

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS + extra)
        try:
            yield browser
        finally:
            browser.close()


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/zhiku-pagefind"),
                        help="corpus, built site and Pagefind bundles, kept for later runs")
    parser.add_argument("--rebuild", action="store_true", help="build the site again even if WORK has it")
    parser.add_argument("--query", default="大模型")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--material-runs", type=int, default=None,
                        help="runs of Material's first answer (default: --runs; 0 skips it: at 10,000 "
                             "articles its index is a quarter of a GB)")
    parser.add_argument("--no-quality", action="store_true")
    args = parser.parse_args()
    from search_size import index_figures

    args.work.mkdir(parents=True, exist_ok=True)
    site = built_site(args.pages, args.work, args.rebuild)
    out = args.work / f"b{args.pages}"
    material = index_figures(site)
    articles = material["articles"]
    variants = {"Pagefind": {"site": site, "bundle": out / "pagefind", "lang": "zh"},
                "Pagefind+jieba": {"site": out / "segmented", "bundle": out / "pagefind-segmented", "lang": "en"}}
    for name, v in variants.items():
        if name == "Pagefind+jieba":
            v["prepare_s"] = segmented_copy(site, out / "jieba_userdict.txt", v["site"])
        v["index"] = run_pagefind(v["site"], v["bundle"])
        pf = v["index"]
        print(f"{name}: {pf['pages']} pages, {pf['words']} words, {pf['languages']} language(s), "
              f"{pf['files']} files: " + ", ".join(f"{k} {kb(b)}" for k, b in sorted(pf["kinds"].items())), flush=True)

    material_runs = args.runs if args.material_runs is None else args.material_runs
    mat_runs, quality = [], {q: {} for q in QUERIES}
    with chromium_with([]) as browser:
        for name, v in variants.items():
            with serve_two(v["site"], v["bundle"], v["lang"]) as base:
                v["runs"] = [pagefind_first_answer(browser, base, args.query) for _ in range(args.runs)]
                if not args.no_quality:
                    for query in QUERIES:
                        quality[query][name] = pagefind_first_answer(browser, base, query, 3)
        if material_runs:
            with serve_two(site, variants["Pagefind"]["bundle"]) as base:
                mat_runs = [material_first_answer(browser, base, args.query) for _ in range(material_runs)]
                if not args.no_quality:
                    for query in QUERIES:
                        quality[query]["Material"] = material_first_answer(browser, base, query)

    def med(runs, key):
        return statistics.median(r[key] for r in runs)

    names = list(variants)
    print(f"\n{args.pages} articles ({articles} article pages), query {args.query}, median of {args.runs} "
          f"fresh browser contexts")
    print(f"{'':27} {'Material (lunr)':>16}" + "".join(f" {n:>16}" for n in names))
    row = lambda label, m, vals: print(f"{label:27} {m:>16}" + "".join(f" {x:>16}" for x in vals))  # noqa: E731
    row("index build time", "in MkDocs", [f"{v['index']['seconds'] + v.get('prepare_s', 0):.1f} s"
                                         for v in variants.values()])
    row("index size, total", kb(material["bytes"]), [kb(v["index"]["bytes"]) for v in variants.values()])
    row("index size per article", kb(material["bytes"] / articles),
        [kb(v["index"]["bytes"] / articles) for v in variants.values()])
    row("index files", "2", [str(v["index"]["files"]) for v in variants.values()])
    row("1st answer: bytes fetched", kb(med(mat_runs, "bytes")) if mat_runs else "-",
        [kb(med(v["runs"], "results_bytes")) for v in variants.values()])
    row("  +10 results shown", "", [kb(med(v["runs"], "shown_bytes")) for v in variants.values()])
    row("1st answer: time", f"{med(mat_runs, 'seconds'):.2f} s" if mat_runs else "-",
        [f"{med(v['runs'], 'results_s'):.2f} s" for v in variants.values()])
    row("  +10 results shown", "", [f"{med(v['runs'], 'shown_s'):.2f} s" for v in variants.values()])
    if "Pagefind+jieba" in variants:
        print(f"(Pagefind+jieba's build time includes cutting the pages' text: "
              f"{variants['Pagefind+jieba']['prepare_s']:.1f} s)")
    print("(Material's bytes: everything index.html loads until the answer, the whole index among them; "
          "Pagefind's: the test page, pagefind.js, its WASM, entry, meta and the index chunks for the query)")

    if not args.no_quality:
        truth = substring_counts(out / "docs", QUERIES)
        print("\npages found; substring: pages holding the query")
        print(f"{'query':10} {'substring':>9} {'Material':>8}" + "".join(f" {n:>14}" for n in names))
        for query, found in quality.items():
            counts = [str(found[n]["count"]) if n in found else "-" for n in ["Material", *names]]
            print(f"{query:10} {truth[query]:>9} {counts[0]:>8}" + "".join(f" {c:>14}" for c in counts[1:]))
        print("\nfirst three results")
        for query, found in quality.items():
            print(f"{query}:")
            if "Material" in found:
                print(f"  {'Material':15} " + " / ".join(found["Material"]["top"]))
            for n in names:
                print(f"  {n:15} " + " / ".join(t["title"] for t in found[n]["top"]))

    check = file_url_check(chromium_with, site, variants["Pagefind"]["bundle"])
    print("\nPagefind from file://:")
    for name, result in check.items():
        print(f"  {name}: {result['answer']}  {result['errors']}")


if __name__ == "__main__":
    main()
