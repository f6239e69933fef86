"""Accessibility in a real browser (Debian's chromium): axe-core finds no WCAG 2.0/2.1 A or AA violation
on every kind of page, in the light and the dark palette, nor with a term link's tooltip, the search or
a graph node in use; and the search box, a term link's tooltip and the graph's nodes work from the
keyboard, with a visible focus.

axe-core is the npm package pinned in tests/npm/package-lock.json, installed by
`scripts/bootstrap.py --test` and injected from disk: nothing is fetched. Two sites: the sample page
alone, and one with more articles than the archive shows on one page, so that it has month pages.
"""
import json
import os
import shutil
import sys

import pytest

from tests.browser import chromium, serve, sync_api, watched_page
from tests.conftest import ROOT, SAMPLE
from tests.test_build import run_build

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "scripts"))
from make_corpus import write_corpus  # noqa: E402
from zhiku.write.index_pages import ARCHIVE_ON_ONE_PAGE  # noqa: E402

NPM = ROOT / "tests" / "npm"
AXE = NPM / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION = json.loads((NPM / "package-lock.json").read_text())["packages"]["node_modules/axe-core"]["version"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = {"light": "default", "dark": "slate"}  # emulated colour scheme → Material's palette
SAMPLE_ARTICLE = "articles/chong-jian-meta-di-guo-yong-ai-hui-jing-tiktok.html"

if not AXE.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{AXE} is missing: run python3 scripts/bootstrap.py --test")
    pytest.skip(f"{AXE} is missing (python3 scripts/bootstrap.py --test installs it)", allow_module_level=True)

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({rule: v.id, help: v.help, nodes: v.nodes.map(n => ({
    target: n.target.join(' '), html: n.html.slice(0, 160), summary: (n.failureSummary || '').replace(/\\s+/g, ' ')}))}));
}"""

# Transitions (the palette, a tooltip fading in, a link's hover colour) would give axe half-way colours.
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"

FOCUS = """(el) => {
  const s = getComputedStyle(el);
  return {visible: el.matches(':focus-visible'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
          shadow: s.boxShadow};
}"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """name → built site folder: the sample page alone, and a site with month pages in its archive."""
    tmp = tmp_path_factory.mktemp("a11y")
    sample, large = tmp / "sample", tmp / "large"
    (sample / "pages").mkdir(parents=True)
    shutil.copy(SAMPLE, sample / "pages" / SAMPLE.name)
    write_corpus(large / "pages", ARCHIVE_ON_ONE_PAGE + 1, seed=5, topics=True)
    for folder in (sample, large):
        result = run_build("--input", str(folder / "pages"), "--docs", str(folder / "docs"),
                           "--site", str(folder / "site"))
        assert result.returncode == 0, result.stderr
    months = sorted((large / "site" / "archive").glob("*.html"))
    assert months, "the large site's archive has no month pages"
    return {"sample": sample / "site", "large": large / "site", "month": f"archive/{months[0].name}"}


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def served(sites):
    with serve(sites["sample"]) as sample, serve(sites["large"]) as large:
        yield {"sample": sample, "large": large}


def open_page(page, url: str, scheme: str):
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=SCHEMES[scheme])
    page.wait_for_function(SETTLED)


def violations(page) -> list[str]:
    """Every axe violation as 'rule (help): element: why', one per element."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    assert page.evaluate("() => axe.version") == AXE_VERSION
    found = page.evaluate(AXE_RUN, WCAG)
    return [f"{v['rule']} ({v['help']}): {n['target']} {n['html']}: {n['summary']}" for v in found for n in v["nodes"]]


def assert_no_violations(page, watch, what: str):
    found = violations(page)
    assert not found, f"{what}: {len(found)} axe violations\n" + "\n".join(found)
    assert not watch.outside and not watch.errors


PAGES = [
    ("sample", "index.html"),
    ("sample", SAMPLE_ARTICLE),
    ("sample", "glossary/index.html"),
    ("sample", "glossary/meta.html"),
    ("sample", "glossary/graph.html"),
    ("sample", "glossary/candidates.html"),
    ("sample", "articles/index.html"),
    ("sample", "tags.html"),
    ("large", "index.html"),
    ("large", "articles/index.html"),
    ("large", "month"),              # the archive's first month page
    ("large", "glossary/kimi.html"),  # an entry with a trend chart, a graph and 100 mentions
    ("large", "glossary/graph.html"),
    ("large", "glossary/candidates.html"),
]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("site, rel", PAGES)
def test_no_axe_violations(sites, served, browser, site, rel, scheme):
    rel = sites["month"] if rel == "month" else rel
    with watched_page(browser, served[site]) as (page, watch):
        open_page(page, served[site] + rel, scheme)
        assert_no_violations(page, watch, f"{site} {rel} ({scheme})")


def first_term_link(page):
    """The article's first term link, as an element: Material takes its title away while the tooltip shows."""
    return page.locator("article p a[title]:not(.headerlink)").first.element_handle()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_with_a_tooltip_open(served, browser, scheme):
    with watched_page(browser, served["sample"]) as (page, watch):
        open_page(page, served["sample"] + SAMPLE_ARTICLE, scheme)
        first_term_link(page).focus()
        page.locator(".md-tooltip2--active[role=tooltip]").wait_for(state="visible")
        page.wait_for_function(SETTLED)
        assert_no_violations(page, watch, f"article with a term link focused ({scheme})")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_with_search_results(served, browser, scheme):
    with watched_page(browser, served["sample"]) as (page, watch):
        open_page(page, served["sample"] + "index.html", scheme)
        page.locator("input.md-search__input").focus()
        page.keyboard.type("Meta")
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=30_000)
        page.wait_for_function(SETTLED)
        assert_no_violations(page, watch, f"search results ({scheme})")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_with_a_graph_node_focused(served, browser, scheme):
    with watched_page(browser, served["sample"]) as (page, watch):
        open_page(page, served["sample"] + "glossary/graph.html", scheme)
        page.locator(".zhiku-site-graph svg a").first.focus()
        page.wait_for_function(SETTLED)
        assert_no_violations(page, watch, f"graph with a node focused ({scheme})")


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab until the focused element matches selector; fails if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{limit} presses of Tab never reached {selector}")


