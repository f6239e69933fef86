"""The pictures in a real browser (Debian's chromium): the site graph and a trend chart are drawn, not
empty, readable in the light and the dark palette, and there with JavaScript off too; no request leaves
the site. Screenshots go to the test's temporary folder."""
import base64

import pytest

from tests.browser import chromium, serve, watched_page
from tests.test_pictures_build import pictures_site  # noqa: F401  (the built site, a module fixture)

DISTINCT_COLOURS = """async (png) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + png;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return colours.size;
}"""

BOXES = """(svg) => {
  const box = svg.getBoundingClientRect();
  const inside = (r) => r.width > 0 && r.height > 0 && r.left >= box.left - 1 && r.right <= box.right + 1
                        && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  const shapes = [...svg.querySelectorAll('circle, rect, text')];
  return {width: box.width, height: box.height, shapes: shapes.length,
          visible: shapes.filter(s => inside(s.getBoundingClientRect())).length,
          links: svg.querySelectorAll('a[href]').length};
}"""


@pytest.fixture(scope="module")
def served(pictures_site):  # noqa: F811
    with serve(pictures_site / "site") as base, chromium() as browser:
        yield base, browser


def colours(page, locator) -> int:
    png = base64.b64encode(locator.screenshot()).decode()
    return page.evaluate(DISTINCT_COLOURS, png)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_site_graph_is_drawn(served, scheme, tmp_path):
    base, browser = served
    with watched_page(browser, base) as (page, watch):
        page.emulate_media(color_scheme=scheme)
        page.goto(base + "glossary/graph.html")
        figure = page.locator(".zhiku-site-graph")
        figure.screenshot(path=tmp_path / f"graph-{scheme}.png")
        boxes = figure.locator("svg").evaluate(BOXES)
        assert boxes["width"] > 300 and boxes["height"] > 200
        assert boxes["links"] >= 10 and boxes["visible"] == boxes["shapes"]
        assert colours(page, figure.locator("svg")) > 8
        label = figure.locator("svg text").first.evaluate("t => getComputedStyle(t).fill")
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert label != background
        assert not watch.outside and not watch.errors


def test_palettes_give_different_label_colours(served):
    base, browser = served
    fills = []
    for scheme in ("light", "dark"):
        with watched_page(browser, base) as (page, _):
            page.emulate_media(color_scheme=scheme)
            page.goto(base + "glossary/graph.html")
            fills.append(page.locator(".zhiku-site-graph svg text").first.evaluate("t => getComputedStyle(t).fill"))
    assert fills[0] != fills[1]


def test_trend_chart_and_entry_graph_are_drawn(served, tmp_path):
    base, browser = served
    with watched_page(browser, base) as (page, watch):
        page.goto(base + "glossary/kimi.html")
        trend = page.locator(".zhiku-trend")
        trend.screenshot(path=tmp_path / "trend.png")
        bars = trend.locator("svg .zhiku-bars rect").evaluate_all(
            "rs => rs.map(r => r.getBoundingClientRect().height)")
        assert len(bars) >= 3 and min(bars) > 0
        assert colours(page, trend.locator("svg")) > 4
        graph = page.locator(".zhiku-term-graph svg").evaluate(BOXES)
        assert graph["links"] >= 2 and graph["visible"] == graph["shapes"]
        assert not watch.outside and not watch.errors


def test_pictures_work_with_javascript_off(served):
    base, browser = served
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + "glossary/graph.html")
        boxes = page.locator(".zhiku-site-graph svg").evaluate(BOXES)
        assert boxes["links"] >= 10 and boxes["visible"] == boxes["shapes"]
        page.locator(".zhiku-site-graph svg a").first.click()
        assert page.url.startswith(base + "glossary/") and page.url.endswith(".html")
        assert page.locator(".zhiku-trend svg rect").count() > 0
    finally:
        context.close()
