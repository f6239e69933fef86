"""SVG helpers: scraped text only through esc, numbers always the same bytes."""
from zhiku.pictures.svg import esc, figure, num, svg_open, text_width


def test_text_is_escaped_and_characters_xml_refuses_are_dropped():
    assert esc('<script>"a"&\'b\'</script>') == "&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;&lt;/script&gt;"
    assert esc("a\x00b\x0bc\ufffe") == "abc"


def test_numbers_have_one_decimal_and_no_negative_zero():
    assert [num(x) for x in (1.0, 1.25, 1.26, -0.04, 12.34, 3)] == ["1", "1.2", "1.3", "0", "12.3", "3"]


def test_a_figure_is_one_raw_html_block_with_an_accessible_name():
    svg = svg_open(100, 50, "术语<图>", "说明", "g1", "zhiku-graph") + "\n\n</svg>"
    block = figure(svg, "图注", "zhiku-x")
    assert "\n\n" not in block and 'aria-labelledby="g1-title g1-desc"' in block
    assert "<title id=\"g1-title\">术语&lt;图&gt;</title>" in block and "data-search-exclude" in block


def test_chinese_labels_are_wider_than_latin():
    assert text_width("大模型", 10) == 30 and text_width("GPT", 10) == 18