def until(page, condition: str, failure: str, timeout: float = 5_000) -> None:
    """Wait for a JavaScript condition (Material updates its state a frame or so after the key)."""
    try:
        page.wait_for_function(condition, timeout=timeout)
    except sync_api.TimeoutError:
        pytest.fail(failure)


def assert_focus_visible(page, what: str):
    focus = page.evaluate_handle("() => document.activeElement").evaluate(FOCUS)
    assert focus["visible"], f"{what}: not :focus-visible"
    assert (focus["outline"] not in ("none", "hidden") and focus["width"] >= 2) or focus["shadow"] != "none", \
        f"{what}: no focus indicator of 2px or more: {focus}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_by_keyboard(served, browser, scheme):
    base = served["sample"]
    with watched_page(browser, base) as (page, watch):
        open_page(page, base + "index.html", scheme)
        tab_to(page, "input.md-search__input")
        assert_focus_visible(page, "search box")
        until(page, "() => document.getElementById('__search').checked", "focus did not open the search")
        page.keyboard.type("Meta")
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=30_000)
        page.keyboard.press("Escape")
        until(page, "() => !document.getElementById('__search').checked", "Escape left the search open")
        tab_to(page, "input.md-search__input")  # the query is kept; the search shows its results again
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=30_000)
        page.wait_for_function(SETTLED)
        page.keyboard.press("ArrowDown")
        until(page, "() => document.activeElement.closest('.md-search-result__item') !== null",
              "ArrowDown did not move to the first result")
        assert_focus_visible(page, "search result")
        href = page.evaluate("() => document.activeElement.href")
        page.keyboard.press("Enter")
        page.wait_for_url(href.split("?")[0] + "**")
        assert not watch.outside and not watch.errors


@pytest.mark.parametrize("scheme", SCHEMES)
def test_term_link_tooltip_by_keyboard(served, browser, scheme):
    base = served["sample"]
    with watched_page(browser, base) as (page, watch):
        open_page(page, base + SAMPLE_ARTICLE, scheme)
        title = first_term_link(page).get_attribute("title")
        href = first_term_link(page).get_attribute("href")
        tab_to(page, "article p a[title]:not(.headerlink), article p a[aria-describedby]")
        assert page.evaluate("() => document.activeElement.getAttribute('href')") == href
        assert_focus_visible(page, "term link")
        tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
        tooltip.wait_for(state="visible")
        assert tooltip.inner_text().strip() == title
        described = page.evaluate("() => document.activeElement.getAttribute('aria-describedby')")
        assert described == tooltip.get_attribute("id"), "the link is not described by its tooltip"
        page.keyboard.press("Escape")
        try:
            tooltip.wait_for(state="hidden", timeout=5_000)
        except sync_api.TimeoutError:
            pytest.fail("Escape did not hide the tooltip")
        assert page.evaluate("() => document.activeElement.getAttribute('href')") == href, "Escape moved the focus"
        page.keyboard.press("Enter")
        page.wait_for_url("**/glossary/ai.html")
        assert not watch.outside and not watch.errors


@pytest.mark.parametrize("scheme", SCHEMES)
def test_graph_nodes_by_keyboard(served, browser, scheme):
    base = served["sample"]
    with watched_page(browser, base) as (page, watch):
        open_page(page, base + "glossary/graph.html", scheme)
        node = ".zhiku-site-graph svg a"
        tab_to(page, node)
        first = page.evaluate("() => document.activeElement.getAttribute('href')")
        assert_focus_visible(page, "graph node")
        page.keyboard.press("Tab")
        assert page.evaluate("s => document.activeElement.matches(s)", node), "Tab left the graph after one node"
        second = page.evaluate("() => document.activeElement.getAttribute('href')")
        assert second != first
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/glossary/{second}")
        assert not watch.outside and not watch.errors


@pytest.mark.parametrize("scheme", SCHEMES)
def test_term_links_are_told_apart_without_colour(served, browser, scheme):
    """A term link has a dotted underline (it has a definition, like <abbr>), also while its tooltip is
    open; any other link in text a solid one; the text around them none."""
    base = served["sample"]
    decoration = "el => { const s = getComputedStyle(el); return s.textDecorationLine + ' ' + s.textDecorationStyle; }"
    with watched_page(browser, base) as (page, _):
        open_page(page, base + SAMPLE_ARTICLE, scheme)
        term = first_term_link(page)
        assert term.evaluate(decoration) == "underline dotted"
        assert page.locator("article p").first.evaluate(decoration).startswith("none")
        term.focus()
        page.locator(".md-tooltip2--active[role=tooltip]").wait_for(state="visible")
        assert term.get_attribute("title") is None  # Material moves the title into the tooltip meanwhile
        assert term.evaluate(decoration) == "underline dotted"
        page.goto(base + "index.html")
        plain = page.locator("article p a[href='articles/index.html']")
        assert plain.evaluate(decoration) == "underline solid"
