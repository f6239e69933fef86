"""One page file to one extraction: the checks that need the raw page."""

import pytest
from zhiku.extract.page import cut_off
from zhiku.extract.text_dump import extract_article
from zhiku.model import RawPage

from tests.input_cases import dump


@pytest.mark.parametrize("body, footer, is_cut", [
    ("第一段。\n\n第二段", False, True),
    ("第一段。\n\n第二段。", False, False),
    ("第一段。\n\n他说：“好的。”", False, False),
    ("第一段。\n\n第二段", True, False),  # keywords/source footer: the page is whole
])
def test_cut_off_rule_for_text_dumps(profile, body, footer, is_cut):
    raw = RawPage("p.txt", dump("标题", body, footer=footer), "0")
    assert (cut_off(extract_article(raw, profile), raw) is not None) == is_cut


def test_cut_off_rule_for_html(profile):
    article = extract_article(RawPage("p.txt", "标题\n\n正文。", "0"), profile)
    assert cut_off(article, RawPage("p.html", "<html><body><p>正文。</p></body></html>\n", "0", format="html")) is None
    assert cut_off(article, RawPage("p.html", "<html><body><p>正文。</p>", "0", format="html")) is not None
