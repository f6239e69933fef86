"""In a real browser: hostile scraped text shows as text, opens no dialog and runs no script.

Debian's chromium driven by Playwright (never a downloaded browser); the site is served over HTTP on
127.0.0.1 so that Material's search worker runs as it does for a reader.
"""
import shutil

import pytest

from tests.browser import chromium, search, serve, watched_page
from tests.conftest import SAMPLE
from tests.input_cases import HOSTILE_BODY, HOSTILE_TITLES, dump
from tests.test_build import run_build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    pages = tmp / "pages"
    pages.mkdir()
    shutil.copy(SAMPLE, pages / SAMPLE.name)
    for i, (name, title) in enumerate(HOSTILE_TITLES.items(), start=10):
        (pages / f"{name}.txt").write_text(dump(title, HOSTILE_BODY, i, f"2024-01-{i:02d} 00:00"), encoding="utf-8")
    (pages / "page.md").write_text("---\ntitle: <svg onload=alert(5)>\ndate: 2024-02-01\n---\n\n"
                                   "正文 <script>alert(6)</script> [x](javascript:alert(7))。\n\n"
                                   "```\n<script>alert(10)</script>\n```\n", encoding="utf-8")
    # Code, whose text Markdown shows as written: tags and a fence of its own inside it.
    (pages / "code.html").write_text(
        "<html><head><title>代码页</title></head><body><article><h1>代码页</h1><p>正文第一段，足够长的一句话，讲的是"
        "如何部署这个服务。</p><pre>```\n&lt;script&gt;alert(8)&lt;/script&gt;\n&lt;img src=x onerror=alert(9)&gt;\n"
        "```</pre></article></body></html>", encoding="utf-8")
    result = run_build("--input", str(pages), "--docs", str(tmp / "docs"), "--site", str(tmp / "site"))
    assert result.returncode == 0, result.stderr
    with serve(tmp / "site") as base:
        yield base, tmp


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser, site):
    with watched_page(browser, site[0]) as (page, watch):
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.watch = watch
        yield page


def _article_urls(tmp):
    return sorted(p.relative_to(tmp / "site").as_posix() for p in (tmp / "site" / "articles").glob("*.html"))


def test_pages_open_no_dialog_and_fetch_nothing_from_the_text(site, page):
    base, tmp = site
    for rel in ["index.html", *_article_urls(tmp)]:
        page.goto(base + rel)
        page.wait_for_load_state("load")
    assert page.dialogs == []
    assert page.watch.outside == []
    assert not [url for url in page.watch.requests if url.endswith("/x")]  # <img src=x> never loads


def test_title_and_text_show_as_written(site, page):
    base, tmp = site
    page.goto(base + "index.html")
    page.locator(".md-content a", has_text="../../etc/passwd").first.click()
    assert page.locator("article h1").inner_text() == "../../etc/passwd"
    body = page.locator("article").inner_text()
    assert "<script>alert(1)</script> <img src=x onerror=alert(1)> [link](javascript:alert(1))" in body
    assert "{{ config }} {% raw %}" in body
    assert page.locator("article script, article img, article svg, article iframe").count() == 0
    assert page.title() == "../../etc/passwd - 知库"


def test_search_results_show_hostile_text_as_text(site, page):
    base, _ = site
    page.goto(base + "index.html")
    assert search(page, "alert")
    text = page.locator(".md-search-result").inner_text()
    assert "<script>alert(1)</script>" in text or "<svg onload=alert(5)>" in text
    assert page.locator(".md-search-result script, .md-search-result img, .md-search-result svg[onload]").count() == 0
    assert page.evaluate("document.querySelectorAll('[onerror],[onload]').length") == 0
    assert page.dialogs == []


def test_the_dialog_watch_would_see_a_script(site, page):
    """The watch above is live: a script that did run would be caught."""
    base, _ = site
    page.goto(base + "index.html")
    page.evaluate("alert('probe')")
    assert page.dialogs == ["probe"]


def test_code_shows_its_tags_as_text(site, page):
    base, tmp = site
    [code_page] = [rel for rel in _article_urls(tmp) if "<script>alert(8)" in (tmp / "site" / rel).read_text(encoding="utf-8")
                   .replace("&lt;", "<").replace("&gt;", ">")]
    page.goto(base + code_page)
    assert "<script>alert(8)</script>\n<img src=x onerror=alert(9)>" in page.locator("pre code").first.inner_text()
    assert page.dialogs == []

