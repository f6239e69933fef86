import html
import re

import pytest
from zhiku.write.escape import escape_link_title, escape_text

HOSTILE = [
    "$10B Models, &1GW Datacenters",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "* not a list",
    "- not a list",
    "+ not a list",
    "# not a heading",
    "1. not a list",
    "2) not a list",
    "> not a quote",
    "---",
    "===",
    "~~~",
    "```",
    "`code` and *em* and **strong** and _u_ and __uu__",
    "a | b | c",
    "{: .cls } {#id}",
    "&amp; &lt;b&gt; &#65;",
    "back\\slash\\*",
    "<https://example.com>",
    "    four spaces",
    ": definition",
    "*[HTML]: Hyper",
    "[^1] footnote",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_scraped_text_renders_as_written(render, text):
    rendered = render(escape_text(text.strip()))
    assert rendered.startswith("<p>") and rendered.endswith("</p>"), rendered
    inner = rendered[3:-4]
    assert "<" not in inner, f"markup leaked: {rendered}"
    assert html.unescape(inner) == text.strip()


@pytest.mark.parametrize("text", ["<script>x</script>", "01 *标题* [a](b)", "$5 & 1.5"])
def test_heading_text_renders_as_written(render, text):
    rendered = render("## " + escape_text(text))
    inner = re.sub(r'<a class="headerlink".*?</a>', "", re.sub(r"^<h2[^>]*>|</h2>$", "", rendered))
    assert html.unescape(inner) == text


def test_link_title_stays_inside_its_quotes(render):
    title = escape_link_title('he said "hi" <b>&</b>\\')
    rendered = render(f'[AI](x.md "{title}")')
    assert html.unescape(re.search(r'title="([^"]*)"', rendered).group(1)) == 'he said "hi" <b>&</b>\\'
