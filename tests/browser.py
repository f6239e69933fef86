"""Browser-test helpers: Debian's chromium driven by Playwright, a site served on 127.0.0.1.

Playwright never downloads a browser here: it is always given /usr/bin/chromium, which
scripts/bootstrap.py --test installs. Import this module only from tests that need a browser; it
skips them when chromium is missing (and fails them on CI, where it must be there).
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: run python3 scripts/bootstrap.py --test")
    pytest.skip(f"{CHROMIUM} is missing (python3 scripts/bootstrap.py --test installs it)", allow_module_level=True)

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
sync_api = pytest.importorskip("playwright.sync_api")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, handler: type[QuietHandler] = QuietHandler):
    """The folder over HTTP on 127.0.0.1 (a free port), in a thread; yields the base URL ending in '/'.
    `handler`: a QuietHandler subclass, for a server that answers some paths itself."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watch:
    """Every request a page makes and every console error, for a site rooted at base."""

    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.base) and not url.startswith("data:")
                and url != "about:blank"]


@contextlib.contextmanager
def watched_page(browser, base: str):
    """A fresh page; requests outside base are recorded and refused, console errors recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = Watch(base)
    context.on("request", lambda request: watch.requests.append(request.url))
    context.route(lambda url: not url.startswith(base) and not url.startswith("data:"),
                  lambda route: route.abort())
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and watch.errors.append(msg.text))
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    page.on("worker", lambda worker: worker.on("console", lambda msg: msg.type in ("error", "warning")
                                                  and watch.errors.append(f"worker: {msg.text}")))
    try:
        yield page, watch
    finally:
        context.close()


def search(page, query: str, timeout: float = 30_000) -> list[str]:
    """Type a query into Material's search and return the result links, site-relative, best first.

    The query is typed key by key and an End key is pressed after it: Material reads the query on
    key events, and CJK text typed without a keyboard layout arrives as text input only. The
    answer is awaited through site_overrides/assets/javascripts/zhiku-material.js, which counts the
    queries sent to the search worker and the answers back (the worker answers in order), and
    the answers whose result line it has written.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query)
    page.keyboard.press("End")
    wait_for_answer(page, query, timeout)
    return result_links(page)


def wait_for_answer(page, query: str, timeout: float = 30_000) -> None:
    page.wait_for_function(
        "q => window.zhikuMaterial && zhikuMaterial.sent > 0 && zhikuMaterial.last === q"
        " && zhikuMaterial.answered === zhikuMaterial.sent && zhikuMaterial.mended === zhikuMaterial.answered",
        arg=query, timeout=timeout)


def result_links(page) -> list[str]:
    hrefs = page.eval_on_selector_all(".md-search-result__list > .md-search-result__item:not(.zhiku-search-more) > a",
                                      "els => els.map(e => e.href)")
    return [site_relative(page, href) for href in hrefs]


def site_relative(page, href: str) -> str:
    """'http://127.0.0.1:8000/articles/x.html?h=q#s' → 'articles/x.html' (also for file://)."""
    root = page.evaluate("() => new URL(document.querySelector('#__config') ? "
                         "JSON.parse(document.querySelector('#__config').textContent).base : '.', location).href")
    return unquote(href.split("?")[0].split("#")[0][len(root):])
